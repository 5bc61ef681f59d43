/**
 * The patient pages of the web app: the panel, one patient's page (summary,
 * readings charted against the thresholds, medicines, planned outreach, the
 * timeline with the patient's words escaped as written), and its forms:
 * pause and resume, start a check-in, change a medication. Another practice's
 * patient is not found, and every look is in the access log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { createPatient, createPractice } from '../helpers/api.js';
import { signInAs, type Browser } from './signed-in.js';

const PASSWORD = 'correct horse battery staple';
let s: Scenario;
let nora: Browser;

beforeAll(async () => {
  s = await startScenario();
  const user = await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, {
    name: 'Nora Nurse',
    email: 'nora@riverside.example',
    role: 'coordinator',
    password: PASSWORD,
    staffId: s.coordinator.id,
  });
  expect(user.status).toBe(201);
  nora = await signInAs(s.t.service.app, 'nora@riverside.example', PASSWORD);
});
afterAll(() => s.close());

const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));
const section = (body: string, id: string) => {
  const start = body.indexOf(`<section aria-labelledby="${id}-title">`);
  expect(start, id).toBeGreaterThan(-1);
  return body.slice(start, body.indexOf('</section>', start));
};

describe('the patient list', () => {
  it('lists the practice’s patients with triage, channel, language and marks, and pages on', async () => {
    const maria = await s.newPatient({ firstName: 'Maria', lastName: 'Alvarez' });
    const jose = await s.newPatient({ firstName: 'José', lastName: 'Ortega', language: 'es', preferredChannel: 'voice' });
    await s.say(jose, 'STOP');
    const list = await nora.get('/app/patients');
    expect(list.status).toBe(200);
    const body = main(list.body);
    expect(body).toContain(`<a href="/app/patients/${maria.id}">Alvarez, Maria</a>`);
    expect(body).toContain(`<a href="/app/patients/${jose.id}">Ortega, José</a>`);
    expect(body).toMatch(/class="badge triage-(routine|stable|elevated|urgent)"/);
    const joseRow = body.slice(body.indexOf('Ortega, José'), body.indexOf('</tr>', body.indexOf('Ortega, José')));
    expect(joseRow).toContain('calls');
    expect(joseRow).toContain('Spanish');
    expect(joseRow).toContain('opted out');
    const last = await nora.get(`/app/patients?after=${jose.id}`);
    expect(last.body).toContain('No more patients.');
    expect(last.body).not.toContain('Ortega, José');
    const log = (await s.admin.get(`/api/v1/patients/${maria.id}/access-log`)).body.data;
    expect(log.map((r: { action: string }) => r.action)).toContain('web.patients');
  });

  it('finds a patient by part of the name, in any case, or by phone digits', async () => {
    const found = await s.newPatient({ firstName: 'Evangeline', lastName: "O'Hara", phone: '(555) 777-1234' });
    const names = async (q: string) => main((await nora.get(`/app/patients?q=${encodeURIComponent(q)}`)).body);
    expect(await names('evange')).toContain(`/app/patients/${found.id}`);
    expect(await names("evangeline o'h")).toContain(`/app/patients/${found.id}`);
    expect(await names('777-1234')).toContain(`/app/patients/${found.id}`);
    expect(await names('%')).toContain('No patient matches.');
    expect(await names('Evangeline Smith')).toContain('No patient matches.');
  });
});

describe('one patient', () => {
  it('charts a reported blood pressure against the practice’s thresholds', async () => {
    const patient = await s.newPatient({ firstName: 'Ruth', lastName: 'Baker', coordinatorId: s.coordinator.id });
    await s.say(patient, 'my blood pressure is 150/95');
    expect((await s.observations(patient.id)).filter((o) => o.kind === 'blood_pressure').map((o) => o.value)).toEqual([{ systolic: 150, diastolic: 95 }]);
    const response = await nora.get(`/app/patients/${patient.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toContain('<h1>Ruth Baker</h1>');
    const readings = section(response.body, 'readings');
    expect(readings).toContain('<title>Nov 24, 10:00 AM: 150</title>');
    expect(readings).toContain('<title>Nov 24, 10:00 AM: 95</title>');
    expect(readings).toContain('<tr><th scope="row">Nov 24, 2026, 10:00 AM</th><td>150</td><td>95</td></tr>');
    expect(readings).toContain('Urgent: 180 systolic');
    expect(readings).toContain('Elevated: 160 systolic');
    expect(readings).not.toContain('Blood sugar'); // no glucose readings, no glucose chart
    const summary = section(response.body, 'summary');
    expect(summary).toContain('Nora Nurse');
    expect(section(response.body, 'consent')).toContain('Granted, verbal');
    // Who this is comes first, above every section: date of birth and age, the phone as people write it, language, channel, conditions.
    const header = response.body.slice(response.body.indexOf('<h1>'), response.body.indexOf('<section aria-labelledby="summary-title">'));
    expect(header).toContain('<dt>Date of birth</dt><dd data-dob>Mar 21, 1948 (age 78)</dd>');
    const digits = patient.phone.slice(2);
    expect(header).toContain(`<a href="tel:${patient.phone}" data-phone>(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}</a>`);
    expect(header).toContain('<dt>Language</dt><dd>English</dd>');
    expect(header).toContain('<dt>Prefers</dt><dd>Text messages</dd>');
    expect(header).toContain('<dt>Conditions</dt><dd>hypertension, type 2 diabetes</dd>');
    expect(response.body).toContain(`href="/app/patients/${patient.id}/months/2026-11"`);
    const timeline = section(response.body, 'timeline');
    expect(timeline).toMatch(/<li class="entry inbound">[\s\S]*my blood pressure is 150\/95/);
    expect(timeline).toContain('Nov 24, 10:00 AM CST');
    const log = (await s.admin.get(`/api/v1/patients/${patient.id}/access-log`)).body.data;
    expect(log).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'web.patient', actorKind: 'user' })]));
  });

  it('shows the patient’s words as written, Spanish and markup alike, escaped', async () => {
    const patient = await s.newPatient({ firstName: 'Lucía', lastName: 'Peña', language: 'es' });
    await s.say(patient, 'me duele la cabeza, ¿qué hago?');
    await s.say(patient, "<script>alert('x')</script> no sé");
    const response = await nora.get(`/app/patients/${patient.id}`);
    expect(response.body).toContain('<h1>Lucía Peña</h1>');
    const timeline = section(response.body, 'timeline');
    expect(timeline).toContain('me duele la cabeza, ¿qué hago?');
    expect(timeline).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; no sé');
    expect(response.body).not.toContain("<script>alert('x')");
    // Newest first: the second text comes before the first.
    expect(timeline.indexOf('&lt;script&gt;')).toBeLessThan(timeline.indexOf('me duele la cabeza'));
    expect(response.body).toContain('<dt>Language</dt><dd>Spanish</dd>');
  });

  it('is not found for another practice’s patient, on every page and form', async () => {
    const elsewhere = await createPractice(s.admin, { name: 'Hillside Clinic' });
    const stranger = await createPatient(s.admin, elsewhere.id, { firstName: 'Stranger', lastName: 'Danger' });
    const page = await nora.get(`/app/patients/${stranger.id}`);
    expect(page.status).toBe(404);
    expect(page.body).not.toContain('Danger');
    expect((await nora.post(`/app/patients/${stranger.id}/pause`, {})).status).toBe(404);
    expect((await nora.post(`/app/patients/${stranger.id}/check-ins`, { flow: 'wellness' })).status).toBe(404);
    expect((await nora.get('/app/patients/not-a-uuid')).status).toBe(404);
    expect((await nora.get('/app/patients')).body).not.toContain('Danger');
  });
});

describe('the patient page’s forms', () => {
  it('pauses outreach (until resumed, or until a day) and resumes it', async () => {
    const patient = await s.newPatient({ firstName: 'Paul', lastName: 'Pause' });
    const before = await nora.get(`/app/patients/${patient.id}`);
    expect(section(before.body, 'summary')).toContain('<dd data-status>Enrolled, outreach active</dd>');
    expect(section(before.body, 'outreach')).toContain('Wellness check-in');
    // Each touchpoint says why it goes by that channel at that hour.
    expect(section(before.body, 'outreach')).toContain('Texts at 10:00, as usual: nothing answered or missed yet to learn from.');
    expect(section(before.body, 'outreach')).toContain('Questionnaire (a link)');

    const paused = await nora.post(`/app/patients/${patient.id}/pause`, { until: '' });
    expect(paused.status).toBe(303);
    expect(paused.headers.location).toBe(`/app/patients/${patient.id}?notice=paused`);
    const page = await nora.get(String(paused.headers.location));
    expect(page.body).toContain('<p class="notice" role="status">Automated outreach is paused.</p>');
    expect(section(page.body, 'summary')).toContain('<dd data-status>Paused until resumed</dd>');
    expect(section(page.body, 'outreach')).toContain('data-outreach-reason="paused"');
    expect(section(page.body, 'timeline')).toContain('Automated outreach paused until resumed');

    const resumed = await nora.post(`/app/patients/${patient.id}/resume`, {});
    expect(resumed.headers.location).toBe(`/app/patients/${patient.id}?notice=resumed`);
    expect(section((await nora.get(`/app/patients/${patient.id}`)).body, 'summary')).toContain('<dd data-status>Enrolled, outreach active</dd>');
    expect((await s.admin.get(`/api/v1/patients/${patient.id}`)).body.pausedAt).toBeNull();

    // A day in the past comes back on the patient's page, with the day typed and what to fix.
    const past = await nora.post(`/app/patients/${patient.id}/pause`, { until: '2026-11-01' });
    expect(past.status).toBe(400);
    expect(past.body).toContain('<h1>Paul Pause</h1>');
    expect(past.body).toMatch(/<p class="error" role="alert" id="pause-error">Pause until: choose a day after today/);
    expect(past.body).toContain('<input id="pause-until" name="until" type="date" value="2026-11-01" aria-invalid="true" aria-describedby="pause-error" autofocus>');
    expect((await nora.post(`/app/patients/${patient.id}/pause`, { until: '2026-12-10' })).status).toBe(303);
    expect(section((await nora.get(`/app/patients/${patient.id}`)).body, 'summary')).toContain('Paused until Dec 10, 12:00 AM CST');
    const log = (await s.admin.get(`/api/v1/patients/${patient.id}/access-log`)).body.data.map((r: { action: string }) => r.action);
    expect(log).toEqual(expect.arrayContaining(['web.patient.pause', 'web.patient.resume']));
  });

  it('starts a check-in, and says why a second one cannot start', async () => {
    const patient = await s.newPatient({ firstName: 'Carla', lastName: 'Checkin' });
    const started = await nora.post(`/app/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    expect(started.status).toBe(303);
    expect(started.headers.location).toBe(`/app/patients/${patient.id}?notice=check_in_sent`);
    await s.runDue();
    const first = s.sentTo(patient.phone).at(-1)!;
    expect(first).toBeDefined();
    const page = await nora.get(String(started.headers.location));
    expect(page.body).toContain('role="status">Check-in started');
    const timeline = section(page.body, 'timeline');
    expect(timeline).toContain('<li class="entry outbound">');
    expect(timeline).toContain(first.Body.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));

    const again = await nora.post(`/app/patients/${patient.id}/check-ins`, { flow: 'symptoms' });
    expect(again.headers.location).toBe(`/app/patients/${patient.id}?error=check_in_open`);
    expect((await nora.get(String(again.headers.location))).body).toContain('<p class="error" role="alert">A check-in is already open');
    expect((await nora.post(`/app/patients/${patient.id}/check-ins`, { flow: 'nonsense' })).status).toBe(400);
  });

  it('changes a medication, and refuses dose times in quiet hours without changing anything', async () => {
    const patient = await s.newPatient({ firstName: 'Mel', lastName: 'Meds' });
    const created = await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'lisinopril', dose: '10 mg', times: ['08:00'], refillDueOn: '2026-12-20' });
    expect(created.status).toBe(201);
    const medication = created.body as { id: string };
    const url = `/app/patients/${patient.id}/medications/${medication.id}`;
    const medicines = section((await nora.get(`/app/patients/${patient.id}`)).body, 'medicines');
    expect(medicines).toContain('lisinopril');
    expect(medicines).toContain('reminders on');
    expect(medicines).toContain(`action="${url}"`);

    const refused = await nora.post(url, { dose: '10 mg', times: '08:00, 22:30', refillDueOn: '2026-12-20', active: 'on', reminders: 'on' });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain("Times: 22:30 falls in the practice&#39;s quiet hours");
    // The form comes back open, with the times as typed.
    expect(refused.body).toContain(`<details open><summary>Edit lisinopril</summary>`);
    expect(refused.body).toContain('name="times" required value="08:00, 22:30" aria-invalid="true"');
    const bad = await nora.post(url, { dose: '10 mg', times: '8 in the morning', active: 'on', reminders: 'on' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Times: must be a 24-hour time');
    const unchanged = (await s.admin.get(`/api/v1/patients/${patient.id}/medications`)).body.data[0];
    expect(unchanged).toMatchObject({ dose: '10 mg', times: ['08:00'], refillDueOn: '2026-12-20', active: true, reminders: true });

    const saved = await nora.post(url, { dose: '20 mg', times: '20:00, 9:00', refillDueOn: '', active: 'on' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/app/patients/${patient.id}?notice=medication_saved`);
    const changed = (await s.admin.get(`/api/v1/patients/${patient.id}/medications`)).body.data[0];
    expect(changed).toMatchObject({ dose: '20 mg', times: ['09:00', '20:00'], refillDueOn: null, active: true, reminders: false });
    const after = section((await nora.get(`/app/patients/${patient.id}`)).body, 'medicines');
    expect(after).toContain('At 09:00, 20:00 · reminders off · refill date not set');
    const log = (await s.admin.get(`/api/v1/patients/${patient.id}/access-log`)).body.data.map((r: { action: string }) => r.action);
    expect(log).toContain('web.medication.update');
  });

  it('refuses a form without the CSRF token', async () => {
    const patient = await s.newPatient({ firstName: 'Tom', lastName: 'Token' });
    expect((await nora.post(`/app/patients/${patient.id}/pause`, {}, { csrf: 'forged' })).status).toBe(403);
    expect((await s.admin.get(`/api/v1/patients/${patient.id}`)).body.pausedAt).toBeNull();
  });
});
