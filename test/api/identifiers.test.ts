/**
 * Identifiers through the API (issue 25): the practice's medical record
 * number per patient (enrol, change, CSV import; one patient per MRN in a
 * practice), staff NPIs (checked like NPPES checks them), and both in the
 * month's FHIR export with the staff time, the performers and the attester.
 */
import type { Bundle, ChargeItem, Composition, Patient, Practitioner, Procedure, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { ADMIN_TOKEN } from '../helpers/service.js';
import { createPractice, patientBody } from '../helpers/api.js';
import { fhirValidator } from '../helpers/fhir-schema.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const patients = () => `/api/v1/practices/${s.practice.id}/patients`;
const phone = (n: number) => `(555) 611-${String(n).padStart(4, '0')}`;

describe('medical record numbers', () => {
  it('are set at enrolment, changed and cleared by PATCH, and shown with the patient', async () => {
    const created = await s.admin.post(patients(), patientBody({ phone: phone(1), mrn: ' E100423 ' }));
    expect(created.status).toBe(201);
    expect(created.body.mrn).toBe('E100423');
    const id = created.body.id as string;
    expect((await s.admin.patch(`/api/v1/patients/${id}`, { mrn: '000123' })).body.mrn).toBe('000123');
    expect((await s.admin.get(`/api/v1/patients/${id}`)).body.mrn).toBe('000123');
    expect((await s.admin.patch(`/api/v1/patients/${id}`, { mrn: null })).body.mrn).toBeNull();
    // An MRN is optional: a patient enrolled without one has none.
    const without = await s.admin.post(patients(), patientBody({ phone: phone(2) }));
    expect(without.status).toBe(201);
    expect(without.body.mrn).toBeNull();
  });

  it('are one patient each in a practice: a duplicate is a 409 naming the other patient, never the number', async () => {
    const first = (await s.admin.post(patients(), patientBody({ phone: phone(10), mrn: 'MRN-7781' }))).body;
    const again = await s.admin.post(patients(), patientBody({ phone: phone(11), mrn: 'MRN-7781' }));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/^mrn: patient .* already has this medical record number/);
    expect(again.body.error.message).toContain(first.id);
    expect(again.body.error.message).not.toContain('MRN-7781');

    const second = await s.newPatient({ phone: phone(12) });
    const changed = await s.admin.patch(`/api/v1/patients/${second.id}`, { mrn: 'MRN-7781' });
    expect(changed.status).toBe(409);
    // Saving a patient's own MRN again is no conflict; another practice may use the same number.
    expect((await s.admin.patch(`/api/v1/patients/${first.id}`, { mrn: 'MRN-7781', language: 'es' })).status).toBe(200);
    const other = await createPractice(s.admin);
    expect((await s.admin.post(`/api/v1/practices/${other.id}/patients`, patientBody({ phone: phone(10), mrn: 'MRN-7781' }))).status).toBe(201);
  });

  it('refuses a value that cannot be a medical record number, saying what one looks like', async () => {
    const response = await s.admin.post(patients(), patientBody({ phone: phone(20), mrn: 'E10 04;23' }));
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([{ path: 'body.mrn', message: expect.stringContaining('letters, digits and - . / only') }]);
  });

  it('come from a CSV column "MRN"; a number used twice in the file or by another patient fails that row only', async () => {
    const taken = await s.admin.post(patients(), patientBody({ phone: phone(30), mrn: 'C-5000' }));
    expect(taken.status).toBe(201);
    const csv = [
      'First Name,Last Name,Phone,MRN,Consent,Consent Method,Consent Date,Consented By',
      `Ruth,Alvarez,${phone(31)},C-5001,Yes,verbal,2026-11-02,"Jane Doe, RN"`,
      `Sam,Lee,${phone(32)},C-5001,Yes,verbal,2026-11-02,"Jane Doe, RN"`,
      `Ann,Poe,${phone(33)},C-5000,Yes,verbal,2026-11-02,"Jane Doe, RN"`,
      `Tom,Kay,${phone(34)},,Yes,verbal,2026-11-02,"Jane Doe, RN"`,
    ].join('\n');
    const response = await s.t.service.app.inject({
      method: 'POST',
      url: `${patients()}/import`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.rows.map((r: { status: string }) => r.status)).toEqual(['imported', 'failed', 'failed', 'imported']);
    expect(result.rows[1].errors).toEqual([{ field: 'mrn', message: 'same medical record number as line 2' }]);
    expect(result.rows[2].errors).toEqual([{ field: 'mrn', message: expect.stringContaining(`patient ${taken.body.id} of this practice already has this medical record number`) }]);
    expect((await s.admin.get(`/api/v1/patients/${result.rows[0].patientId}`)).body.mrn).toBe('C-5001');
    expect((await s.admin.get(`/api/v1/patients/${result.rows[3].patientId}`)).body.mrn).toBeNull();
  });
});

describe('staff NPIs', () => {
  const staff = () => `/api/v1/practices/${s.practice.id}/staff`;

  it('are kept for staff and coordinators when they pass the NPI check digit', async () => {
    const added = await s.admin.post(staff(), { name: 'Dr. Ellie Sattler', role: 'practitioner', credential: 'MD', npi: '1245319599' });
    expect(added.status).toBe(201);
    expect(added.body.npi).toBe('1245319599');
    const wrong = await s.admin.post(staff(), { name: 'Dr. Ian Malcolm', role: 'practitioner', credential: 'MD', npi: '1245319598' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/npi: is not a valid NPI/);
    expect((await s.admin.post(staff(), { name: 'Dr. Ian Malcolm', role: 'practitioner', credential: 'MD', npi: '12345' })).body.error.message).toMatch(/10-digit/);
    const coordinator = await s.admin.patch(`/api/v1/practices/${s.practice.id}/coordinators/${s.coordinator.id}`, { npi: '1234567893' });
    expect(coordinator.status).toBe(200);
    expect(coordinator.body.npi).toBe('1234567893');
  });
});

const resources = <T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] =>
  bundle.entry!.map((e) => e.resource!).filter((r): r is T => r.resourceType === type);

describe('the FHIR export', () => {
  it('carries the MRN under the practice system, the staff time, who performed each charge and who attested the note', async () => {
    await s.admin.patch(`/api/v1/practices/${s.practice.id}/coordinators/${s.coordinator.id}`, { npi: '1234567893' });
    const practice = await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { mrnSystem: 'urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14' });
    expect(practice.body.mrnSystem).toBe('urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14');
    const patient = (await s.admin.post(patients(), patientBody({ phone: phone(40), mrn: 'E200001', conditions: ['hypertension', 'type 2 diabetes'] }))).body;
    await s.admin.put(`/api/v1/patients/${patient.id}/care-plan`, { status: 'active', problems: [{ condition: 'hypertension' }, { condition: 'type 2 diabetes' }] });
    await s.admin.post(`/api/v1/patients/${patient.id}/time-entries`, { staffId: s.coordinator.id, activity: 'call', start: '2026-11-13T09:00', minutes: 25 });
    const month = `/api/v1/patients/${patient.id}/months/2026-11`;
    const approved = await s.admin.post(`${month}/approve`, { staffId: s.coordinator.id });
    expect(approved.status).toBe(200);
    expect(approved.body.approval).toMatchObject({ staffId: s.coordinator.id, npi: '1234567893' });

    const bundle = (await s.admin.get(`${month}/export?format=fhir`)).body as Bundle;
    const problems = fhirValidator()(bundle);
    expect(problems, problems.join('\n')).toEqual([]);
    expect(resources<Patient>(bundle, 'Patient')[0]!.identifier).toContainEqual(
      expect.objectContaining({ system: 'urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14', value: 'E200001', type: expect.objectContaining({ coding: [expect.objectContaining({ code: 'MR' })] }) }),
    );
    const nora = resources<Practitioner>(bundle, 'Practitioner').find((p) => p.identifier?.some((i) => i.system === 'http://hl7.org/fhir/sid/us-npi' && i.value === '1234567893'))!;
    const noraUrl = bundle.entry!.find((e) => e.resource === nora)!.fullUrl;
    const [time] = resources<Procedure>(bundle, 'Procedure');
    expect(time).toMatchObject({ status: 'completed', performer: [{ actor: { reference: noraUrl } }] });
    const [charge] = resources<ChargeItem>(bundle, 'ChargeItem');
    expect(charge!.performer).toEqual([expect.objectContaining({ actor: expect.objectContaining({ reference: noraUrl }) })]);
    expect(resources<Composition>(bundle, 'Composition')[0]!.attester).toEqual([{ mode: 'legal', time: approved.body.approval.approvedAt, party: { reference: noraUrl, display: 'Nora Nurse, RN' } }]);

    // An MRN corrected after approval still reaches the export: the approval froze the note, not the chart's number.
    await s.admin.patch(`/api/v1/patients/${patient.id}`, { mrn: 'E200002' });
    const later = (await s.admin.get(`${month}/export?format=fhir`)).body as Bundle;
    expect(resources<Patient>(later, 'Patient')[0]!.identifier).toContainEqual(expect.objectContaining({ value: 'E200002' }));
  });
});
