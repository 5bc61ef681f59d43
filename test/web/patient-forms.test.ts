/**
 * The patient page's forms for the day's work without the API: add and stop
 * a medicine, write and revise the care plan, record and correct consent. Each
 * goes through the action the API uses (the API then reads what the page
 * wrote), and a form the action refuses comes back with what was typed and
 * what to fix, on the patient's page, instead of an error page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPatient, createPractice } from '../helpers/api.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { signInNora, type Browser } from './signed-in.js';

let s: Scenario;
let nora: Browser;

beforeAll(async () => {
  s = await startScenario();
  nora = await signInNora(s);
});
afterAll(() => s.close());

const section = (body: string, id: string) => {
  const start = body.indexOf(`<section aria-labelledby="${id}-title">`);
  expect(start, id).toBeGreaterThan(-1);
  return body.slice(start, body.indexOf('</section>', start));
};
const actions = async (patientId: string) =>
  (await s.admin.get(`/api/v1/patients/${patientId}/access-log`)).body.data.map((r: { action: string }) => r.action) as string[];

describe('medicines', () => {
  it('adds a medicine, and stops one', async () => {
    const patient = await s.newPatient({ firstName: 'Ada', lastName: 'Add' });
    const added = await nora.post(`/app/patients/${patient.id}/medications`, { name: 'metformin', dose: '500 mg', times: '8:00, 20:00', refillDueOn: '2026-12-20', reminders: 'on' });
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe(`/app/patients/${patient.id}?notice=medication_added`);
    const [metformin] = (await s.admin.get(`/api/v1/patients/${patient.id}/medications`)).body.data;
    expect(metformin).toMatchObject({ name: 'metformin', dose: '500 mg', times: ['08:00', '20:00'], refillDueOn: '2026-12-20', active: true, reminders: true });
    const page = await nora.get(String(added.headers.location));
    expect(page.body).toContain('role="status">Medicine added');
    const medicines = section(page.body, 'medicines');
    expect(medicines).toContain('<strong>metformin</strong> 500 mg');
    expect(medicines).toContain('aria-label="Stop metformin"');
    // Reminders planned at once.
    expect(section(page.body, 'outreach')).toContain('Dose reminder (metformin)');

    const stopped = await nora.post(`/app/patients/${patient.id}/medications/${metformin.id}/stop`, {});
    expect(stopped.headers.location).toBe(`/app/patients/${patient.id}?notice=medication_stopped`);
    expect((await s.admin.get(`/api/v1/patients/${patient.id}/medications`)).body.data[0]).toMatchObject({ active: false });
    const after = await nora.get(`/app/patients/${patient.id}`);
    expect(section(after.body, 'medicines')).toContain('<span class="badge">stopped</span>');
    expect(section(after.body, 'medicines')).not.toContain('aria-label="Stop metformin"');
    expect(section(after.body, 'outreach')).not.toContain('Dose reminder (metformin)');
    expect(await actions(patient.id)).toEqual(expect.arrayContaining(['web.medication.create', 'web.medication.update']));
  });

  it('keeps what was typed when a medicine is refused, and says what to fix', async () => {
    const patient = await s.newPatient({ firstName: 'Rita', lastName: 'Refused' });
    const refused = await nora.post(`/app/patients/${patient.id}/medications`, { name: 'atorvastatin', dose: '40 mg', times: '22:30', refillDueOn: '', reminders: 'on' });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('<h1>Rita Refused</h1>');
    expect(refused.body).not.toContain('Something is wrong');
    const medicines = section(refused.body, 'medicines');
    expect(medicines).toContain('<details class="card" open><summary>Add a medicine</summary>');
    expect(medicines).toMatch(/<p class="error" role="alert" id="medicine-new-error">Times: 22:30 falls in the practice&#39;s quiet hours/);
    expect(medicines).toContain('value="atorvastatin"');
    expect(medicines).toContain('value="40 mg"');
    expect(medicines).toContain('name="times" required value="22:30" placeholder="e.g. 08:00, 20:00" aria-invalid="true" aria-describedby="medicine-new-error new-med-times-help" autofocus>');
    const empty = await nora.post(`/app/patients/${patient.id}/medications`, { name: '', dose: '40 mg', times: 'morning', reminders: 'on' });
    expect(empty.status).toBe(400);
    expect(section(empty.body, 'medicines')).toContain('Medicine: must not be empty; Times: must be a 24-hour time');
    expect((await s.admin.get(`/api/v1/patients/${patient.id}/medications`)).body.data).toEqual([]);
  });
});

describe('the care plan', () => {
  it('writes the plan from the page, looks up codes left empty, and records a substantial revision', async () => {
    const patient = await s.newPatient({ firstName: 'Cora', lastName: 'Plan' });
    const empty = await nora.get(`/app/patients/${patient.id}`);
    expect(section(empty.body, 'care-plan')).toContain('No care plan yet.');
    expect(section(empty.body, 'care-plan')).not.toContain('substantially revises');
    const form = {
      status: 'active',
      'problem-0-condition': 'Hypertension',
      'problem-0-icd10': '',
      'problem-1-condition': 'Type 2 diabetes',
      'problem-1-icd10': 'e11.65',
      'problem-2-condition': '',
      'problem-2-icd10': '',
      goals: 'BP under 140/90\r\n\r\nA1c under 7.5%',
      interventions: 'Home BP log twice weekly',
      reviewSchedule: 'every 3 months',
    };
    const saved = await nora.post(`/app/patients/${patient.id}/care-plan`, form);
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/app/patients/${patient.id}?notice=care_plan_saved`);
    const plan = (await s.admin.get(`/api/v1/patients/${patient.id}/care-plan`)).body;
    expect(plan).toMatchObject({
      status: 'active',
      problems: [
        { condition: 'Hypertension', icd10: 'I10' },
        { condition: 'Type 2 diabetes', icd10: 'E11.65' },
      ],
      goals: ['BP under 140/90', 'A1c under 7.5%'],
      interventions: ['Home BP log twice weekly'],
      reviewSchedule: 'every 3 months',
      establishedOn: '2026-11-24',
      revisedOn: null,
    });
    const shown = section((await nora.get(`/app/patients/${patient.id}`)).body, 'care-plan');
    expect(shown).toContain('Active, established Nov 24, 2026');
    expect(shown).toContain('Hypertension <span class="meta">I10</span>');
    expect(shown).toContain('<li>A1c under 7.5%</li>');
    // The form holds the plan, and two empty rows to add problems.
    expect(shown).toContain('name="problem-1-icd10" maxlength="10" size="8" value="E11.65"');
    expect(shown).toContain('name="problem-3-condition" maxlength="200" value=""');
    expect(shown).toContain('This change substantially revises the plan');

    const revised = await nora.post(`/app/patients/${patient.id}/care-plan`, { ...form, 'problem-2-condition': 'heart failure', substantialRevision: '1' });
    expect(revised.status).toBe(303);
    const after = (await s.admin.get(`/api/v1/patients/${patient.id}/care-plan`)).body;
    expect(after.problems).toContainEqual({ condition: 'heart failure', icd10: 'I50.9' });
    expect(after).toMatchObject({ establishedOn: '2026-11-24', revisedOn: '2026-11-24' });
    expect(section((await nora.get(`/app/patients/${patient.id}`)).body, 'care-plan')).toContain('last substantially revised Nov 24, 2026');
    expect(await actions(patient.id)).toContain('web.care_plan.write');
  });

  it('keeps the plan as typed when a code is not ICD-10, and marks that row', async () => {
    const patient = await s.newPatient({ firstName: 'Ivo', lastName: 'Icd' });
    const refused = await nora.post(`/app/patients/${patient.id}/care-plan`, {
      status: 'active',
      'problem-0-condition': 'COPD',
      'problem-0-icd10': '',
      'problem-1-condition': '',
      'problem-1-icd10': '',
      'problem-2-condition': 'Gout',
      'problem-2-icd10': 'gouty',
      goals: 'Walk 20 minutes a day',
      interventions: '',
      reviewSchedule: 'monthly',
    });
    expect(refused.status).toBe(400);
    const plan = section(refused.body, 'care-plan');
    expect(plan).toContain('<details class="card" open>');
    expect(plan).toContain('Problem 3, ICD-10 code: is not an ICD-10-CM code (like I10 or E11.9)');
    expect(plan).toContain('name="problem-2-icd10" maxlength="10" size="8" value="gouty" aria-invalid="true" aria-describedby="care-plan-error problems-help" autofocus>');
    expect(plan).toContain('value="COPD"');
    expect(plan).toContain('>Walk 20 minutes a day</textarea>');
    expect(plan).toContain('value="monthly"');
    const codeOnly = await nora.post(`/app/patients/${patient.id}/care-plan`, { status: 'draft', 'problem-0-condition': '', 'problem-0-icd10': 'I10' });
    expect(codeOnly.status).toBe(400);
    expect(section(codeOnly.body, 'care-plan')).toContain('Problem 1: name the condition this code is for, or clear the code');
    expect((await s.admin.get(`/api/v1/patients/${patient.id}/care-plan`)).status).toBe(404);
  });
});

describe('consent and opt-out', () => {
  it('records a declined consent, which stops outreach, and a granted one again', async () => {
    const patient = await s.newPatient({ firstName: 'Dora', lastName: 'Declines' });
    const page = await nora.get(`/app/patients/${patient.id}`);
    expect(section(page.body, 'consent')).toContain('Not opted out: texts are allowed.');
    const declined = await nora.post(`/app/patients/${patient.id}/consent`, { status: 'declined', method: 'written', recordedOn: '2026-11-23', recordedBy: 'Nora Nurse, RN' });
    expect(declined.status).toBe(303);
    expect(declined.headers.location).toBe(`/app/patients/${patient.id}?notice=consent_saved`);
    expect((await s.admin.get(`/api/v1/patients/${patient.id}`)).body.consent).toEqual({
      status: 'declined',
      method: 'written',
      recordedAt: '2026-11-23T12:00:00.000Z',
      recordedBy: 'Nora Nurse, RN',
    });
    const after = await nora.get(`/app/patients/${patient.id}`);
    expect(section(after.body, 'consent')).toContain('Declined, written, on Nov 23, 2026 (recorded by Nora Nurse, RN)');
    expect(section(after.body, 'consent')).toContain('id="status-declined" name="status" value="declined" checked');
    expect(section(after.body, 'outreach')).toContain('data-outreach-reason="no_consent"');

    expect((await nora.post(`/app/patients/${patient.id}/consent`, { status: 'granted', method: 'verbal', recordedOn: '2026-11-24', recordedBy: 'Nora Nurse, RN' })).status).toBe(303);
    expect(section((await nora.get(`/app/patients/${patient.id}`)).body, 'outreach')).not.toContain('data-outreach-reason');
    expect(await actions(patient.id)).toContain('web.patient.update');
  });

  it('keeps what was typed when the date is not one, and shows an opt-out', async () => {
    const patient = await s.newPatient({ firstName: 'Otto', lastName: 'Optout' });
    await s.say(patient, 'STOP');
    const refused = await nora.post(`/app/patients/${patient.id}/consent`, { status: 'granted', method: 'written', recordedOn: '2026-02-30', recordedBy: 'Dr. Who' });
    expect(refused.status).toBe(400);
    const consent = section(refused.body, 'consent');
    expect(consent).toContain('Date: 2026-02-30 is not a real date: February 2026 has 28 days');
    expect(consent).toContain('value="2026-02-30" aria-invalid="true"');
    expect(consent).toContain('value="Dr. Who"');
    expect(consent).toContain('id="method-written" name="method" value="written" checked');
    expect(consent).toMatch(/<strong>Opted out of texts<\/strong> on Nov 24, 10:00 AM CST\. Nothing is texted until they reply START\./);
    const missing = await nora.post(`/app/patients/${patient.id}/consent`, { status: 'granted', method: 'verbal', recordedOn: '2026-11-20', recordedBy: ' ' });
    expect(missing.status).toBe(400);
    expect(section(missing.body, 'consent')).toContain('>Recorded by: must not be empty</p>');
    expect((await s.admin.get(`/api/v1/patients/${patient.id}`)).body.consent.status).toBe('granted');
  });

  it('sets the email address and what emails may hold; the whole summary only with how the patient accepted the notice', async () => {
    const patient = await s.newPatient({ firstName: 'Eve', lastName: 'Email' });
    expect(section((await nora.get(`/app/patients/${patient.id}`)).body, 'consent')).toContain('Plain email is not private');
    const saved = await nora.post(`/app/patients/${patient.id}/email`, { email: ' Eve.Email@Example.org ', emailConsent: 'link' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/app/patients/${patient.id}?notice=email_saved`);
    expect((await s.admin.get(`/api/v1/patients/${patient.id}`)).body).toMatchObject({ email: 'eve.email@example.org', emailConsent: 'link' });
    // The whole summary without saying how the patient accepted: the form comes back, nothing changes.
    const refused = await nora.post(`/app/patients/${patient.id}/email`, { email: 'eve.email@example.org', emailConsent: 'full' });
    expect(refused.status).toBe(400);
    expect(section(refused.body, 'consent')).toContain('How the patient accepted');
    expect(section(refused.body, 'consent')).toContain('id="emailConsent-full" name="emailConsent" value="full" checked');
    expect((await s.admin.get(`/api/v1/patients/${patient.id}`)).body.emailConsent).toBe('link');
    expect((await nora.post(`/app/patients/${patient.id}/email`, { email: 'eve.email@example.org', emailConsent: 'full', how: 'verbal' })).status).toBe(303);
    const after = await s.admin.get(`/api/v1/patients/${patient.id}`);
    expect(after.body.emailConsent).toBe('full');
    expect(after.body.emailFullConsent).toMatchObject({ how: 'verbal', textVersion: '2026-11' });
    // An empty address is no email.
    expect((await nora.post(`/app/patients/${patient.id}/email`, { email: '', emailConsent: 'none' })).status).toBe(303);
    expect((await s.admin.get(`/api/v1/patients/${patient.id}`)).body).toMatchObject({ email: null, emailConsent: 'none' });
    expect(await actions(patient.id)).toContain('web.patient.update');
  });

  it("is not found for another practice's patient", async () => {
    const elsewhere = await createPractice(s.admin, { name: 'Faraway Clinic' });
    const stranger = await createPatient(s.admin, elsewhere.id, { firstName: 'Far', lastName: 'Away' });
    for (const path of ['consent', 'care-plan', 'medications', 'email']) {
      const response = await nora.post(`/app/patients/${stranger.id}/${path}`, { status: 'granted' });
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('Away');
    }
  });
});
