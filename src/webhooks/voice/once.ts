import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import type { VoiceRequest, VoiceTurn } from '../../channels/voice/index.js';
import { renderVoiceTurn } from './twiml.js';

/** Names a request by its path, query and parameters: Twilio repeating it gets the same key. */
function requestKey(request: FastifyRequest): string {
  const params = Object.entries((request.body ?? {}) as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(request.url).update(JSON.stringify(params)).digest('hex');
}

/**
 * Answers a voice request with TwiML, once: the runtime runs the turn and
 * keeps its answer under the request's key, so Twilio repeating the request
 * (a retry, a replay, copies at once) gets the answer it got the first time,
 * and the runtime does not act twice. Rendering is the channel's; the keeping
 * is the runtime's, in the turn's own transaction.
 */
export function voiceAnswerer(deps: AppDeps) {
  const render = (turn: VoiceTurn) => renderVoiceTurn(turn, deps.config.voices);
  return async function answerOnce(request: FastifyRequest, reply: FastifyReply, answer: (voice: VoiceRequest) => Promise<string>) {
    const twiml = await answer({ key: requestKey(request), render });
    return reply.type('text/xml').send(twiml);
  };
}
