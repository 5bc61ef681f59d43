/**
 * A patient's chart read in from the practice's EHR by MRN: the preview to
 * review, the import of what was chosen, and importing again. A real FHIR
 * server on loopback (Medplum's router) behind a SMART token endpoint.
 */
import type { Condition, MedicationRequest, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEhr, type ConnectedEhr } from '../helpers/ehr.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
let ehr: ConnectedEhr;
beforeAll(async () => {
  s = await startScenario();
  ehr = await connectEhr(s.admin, s.practice.id, () => s.clock.now());
});
afterAll(async () => {
  await ehr?.close();
  await s?.close();
});

const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const SNOMED = 'http://snomed.info/sct';
const active = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] };
const resolved = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] };

let seq = 0;
/** A chart on the EHR: a patient with this MRN, two active problems (one ICD-10, one SNOMED only), one resolved, two active prescriptions and one stopped. */
async function seedChart(mrn: string, phone = `+1617555${String(1000 + (seq += 1)).slice(-4)}`) {
  const repo = ehr.fhir.repo;
  const patient = await repo.createResource<Patient>({
    resourceType: 'Patient',
    identifier: [{ system: 'urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14', value: mrn, type: { coding: [{ code: 'MR' }] } }],
    name: [{ use: 'official', family: 'Gonzalez', given: ['Maria', 'Elena'] }],
    birthDate: '1948-03-21',
    telecom: [
      { system: 'phone', value: '(617) 555-0000', use: 'home' },
      { system: 'phone', value: phone, use: 'mobile' },
    ],
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'es' }] }, preferred: true }],
  });
  const subject = { reference: `Patient/${patient.id}` };
  const condition = (clinicalStatus: Condition['clinicalStatus'], code: Condition['code']) =>
    repo.createResource<Condition>({ resourceType: 'Condition', subject, clinicalStatus, code });
  await condition(active, { coding: [{ system: ICD10, code: 'E11.65', display: 'Type 2 diabetes mellitus with hyperglycemia' }] });
  await condition(active, { coding: [{ system: SNOMED, code: '84114007', display: 'Heart failure' }], text: 'Heart failure' });
  await condition(resolved, { coding: [{ system: ICD10, code: 'J18.9', display: 'Pneumonia, unspecified organism' }] });
  const prescription = (status: MedicationRequest['status'], name: string, text: string, timeOfDay?: string[]) =>
    repo.createResource<MedicationRequest>({
      resourceType: 'MedicationRequest',
      status,
      intent: 'order',
      subject,
      medicationCodeableConcept: { text: name },
      dosageInstruction: [{ text, ...(timeOfDay ? { timing: { repeat: { timeOfDay } } } : {}) }],
    });
  const metformin = await prescription('active', 'Metformin 500 mg tablet', '500 mg twice daily with meals', ['08:00:00', '18:00:00']);
  const lisinopril = await prescription('active', 'Lisinopril 10 mg tablet', '10 mg once daily');
  await prescription('stopped', 'Atorvastatin 20 mg tablet', '20 mg at bedtime');
  return { patient, phone, keys: { metformin: metformin.id, lisinopril: lisinopril.id } };
}

const chartUrl = (mrn: string) => `/api/v1/practices/${s.practice.id}/ehr/chart?mrn=${encodeURIComponent(mrn)}`;
const importUrl = () => `/api/v1/practices/${s.practice.id}/ehr/chart/import`;
const stored = async (patientId: string) => ({
  patient: (await s.t.db.pool.query('SELECT conditions, consent_status, mrn FROM patients WHERE id = $1', [patientId])).rows[0],
  medications: (await s.t.db.pool.query('SELECT name, dose, times, reminders FROM medications WHERE patient_id = $1 ORDER BY name', [patientId])).rows,
});

