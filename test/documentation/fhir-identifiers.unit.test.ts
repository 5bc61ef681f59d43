/**
 * The export's identifiers and the work behind the codes (issue 25): the
 * patient's MRN in Patient.identifier, staff as Practitioners with their NPI,
 * each time entry as a Procedure, ChargeItem.performer and .service, and the
 * approval as the Composition's legal attester. Each variant validates
 * against the official R4 schema.
 */
import { readFileSync } from 'node:fs';
import type { Bundle, ChargeItem, Composition, Identifier, Patient, Practitioner, Procedure, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { toFhirBundle, uuidV5 } from '../../src/documentation/fhir/index.js';
import type { MonthRecord } from '../../src/documentation/types.js';
import { fhirValidator } from '../helpers/fhir-schema.js';

const OPTIONS = { generatedAt: '2026-12-02T15:12:00.000Z' };
const BASE = { ...OPTIONS, baseUrl: 'https://ccm.example.org/' };
const MR_TYPE = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR', display: 'Medical record number' }] };
const NPI = 'http://hl7.org/fhir/sid/us-npi';

function draft(): MonthRecord {
  const record = JSON.parse(readFileSync(new URL('../fixtures/documentation/month-record.json', import.meta.url), 'utf8')) as MonthRecord;
  record.patient.mrn = 'E100423';
  // Ana Ruiz has an NPI; the practitioner's time is added where a test needs it.
  for (const entry of record.time.entries) entry.npi = '1234567893';
  return record;
}

/** Approved by Dr. Ortiz, who logged no time this month. */
function approved(overrides: Partial<MonthRecord> = {}): MonthRecord {
  return {
    ...draft(),
    status: 'approved',
    approval: { approvedAt: '2026-12-02T15:10:00.000Z', approvedBy: 'Dr. Samuel Ortiz, MD', staffId: 'staff-ortiz', npi: '1245319599' },
    ...overrides,
  };
}

const resources = <T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] =>
  (bundle.entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);
const urlOf = (bundle: Bundle, resource: Resource) => bundle.entry!.find((e) => e.resource === resource)!.fullUrl!;
const npiOf = (p: Practitioner) => p.identifier?.find((i) => i.system === NPI)?.value;
const mrnOf = (bundle: Bundle): Identifier | undefined => resources<Patient>(bundle, 'Patient')[0]!.identifier?.find((i) => i.type?.coding?.[0]?.code === 'MR');

const validate = fhirValidator();

