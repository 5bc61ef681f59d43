/**
 * Appointments in the app without a script: the patient page lists those to
 * come on the patient's clock with the zone named, a form adds one and a
 * button cancels one, through the actions the API uses (the API then reads
 * what the page wrote); a refused form comes back with what was typed. The
 * admin page imports a schedule file as the API does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPatient, createPractice } from '../helpers/api.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { signInAs, signInNora, type Browser } from './signed-in.js';

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
const listed = async (patientId: string) => (await s.admin.get(`/api/v1/patients/${patientId}/appointments`)).body.data;

describe('appointments on the patient page', () => {
  it('adds one from the form, shows it on the patient’s clock, and cancels it with a button', async () => {
    const patient = await s.newPatient({ firstName: 'Ada', lastName: 'Appointment' });
    const empty = section((await nora.get(`/app/patients/${patient.id}`)).body, 'appointments');
    expect(empty).toContain('No upcoming appointments.');
    expect(empty).toContain('name="startsAt" type="datetime-local" required');
    expect(empty).toContain("On the patient's clock (America/Chicago)");

    const added = await nora.post(`/app/patients/${patient.id}/appointments`, {
      startsAt: '2027-01-08T09:30',
      withWhom: 'Dr. Patel',
      location: 'Maple Family Medicine, 2nd floor',
      purpose: 'blood pressure follow-up',
    });
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe(`/app/patients/${patient.id}?notice=appointment_added`);
    const [appointment] = await listed(patient.id);
    expect(appointment).toMatchObject({ startsAt: '2027-01-08T15:30:00.000Z', withWhom: 'Dr. Patel', source: 'app', createdBy: 'Nora Nurse' });

    const page = await nora.get(String(added.headers.location));
    expect(page.body).toContain('role="status">Appointment added.');
    const shown = section(page.body, 'appointments');
    expect(shown).toContain('<strong>Jan 8, 2027, 9:30 AM CST</strong> with Dr. Patel');
    expect(shown).toContain('Maple Family Medicine, 2nd floor · blood pressure follow-up');
    expect(shown).toContain(`action="/app/patients/${patient.id}/appointments/${appointment.id}/cancel"`);
    expect(shown).toContain('aria-label="Cancel the appointment of Jan 8, 2027, 9:30 AM CST with Dr. Patel"');

    // The month record in the app lists it among those to come.
    const month = section((await nora.get(`/app/patients/${patient.id}/months/2026-11`)).body, 'appointments');
    expect(month).toContain('<h3>Upcoming, as of Nov 24, 10:00 AM CST</h3>');
    expect(month).toContain('Jan 8, 2027, 9:30 AM CST with Dr. Patel, Maple Family Medicine, 2nd floor <span class="meta">(blood pressure follow-up)</span>');

    const cancelled = await nora.post(`/app/patients/${patient.id}/appointments/${appointment.id}/cancel`, {});
    expect(cancelled.headers.location).toBe(`/app/patients/${patient.id}?notice=appointment_cancelled`);
    expect(await listed(patient.id)).toEqual([]);
    const kept = await s.admin.get(`/api/v1/patients/${patient.id}/appointments?from=2027-01-01T00:00:00Z&to=2027-02-01T00:00:00Z`);
    expect(kept.body.data).toMatchObject([{ id: appointment.id, status: 'cancelled', cancelledBy: 'Nora Nurse' }]);
    expect(section((await nora.get(`/app/patients/${patient.id}`)).body, 'appointments')).toContain('No upcoming appointments.');
    expect(await actions(patient.id)).toEqual(expect.arrayContaining(['web.appointment.create', 'web.appointment.cancel']));
  });

  it('reads a time typed without a date-time field, and keeps what was typed when a time is refused', async () => {
    const patient = await s.newPatient({ firstName: 'Rita', lastName: 'Refused' });
    const typed = await nora.post(`/app/patients/${patient.id}/appointments`, { startsAt: '1/8/2027 2:15 PM', withWhom: 'Dr. Ruiz', location: 'Telehealth' });
    expect(typed.status).toBe(303);
    expect((await listed(patient.id))[0]).toMatchObject({ localStartsAt: '2027-01-08T14:15', purpose: null });

    const refused = await nora.post(`/app/patients/${patient.id}/appointments`, { startsAt: '2026-11-01T09:00', withWhom: 'Dr. Patel', location: 'Room 4' });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('<h1>Rita Refused</h1>');
    const shown = section(refused.body, 'appointments');
    expect(shown).toContain('<details class="card" open><summary>Add an appointment</summary>');
    expect(shown).toMatch(/<p class="error" role="alert" id="appointment-new-error">Date and time: Nov 1, 2026, 9:00 AM CST is in the past/);
    expect(shown).toContain('value="2026-11-01T09:00" aria-invalid="true" aria-describedby="appointment-new-error new-appt-when-help" autofocus');
    expect(shown).toContain('value="Room 4"');
    const blank = await nora.post(`/app/patients/${patient.id}/appointments`, { startsAt: '2027-01-08T09:30', withWhom: '', location: '' });
    expect(section(blank.body, 'appointments')).toContain('With: must not be empty; Where: must not be empty');
    expect(await listed(patient.id)).toHaveLength(1);
  });

  it("refuses a form without the CSRF token, and another practice's patient", async () => {
    const patient = await s.newPatient();
    const forged = await nora.post(`/app/patients/${patient.id}/appointments`, { startsAt: '2027-01-08T09:30', withWhom: 'Dr. Patel', location: 'Room 4' }, { csrf: null });
    expect(forged.status).toBe(403);
    const theirs = await createPatient(s.admin, (await createPractice(s.admin, { name: 'Elsewhere' })).id);
    const appointment = (await s.admin.post(`/api/v1/patients/${theirs.id}/appointments`, { startsAt: '2027-01-08T09:30', withWhom: 'Dr. Patel', location: 'Room 4' })).body;
    expect((await nora.post(`/app/patients/${theirs.id}/appointments`, { startsAt: '2027-01-08T09:30', withWhom: 'Dr. Patel', location: 'Room 4' })).status).toBe(404);
    expect((await nora.post(`/app/patients/${theirs.id}/appointments/${appointment.id}/cancel`, {})).status).toBe(404);
    expect((await nora.post(`/app/patients/${patient.id}/appointments/not-an-id/cancel`, {})).status).toBe(404);
    expect((await listed(theirs.id))[0].status).toBe('scheduled');
  });
});

describe('importing a schedule on the admin page', () => {
  it('adds the file’s appointments through the same action as the API, and reports each line', async () => {
    const password = 'correct horse battery staple';
    await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, { name: 'Ada Admin', email: 'ada@riverside.example', role: 'admin', password });
    const ada = await signInAs(s.t.service.app, 'ada@riverside.example', password);
    expect((await ada.get('/app/admin')).body).toContain('action="/app/admin/appointments/import"');
    const patient = await s.newPatient({ phone: '(555) 430-0001' });
    const csv = 'Phone,Patient Name,Appointment,With,Location\n(555) 430-0001,"Doe, Jo",1/8/2027 9:30 AM,Dr. Patel,Maple Family Medicine\n(555) 430-0099,"Who, Ever",1/8/2027 9:30 AM,Dr. Patel,Maple Family Medicine\n';
    const boundary = '----ccmappointments';
    const part = (name: string, value: string, file = false) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="schedule.csv"\r\nContent-Type: text/csv' : ''}\r\n\r\n${value}\r\n`;
    const report = await s.t.service.app.inject({
      method: 'POST',
      url: '/app/admin/appointments/import',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: ada.cookie! },
      payload: `${part('_csrf', ada.csrf!)}${part('file', csv, true)}--${boundary}--\r\n`,
    });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('1 added, 0 already on the books, 1 with errors.');
    expect(report.body).toContain('no patient of this practice has this phone number');
    expect((await listed(patient.id))[0]).toMatchObject({ source: 'csv', createdBy: 'Ada Admin', localStartsAt: '2027-01-08T09:30' });
  });
});
