/**
 * The web app's month pages (the practice's month, one patient's record:
 * note, decisions, approval, addenda, print, logging time) and its admin page
 * (staff and on-call order, logins, quiet hours, triage rules, enrolment, CSV
 * import), signed in as a coordinator and as an admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { createPractice, createPatient } from '../helpers/api.js';
import { signInAs, type Browser } from './signed-in.js';

const PASSWORD = 'correct horse battery staple';

let s: Scenario;
let nora: Browser;
let ada: Browser;

beforeAll(async () => {
  s = await startScenario();
  const users = `/api/v1/practices/${s.practice.id}/users`;
  expect((await s.admin.post(users, { name: 'Ada Admin', email: 'ada@riverside.example', role: 'admin', password: PASSWORD })).status).toBe(201);
  expect((await s.admin.post(users, { name: 'Nora Nurse', email: 'nora@riverside.example', role: 'coordinator', password: PASSWORD, staffId: s.coordinator.id })).status).toBe(201);
  nora = await signInAs(s.t.service.app, 'nora@riverside.example', PASSWORD);
  ada = await signInAs(s.t.service.app, 'ada@riverside.example', PASSWORD);
});
afterAll(() => s.close());

/** The text of the page's main part, tags removed, for matching what a person reads. */
const text = (body: string) =>
  body
    .slice(body.indexOf('<main'))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

async function patientWithPlan(overrides: Record<string, unknown> = {}) {
  const patient = await s.newPatient(overrides);
  const plan = await s.admin.put(`/api/v1/patients/${patient.id}/care-plan`, {
    status: 'active',
    problems: [{ condition: 'hypertension' }, { condition: 'Type 2 diabetes' }],
    goals: ['BP under 140/90'],
  });
  expect(plan.status).toBe(200);
  return patient;
}

