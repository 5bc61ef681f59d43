/**
 * What goes to the EHR for an approved month, as a FHIR R4 transaction
 * Bundle: the note as a DocumentReference (LOINC 11506-3 progress note,
 * category clinical-note, the month as its context period) and the month's
 * Observations, with the patient they are about. Every entry is a
 * conditional create on a stable business identifier (ifNoneExist), so a
 * bundle sent twice, or retried after an answer got lost, creates nothing
 * twice. An addendum goes as a DocumentReference of its own that appends to
 * the note; the note rides along in the same conditional way, so the
 * addendum's relatesTo resolves whether or not the note went first. Pure.
 */
import type { Bundle, BundleEntry, DocumentReference, Identifier, Observation, Patient, Reference, Resource } from '@medplum/fhirtypes';
import { toFhirBundle, uuidV5, xhtml } from '../documentation/fhir/index.js';
import { monthLabel } from '../documentation/narrative.js';
import type { Addendum, MonthRecord } from '../documentation/types.js';

const LOINC_PROGRESS_NOTE = { system: 'http://loinc.org', code: '11506-3', display: 'Progress note' };
const CLINICAL_NOTE = {
  system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
  code: 'clinical-note',
  display: 'Clinical Note',
};

/** One addendum as the EHR gets it: its place among the month's addenda (1, 2, ...) makes its identifier. */
export interface NumberedAddendum extends Addendum {
  number: number;
}

export interface WriteBackInput {
  /** The month as approved (its addenda are not part of the note). */
  record: MonthRecord;
  /** The practice's identifier system (the connection's): identifiers are `${system}/${kind}`. */
  identifierSystem: string;
  /** Present: the bundle sends this addendum (with the note it appends to). */
  addendum?: NumberedAddendum;
}

/** The note's business identifier: `{patient}-{yyyy-mm}` under the practice's system. */
export function noteIdentifier(system: string, record: Pick<MonthRecord, 'patient' | 'month'>): Identifier {
  return { system: `${trimmed(system)}/month-notes`, value: `${record.patient.id}-${record.month}` };
}

export function addendumIdentifier(system: string, record: Pick<MonthRecord, 'patient' | 'month'>, number: number): Identifier {
  return { system: `${trimmed(system)}/month-notes`, value: `${record.patient.id}-${record.month}-addendum-${number}` };
}

/** The search that finds a resource by this identifier, as ifNoneExist and a search URL take it. */
export const identifierSearch = (id: Identifier) => `identifier=${encodeURIComponent(`${id.system}|${id.value}`)}`;

export function writeBackBundle({ record, identifierSystem, addendum }: WriteBackInput): Bundle {
  if (record.status !== 'approved' || !record.approval) throw new Error('writeBackBundle: only an approved month is written back');
  const system = trimmed(identifierSystem);
  const exported = toFhirBundle({ ...record, addenda: [] }, { generatedAt: record.approval.approvedAt, baseUrl: system });
  const patientEntry = exported.entry!.find((e) => e.resource?.resourceType === 'Patient')!;
  const patientRef: Reference<Patient> = { reference: patientEntry.fullUrl!, display: `${record.patient.firstName} ${record.patient.lastName}` };
  const note = noteEntry(record, system, patientRef);
  const entries: BundleEntry[] = [conditionalCreate(patientEntry.fullUrl!, patientEntry.resource as Patient, patientMatch(patientEntry.resource as Patient, system)), note];
  if (addendum) {
    entries.push(addendumEntry(record, system, patientRef, addendum, note.fullUrl!));
  } else {
    entries.push(...observationEntries(exported, system));
  }
  const sent = new Set(entries.map((e) => e.fullUrl!));
  return { resourceType: 'Bundle', type: 'transaction', entry: entries.map((e) => ({ ...e, resource: withoutDanglingReferences(e.resource!, sent) })) };
}

function noteEntry(record: MonthRecord, system: string, subject: Reference<Patient>): BundleEntry {
  const identifier = noteIdentifier(system, record);
  const title = `Chronic care management, ${monthLabel(record.month)}`;
  const doc: DocumentReference = {
    ...documentBase(record, subject, identifier),
    description: title,
    authenticator: { display: record.approval!.approvedBy },
    content: attachments(record.note.text, title, record.approval!.approvedAt, record.patient.language),
  };
  return conditionalCreate(entryUrl(identifier), doc, identifier);
}

