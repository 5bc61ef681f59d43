import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { DomainError, notFound } from '../errors.js';
import { findActiveApiKeyByHash, type ApiKeyRole } from '../store/api-keys.js';
import type { Actor } from '../store/audit.js';

/** Who is calling: the bootstrap admin (every practice) or a practice's API key. */
export type Principal =
  | { kind: 'admin_token' }
  | { kind: 'api_key'; keyId: string; practiceId: string; role: ApiKeyRole; coordinatorId: string | null };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    /** When the request arrived, by the service clock: what it records is stamped with it. */
    receivedAt: Date;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new API key token: 256 random bits, prefixed so a leaked one is easy to recognise in a scan. */
export function generateToken(): { token: string; prefix: string; hash: string } {
  const token = `ccm_${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(0, 10), hash: hashToken(token) };
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
  return { kind: 'api_key', keyId: key.id, practiceId: key.practiceId, role: key.role, coordinatorId: key.coordinatorId };
}

export type RequiredRole = 'coordinator' | 'admin';

/**
 * Checks that the principal may act on `practiceId` with at least `role`.
 * Another practice's resources answer 404, exactly as if they did not exist,
 * so a key cannot probe which ids exist elsewhere.
 */
export function authorize(principal: Principal, practiceId: string, role: RequiredRole, what: string): void {
  if (principal.kind === 'admin_token') return;
  if (principal.practiceId !== practiceId) throw notFound(what);
  if (role === 'admin' && principal.role !== 'admin') {
    throw new DomainError('forbidden', `This needs an admin API key; this key has the ${principal.role} role`);
  }
}

/** Operations across practices (creating a practice) are for the bootstrap admin token only. */
export function requireAdminToken(principal: Principal): void {
  if (principal.kind !== 'admin_token') {
    throw new DomainError('forbidden', 'Only the bootstrap ADMIN_TOKEN can do this');
  }
}

export const actorOf = (principal: Principal): Actor =>
  principal.kind === 'admin_token' ? { kind: 'admin_token' } : { kind: 'api_key', id: principal.keyId };
