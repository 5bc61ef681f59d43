import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import * as voiceChannel from '../../channels/voice/index.js';
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

  // Twilio's calls, not part of the practice API: left out of /docs.
  const described = { tags: ['twilio webhooks'], hide: true };

  app.post(
    '/escalation',
    { bodyLimit: BODY_LIMIT, schema: { ...described, body: VoiceRequestSchema, querystring: TokenQuerySchema } },
    (request, reply) => answerOnce(request, reply, (voice) => voiceChannel.escalationCallAnswered(runtime, voice, request.query.token, request.body.AnsweredBy ?? null)),
  );

  app.post(
    '/escalation/gather',
    { bodyLimit: BODY_LIMIT, schema: { ...described, body: VoiceRequestSchema, querystring: GatherQuerySchema } },
    (request, reply) =>
      answerOnce(request, reply, (voice) => voiceChannel.escalationKeyPressed(runtime, voice, request.query.token, request.body.Digits ?? '', request.query.heard)),
  );

  app.post(
    '/escalation/dial',
    { bodyLimit: BODY_LIMIT, schema: { ...described, body: DialResultSchema, querystring: TokenQuerySchema } },
    (request, reply) => {
      const result = { status: request.body.DialCallStatus ?? 'failed', seconds: request.body.DialCallDuration ?? null };
      return answerOnce(request, reply, (voice) => voiceChannel.escalationBridgeEnded(runtime, voice, request.query.token, result));
    },
  );

  app.post(
    '/escalation/status',
    { bodyLimit: BODY_LIMIT, schema: { ...described, body: CallStatusSchema, querystring: TokenQuerySchema } },
    async (request, reply) => {
      const { CallSid: callSid, CallStatus: status, AnsweredBy: answeredBy } = request.body;
      await voiceChannel.escalationCallStatus(runtime, request.query.token, { callSid, status, answeredBy: answeredBy ?? null });
      return reply.code(204).send();
    },
  );
};
