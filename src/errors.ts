import type { IncomingMessage } from 'node:http';

/**
 * The one error type domain code throws. Its code decides the HTTP status in
 * the API's error handler; its message is shown to the caller, so it must say
 * what was wrong and how to fix it, and never carry PHI.
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'invalid_phone'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  /** An outside system the request depends on (the practice's EHR) did not answer or refused: not the caller's fault, nor ours. */
  | 'ehr_unavailable';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  invalid_phone: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  ehr_unavailable: 502,
};

export class DomainError extends Error {
  override name = 'DomainError';

  /**
   * @param field the request field the error is about ('phone', 'consent.recordedAt'), so callers
   *   (the CSV import's row report, the API's `issues`) need not parse the message.
   */
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(field ? `${field}: ${message}` : message);
    this.detail = message;
  }

  /** The message without the field name. */
  readonly detail: string;

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found`);

/** The HTTP client hung up mid-request: nobody is left to answer, and it is no fault of ours. */
export const clientGone = (raw: IncomingMessage): boolean => raw.aborted || raw.socket?.destroyed === true;
