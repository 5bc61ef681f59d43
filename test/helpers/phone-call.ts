import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { PUBLIC_URL } from './service.js';
import { fixture, postTwilio } from './twilio.js';
import { allNodes, parseTwiml, spoken, type TwimlNode } from './twiml.js';

export const newCallSid = () => `CA${randomBytes(16).toString('hex')}`;

export const words = (node: TwimlNode) => spoken(node).join(' ');
export const hangsUp = (node: TwimlNode) => allNodes(node).some((n) => n.verb === 'Hangup');

/**
 * One phone call between a patient and the practice, as Twilio makes its
 * requests: signed, shaped like the recorded fixtures, each to the URL the
 * previous answer gave. `repeat()` sends the last request again (Twilio
 * retrying it).
 */
export function phoneCall(app: App, patientPhone: string, practicePhone: string) {
  const callSid = newCallSid();
  let lastRequest: { path: string; params: Record<string, string> } | null = null;
  const send = async (url: string, params: Record<string, string>) => {
    const path = url.startsWith(PUBLIC_URL) ? url.slice(PUBLIC_URL.length) : url;
    const full = { ...fixture('voice-gather-digits'), From: patientPhone, Caller: patientPhone, To: practicePhone, CallSid: callSid, Digits: '', ...params };
    lastRequest = { path, params: full };
    const response = await postTwilio(app, path, full);
    expect(response.statusCode, response.body).toBeLessThan(300);
    if (response.statusCode === 204) return null;
    const twiml = parseTwiml(response.body);
    const action = allNodes(twiml).map((n) => n.attributes.action).find(Boolean);
    token = action ? new URL(action).searchParams.get('token') : token;
    return twiml;
  };
  let token: string | null = null;
  let last: TwimlNode | null = null;
  const gather = () => allNodes(last!).find((n) => n.verb === 'Gather');
  const speech = (words: string, confidence: number) => ({ ...fixture('voice-gather-speech'), From: patientPhone, To: practicePhone, CallSid: callSid, SpeechResult: words, Confidence: String(confidence) });
  return {
    callSid,
    /** The patient calls the practice. */
    async dial() {
      last = await send('/webhooks/twilio/voice', { ...fixture('voice-incoming'), From: patientPhone, Caller: patientPhone, To: practicePhone, CallSid: callSid });
      return last!;
    },
    async press(digits: string) {
      last = await send(gather()!.attributes.action!, { Digits: digits });
      return last!;
    },
    async say(words: string, confidence = 0.92) {
      last = await send(gather()!.attributes.action!, speech(words, confidence));
      return last!;
    },
    async silence() {
      last = await send(gather()!.attributes.action!, {});
      return last!;
    },
    /** Twilio posts to another URL of the call (a dial's end, a status callback). */
    async post(url: string, params: Record<string, string>) {
      const answer = await send(url, params);
      if (answer) last = answer;
      return answer;
    },
    /** Twilio sends the last request again, byte for byte. */
    async repeat() {
      const response = await postTwilio(app, lastRequest!.path, lastRequest!.params);
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.statusCode === 204 ? null : parseTwiml(response.body);
    },
    /** The call's status callback: the patient hung up (or the call ended). */
    async hangUp(status = 'completed') {
      return send(`/webhooks/twilio/voice/check-in/status?token=${token}`, { ...fixture('call-status-completed'), CallSid: callSid, CallStatus: status, CallDuration: '40' });
    },
    get twiml() {
      return last!;
    },
    gather,
  };
}
