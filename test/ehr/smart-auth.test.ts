/**
 * SMART Backend Services as the EHR sees it: the client assertion's claims,
 * and the test token endpoint refusing what a real one refuses (a reused
 * jti, an expired assertion, a scope the client may not have, an unknown
 * key). No database: the token cache and the assertion run on a manual clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader, exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { ManualClock } from '../../src/clock.js';
import { clientAssertion, createSmartAuth, EhrFailure } from '../../src/ehr/index.js';
import type { EhrConnection } from '../../src/store/ehr-connections.js';
import { startFhirServer, type TestFhirServer } from '../helpers/fhir-server.js';

const clock = new ManualClock('2026-11-24T16:00:00Z');
const SCOPES = 'system/DocumentReference.crs system/Observation.crs system/Patient.crs';
let fhir: TestFhirServer;
let connection: EhrConnection;
const env: NodeJS.ProcessEnv = {};

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES384', { extractable: true });
  env.EHR_KEY = await exportPKCS8(privateKey);
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES384' };
  fhir = await startFhirServer({ now: () => clock.now(), clients: [{ clientId: 'ccm-bot', jwks: { keys: [jwk] }, scopes: SCOPES.split(' ') }] });
  connection = {
    practiceId: '00000000-0000-4000-8000-000000000001',
    fhirBaseUrl: fhir.baseUrl,
    tokenUrl: fhir.tokenUrl,
    clientId: 'ccm-bot',
    scopes: SCOPES,
    keyId: 'k1',
    algorithm: 'ES384',
    privateKey: { env: 'EHR_KEY' },
    identifierSystem: 'https://hooks.example.com/practices/1',
    enabled: true,
    createdAt: clock.now().toISOString(),
    updatedAt: clock.now().toISOString(),
  };
});
afterAll(() => fhir?.close());

async function askForToken(assertion: string, scope = SCOPES) {
  const response = await fetch(fhir.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the client assertion', () => {
  it('names the client as iss and sub, the token URL as aud, a fresh jti, and expires within 5 minutes', async () => {
    const [a, b] = [await clientAssertion(connection, clock.now(), env), await clientAssertion(connection, clock.now(), env)];
    expect(decodeProtectedHeader(a)).toMatchObject({ alg: 'ES384', kid: 'k1', typ: 'JWT' });
    const claims = decodeJwt(a);
    expect(claims).toMatchObject({ iss: 'ccm-bot', sub: 'ccm-bot', aud: fhir.tokenUrl, iat: clock.now().getTime() / 1000 });
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(300);
    expect(claims.jti).not.toBe(decodeJwt(b).jti);
  });
});

describe('the token endpoint', () => {
  it('grants a token once per assertion: a reused jti is refused', async () => {
    const assertion = await clientAssertion(connection, clock.now(), env);
    expect((await askForToken(assertion)).status).toBe(200);
    const again = await askForToken(assertion);
    expect(again).toMatchObject({ status: 401, body: { error: 'invalid_client', error_description: 'jti already used' } });
  });

  it('refuses an expired assertion, and a scope the client was not given', async () => {
    const old = await clientAssertion(connection, new Date(clock.now().getTime() - 10 * 60_000), env);
    expect((await askForToken(old)).body).toMatchObject({ error: 'invalid_client', error_description: 'assertion rejected: ERR_JWT_EXPIRED' });
    const greedy = await askForToken(await clientAssertion(connection, clock.now(), env), 'system/*.*');
    expect(greedy).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
  });

  it('refuses an assertion signed with a key the client did not register: a setting for the admin, not a retry', async () => {
    const { privateKey } = await generateKeyPair('ES384', { extractable: true });
    const otherEnv = { EHR_KEY: await exportPKCS8(privateKey) };
    const auth = createSmartAuth({ clock, env: otherEnv });
    const failure = await auth.token(connection).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EhrFailure);
    expect(failure).toMatchObject({ kind: 'config', httpStatus: 401 });
    expect((failure as Error).message).not.toContain(otherEnv.EHR_KEY.split('\n')[1]);
  });
});

describe('the token cache', () => {
  it('keeps a token until shortly before it expires, then asks again', async () => {
    const auth = createSmartAuth({ clock, env });
    const granted = () => fhir.tokenAttempts.filter((t) => t.status === 200).length;
    const before = granted();
    const first = await auth.token(connection);
    clock.set(new Date(clock.now().getTime() + 3 * 60_000));
    expect(await auth.token(connection)).toBe(first);
    expect(granted()).toBe(before + 1);
    // The server's tokens last 5 minutes; at 4 the cache renews.
    clock.set(new Date(clock.now().getTime() + 60_000 + 1));
    expect(await auth.token(connection)).not.toBe(first);
    expect(granted()).toBe(before + 2);
  });
});
