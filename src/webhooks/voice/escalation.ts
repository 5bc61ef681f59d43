import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import type { VoiceTurn } from '../../bot/index.js';
import { findWebhookReply, saveWebhookReply } from '../../store/webhook-replies.js';
import { CallStatusSchema, DialResultSchema, GatherQuerySchema, TokenQuerySchema, VoiceRequestSchema } from './schemas.js';
import { renderVoiceTurn } from './twiml.js';

const BODY_LIMIT = 32 * 1024;

/** Names a request by its path, query and parameters: Twilio repeating it gets the same key. */
function requestKey(request: FastifyRequest): string {
  const params = Object.entries((request.body ?? {}) as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(request.url).update(JSON.stringify(params)).digest('hex');
}

/**
 * The coordinator's side of an urgent alert's escalation call. Every route is
 * signature-checked (the Twilio plugin's hook) and names the attempt by the
 * opaque token ccm-bot put in the URL; a repeated request gets the answer it
 * got the first time.
 */
export const escalationVoiceRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const { bot, config, clock } = deps;
  const pool = deps.db.pool;

  async function answerOnce(request: FastifyRequest, reply: FastifyReply, turn: () => Promise<VoiceTurn>) {
    const key = requestKey(request);
    const earlier = await findWebhookReply(pool, key);
    const twiml = earlier ?? renderVoiceTurn(await turn(), config.voices);
    if (!earlier) await saveWebhookReply(pool, key, twiml, clock.now());
    return reply.type('text/xml').send(twiml);
  }

  // Twilio's calls, not part of the practice API: left out of /docs.
  const described = { tags: ['twilio webhooks'], hide: true };

  app.post(
    '/escalation',
    { bodyLimit: BODY_LIMIT, schema: { ...described, body: VoiceRequestSchema, querystring: TokenQuerySchema } },
    (request, reply) => answerOnce(request, reply, () => bot.escalationCallAnswered(request.query.token, request.body.AnsweredBy ?? null)),
  );

  app.post(
    '/escalation/gather',
    { bodyLimit: BODY_LIMIT, schema: { ...described, body: VoiceRequestSchema, querystring: GatherQuerySchema } },
    (request, reply) =>
      answerOnce(request, reply, () => bot.escalationKeyPressed(request.query.token, request.body.Digits ?? '', request.query.heard)),
  );

  app.post(
    '/escalation/dial',
    { bodyLimit: BODY_LIMIT, schema: { ...described, body: DialResultSchema, querystring: TokenQuerySchema } },
    (request, reply) => {
      const result = { status: request.body.DialCallStatus ?? 'failed', seconds: request.body.DialCallDuration ?? null };
      return answerOnce(request, reply, () => bot.escalationBridgeEnded(request.query.token, result));
    },
  );

  app.post(
    '/escalation/status',
    { bodyLimit: BODY_LIMIT, schema: { ...described, body: CallStatusSchema, querystring: TokenQuerySchema } },
    async (request, reply) => {
      const { CallSid: callSid, CallStatus: status, AnsweredBy: answeredBy } = request.body;
      await bot.escalationCallStatus(request.query.token, { callSid, status, answeredBy: answeredBy ?? null });
      return reply.code(204).send();
    },
  );
};
