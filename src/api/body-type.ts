/**
 * The API reads JSON. A body sent as anything else used to reach the schema
 * as the wrong shape: form-encoded (what `curl -d` sends unless told
 * otherwise) became one field named after the whole JSON text, so every real
 * field was "expected string"; text/plain became "expected object". Both are
 * a 415 that names the header instead. Routes that take files (the CSV
 * import) declare `consumes` and read their own media types. The Twilio
 * webhooks are not under the API and keep taking form data.
 */
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors.js';

const FIX = 'send JSON with the header Content-Type: application/json';

const hasBody = (request: FastifyRequest) => Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;

/** Throws a 415 when a request to a JSON route carries a body that is not declared as JSON. */
export function requireJsonBody(request: FastifyRequest): void {
  if (!hasBody(request)) return;
  const header = request.headers['content-type'];
  if (!header) throw new DomainError('unsupported_media_type', `The body has no Content-Type: ${FIX}`);
  if ((request.routeOptions.schema as { consumes?: unknown } | undefined)?.consumes) return;
  const mediaType = header.split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/json') return;
  const curl = mediaType === 'application/x-www-form-urlencoded' ? ' (curl -d sends that unless told otherwise)' : '';
  throw new DomainError('unsupported_media_type', `The body is sent as ${mediaType}${curl}: ${FIX}`);
}

/**
 * A POST with no body at all (`curl -X POST .../resume`) is read as `{}`:
 * the route then says which field it needs, if any, instead of "expected
 * object, received null".
 */
export function emptyBodyAsObject(request: FastifyRequest): void {
  const schema = request.routeOptions.schema as { body?: unknown; consumes?: unknown } | undefined;
  if (request.body == null && schema?.body && !schema.consumes) request.body = {};
}
