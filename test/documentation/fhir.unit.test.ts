import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Appointment, Bundle, ChargeItem, Communication, Composition, Flag, Observation, Resource } from '@medplum/fhirtypes';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toFhirBundle, uuidV5 } from '../../src/documentation/fhir/index.js';
import type { MonthAppointments, MonthRecord } from '../../src/documentation/types.js';
import { fhirValidator } from '../helpers/fhir-schema.js';

const require = createRequire(import.meta.url);

/** A realistic draft month: Rosa Martínez, November 2026, a practice in Chicago (the month starts on the day the clocks go back). */
function draftRecord(): MonthRecord {
  return JSON.parse(readFileSync(new URL('../fixtures/documentation/month-record.json', import.meta.url), 'utf8')) as MonthRecord;
}

const APPROVAL = { approvedAt: '2026-12-02T15:10:00.000Z', approvedBy: 'Dr. Samuel Ortiz, MD' };

function approvedRecord(overrides: Partial<MonthRecord> = {}): MonthRecord {
  return { ...draftRecord(), status: 'approved', approval: APPROVAL, ...overrides };
}

const OPTIONS = { generatedAt: '2026-12-02T15:12:00.000Z' };

/**
 * Rosa's appointments as the record keeps them: one kept and one cancelled in
 * November, and the visit of November 20 still to come at the drafting (so in
 * both lists), then January's.
 */
const APPOINTMENTS: MonthAppointments = {
  inMonth: [
    { id: 'appt-nov-03', startsAt: '2026-11-03T16:00:00.000Z', timezone: 'America/Chicago', withWhom: 'Dr. Patel', location: 'Maple Family Medicine', purpose: null, status: 'cancelled' },
    { id: 'appt-nov-20', startsAt: '2026-11-20T15:30:00.000Z', timezone: 'America/Chicago', withWhom: 'Ana Ruiz, RN', location: 'Telehealth', purpose: 'Blood pressure follow-up', status: 'scheduled' },
  ],
  upcoming: [
    { id: 'appt-nov-20', startsAt: '2026-11-20T15:30:00.000Z', timezone: 'America/Chicago', withWhom: 'Ana Ruiz, RN', location: 'Telehealth', purpose: 'Blood pressure follow-up', status: 'scheduled' },
    { id: 'appt-jan-08', startsAt: '2027-01-08T15:30:00.000Z', timezone: 'America/Chicago', withWhom: 'Dr. Patel', location: 'Maple Family Medicine, 2nd floor', purpose: null, status: 'scheduled' },
  ],
  asOf: '2026-11-18T15:00:00.000Z',
};

function resources<T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] {
  return (bundle.entry ?? []).map((entry) => entry.resource).filter((resource): resource is T => resource?.resourceType === type);
}

function countByType(bundle: Bundle): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of bundle.entry ?? []) counts[entry.resource!.resourceType] = (counts[entry.resource!.resourceType] ?? 0) + 1;
  return counts;
}

/** Every value in a JSON tree, with its path. */
function* walk(value: unknown, path = ''): Generator<[string, unknown]> {
  yield [path, value];
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* walk(item, `${path}[${i}]`);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* walk(item, `${path}.${key}`);
}

const validateFhir = fhirValidator();

/** Asserts the bundle is valid FHIR R4 JSON, printing every error when it is not. */
function expectValid(bundle: Bundle): void {
  const errors = validateFhir(bundle);
  expect(errors, errors.join('\n')).toEqual([]);
}

