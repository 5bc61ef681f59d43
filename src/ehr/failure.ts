/**
 * Why a write-back did not go, sorted by what should happen next:
 * 'transient' (a 5xx, 429, timeout or lost connection) is retried with
 * backoff; 'unauthorized' (a 401 after a fresh token) and 'rejected' (any
 * other 4xx) and 'config' (no key, a bad setting) need a person.
 */
export type EhrFailureKind = 'transient' | 'unauthorized' | 'rejected' | 'config';

export class EhrFailure extends Error {
  override name = 'EhrFailure';

  constructor(
    readonly kind: EhrFailureKind,
    message: string,
    /** The HTTP status the EHR (or its token endpoint) answered with; null when nothing answered. */
    readonly httpStatus: number | null = null,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'transient';
  }
}

/** Statuses worth trying again: the server is busy or broken, not the request. */
export const isTransientStatus = (status: number) => status >= 500 || status === 429 || status === 408;
