/**
 * The month's record as a FHIR R4 Bundle (type collection), for a practice's
 * EHR: the patient, the practice, the care plan, a Communication per message
 * and call (basedOn the care plan), the reported values as Observations, each
 * questionnaire answered as a QuestionnaireResponse (with its Questionnaire
 * and the survey Observations derived from it), an alert as a Flag, each
 * appointment of the month or still to come as an Appointment, each staff
 * time entry as a Procedure performed by a Practitioner (staff-time.ts says
 * why), each CCM consent as a Consent with the exact text shown, the note as
 * a Composition (attested by the approver once approved) and, once approved,
 * a ChargeItem per code. Pure: the same record and options give the same
 * bundle, uuids included (name-based, from the record's ids).
 */
import type { Bundle, BundleEntry, CarePlan, Composition, Organization, Patient, Practitioner, Reference, Resource } from '@medplum/fhirtypes';
import type { MonthRecord } from '../types.js';
import { communications, flags, observations } from './activity.js';
import { appointments } from './appointments.js';
import { chargeItems } from './billing.js';
import { consents } from './consent.js';
import type { BuildContext, Keyed } from './context.js';
import { uuidV5 } from './ids.js';
import { questionnaireEntries } from './month-questionnaires.js';
import { composition } from './note.js';
import { carePlan, patient, practiceOrganization } from './parties.js';
import { practitioners, staffTime } from './staff-time.js';

export { uuidV5 } from './ids.js';
export { xhtml } from './note.js';

export interface FhirBundleOptions {
  /** Bundle.timestamp, and the note's date while it is a draft. */
  generatedAt: string;
  /** The service's public URL: when given, resources carry business identifiers under it. */
  baseUrl?: string;
}

export function toFhirBundle(record: MonthRecord, options: FhirBundleOptions): Bundle {
  const entries = new Entries(`practice/${record.practice.id}`);
  const organizationUrl = entries.url('organization');
  const patientUrl = entries.url(`patient/${record.patient.id}`);
  const carePlanUrl = entries.url(`patient/${record.patient.id}/care-plan`);
  const ctx: BuildContext = {
    record,
    patient: { reference: patientUrl, display: `${record.patient.firstName} ${record.patient.lastName}` },
    organization: { reference: organizationUrl, display: record.practice.name },
    carePlan: record.carePlan.status === 'none' ? null : { reference: carePlanUrl },
    mrnSystem: mrnSystem(record, options.baseUrl),
    identifier: identifiers(options.baseUrl),
    fullUrl: (key) => entries.url(key),
  };

  entries.add<Patient>({ key: `patient/${record.patient.id}`, resource: patient(ctx) });
  entries.add<Organization>({ key: 'organization', resource: practiceOrganization(ctx) });
  for (const item of consents(ctx, options.generatedAt)) entries.add(item);
  const plan = carePlan(ctx);
  if (plan) entries.add<CarePlan>({ key: `patient/${record.patient.id}/care-plan`, resource: plan });
  for (const item of practitioners(ctx)) entries.add<Practitioner>(item);
  const noteKey = `patient/${record.patient.id}/${record.month}/note`;
  const noteRef: Reference<Composition> = { reference: entries.url(noteKey) };
  const answered = questionnaireEntries(ctx);
  for (const item of answered.questionnaires) entries.add(item);
  const sections = {
    communications: communications(ctx).map((item) => entries.add(item)),
    observations: [...observations(ctx), ...answered.observations].map((item) => entries.add(item)),
    flags: flags(ctx).map((item) => entries.add(item)),
    questionnaireResponses: answered.responses.map((item) => entries.add(item)),
    appointments: appointments(ctx).map((item) => entries.add(item)),
    staffTime: staffTime(ctx).map((item) => entries.add(item)),
  };
  entries.add({ key: noteKey, resource: composition(ctx, options.generatedAt, sections) });
  for (const item of chargeItems(ctx, noteRef)) entries.add(item);

  return withoutUndefined({ resourceType: 'Bundle', type: 'collection', timestamp: options.generatedAt, entry: entries.list });
}

/** The bundle as its JSON reads: the builders leave absent elements undefined, FHIR JSON leaves them out. */
function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The bundle's entries, each with a urn:uuid fullUrl made from its key. */
class Entries {
  readonly list: BundleEntry[] = [];
  private readonly used = new Set<string>();

  constructor(private readonly scope: string) {}

  url(key: string): string {
    return `urn:uuid:${uuidV5(`${this.scope}/${key}`)}`;
  }

  /** Adds the resource and returns a reference to it; a repeated key (two readings at one instant) gets a suffix. */
  add<T extends Resource>({ key, resource }: Keyed<T>): Reference<T> {
    let unique = key;
    for (let n = 2; this.used.has(unique); n++) unique = `${key}#${n}`;
    this.used.add(unique);
    const fullUrl = this.url(unique);
    this.list.push({ fullUrl, resource });
    return { reference: fullUrl };
  }
}

/**
 * Where the practice's MRNs live: the practice's own setting (its EHR's system,
 * which the EHR matches on); else one made from the practice id under the
 * service's URL; without a URL, a urn made from the practice id, so the
 * identifier still has a system and stays the same from export to export.
 */
function mrnSystem(record: MonthRecord, baseUrl: string | undefined): string {
  if (record.practice.mrnSystem) return record.practice.mrnSystem;
  const base = baseUrl?.replace(/\/+$/, '');
  return base ? `${base}/practices/${record.practice.id}/mrn` : `urn:uuid:${uuidV5(`practice/${record.practice.id}/mrn`)}`;
}

function identifiers(baseUrl: string | undefined): BuildContext['identifier'] {
  const base = baseUrl?.replace(/\/+$/, '');
  return (kind, value) => (base ? { system: `${base}/${kind}`, value } : undefined);
}