describe('reading a chart in by MRN', () => {
  it('previews the patient, their active ICD-10 conditions (others listed, not importable) and active medications; nothing saved', async () => {
    const { phone, keys } = await seedChart('E-20001');
    const patientsBefore = (await s.t.db.pool.query('SELECT count(*)::int AS n FROM patients')).rows[0].n;
    const preview = await s.admin.get(chartUrl('E-20001'));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      mrn: 'E-20001',
      existingPatientId: null,
      patient: { firstName: 'Maria Elena', lastName: 'Gonzalez', dateOfBirth: '1948-03-21', phone, language: 'es' },
      conditions: [
        { key: 'E11.65', icd10: 'E11.65', display: 'Type 2 diabetes mellitus with hyperglycemia', importable: true, onFile: false },
        { icd10: null, display: 'Heart failure', importable: false, note: 'not ICD-10' },
      ],
    });
    expect(preview.body.conditions).toHaveLength(2);
    expect(preview.body.medications).toEqual(
      expect.arrayContaining([
        { key: keys.metformin, name: 'Metformin 500 mg tablet', dose: '500 mg twice daily with meals', times: ['08:00', '18:00'], onFile: false },
        { key: keys.lisinopril, name: 'Lisinopril 10 mg tablet', dose: '10 mg once daily', times: [], onFile: false },
      ]),
    );
    expect(preview.body.medications).toHaveLength(2);
    expect((await s.t.db.pool.query('SELECT count(*)::int AS n FROM patients')).rows[0].n).toBe(patientsBefore);
  });

  it('import by MRN fills the patient\'s conditions and medicines; the new patient has no consent; again adds nothing twice', async () => {
    const { keys } = await seedChart('E-20002');
    const body = { mrn: 'E-20002', conditions: ['E11.65'], medications: [keys.metformin, keys.lisinopril] };
    const first = await s.admin.post(importUrl(), body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, patient: { mrn: 'E-20002', firstName: 'Maria Elena', language: 'es', consent: { status: 'declined' } } });
    const id = first.body.patient.id as string;
    expect(await stored(id)).toEqual({
      patient: { conditions: ['Type 2 diabetes mellitus with hyperglycemia (E11.65)'], consent_status: 'declined', mrn: 'E-20002' },
      medications: [
        { name: 'Lisinopril 10 mg tablet', dose: '10 mg once daily', times: [], reminders: false },
        { name: 'Metformin 500 mg tablet', dose: '500 mg twice daily with meals', times: ['08:00', '18:00'], reminders: true },
      ],
    });
    // No consent yet: nothing is planned to go out.
    const planned = await s.t.db.pool.query("SELECT count(*)::int AS n FROM agenda_jobs WHERE data->>'patientId' = $1", [id]);
    expect(planned.rows[0].n).toBe(0);

    const again = await s.admin.post(importUrl(), body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, patient: { id }, added: { conditions: [], medications: [] } });
    expect((await stored(id)).medications).toHaveLength(2);
    expect((await stored(id)).patient.conditions).toHaveLength(1);
    const preview = await s.admin.get(chartUrl('E-20002'));
    expect(preview.body.existingPatientId).toBe(id);
    expect(preview.body.conditions[0].onFile).toBe(true);
    expect(preview.body.medications.every((m: { onFile: boolean }) => m.onFile)).toBe(true);
  });

  it('adds to an existing patient with that MRN only what they lack', async () => {
    const { keys } = await seedChart('E-20003');
    const patient = await s.newPatient({ conditions: ['type 2 diabetes'] });
    expect((await s.admin.patch(`/api/v1/patients/${patient.id}`, { mrn: 'E-20003' })).status).toBe(200);
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'lisinopril 10 mg tablet', dose: '10 mg', times: ['09:00'] });
    const imported = await s.admin.post(importUrl(), { mrn: 'E-20003', conditions: ['E11.65'], medications: [keys.metformin, keys.lisinopril] });
    expect(imported.status).toBe(200);
    expect(imported.body.added.medications.map((m: { name: string }) => m.name)).toEqual(['Metformin 500 mg tablet']);
    // "type 2 diabetes" is E11.9, not E11.65: a different code, so it is added.
    expect((await stored(patient.id)).patient.conditions).toEqual(['type 2 diabetes', 'Type 2 diabetes mellitus with hyperglycemia (E11.65)']);
  });

  it('refuses what the chart does not hold: a SNOMED-only problem, an unknown medication', async () => {
    await seedChart('E-20004');
    const snomed = await s.admin.post(importUrl(), { mrn: 'E-20004', conditions: ['fhir:whatever'], medications: [] });
    expect(snomed.status).toBe(400);
    const unknown = await s.admin.post(importUrl(), { mrn: 'E-20004', conditions: [], medications: ['no-such-request'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('not among the chart');
  });

  it('an unknown MRN is a 404 that says so', async () => {
    const response = await s.admin.get(chartUrl('NO-SUCH-MRN'));
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain('the EHR has no patient with this medical record number');
  });

  it('the EHR down is a 502 that says the EHR could not be reached, never a 500; nothing saved, no PHI logged', async () => {
    await seedChart('E-20005');
    ehr.fhir.failNext(500);
    const preview = await s.admin.get(chartUrl('E-20005'));
    expect(preview.status).toBe(502);
    expect(preview.body.error.message).toContain('the EHR could not be reached');
    ehr.fhir.failNext(503);
    const imported = await s.admin.post(importUrl(), { mrn: 'E-20005', conditions: ['E11.65'], medications: [] });
    expect(imported.status).toBe(502);
    expect((await s.t.db.pool.query("SELECT count(*)::int AS n FROM patients WHERE mrn = 'E-20005'")).rows[0].n).toBe(0);
    expect(s.t.logs.text).not.toContain('E-20005');
    expect(s.t.logs.text).not.toContain('Gonzalez');
  });

  it('is for admins only', async () => {
    const { createApiKey, apiClient } = await import('../helpers/api.js');
    const key = await createApiKey(s.admin, s.practice.id, 'coordinator');
    const response = await apiClient(s.t.service.app, key.token).get(chartUrl('E-20001'));
    expect(response.status).toBe(403);
  });
});
