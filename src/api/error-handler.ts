import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { clientGone, DomainError } from '../errors.js';
import { databaseFault } from '../store/sql.js';

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
  if (clientGone(request.raw)) {
    // Nobody is left to answer; not an alarm for whoever watches the logs.
    request.log.info({ code: (error as { code?: unknown }).code }, 'client went away before the answer');
    return reply.code(499).send();
  }
  if (error instanceof DomainError) {
    const issues = error.field ? { issues: [{ path: error.field, message: error.detail }] } : {};
    return reply.code(error.status).send({ error: { code: error.code, message: error.message, ...issues } });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: Issue[] = error.validation.map((v) => ({
      path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is invalid',
    }));
    const message = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return reply.code(400).send({ error: { code: 'validation_failed', message, issues } });
  }
  const database = databaseErrorResponse(error);
  if (database) {
    request.log.warn({ err: error }, database.logMessage);
    if (database.status === 503) reply.header('retry-after', '5');
    return reply.code(database.status).send({ error: { code: database.code, message: database.message } });
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code = ('code' in error && FASTIFY_CODES[error.code]) || 'bad_request';
    return reply.code(status).send({ error: { code, message: clientMessage(error, code) } });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({
    error: {
      code: 'internal',
      message: `Something went wrong on our side and the request did not finish; it is safe to try again. If it keeps failing, tell your ccm-bot administrator the request id ${request.id} (it is in the service's log).`,
    },
  });
}

const DATABASE_RESPONSES = {
  unavailable: {
    status: 503,
    code: 'service_unavailable',
    message: 'The database is not answering right now; nothing was changed. Try again in a few seconds',
    logMessage: 'database unavailable',
  },
  conflict: {
    status: 409,
    code: 'conflict',
    message: 'This conflicts with a change made at the same moment; read the current state and try again',
    logMessage: 'unique violation',
  },
  invalid_value: {
    status: 400,
    code: 'invalid_value',
    message: 'A value is outside what can be stored (a date, a number or a text); check the request',
    logMessage: 'database refused a value',
  },
} as const;

/**
 * Safety nets for what the database says when validation let something
 * through or the database is away. Messages name no value: PostgreSQL's
 * own details can quote what was sent.
 */
function databaseErrorResponse(error: Error) {
  const fault = databaseFault(error);
  return fault ? DATABASE_RESPONSES[fault] : null;
}

function clientMessage(error: Error, code: string): string {
  if (code === 'payload_too_large') return 'The request body is larger than this endpoint accepts';
  if (code === 'unsupported_media_type') return `${error.message}; send the content type this endpoint documents`;
  return error.message;
}
