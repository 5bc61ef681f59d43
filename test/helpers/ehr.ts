/**
 * A practice connected to a test FHIR server (fhir-server.ts): a fresh key
 * pair per test file, its public half registered with the server as the
 * practice's JWKS, its private half in an environment variable the
 * connection names.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { DEFAULT_EHR_SCOPES } from '../../src/actions/index.js';
import type { ApiClient } from './api.js';
import { startFhirServer, type TestFhirServer } from './fhir-server.js';

export interface ConnectedEhr {
  fhir: TestFhirServer;
  clientId: string;
  keyId: string;
  /** The environment variable holding the private key (PEM). */
  keyEnv: string;
  privateKeyPem: string;
  /** The body PUT to /practices/:id/ehr/connection. */
  settings: Record<string, unknown>;
  close(): Promise<void>;
}

export async function connectEhr(admin: ApiClient, practiceId: string, now: () => Date): Promise<ConnectedEhr> {
  const { publicKey, privateKey } = await generateKeyPair('RS384', { extractable: true });
  const keyId = `test-key-${randomUUID().slice(0, 8)}`;
  const clientId = `ccm-bot-${randomUUID().slice(0, 8)}`;
  const keyEnv = `CCM_TEST_EHR_KEY_${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;
  const privateKeyPem = await exportPKCS8(privateKey);
  process.env[keyEnv] = privateKeyPem;
  const jwk = { ...(await exportJWK(publicKey)), kid: keyId, alg: 'RS384', use: 'sig' };
  const fhir = await startFhirServer({ now, clients: [{ clientId, jwks: { keys: [jwk] }, scopes: DEFAULT_EHR_SCOPES.split(' ') }] });
  const settings = { fhirBaseUrl: fhir.baseUrl, tokenUrl: fhir.tokenUrl, clientId, keyId, algorithm: 'RS384', privateKey: { env: keyEnv } };
  const put = await admin.put(`/api/v1/practices/${practiceId}/ehr/connection`, settings);
  if (put.status !== 200) throw new Error(`connecting the EHR failed: ${put.status} ${JSON.stringify(put.body)}`);
  return {
    fhir,
    clientId,
    keyId,
    keyEnv,
    privateKeyPem,
    settings,
    async close() {
      delete process.env[keyEnv];
      await fhir.close();
    },
  };
}
