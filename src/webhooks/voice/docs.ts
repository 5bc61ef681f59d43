/**
 * How the voice webhooks appear in /docs: as Twilio calls them (form data,
 * signed with X-Twilio-Signature, no bearer token; see describeRoute in
 * app.ts), each with what it is for and an example body shaped like the
 * recorded fixtures. Twilio is the only caller; an integrator reads these to
 * point a number at the service and to know what each URL answers.
 */
import { z } from 'zod';

/** An example call id: CA and 32 hex digits. */
export const EXAMPLE_CALL_SID = 'CA5f3b3c8e0c3f4a2b9d1e7f6a5b4c3d2e';

/** The answer of a webhook Twilio plays to the caller. */
export const TWIML = { 200: z.string().describe('TwiML: what the caller hears next (<Say>, <Gather>, <Dial>, <Record> or <Hangup>)') };
/** The answer of a callback that only reports (a status, a transcription): nothing to play. */
export const RECORDED = { 204: z.null().describe('Recorded') };

const SIGNED =
  'Form-encoded, signed with X-Twilio-Signature (403 without a valid one). A token in the query is the one ccm-bot put in ' +
  'the URL it gave Twilio; a repeated request gets the answer it got the first time and changes nothing.';

/** What one voice webhook is for, and its body with an example (the route adds its query and its answer). */
export function voiceDoc<B extends z.ZodType>(summary: string, description: string, body: B, example: Record<string, string>) {
  return {
    tags: ['twilio webhooks'],
    summary,
    description: `${description} ${SIGNED}`,
    body: body.meta({ example: { CallSid: EXAMPLE_CALL_SID, ...example } }) as B,
  };
}
