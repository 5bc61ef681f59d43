/**
 * The medical record number in the app (issue 25): recorded and corrected on
 * the patient's page and at enrolment on the admin page, through the action
 * the API uses; a number another patient has comes back on the form, saying
 * so, with what was typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { signInAs, signInNora, type Browser } from './signed-in.js';

const PASSWORD = 'correct horse battery staple';

let s: Scenario;
let nora: Browser;
let ada: Browser;

beforeAll(async () => {
  s = await startScenario();
  nora = await signInNora(s);
  const users = `/api/v1/practices/${s.practice.id}/users`;
  expect((await s.admin.post(users, { name: 'Ada Admin', email: 'ada.ids@riverside.example', role: 'admin', password: PASSWORD })).status).toBe(201);
  ada = await signInAs(s.t.service.app, 'ada.ids@riverside.example', PASSWORD);
});
afterAll(() => s.close());

const section = (body: string) => {
  const start = body.indexOf('<section aria-labelledby="identifiers-title">');
  expect(start).toBeGreaterThan(-1);
  return body.slice(start, body.indexOf('</section>', start));
};
const mrnOf = async (id: string) => (await s.admin.get(`/api/v1/patients/${id}`)).body.mrn as string | null;

describe('the medical record number on the patient page', () => {
  it('is recorded, corrected and cleared', async () => {
    const patient = await s.newPatient({ phone: '(555) 612-0001' });
    expect(section((await nora.get(`/app/patients/${patient.id}`)).body)).toContain('Not on file');
    const saved = await nora.post(`/app/patients/${patient.id}/mrn`, { mrn: ' E300001 ' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/app/patients/${patient.id}?notice=mrn_saved`);
    expect(await mrnOf(patient.id)).toBe('E300001');
    const page = await nora.get(String(saved.headers.location));
    expect(page.body).toContain('role="status">Medical record number saved.');
    expect(section(page.body)).toContain('<dd data-mrn>E300001</dd>');
    expect(section(page.body)).toContain('value="E300001"');
    await nora.post(`/app/patients/${patient.id}/mrn`, { mrn: '' });
    expect(await mrnOf(patient.id)).toBeNull();
  });

  it("comes back on the form when another patient has the number, or it cannot be one", async () => {
    const holder = await s.newPatient({ phone: '(555) 612-0002', mrn: 'E300002' });
    const patient = await s.newPatient({ phone: '(555) 612-0003' });
    const taken = await nora.post(`/app/patients/${patient.id}/mrn`, { mrn: 'E300002' });
    expect(taken.status).toBe(409);
    const form = section(taken.body);
    expect(form).toContain(`Medical record number: patient ${holder.id} of this practice already has this medical record number`);
    expect(form).toContain('value="E300002" aria-invalid="true"');
    expect(form).toContain('<details class="card" open>');
    expect(await mrnOf(patient.id)).toBeNull();
    const bad = await nora.post(`/app/patients/${patient.id}/mrn`, { mrn: 'E3 0;0' });
    expect(bad.status).toBe(400);
    expect(section(bad.body)).toContain('letters, digits and - . / only');
  });
});

describe('the medical record number at enrolment', () => {
  it('is taken by the admin page and refused when the practice has it already', async () => {
    const form = { firstName: 'Rosa', lastName: 'Ids', phone: '(555) 612-0010', mrn: 'E300010', language: 'en', preferredChannel: 'sms', conditions: 'hypertension', consentStatus: 'granted', consentMethod: 'verbal', consentRecordedBy: 'Ada Admin' };
    const enrolled = await ada.post('/app/admin/patients', form);
    expect(enrolled.status).toBe(303);
    const patients = (await s.admin.get(`/api/v1/practices/${s.practice.id}/patients?limit=200`)).body.data;
    expect(patients.find((p: { phone: string }) => p.phone === '+15556120010')).toMatchObject({ mrn: 'E300010' });
    const again = await ada.post('/app/admin/patients', { ...form, phone: '(555) 612-0011' });
    expect(again.status).toBe(409);
    expect(again.body).toContain('already has this medical record number');
    expect(again.body).toContain('value="E300010"');
  });
});