describe('month pages', () => {
  it('logs time from the month page and lists the patient in the practice month, filtered by status', async () => {
    const patient = await patientWithPlan({ firstName: 'Olga', lastName: 'Month' });
    const monthUrl = `/app/patients/${patient.id}/months/2026-11`;
    expect((await nora.get(monthUrl)).body).toContain('Log time');
    const logged = await nora.post(`/app/patients/${patient.id}/time-entries`, { activity: 'call', start: '2026-11-10T09:00', minutes: '21', note: 'Reviewed the BP log' });
    expect(logged.status).toBe(303);
    expect(logged.headers.location).toBe(monthUrl);
    // Read in the practice's timezone: 09:00 in Chicago.
    const entries = (await s.admin.get(`/api/v1/patients/${patient.id}/time-entries`)).body.data;
    expect(entries).toEqual([expect.objectContaining({ start: '2026-11-10T15:00:00.000Z', seconds: 21 * 60, staffId: s.coordinator.id })]);

    const list = await nora.get('/app/months');
    expect(list.status).toBe(200);
    expect(list.body).toContain(`href="${monthUrl}"`);
    const row = text(list.body);
    expect(row).toContain('Month, Olga');
    expect(row).toContain('21 min');
    expect(row).toContain('99490 × 1');
    expect(list.body).toContain('type="month"');
    expect(list.body).toMatch(/<label for="status">Status<\/label>/);
    expect(list.body).toContain('href="/app/months?month=2026-10"');
    expect(list.body).toContain('href="/app/months?month=2026-12"');

    expect((await nora.get('/app/months?month=2026-11&status=draft')).body).toContain(monthUrl);
    expect((await nora.get('/app/months?month=2026-11&status=approved')).body).not.toContain(monthUrl);
    expect((await nora.get('/app/months?month=2026-10')).body).not.toContain(monthUrl);
  });

  it('shows the record, keeps the edited note and decisions, approves, locks, takes addenda and prints', async () => {
    const patient = await patientWithPlan({ firstName: 'Pia', lastName: 'Record' });
    await s.admin.post(`/api/v1/patients/${patient.id}/time-entries`, { staffId: s.coordinator.id, activity: 'data_review', start: '2026-11-12T09:00', minutes: 22 });
    const url = `/app/patients/${patient.id}/months/2026-11`;

    const draft = await nora.get(url);
    expect(draft.status).toBe(200);
    expect(text(draft.body)).toContain('99490');
    expect(text(draft.body)).toContain('Draft');
    expect(draft.body).toMatch(/<label for="note">Note<\/label>/);
    expect(text(draft.body)).toContain('Drafted from the record');
    expect(draft.body).toContain('>Approve</button>');
    expect(draft.body).toContain('Complex care management this month');
    expect(draft.body).toContain('Care plan established or substantially revised');
    expect(draft.body).toContain(`href="${url}/print"`);

    expect((await nora.post(`${url}/note`, { note: 'Reviewed BP log with Pia.\r\n\r\nNo change to the plan.' })).status).toBe(303);
    expect((await nora.post(`${url}/decisions`, { complex: '1' })).status).toBe(303);
    const edited = await nora.get(url);
    expect(edited.body).toContain('Reviewed BP log with Pia.\n\nNo change to the plan.</textarea>');
    expect(text(edited.body)).toContain('Edited by staff');
    expect(edited.body).toMatch(/id="complex"[^>]*checked/);
    // An empty note goes back to the drafted one.
    expect((await nora.post(`${url}/note`, { note: '' })).status).toBe(303);
    expect(text((await nora.get(url)).body)).toContain('Drafted from the record');
    expect((await nora.post(`${url}/note`, { note: 'Reviewed BP log with Pia.' })).status).toBe(303);

    // An admin login without a staff member cannot approve.
    const refused = await ada.post(`${url}/approve`, {});
    expect(refused.status).toBe(403);
    expect(text(refused.body)).toContain('not linked to a staff member');

    expect((await nora.post(`${url}/approve`, {})).status).toBe(303);
    const approved = await nora.get(url);
    expect(text(approved.body)).toContain('Approved by Nora Nurse');
    expect(approved.body).not.toContain('>Approve</button>');
    expect(approved.body).not.toContain(`action="${url}/note"`);
    expect(approved.body).toContain('Add an addendum');
    expect(text(approved.body)).toContain('Reviewed BP log with Pia.');

    const late = await nora.post(`${url}/note`, { note: 'Too late' });
    expect(late.status).toBe(409);
    expect(text(late.body)).toContain('approved and locked');

    expect((await nora.post(`${url}/addenda`, { text: 'Patient called back on Nov 24; no change.' })).status).toBe(303);
    expect(text((await nora.get(url)).body)).toContain('Patient called back on Nov 24; no change.');

    const print = await nora.get(`${url}/print`);
    expect(print.status).toBe(200);
    expect(print.headers['content-type']).toContain('text/html');
    expect(print.body).toContain('Chronic care management: November 2026');
    expect(print.body).toContain('Patient called back on Nov 24; no change.');
    expect(String(print.headers['content-security-policy'])).toMatch(/style-src 'sha256-/);

    const log = (await s.admin.get(`/api/v1/patients/${patient.id}/access-log`)).body.data.map((e: { action: string }) => e.action);
    expect(log).toEqual(expect.arrayContaining(['web.month', 'web.month.update', 'web.month.approve', 'web.month.addendum', 'web.month.print']));
  });

  it("answers 404 for another practice's patient and for a month that is not one", async () => {
    const other = await createPractice(s.admin, { name: 'Elsewhere Clinic' });
    const stranger = await createPatient(s.admin, other.id);
    expect((await nora.get(`/app/patients/${stranger.id}/months/2026-11`)).status).toBe(404);
    expect((await nora.post(`/app/patients/${stranger.id}/months/2026-11/note`, { note: 'x' })).status).toBe(404);
    const own = await s.newPatient();
    expect((await nora.get(`/app/patients/${own.id}/months/2026-13`)).status).toBe(404);
  });
});

describe('admin page', () => {
  it('is for admins only', async () => {
    const refused = await nora.get('/app/admin');
    expect(refused.status).toBe(403);
    expect(text(refused.body)).toContain('Only an admin');
    expect((await nora.post('/app/admin/quiet-hours', { start: '20:00', end: '07:00' })).status).toBe(403);
    const shown = await ada.get('/app/admin');
    expect(shown.status).toBe(200);
    for (const heading of ['Staff and on-call order', 'Logins', 'Quiet hours and cadence', 'Triage rules', 'Enrol a patient', 'Import patients (CSV)']) {
      expect(shown.body).toContain(heading);
    }
    expect(shown.body).toContain('Nora Nurse');
  });

  it('adds a coordinator, changes the on-call order and adds a login', async () => {
    const added = await ada.post('/app/admin/coordinators', { name: 'Omar Oncall', phone: '(555) 300-0002', role: 'nurse', onCallOrder: '2' });
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe('/app/admin?notice=coordinator_added#staff');
    const page = await ada.get('/app/admin?notice=coordinator_added');
    expect(text(page.body)).toContain('The coordinator was added.');
    expect(text(page.body)).toContain('Omar Oncall');
    const coordinators = (await s.admin.get(`/api/v1/practices/${s.practice.id}/coordinators`)).body.data;
    const omar = coordinators.find((c: { name: string }) => c.name === 'Omar Oncall');
    expect(omar).toMatchObject({ phone: '+15553000002', role: 'nurse', onCallOrder: 2 });

    const bad = await ada.post('/app/admin/coordinators', { name: 'Second Try', phone: 'not a phone', role: 'nurse' });
    expect(bad.status).toBe(400);
    expect(text(bad.body)).toContain('phone: is not a valid phone number');
    expect(bad.body).toContain('value="Second Try"');

    expect((await ada.post(`/app/admin/coordinators/${omar.id}`, { action: 'off', onCallOrder: '2' })).status).toBe(303);
    expect((await s.admin.get(`/api/v1/practices/${s.practice.id}/coordinators`)).body.data.find((c: { id: string }) => c.id === omar.id).onCallOrder).toBeNull();
    expect((await ada.post(`/app/admin/coordinators/${omar.id}`, { action: 'set', onCallOrder: '3' })).status).toBe(303);
    expect((await s.admin.get(`/api/v1/practices/${s.practice.id}/coordinators`)).body.data.find((c: { id: string }) => c.id === omar.id).onCallOrder).toBe(3);

    const weak = await ada.post('/app/admin/users', { name: 'Paula Practitioner', email: 'paula@riverside.example', role: 'practitioner', password: 'short' });
    expect(weak.status).toBe(400);
    expect(text(weak.body)).toContain('at least 12 characters');
    expect(weak.body).not.toContain('value="short"');
    const login = await ada.post('/app/admin/users', { name: 'Paula Practitioner', email: 'paula@riverside.example', role: 'practitioner', password: PASSWORD });
    expect(login.status).toBe(303);
    expect(text((await ada.get('/app/admin')).body)).toContain('paula@riverside.example');
    const paula = await signInAs(s.t.service.app, 'paula@riverside.example', PASSWORD);
    expect((await paula.get('/app/months')).status).toBe(200);
  });

  it('changes quiet hours and refuses a check-in time inside them', async () => {
    expect((await ada.post('/app/admin/quiet-hours', { start: '20:00', end: '07:30' })).status).toBe(303);
    const page = await ada.get('/app/admin');
    expect(page.body).toContain('id="quiet-start" name="start" type="time" required value="20:00"');
    expect((await s.admin.get(`/api/v1/practices/${s.practice.id}`)).body.quietHours).toEqual({ start: '20:00', end: '07:30' });
    const refused = await ada.post('/app/admin/cadence', { time: '21:30' });
    expect(refused.status).toBe(400);
    expect(text(refused.body)).toContain("falls in the practice's quiet hours");
    expect((await ada.post('/app/admin/cadence', { time: '11:00' })).status).toBe(303);
    expect((await s.admin.get(`/api/v1/practices/${s.practice.id}`)).body.outreach.cadence.time).toBe('11:00');
  });

  it('previews triage rules in words and saves them', async () => {
    const current = (await s.admin.get(`/api/v1/practices/${s.practice.id}/triage-rules`)).body;
    const proposed = JSON.stringify({ rules: current.rules, stable: current.stable });
    const preview = await ada.post('/app/admin/triage-rules', { action: 'preview', rules: proposed });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatch(/<label for="rules">Rules \(JSON\)<\/label>/);
    expect(text(preview.body)).toMatch(/would move|No patient would move/);
    expect(text(preview.body)).toContain('Nothing was saved');
    expect((await s.admin.get(`/api/v1/practices/${s.practice.id}/triage-rules`)).body.isDefault).toBe(true);

    const broken = await ada.post('/app/admin/triage-rules', { action: 'preview', rules: '{"rules": [' });
    expect(broken.status).toBe(400);
    expect(text(broken.body)).toContain('not valid JSON');
    const invalid = await ada.post('/app/admin/triage-rules', { action: 'save', rules: JSON.stringify({ rules: [] }) });
    expect(invalid.status).toBe(400);

    const saved = await ada.post('/app/admin/triage-rules', { action: 'save', rules: proposed });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe('/app/admin?notice=rules_saved#triage');
    expect((await s.admin.get(`/api/v1/practices/${s.practice.id}/triage-rules`)).body).toMatchObject({ isDefault: false, version: 'practice-1' });
  });

  it('enrols a patient from the form', async () => {
    const form = {
      firstName: 'Rosa',
      lastName: 'Ramirez',
      phone: '(555) 201-0999',
      dateOfBirth: '1950-02-03',
      language: 'es',
      preferredChannel: 'sms',
      conditions: 'hypertension, type 2 diabetes',
      consentStatus: 'granted',
      consentMethod: 'verbal',
      consentRecordedBy: 'Ada Admin',
    };
    const bad = await ada.post('/app/admin/patients', { ...form, phone: '12' });
    expect(bad.status).toBe(400);
    expect(text(bad.body)).toContain('phone');
    expect(bad.body).toContain('value="Rosa"');

    const enrolled = await ada.post('/app/admin/patients', form);
    expect(enrolled.status).toBe(303);
    expect(enrolled.headers.location).toBe('/app/admin?notice=patient_enrolled#enrol');
    const patients = (await s.admin.get(`/api/v1/practices/${s.practice.id}/patients?limit=200`)).body.data;
    expect(patients.find((p: { phone: string }) => p.phone === '+15552010999')).toMatchObject({
      firstName: 'Rosa',
      dateOfBirth: '1950-02-03',
      language: 'es',
      conditions: ['hypertension', 'type 2 diabetes'],
      consent: { status: 'granted', method: 'verbal', recordedBy: 'Ada Admin', recordedAt: s.clock.now().toISOString() },
    });
  });

  it('imports a CSV file and reports each row', async () => {
    const csv = [
      'First Name,Last Name,Phone,Date of Birth,Language,Conditions,Consent,Consent Method,Consent Date,Consented By',
      'Ines,Import,(555) 410-0101,3/21/1948,Spanish,hypertension;diabetes,Yes,verbal,11/02/2026,Jane Doe RN',
      'Bad,Phone,12345,1950-01-01,English,asthma,Yes,verbal,11/02/2026,Jane Doe RN',
      '',
    ].join('\n');
    const upload = (parts: Record<string, string>, file: string | null) => {
      const boundary = '----ccmtest';
      const fields = Object.entries(parts).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
      const filePart = file === null ? '' : `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="patients.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n`;
      return s.t.service.app.inject({
        method: 'POST',
        url: '/app/admin/import',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: ada.cookie! },
        payload: `${fields.join('')}${filePart}--${boundary}--\r\n`,
      });
    };
    expect((await upload({ _csrf: 'forged' }, csv)).statusCode).toBe(403);

    const report = await upload({ _csrf: ada.csrf! }, csv);
    expect(report.statusCode).toBe(200);
    const words = text(report.body);
    expect(words).toContain('1 enrolled, 0 already enrolled, 1 with errors');
    expect(words).toMatch(/2 enrolled Open the patient/);
    expect(words).toMatch(/3 not enrolled phone ?: is not a valid phone number/);

    const again = await upload({ _csrf: ada.csrf! }, csv);
    expect(text(again.body)).toContain('0 enrolled, 1 already enrolled, 1 with errors');

    const unknown = await upload({ _csrf: ada.csrf! }, 'First Name,Last Name,Phone,Shoe Size\nA,B,(555) 410-0102,9\n');
    expect(unknown.statusCode).toBe(400);
    expect(text(unknown.body)).toContain('Shoe Size');
    const empty = await upload({ _csrf: ada.csrf! }, null);
    expect(empty.statusCode).toBe(400);
    expect(text(empty.body)).toContain('Choose a CSV file');
  });
});
