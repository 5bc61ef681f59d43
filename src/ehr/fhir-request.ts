/**
 * One FHIR request to the practice's EHR with the connection's SMART token.
 * A 401 means the token was revoked or ran out early: one new token, one more
 * try. Other refusals are sorted for the caller (failure.ts): a 5xx or 429 is
 * transient, anything else the EHR's refusal.
 */
import type { Bundle } from '@medplum/fhirtypes';
import type { EhrConnection } from '../store/ehr-connections.js';
import { EhrFailure, isTransientStatus } from './failure.js';
import { describeHttpError, ehrFetch } from './http.js';
import type { SmartAuth } from './smart-auth.js';

export const FHIR_JSON = 'application/fhir+json';

export async function fhirRequest(auth: SmartAuth, connection: EhrConnection, url: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<Bundle> {
  const send = async () =>
    ehrFetch(url, {
      method: init.method,
      headers: {
        authorization: `Bearer ${await auth.token(connection)}`,
        accept: FHIR_JSON,
        ...(init.body === undefined ? {} : { 'content-type': FHIR_JSON }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  let response = await send();
  if (response.status === 401) {
    await response.body?.cancel();
    auth.forget(connection);
    response = await send();
  }
  if (response.ok) return (await response.json()) as Bundle;
  const why = await describeHttpError(response);
  if (response.status === 401) throw new EhrFailure('unauthorized', `the EHR refused a fresh token: ${why}`, 401);
  throw new EhrFailure(isTransientStatus(response.status) ? 'transient' : 'rejected', `the EHR answered ${why}`, response.status);
}