describe('toFhirBundle: schema', () => {
  const variants: [string, () => MonthRecord, { generatedAt: string; baseUrl?: string }][] = [
    ['a draft month', draftRecord, OPTIONS],
    ['an approved month', () => approvedRecord(), OPTIONS],
    ['a month with appointments, one cancelled, and business identifiers', () => approvedRecord({ appointments: APPOINTMENTS }), { ...OPTIONS, baseUrl: 'https://ccm.example.org' }],
    ['an approved month with an addendum and business identifiers', () => approvedRecord({ addenda: [{ at: '2026-12-05T16:00:00.000Z', by: 'Ana Ruiz, RN', text: 'Pharmacy confirmed the refill was picked up on 11/5.' }] }), { ...OPTIONS, baseUrl: 'https://ccm.example.org/' }],
    [
      'a month with no care plan, no readings, no alerts and no codes',
      () => ({
        ...draftRecord(),
        carePlan: { status: 'none', establishedOn: null, revisedOn: null, goals: [], interventions: [], reviewSchedule: null },
        patient: { ...draftRecord().patient, dateOfBirth: null, language: 'en' },
        reported: { bloodPressure: { readings: [], trend: null, average: null }, pain: [], adherence: [], refills: [], other: [] },
        alerts: [],
        codes: [],
        note: { text: '', edited: false },
      }),
      OPTIONS,
    ],
  ];

  it.each(variants)('%s validates against the FHIR R4 JSON schema', (_, record, options) => {
    const bundle = toFhirBundle(record(), options);
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(bundle.timestamp).toBe(options.generatedAt);
    expectValid(bundle);
  });

  it.each(variants)('%s follows the FHIR JSON rules the schema does not check (no null, no empty array or string)', (_, record, options) => {
    for (const [path, value] of walk(toFhirBundle(record(), options))) {
      expect(value, path).not.toBeNull();
      expect(value, path).not.toBeUndefined();
      if (Array.isArray(value)) expect(value.length, path).toBeGreaterThan(0);
      if (typeof value === 'string') expect(value.trim(), path).not.toBe('');
    }
  });

  it('every resource carries the status FHIR requires (the JSON schema never requires a primitive)', () => {
    // The status each resource of an approved month may have (FHIR R4 value sets, narrowed to what a closed month means).
    const allowed: Record<string, string[]> = {
      CarePlan: ['active', 'draft'],
      Communication: ['completed'],
      Observation: ['final'],
      Flag: ['active', 'inactive'],
      Composition: ['final', 'amended'],
      ChargeItem: ['billable'],
      Appointment: ['booked', 'cancelled'],
      Procedure: ['completed'],
    };
    const bundle = toFhirBundle(approvedRecord({ appointments: APPOINTMENTS }), OPTIONS);
    for (const entry of bundle.entry ?? []) {
      const resource = entry.resource as Resource & { status?: string };
      if (['Patient', 'Organization', 'Practitioner'].includes(resource.resourceType)) continue;
      expect(allowed[resource.resourceType], `${resource.resourceType} ${entry.fullUrl}: ${resource.status}`).toContain(resource.status);
    }
  });

  describe('the validator is a real check', () => {
    const bundle = toFhirBundle(approvedRecord(), OPTIONS);
    const withFlag = (change: (flag: Record<string, unknown>) => void): Bundle => {
      const copy = structuredClone(bundle);
      const entry = copy.entry!.find((e) => e.resource?.resourceType === 'Flag')!;
      change(entry.resource as unknown as Record<string, unknown>);
      return copy;
    };

    it('rejects a Flag whose status is not in the value set', () => {
      const errors = validateFhir(withFlag((flag) => (flag.status = 'open')));
      expect(errors.some((e) => /resource\(Flag\)\/status must be equal to one of the allowed values/.test(e)), errors.join('\n')).toBe(true);
    });

    it('rejects a Flag without its subject', () => {
      const errors = validateFhir(withFlag((flag) => delete flag.subject));
      expect(errors.some((e) => /resource\(Flag\) must have required property 'subject'/.test(e)), errors.join('\n')).toBe(true);
    });

    it('rejects a property R4 does not define and malformed instants', () => {
      expect(validateFhir(withFlag((flag) => (flag.severity = 'high'))).join('\n')).toMatch(/resource\(Flag\) must NOT have additional properties/);
      expect(validateFhir(withFlag((flag) => ((flag.period as { start: string }).start = 'yesterday'))).join('\n')).toMatch(/period\/start must match pattern/);
      expect(validateFhir({ ...bundle, timestamp: '2026-12-02' }).join('\n')).toMatch(/^Bundle\/timestamp must match pattern/m);
    });

    it('rejects a bundle type R4 does not have and a blood pressure component without its code', () => {
      expect(validateFhir({ ...bundle, type: 'bag' }).join('\n')).toMatch(/^Bundle\/type must be equal to one of the allowed values/m);
      const copy = structuredClone(bundle);
      const observation = copy.entry!.find((e) => e.resource?.resourceType === 'Observation')!.resource as Observation;
      delete (observation.component![0] as Partial<NonNullable<Observation['component']>[number]>).code;
      expect(validateFhir(copy).join('\n')).toMatch(/resource\(Observation\)\/component\/0 must have required property 'code'/);
    });
  });
});

