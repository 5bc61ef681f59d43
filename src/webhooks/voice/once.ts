import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app.js';
import type { VoiceTurn } from '../../bot/index.js';
import { findWebhookReply, saveWebhookReply } from '../../store/webhook-replies.js';
import { renderVoiceTurn } from './twiml.js';

/** Names a request by its path, query and parameters: Twilio repeating it gets the same key. */
function requestKey(request: FastifyRequest): string {
  const params = Object.entries((request.body ?? {}) as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(request.url).update(JSON.stringify(params)).digest('hex');
}

/**
 * Answers a voice request with the runtime's turn as TwiML, once: Twilio
 * repeating the request (a retry, a replay) gets the answer it got the first
 * time, and the runtime does not act twice.
 */
export function voiceAnswerer(deps: AppDeps) {
  const pool = deps.db.pool;
  return async function answerOnce(request: FastifyRequest, reply: FastifyReply, turn: () => Promise<VoiceTurn>) {
    const key = requestKey(request);
    const earlier = await findWebhookReply(pool, key);
    const twiml = earlier ?? renderVoiceTurn(await turn(), deps.config.voices);
    if (!earlier) await saveWebhookReply(pool, key, twiml, deps.clock.now());
    return reply.type('text/xml').send(twiml);
  };
}
