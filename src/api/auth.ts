import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { hashToken, type Staff } from '../actions/index.js';
import { DomainError } from '../errors.js';
import { findActiveApiKeyByHash } from '../store/api-keys.js';
import { staffLabel } from '../store/staff.js';

/** Who is calling: the bootstrap admin (every practice) or a practice's API key. */
export type Principal = Exclude<Staff, { kind: 'user' }>;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    /** When the request arrived, by the service clock: what it records is stamped with it. */
    receivedAt: Date;
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}

/** Resolves the request's bearer token to a principal, or throws 401. */
export async function authenticate(request: FastifyRequest, pool: pg.Pool, adminToken: string | undefined): Promise<Principal> {
  const header = request.headers.authorization;
  if (!header) {
    throw new DomainError('unauthorized', 'Missing credentials: send the header "Authorization: Bearer <token>"');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    throw new DomainError('unauthorized', 'The Authorization header must have the form "Bearer <token>"');
  }
  const token = match[1]!;
  if (adminToken && sameSecret(token, adminToken)) return { kind: 'admin_token' };
  const key = await findActiveApiKeyByHash(pool, hashToken(token));
  if (!key) throw new DomainError('unauthorized', 'The bearer token is not a valid API key (it may have been revoked)');
  const label = key.owner ? staffLabel(key.owner) : `API key "${key.name}"`;
  return { kind: 'api_key', keyId: key.id, practiceId: key.practiceId, role: key.role, coordinatorId: key.coordinatorId, label };
}
