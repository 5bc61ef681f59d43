import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../errors.js';

interface Issue {
  path: string;
  message: string;
}

/** Fastify's own client-error codes, mapped to ours. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
};

/**
 * The one place errors become HTTP responses, all shaped
 * `{ error: { code, message } }`. Client mistakes are 4xx with a message that
 * says what to fix; anything else is a 500 whose details stay in the log.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: Issue[] = error.validation.map((v) => ({
      path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is invalid',
    }));
    const message = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return reply.code(400).send({ error: { code: 'validation_failed', message, issues } });
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code = ('code' in error && FASTIFY_CODES[error.code]) || 'bad_request';
    return reply.code(status).send({ error: { code, message: clientMessage(error, code) } });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({
    error: { code: 'internal', message: `Something went wrong on our side; quote request id ${request.id}` },
  });
}

function clientMessage(error: Error, code: string): string {
  if (code === 'payload_too_large') return 'The request body is larger than this endpoint accepts';
  if (code === 'unsupported_media_type') return `${error.message}; send the content type this endpoint documents`;
  return error.message;
}