describe('toFhirBundle: identifiers and staff time', () => {
  it.each([
    ['a draft with an MRN and NPIs', () => toFhirBundle(draft(), OPTIONS)],
    ['an approved month with identifiers under a base URL', () => toFhirBundle(approved(), BASE)],
    ['an approval from before approvers were kept by id', () => toFhirBundle(approved({ approval: { approvedAt: '2026-12-02T15:10:00.000Z', approvedBy: 'Dr. Samuel Ortiz, MD' } }), OPTIONS)],
  ])('%s validates against the FHIR R4 schema, every reference resolving', (_, build) => {
    const bundle = build();
    const errors = validate(bundle);
    expect(errors, errors.join('\n')).toEqual([]);
    const urls = new Set(bundle.entry!.map((e) => e.fullUrl));
    for (const match of JSON.stringify(bundle).matchAll(/"reference":"([^"]+)"/g)) expect(urls).toContain(match[1]);
  });

  it("puts the MRN in Patient.identifier, typed MR, under the practice's system or a default", () => {
    expect(mrnOf(toFhirBundle(draft(), BASE))).toEqual({
      use: 'usual',
      type: MR_TYPE,
      system: 'https://ccm.example.org/practices/practice-lakeside/mrn',
      value: 'E100423',
      assigner: expect.objectContaining({ display: 'Lakeside Internal Medicine' }),
    });
    const own = draft();
    own.practice.mrnSystem = 'urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14';
    expect(mrnOf(toFhirBundle(own, BASE))?.system).toBe('urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14');
    // No base URL: still a system, the same in every export of the practice.
    expect(mrnOf(toFhirBundle(draft(), OPTIONS))?.system).toBe(`urn:uuid:${uuidV5('practice/practice-lakeside/mrn')}`);
    const none = draft();
    none.patient.mrn = null;
    expect(mrnOf(toFhirBundle(none, BASE))).toBeUndefined();
  });

  it('records each time entry as a completed Procedure performed by its staff member, identified by NPI', () => {
    const bundle = toFhirBundle(draft(), BASE);
    const [ana] = resources<Practitioner>(bundle, 'Practitioner');
    expect(ana).toMatchObject({ name: [{ text: 'Ana Ruiz' }], qualification: [{ code: { text: 'RN' } }] });
    expect(ana!.identifier).toContainEqual({ use: 'official', system: NPI, value: '1234567893' });
    const procedures = resources<Procedure>(bundle, 'Procedure');
    expect(procedures).toHaveLength(5);
    expect(procedures[0]).toMatchObject({
      status: 'completed',
      code: { text: 'Review of patient-reported data' },
      performedPeriod: { start: '2026-11-03T14:45:00.000Z', end: '2026-11-03T14:53:30.000Z' },
      performer: [{ function: { text: 'Clinical staff' }, actor: { reference: urlOf(bundle, ana!), display: 'Ana Ruiz' } }],
      note: [{ text: 'Reviewed BP and missed-dose reports' }],
      identifier: [{ system: 'https://ccm.example.org/time-entries', value: 'te-1' }],
    });
    const composition = resources<Composition>(bundle, 'Composition')[0]!;
    const time = composition.section!.find((s) => s.title === 'Care management time')!;
    expect(time.entry!.map((e) => e.reference)).toEqual(procedures.map((p) => urlOf(bundle, p)));
  });

  it('says in the Procedure why time does not count', () => {
    const record = draft();
    record.time.entries[0] = { ...record.time.entries[0]!, countedSeconds: 0, excludedBecause: 'before consent was recorded' };
    const first = resources<Procedure>(toFhirBundle(record, OPTIONS), 'Procedure')[0]!;
    expect(first.note?.at(-1)).toEqual({ text: 'Not counted toward the codes: before consent was recorded' });
  });

  it('attests the approved note with the approver as a Practitioner, and names the approver on each charge', () => {
    const bundle = toFhirBundle(approved(), BASE);
    const ortiz = resources<Practitioner>(bundle, 'Practitioner').find((p) => npiOf(p) === '1245319599')!;
    const party = { reference: urlOf(bundle, ortiz), display: 'Dr. Samuel Ortiz, MD' };
    expect(resources<Composition>(bundle, 'Composition')[0]!.attester).toEqual([{ mode: 'legal', time: '2026-12-02T15:10:00.000Z', party }]);
    for (const charge of resources<ChargeItem>(bundle, 'ChargeItem')) expect(charge.enterer).toEqual(party);
  });

  it('names who performed each charge and the time it was for', () => {
    const bundle = toFhirBundle(approved(), BASE);
    const ana = resources<Practitioner>(bundle, 'Practitioner').find((p) => npiOf(p) === '1234567893')!;
    const procedureUrls = resources<Procedure>(bundle, 'Procedure').map((p) => urlOf(bundle, p));
    const [charge99490] = resources<ChargeItem>(bundle, 'ChargeItem');
    expect(charge99490!.performer).toEqual([{ function: { text: 'Clinical staff' }, actor: { reference: urlOf(bundle, ana), display: 'Ana Ruiz' } }]);
    expect(charge99490!.service?.map((s) => s.reference)).toEqual(procedureUrls);
  });

  it("lets only a practitioner's own time support 99491, and the approver perform an untimed APCM code", () => {
    const record = approved({ codes: [{ code: '99491', units: 1, reason: '31 min of practitioner time' }] });
    const own = { ...record.time.entries[0]!, id: 'te-md', staffId: 'staff-ortiz', staffName: 'Samuel Ortiz', credential: 'MD', staffRole: 'practitioner' as const, npi: '1245319599' };
    record.time.entries.push(own);
    const bundle = toFhirBundle(record, OPTIONS);
    const [charge] = resources<ChargeItem>(bundle, 'ChargeItem');
    expect(charge!.performer?.map((p) => p.actor.display)).toEqual(['Samuel Ortiz']);
    expect(charge!.performer?.[0]?.function?.text).toMatch(/practitioner/i);
    expect(charge!.service).toHaveLength(1);
    expect(validate(bundle)).toEqual([]);

    const apcm = approved({ codes: [{ code: 'G0557', units: 1, reason: 'APCM' }] });
    apcm.time.entries = [];
    const untimed = toFhirBundle(apcm, OPTIONS);
    expect(resources<ChargeItem>(untimed, 'ChargeItem')[0]!.performer).toEqual([{ actor: expect.objectContaining({ display: 'Dr. Samuel Ortiz, MD' }) }]);
    expect(validate(untimed)).toEqual([]);
  });
});
