/** Posting a transaction Bundle to the EHR's FHIR base URL (fhir-request.ts), and reading its answer. */
import type { Bundle } from '@medplum/fhirtypes';
import type { EhrConnection } from '../store/ehr-connections.js';
import { fhirRequest } from './fhir-request.js';
import type { SmartAuth } from './smart-auth.js';

export const postTransaction = (auth: SmartAuth, connection: EhrConnection, bundle: Bundle): Promise<Bundle> =>
  fhirRequest(auth, connection, connection.fhirBaseUrl.replace(/\/+$/, ''), { method: 'POST', body: bundle });

/** Where the EHR keeps the DocumentReference the bundle is about (created now, or found from an earlier send). */
export function documentLocation(request: Bundle, response: Bundle): string | null {
  const requests = request.entry ?? [];
  const answers = response.entry ?? [];
  // The DocumentReference sent last is the one this bundle is about (an addendum follows its note).
  for (let i = requests.length - 1; i >= 0; i--) {
    if (requests[i]?.resource?.resourceType === 'DocumentReference') return answers[i]?.response?.location ?? null;
  }
  return null;
}
