// The signature check alone, not the whole twilio package (transport/twilio-client.ts says why).
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import type { FastifyReply, FastifyRequest } from 'fastify';

const FORM = 'application/x-www-form-urlencoded';

const reject = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.code(status).send({ error: { code, message } });

/**
 * A preValidation hook: Twilio signs the public URL it called plus the POST
 * parameters. The URL is rebuilt from PUBLIC_URL and the path and query as
 * received, never from the request's own scheme and host (a TLS-terminating
 * proxy changes those). Runs before body validation, so a forged request
 * learns nothing about what a valid body looks like, and nothing is stored.
 * Without an auth token (simulated mode) unsigned requests are accepted.
 */
export function twilioSignatureCheck(authToken: string | undefined, publicUrl: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const contentType = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType !== FORM) {
      return reject(reply, 415, 'unsupported_media_type', `Twilio webhooks are ${FORM}; got ${contentType || 'no content type'}`);
    }
    if (!authToken) return;
    const signature = request.headers['x-twilio-signature'];
    if (typeof signature !== 'string' || signature === '') {
      return reject(reply, 403, 'forbidden', 'Missing X-Twilio-Signature header');
    }
    const params = (request.body ?? {}) as Record<string, unknown>;
    if (!validateRequest(authToken, signature, publicUrl + request.url, params)) {
      return reject(reply, 403, 'forbidden', 'X-Twilio-Signature does not match this request (check PUBLIC_URL)');
    }
  };
}