describe('toFhirBundle: content', () => {
  it('holds the patient, the practice, the care plan, the note and one entry per contact, reading and alert', () => {
    expect(countByType(toFhirBundle(draftRecord(), OPTIONS))).toEqual({
      Patient: 1,
      Organization: 1,
      CarePlan: 1,
      // 7 texts and 2 calls; the alert event and the time entry are not contacts.
      Communication: 9,
      // 4 blood pressures, 2 pain scores, adherence for the 2 medications with reported doses.
      Observation: 8,
      Flag: 2,
      Composition: 1,
      // Ana Ruiz's five time entries, and Ana herself.
      Procedure: 5,
      Practitioner: 1,
    });
    expect(countByType(toFhirBundle(approvedRecord(), OPTIONS))).toMatchObject({ Composition: 1, ChargeItem: 2 });
  });

  it('records blood pressure as the LOINC panel with systolic and diastolic components in mm[Hg]', () => {
    const [first, ...rest] = resources<Observation>(toFhirBundle(draftRecord(), OPTIONS), 'Observation').filter((o) =>
      o.code.coding?.some((c) => c.code === '85354-9'),
    );
    expect(rest).toHaveLength(3);
    expect(first).toMatchObject({
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
      effectiveDateTime: '2026-11-03T14:09:00.000Z',
      component: [
        { code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] }, valueQuantity: { value: 148, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
        { code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] }, valueQuantity: { value: 92, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
      ],
    });
  });

  it('records pain on the 0-10 LOINC scale and adherence per medication as a percentage', () => {
    const observations = resources<Observation>(toFhirBundle(draftRecord(), OPTIONS), 'Observation');
    expect(observations.filter((o) => o.code.coding?.[0]?.code === '72514-3').map((o) => o.valueInteger)).toEqual([4, 6]);
    const adherence = observations.filter((o) => o.code.text?.startsWith('Medication adherence'));
    expect(adherence.map((o) => [o.focus?.[0]?.display, o.valueQuantity])).toEqual([
      ['Lisinopril 10 mg', { value: 85, unit: '%', system: 'http://unitsofmeasure.org', code: '%' }],
      ['Metformin 500 mg', { value: 100, unit: '%', system: 'http://unitsofmeasure.org', code: '%' }],
    ]);
    expect(adherence[0]!.effectivePeriod).toEqual(draftRecord().period);
  });

  it('records each text and call as a Communication based on the care plan, from and to the right party', () => {
    const bundle = toFhirBundle(draftRecord(), OPTIONS);
    const [patientUrl, organizationUrl, carePlanUrl] = ['Patient', 'Organization', 'CarePlan'].map((t) => bundle.entry!.find((e) => e.resource!.resourceType === t)!.fullUrl);
    const communications = resources<Communication>(bundle, 'Communication');
    for (const c of communications) {
      expect(c.status).toBe('completed');
      expect(c.basedOn).toEqual([{ reference: carePlanUrl }]);
    }
    const inbound = communications.find((c) => c.payload?.[0]?.contentString === '148/92')!;
    expect(inbound).toMatchObject({ sent: '2026-11-03T14:09:00.000Z', sender: { reference: patientUrl }, recipient: [{ reference: organizationUrl }] });
    expect(inbound.medium).toEqual([{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', code: 'WRITTEN', display: 'written' }], text: 'SMS text message' }]);
    const call = communications.find((c) => c.payload?.[0]?.contentString?.startsWith('Ana Ruiz, RN called'))!;
    expect(call).toMatchObject({ sender: { reference: organizationUrl }, recipient: [{ reference: patientUrl }], category: [{ text: 'From care team staff' }] });
    expect(call.medium?.[0]?.coding?.[0]?.code).toBe('PHONE');
    expect(communications.filter((c) => c.category?.[0]?.text === 'From the bot (automated)')).toHaveLength(4);
  });

  it('records each alert as a Flag, active until resolved', () => {
    const flags = resources<Flag>(toFhirBundle(draftRecord(), OPTIONS), 'Flag');
    expect(flags.map((f) => [f.status, f.code.text, f.period, f.extension?.[0]?.valueCodeableConcept?.coding?.[0]?.code])).toEqual([
      ['inactive', 'Several missed doses: Missed lisinopril since Thursday: ran out of pills', { start: '2026-11-03T14:12:30.000Z', end: '2026-11-04T16:34:00.000Z' }, 'PH'],
      ['active', 'Severe pain that is getting worse: Knee pain 6/10, "peor que la semana pasada"', { start: '2026-11-17T15:22:30.000Z' }, 'PM'],
    ]);
  });

  it('carries the note as a preliminary Composition while a draft and a final one once approved', () => {
    const draft = resources<Composition>(toFhirBundle(draftRecord(), OPTIONS), 'Composition')[0]!;
    expect(draft).toMatchObject({ status: 'preliminary', title: 'Chronic care management, November 2026', date: OPTIONS.generatedAt, type: { coding: [{ system: 'http://loinc.org', code: '11506-3' }] } });
    expect(draft.attester).toBeUndefined();
    const approved = resources<Composition>(toFhirBundle(approvedRecord(), OPTIONS), 'Composition')[0]!;
    expect(approved).toMatchObject({ status: 'final', date: APPROVAL.approvedAt, attester: [{ mode: 'legal', time: APPROVAL.approvedAt, party: { display: APPROVAL.approvedBy } }] });
    const amended = resources<Composition>(toFhirBundle(approvedRecord({ addenda: [{ at: '2026-12-05T16:00:00.000Z', by: 'Ana Ruiz, RN', text: 'Refill picked up.' }] }), OPTIONS), 'Composition')[0]!;
    expect(amended.status).toBe('amended');
    expect(amended.section?.at(-1)?.title).toBe('Addendum, 2026-12-05T16:00:00.000Z, Ana Ruiz, RN');
  });

  it('writes the note as well-formed XHTML with its text escaped', () => {
    const note = resources<Composition>(toFhirBundle(draftRecord(), OPTIONS), 'Composition')[0]!.section![0]!;
    expect(note.title).toBe('Monthly note');
    expect(note.text!.status).toBe('additional');
    const div = note.text!.div;
    expect(XMLValidator.validate(div)).toBe(true);
    expect(div.startsWith('<div xmlns="http://www.w3.org/1999/xhtml"><p>Chronic care management for Rosa Martínez')).toBe(true);
    expect(div).toContain('Goal: BP &lt;140/90 &amp; no missed doses.');
    expect(div).toContain('(&quot;peor que la semana pasada&quot;)');
    expect(div.match(/<p>/g)).toHaveLength(5);
    expect(div).toContain('<br/>Pain: right knee');
  });

  it('has no ChargeItem in a draft', () => {
    expect(resources<ChargeItem>(toFhirBundle(draftRecord(), OPTIONS), 'ChargeItem')).toEqual([]);
  });

  it('has a billable ChargeItem per CPT code once approved, for the month, with units and the approval', () => {
    const bundle = toFhirBundle(approvedRecord(), OPTIONS);
    const patientUrl = bundle.entry!.find((e) => e.resource!.resourceType === 'Patient')!.fullUrl;
    const noteUrl = bundle.entry!.find((e) => e.resource!.resourceType === 'Composition')!.fullUrl;
    const charges = resources<ChargeItem>(bundle, 'ChargeItem');
    expect(charges.map((c) => [c.code.coding, c.quantity])).toEqual([
      [[{ system: 'http://www.ama-assn.org/go/cpt', code: '99490' }], { value: 1 }],
      [[{ system: 'http://www.ama-assn.org/go/cpt', code: '99439' }], { value: 1 }],
    ]);
    for (const charge of charges) {
      expect(charge).toMatchObject({
        status: 'billable',
        subject: { reference: patientUrl },
        occurrencePeriod: { start: '2026-11-01T05:00:00.000Z', end: '2026-12-01T06:00:00.000Z' },
        enteredDate: APPROVAL.approvedAt,
        enterer: { display: APPROVAL.approvedBy },
        supportingInformation: [{ reference: noteUrl }],
      });
      // The three conditions under the care plan; hyperlipidemia is not.
      expect(charge.reason?.map((r) => r.coding?.[0]?.code)).toEqual(['I10', 'E11.9', 'M17.11']);
    }
  });

  it('codes an APCM G code in HCPCS', () => {
    const bundle = toFhirBundle(approvedRecord({ codes: [{ code: 'G0557', units: 1, reason: 'APCM, 2+ chronic conditions' }] }), OPTIONS);
    expect(resources<ChargeItem>(bundle, 'ChargeItem').map((c) => c.code.coding)).toEqual([[{ system: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'G0557' }]]);
    expectValid(bundle);
  });

  it('records each appointment once as an Appointment: booked or cancelled, on its own clock, with the patient, with whom and where', () => {
    const bundle = toFhirBundle(draftRecord(), OPTIONS);
    expect(resources(bundle, 'Appointment')).toEqual([]);
    const withAppointments = toFhirBundle({ ...draftRecord(), appointments: APPOINTMENTS }, OPTIONS);
    const patientRef = resources<Composition>(withAppointments, 'Composition')[0]!.subject;
    const found = resources<Appointment>(withAppointments, 'Appointment');
    // The visit of November 20 is in the month and still to come: one resource.
    expect(found.map((a) => [a.status, a.start, a.end, a.description])).toEqual([
      ['cancelled', '2026-11-03T10:00:00.000-06:00', '2026-11-03T10:00:00.000-06:00', undefined],
      ['booked', '2026-11-20T09:30:00.000-06:00', '2026-11-20T09:30:00.000-06:00', 'Blood pressure follow-up'],
      ['booked', '2027-01-08T09:30:00.000-06:00', '2027-01-08T09:30:00.000-06:00', undefined],
    ]);
    // What the JSON schema cannot check: R4's app-2/app-3 (a booked appointment has start and end) and each participant's status.
    for (const a of found) {
      expect(a.start).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(a.end).toBe(a.start);
      expect(a.participant.map((p) => p.status)).toEqual(a.participant.map(() => 'accepted'));
    }
    expect(found[2]!.participant).toEqual([
      { actor: patientRef, status: 'accepted' },
      { actor: { display: 'Dr. Patel' }, status: 'accepted' },
      { actor: { type: 'Location', display: 'Maple Family Medicine, 2nd floor' }, status: 'accepted' },
    ]);
    expect(patientRef).toMatchObject({ reference: withAppointments.entry!.find((e) => e.resource!.resourceType === 'Patient')!.fullUrl });
    const appointmentUrls = withAppointments.entry!.filter((e) => e.resource!.resourceType === 'Appointment').map((e) => e.fullUrl);
    const section = resources<Composition>(withAppointments, 'Composition')[0]!.section!.find((s) => s.title === 'Appointments')!;
    expect(section.entry!.map((e) => e.reference)).toEqual(appointmentUrls);
  });

  it('keeps an appointment under one uuid from month to month, so a later export updates it', () => {
    const november = toFhirBundle({ ...draftRecord(), appointments: APPOINTMENTS }, OPTIONS);
    const december = toFhirBundle(
      {
        ...draftRecord(),
        month: '2026-12',
        period: { start: '2026-12-01T06:00:00.000Z', end: '2027-01-01T06:00:00.000Z' },
        appointments: { inMonth: [], upcoming: [{ ...APPOINTMENTS.upcoming[1]!, status: 'cancelled' }], asOf: '2026-12-20T15:00:00.000Z' },
      },
      OPTIONS,
    );
    const january = (bundle: Bundle) => bundle.entry!.filter((e) => e.resource!.resourceType === 'Appointment').at(-1)!;
    expect(january(december).fullUrl).toBe(january(november).fullUrl);
    expect([(january(november).resource as Appointment).status, (january(december).resource as Appointment).status]).toEqual(['booked', 'cancelled']);
  });

  it('adds business identifiers under baseUrl only when one is given', () => {
    const withBase = toFhirBundle(draftRecord(), { ...OPTIONS, baseUrl: 'https://ccm.example.org/' });
    expect(resources(withBase, 'Patient')[0]).toMatchObject({ identifier: [{ system: 'https://ccm.example.org/patients', value: 'patient-rosa' }] });
    expect(resources<Flag>(withBase, 'Flag')[0]!.identifier).toEqual([{ system: 'https://ccm.example.org/alerts', value: 'alert-missed-doses' }]);
    const booked = toFhirBundle({ ...draftRecord(), appointments: APPOINTMENTS }, { ...OPTIONS, baseUrl: 'https://ccm.example.org/' });
    expect(resources<Appointment>(booked, 'Appointment')[0]!.identifier).toEqual([{ system: 'https://ccm.example.org/appointments', value: 'appt-nov-03' }]);
    expect(JSON.stringify(toFhirBundle(draftRecord(), OPTIONS))).not.toContain('"identifier"');
  });
});

describe('toFhirBundle: references and ids', () => {
  it('gives every entry a distinct urn:uuid (version 5) and every reference resolves to one of them', () => {
    const bundle = toFhirBundle(approvedRecord(), OPTIONS);
    const fullUrls = bundle.entry!.map((e) => e.fullUrl!);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
    for (const url of fullUrls) expect(url).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const references = [...walk(bundle)].filter(([path]) => path.endsWith('.reference'));
    expect(references.length).toBeGreaterThan(50);
    for (const [path, reference] of references) expect(fullUrls, path).toContain(reference);
    for (const entry of bundle.entry!) expect(entry.resource!.id).toBeUndefined();
  });

  it('keeps two readings at the same instant apart', () => {
    const record = draftRecord();
    const reading = record.reported.bloodPressure.readings[0]!;
    record.reported.bloodPressure.readings.push({ ...reading, systolic: 150 });
    const bundle = toFhirBundle(record, OPTIONS);
    expect(new Set(bundle.entry!.map((e) => e.fullUrl)).size).toBe(bundle.entry!.length);
    expectValid(bundle);
  });

  it('gives the same bundle for the same record', () => {
    const first = toFhirBundle(approvedRecord(), OPTIONS);
    expect(toFhirBundle(approvedRecord(), OPTIONS)).toEqual(first);
    expect(JSON.stringify(toFhirBundle(structuredClone(approvedRecord()), { ...OPTIONS }))).toBe(JSON.stringify(first));
  });

  it('keeps the patient, the practice and the care plan under one uuid from month to month', () => {
    const november = toFhirBundle(draftRecord(), OPTIONS);
    const december = toFhirBundle({ ...draftRecord(), month: '2026-12', period: { start: '2026-12-01T06:00:00.000Z', end: '2027-01-01T06:00:00.000Z' } }, OPTIONS);
    const urlOf = (bundle: Bundle, type: string) => bundle.entry!.find((e) => e.resource!.resourceType === type)!.fullUrl;
    for (const type of ['Patient', 'Organization', 'CarePlan']) expect(urlOf(december, type)).toBe(urlOf(november, type));
    expect(urlOf(december, 'Composition')).not.toBe(urlOf(november, 'Composition'));
  });

  it('makes RFC 9562 version 5 uuids', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});
