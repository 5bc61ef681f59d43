/**
 * Reading a patient's chart from the practice's EHR by medical record
 * number: the Patient (exactly one must match), their active Conditions and
 * active MedicationRequests, as FHIR searches with the connection's SMART
 * token. Read only; nothing here saves. Mapping is in chart-map.ts.
 */
import type { Bundle, Condition, MedicationRequest, Patient, Resource } from '@medplum/fhirtypes';
import { DomainError } from '../errors.js';
import type { EhrConnection } from '../store/ehr-connections.js';
import { chartPreview, type ChartPreview } from './chart-map.js';
import { fhirRequest } from './fhir-request.js';
import type { SmartAuth } from './smart-auth.js';
/** A chart with more than this many active problems or prescriptions is cut short, rather than paged forever. */
const MAX_PAGES = 5;
const PAGE_SIZE = 100;

export interface ChartRead {
  /** The EHR's id of the patient (not shown to patients; kept for the admin's review). */
  fhirPatientId: string;
  preview: ChartPreview;
}

/** GET a search (a 401 gets one fresh token and one more try: fhir-request.ts). */
const search = (auth: SmartAuth, connection: EhrConnection, url: string): Promise<Bundle> => fhirRequest(auth, connection, url, { method: 'GET' });

/** Every match of a search, following `next` links on the EHR's own origin only (the token goes nowhere else). */
async function searchAll<T extends Resource>(auth: SmartAuth, connection: EhrConnection, type: T['resourceType'], params: URLSearchParams): Promise<T[]> {
  const base = connection.fhirBaseUrl.replace(/\/+$/, '');
  const found: T[] = [];
  let url: string | undefined = `${base}/${type}?${params.toString()}`;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const bundle: Bundle = await search(auth, connection, url);
    for (const entry of bundle.entry ?? []) {
      // A search may include other resources (_include, an OperationOutcome): keep only matches of the type.
      if (entry.resource?.resourceType === type && entry.search?.mode !== 'include') found.push(entry.resource as T);
    }
    const next: string | undefined = bundle.link?.find((l) => l.relation === 'next')?.url;
    url = next && new URL(next).origin === new URL(base).origin ? next : undefined;
  }
  return found;
}

/**
 * The chart of the patient with this MRN: a 404 when the EHR has none, a 409
 * when it has more than one (the MRN system should be set on the practice).
 * EhrFailure when the EHR cannot be reached or refuses.
 */
export async function readChart(auth: SmartAuth, connection: EhrConnection, mrn: string, mrnSystem: string | null): Promise<ChartRead> {
  const identifier = mrnSystem ? `${mrnSystem}|${mrn}` : mrn;
  const patients = await searchAll<Patient>(auth, connection, 'Patient', new URLSearchParams({ identifier, _count: '2' }));
  if (patients.length === 0) throw new DomainError('not_found', 'the EHR has no patient with this medical record number; check the number as the EHR shows it');
  if (patients.length > 1) {
    throw new DomainError(
      'conflict',
      "more than one patient in the EHR has this medical record number; set the practice's MRN system (mrnSystem) so only the practice's own numbers match",
    );
  }
  const patient = patients[0]!;
  // The typed reference form: every server reads it, some (Medplum's) do not read a bare id.
  const id = `Patient/${patient.id!}`;
  const [conditions, medications] = await Promise.all([
    searchAll<Condition>(auth, connection, 'Condition', new URLSearchParams({ patient: id, 'clinical-status': 'active', _count: String(PAGE_SIZE) })),
    searchAll<MedicationRequest>(auth, connection, 'MedicationRequest', new URLSearchParams({ patient: id, status: 'active', _count: String(PAGE_SIZE) })),
  ]);
  return { fhirPatientId: patient.id!, preview: chartPreview(patient, conditions, medications) };
}
