/**
 * SMART Backend Services authorisation (the client_credentials grant with a
 * private_key_jwt client assertion), as EHRs require of a service with no
 * user: the service signs a short-lived assertion with the practice's key,
 * trades it for an access token, and keeps the token until shortly before it
 * expires. The assertion and the token never reach a log.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Clock } from '../clock.js';
import type { EhrConnection } from '../store/ehr-connections.js';
import { EhrFailure, isTransientStatus } from './failure.js';
import { describeHttpError, ehrFetch } from './http.js';
import { loadPrivateKey } from './private-key.js';

const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** The assertion's lifetime: SMART allows at most five minutes. */
const ASSERTION_LIFETIME_S = 240;
/** A token is renewed this long before it expires, so none runs out mid-request. */
const RENEW_BEFORE_MS = 60_000;
/** When a token response has no expires_in: SMART's recommended lifetime. */
const DEFAULT_TOKEN_LIFETIME_S = 300;

export interface SmartAuthOptions {
  clock: Clock;
  /** Where key environment variables are read (process.env in the service). */
  env?: NodeJS.ProcessEnv;
}

export interface SmartAuth {
  /** An access token for the connection: the cached one while it is good, else a new one. */
  token(connection: EhrConnection): Promise<string>;
  /** Drops the cached token (the EHR said 401: it was revoked or expired early). */
  forget(connection: EhrConnection): void;
}

interface CachedToken {
  accessToken: string;
  renewAt: number;
}

/** A token belongs to everything that shaped it: a changed setting asks for a new one. */
const cacheKey = (c: EhrConnection) => [c.practiceId, c.tokenUrl, c.clientId, c.scopes, c.keyId, c.algorithm].join('\n');

/** The signed client assertion: iss = sub = client id, aud = the token URL, a unique jti, expiring within 5 minutes. */
export async function clientAssertion(connection: EhrConnection, now: Date, env?: NodeJS.ProcessEnv): Promise<string> {
  const key = await loadPrivateKey(connection, env);
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: connection.algorithm, kid: connection.keyId, typ: 'JWT' })
    .setIssuer(connection.clientId)
    .setSubject(connection.clientId)
    .setAudience(connection.tokenUrl)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ASSERTION_LIFETIME_S)
    .sign(key);
}

export function createSmartAuth({ clock, env }: SmartAuthOptions): SmartAuth {
  const cache = new Map<string, CachedToken>();

  async function requestToken(connection: EhrConnection): Promise<CachedToken> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: connection.scopes,
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: await clientAssertion(connection, clock.now(), env),
    });
    const response = await ehrFetch(connection.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
    });
    if (!response.ok) {
      const why = `the token endpoint refused: ${await describeHttpError(response)}`;
      // A refused assertion or scope is a setting to fix (client id, key id, registered key, scopes).
      throw new EhrFailure(isTransientStatus(response.status) ? 'transient' : 'config', why, response.status);
    }
    const json = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
    if (typeof json.access_token !== 'string' || !json.access_token) {
      throw new EhrFailure('config', 'the token endpoint answered without an access_token', response.status);
    }
    const lifetimeS = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : DEFAULT_TOKEN_LIFETIME_S;
    const renewIn = Math.max(lifetimeS * 1000 - RENEW_BEFORE_MS, (lifetimeS * 1000) / 2);
    return { accessToken: json.access_token, renewAt: clock.now().getTime() + renewIn };
  }

  return {
    async token(connection) {
      const key = cacheKey(connection);
      const cached = cache.get(key);
      if (cached && cached.renewAt > clock.now().getTime()) return cached.accessToken;
      const fresh = await requestToken(connection);
      cache.set(key, fresh);
      return fresh.accessToken;
    },
    forget(connection) {
      cache.delete(cacheKey(connection));
    },
  };
}