function addendumEntry(record: MonthRecord, system: string, subject: Reference<Patient>, addendum: NumberedAddendum, noteUrl: string): BundleEntry {
  const identifier = addendumIdentifier(system, record, addendum.number);
  const title = `Addendum ${addendum.number} to chronic care management, ${monthLabel(record.month)}`;
  const doc: DocumentReference = {
    ...documentBase(record, subject, identifier),
    date: addendum.at,
    description: title,
    // An addendum adds to the approved note; the note itself stays as signed.
    relatesTo: [{ code: 'appends', target: { reference: noteUrl } }],
    content: attachments(`${addendum.text}\n\n${addendum.by}, ${addendum.at}`, title, addendum.at, record.patient.language),
  };
  return conditionalCreate(entryUrl(identifier), doc, identifier);
}

function documentBase(record: MonthRecord, subject: Reference<Patient>, identifier: Identifier): Omit<DocumentReference, 'content'> {
  return {
    resourceType: 'DocumentReference',
    identifier: [identifier],
    status: 'current',
    docStatus: 'final',
    type: { coding: [LOINC_PROGRESS_NOTE], text: 'Chronic care management monthly note' },
    category: [{ coding: [CLINICAL_NOTE] }],
    subject,
    date: record.approval!.approvedAt,
    author: [{ display: record.practice.name }],
    context: { period: record.period },
  };
}

/** The note as plain text and as HTML, each an attachment (EHRs show one or the other). */
function attachments(text: string, title: string, creation: string, language: string): DocumentReference['content'] {
  const html = `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${xhtml(text)}</body></html>`;
  const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  return [
    { attachment: { contentType: 'text/plain; charset=utf-8', language, title, creation, data: base64(text) } },
    { attachment: { contentType: 'text/html; charset=utf-8', language, title, creation, data: base64(html) } },
  ];
}

/** The export's Observations, each given an identifier from its (stable, name-based) entry uuid. */
function observationEntries(exported: Bundle, system: string): BundleEntry[] {
  return exported
    .entry!.filter((e): e is BundleEntry<Observation> => e.resource?.resourceType === 'Observation')
    .map((e) => {
      const identifier = { system: `${system}/observations`, value: e.fullUrl!.replace('urn:uuid:', '') };
      const resource: Observation = { ...e.resource!, identifier: [...(e.resource!.identifier ?? []), identifier] };
      return conditionalCreate(e.fullUrl!, resource, identifier);
    });
}

/**
 * The identifier the EHR knows the patient by: the medical record number
 * (typed MR) when the practice recorded one, else the service's own.
 */
function patientMatch(patient: Patient, system: string): Identifier {
  const ids = patient.identifier ?? [];
  return ids.find((id) => id.type?.coding?.some((c) => c.code === 'MR')) ?? ids.find((id) => id.system === `${system}/patients`) ?? ids[0]!;
}

function conditionalCreate(fullUrl: string, resource: Resource, identifier: Identifier): BundleEntry {
  return { fullUrl, resource, request: { method: 'POST', url: resource.resourceType, ifNoneExist: identifierSearch(identifier) } };
}

const entryUrl = (identifier: Identifier) => `urn:uuid:${uuidV5(`ehr/${identifier.system}|${identifier.value}`)}`;

/**
 * Drops references to entries of the export that are not sent (a survey
 * Observation's derivedFrom its QuestionnaireResponse): the EHR could not
 * resolve them. References to sent entries and to nothing local stay.
 */
function withoutDanglingReferences<T>(value: T, sent: ReadonlySet<string>): T {
  const dangling = (v: unknown) =>
    typeof v === 'object' && v !== null && typeof (v as Reference).reference === 'string' && (v as Reference).reference!.startsWith('urn:uuid:') && !sent.has((v as Reference).reference!);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.filter((item) => !dangling(item)).map(walk);
    if (typeof v !== 'object' || v === null) return v;
    const entries = Object.entries(v)
      .filter(([, child]) => !dangling(child))
      .map(([k, child]) => [k, walk(child)] as const)
      .filter(([, child]) => !(Array.isArray(child) && child.length === 0));
    return Object.fromEntries(entries);
  };
  return walk(value) as T;
}

const trimmed = (system: string) => system.replace(/\/+$/, '');
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
