import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import * as voiceChannel from '../../channels/voice/index.js';
import { RECORDED, TWIML, voiceDoc } from './docs.js';
import { voiceAnswerer } from './once.js';
import { CallStatusSchema, DialResultSchema, GatherQuerySchema, TokenQuerySchema, VoiceRequestSchema } from './schemas.js';

const BODY_LIMIT = 32 * 1024;

/**
 * The coordinator's side of an urgent alert's escalation call. Every route is
 * signature-checked (the Twilio plugin's hook) and names the attempt by the
 * opaque token ccm-bot put in the URL; a repeated request gets the answer it
 * got the first time.
 */
export const escalationVoiceRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const { runtime } = deps;

  const answerOnce = voiceAnswerer(deps);

  app.post(
    '/escalation',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        ...voiceDoc(
          'A coordinator answered an escalation call about an urgent alert',
          'The answer URL of the call ccm-bot placed: a person hears the alert and the keys (1 connect to the patient, 2 acknowledge, 3 pass, 9 repeat); a voicemail hears nothing about the patient.',
          VoiceRequestSchema,
          { CallStatus: 'in-progress', AnsweredBy: 'human' },
        ),
        querystring: TokenQuerySchema,
        response: TWIML,
      },
    },
    (request, reply) => answerOnce(request, reply, (voice) => voiceChannel.escalationCallAnswered(runtime, voice, request.query.token, request.body.AnsweredBy ?? null)),
  );

  app.post(
    '/escalation/gather',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        ...voiceDoc('The key a coordinator pressed on an escalation call', 'Silence or another key repeats the alert, twice at most; then the chain moves on.', VoiceRequestSchema, { Digits: '2' }),
        querystring: GatherQuerySchema,
        response: TWIML,
      },
    },
    (request, reply) =>
      answerOnce(request, reply, (voice) => voiceChannel.escalationKeyPressed(runtime, voice, request.query.token, request.body.Digits ?? '', request.query.heard)),
  );

  app.post(
    '/escalation/dial',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        ...voiceDoc('The coordinator\'s call with the patient ended', 'Its length is kept as the coordinator\'s time for the month\'s record.', DialResultSchema, {
          DialCallStatus: 'completed',
          DialCallDuration: '184',
        }),
        querystring: TokenQuerySchema,
        response: TWIML,
      },
    },
    (request, reply) => {
      const result = { status: request.body.DialCallStatus ?? 'failed', seconds: request.body.DialCallDuration ?? null };
      return answerOnce(request, reply, (voice) => voiceChannel.escalationBridgeEnded(runtime, voice, request.query.token, result));
    },
  );

  app.post(
    '/escalation/status',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        ...voiceDoc(
          'How an escalation call ended (status callback)',
          'Ended without an acknowledgement (no answer, busy, failed, voicemail, hung up): the next person is called after the practice\'s wait. Callbacks may repeat or come out of order.',
          CallStatusSchema,
          { CallStatus: 'no-answer' },
        ),
        querystring: TokenQuerySchema,
        response: RECORDED,
      },
    },
    async (request, reply) => {
      const { CallSid: callSid, CallStatus: status, AnsweredBy: answeredBy } = request.body;
      await voiceChannel.escalationCallStatus(runtime, request.query.token, { callSid, status, answeredBy: answeredBy ?? null });
      return reply.code(204).send(null);
    },
  );
};
