/**
 * The month page's forms when something is wrong: a time entry the action
 * refuses comes back on the month page with what was typed and what to fix,
 * in the practice's time (an overlap names the other entry's times and
 * patient), and approving a month while alerts or cases are open asks first,
 * saying how many; only a confirmation for those very counts approves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { signInNora, type Browser } from './signed-in.js';

let s: Scenario;
let nora: Browser;

beforeAll(async () => {
  s = await startScenario();
  nora = await signInNora(s);
});
afterAll(() => s.close());

/** The Log time form as the page shows it. */
const timeForm = (body: string) => body.slice(body.indexOf('/time-entries"'), body.indexOf('</form>', body.indexOf('/time-entries"')));
const monthStatus = async (patientId: string) => (await s.admin.get(`/api/v1/patients/${patientId}/months/2026-11`)).body.status as string;

describe('logging time', () => {
  it('says which entry an overlapping one collides with, in the practice’s time, and keeps what was typed', async () => {
    const ruth = await s.newPatient({ firstName: 'Ruth', lastName: 'Alvarez' });
    const sam = await s.newPatient({ firstName: 'Sam', lastName: 'Second' });
    const first = await nora.post(`/app/patients/${ruth.id}/time-entries`, { month: '2026-11', activity: 'call', start: '2026-11-03T10:15', minutes: '25', note: '' });
    expect(first.status).toBe(303);

    const typed = { month: '2026-11', activity: 'care_coordination', start: '2026-11-03T10:30', minutes: '15', note: 'Called the pharmacy' };
    const overlap = await nora.post(`/app/patients/${sam.id}/time-entries`, typed);
    expect(overlap.status).toBe(409);
    expect(overlap.body).not.toContain('Something is wrong');
    expect(overlap.body).toContain('November 2026: Sam Second</h1>');
    const form = timeForm(overlap.body);
    expect(form).toContain('<p class="error" role="alert" id="time-error">Started: overlaps your 10:15-10:40 AM entry for Ruth Alvarez on Nov 3; a minute counts for one patient only');
    expect(form).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no id a person cannot use
    expect(form).toContain('<option value="care_coordination" selected>');
    expect(form).toContain('name="start" type="datetime-local" required value="2026-11-03T10:30" aria-invalid="true" aria-describedby="time-error" autofocus>');
    expect(form).toContain('value="15"');
    expect(form).toContain('value="Called the pharmacy"');
    expect((await s.admin.get(`/api/v1/patients/${sam.id}/time-entries`)).body.data).toEqual([]);

    // The API says it too, naming whose entry it is (an API caller is not that staff member) and its id.
    const viaApi = await s.admin.post(`/api/v1/patients/${sam.id}/time-entries`, { staffId: s.coordinator.id, activity: 'call', start: '2026-11-03T10:30', minutes: 5 });
    expect(viaApi.status).toBe(409);
    const [entry] = (await s.admin.get(`/api/v1/patients/${ruth.id}/time-entries`)).body.data;
    expect(viaApi.body.error.message).toContain("Nora Nurse's 10:15-10:40 AM entry for Ruth Alvarez on Nov 3");
    expect(viaApi.body.error.message).toContain(entry.id);
  });

  it('says what is wrong with the minutes, and keeps the rest', async () => {
    const patient = await s.newPatient({ firstName: 'Mina', lastName: 'Minutes' });
    const none = await nora.post(`/app/patients/${patient.id}/time-entries`, { month: '2026-11', activity: 'call', start: '2026-11-05T09:00', minutes: '', note: 'Left a message' });
    expect(none.status).toBe(400);
    expect(timeForm(none.body)).toContain('Minutes: enter how many minutes, like 20');
    expect(timeForm(none.body)).toContain('value="2026-11-05T09:00"');
    const future = await nora.post(`/app/patients/${patient.id}/time-entries`, { month: '2026-11', activity: 'call', start: '2026-11-24T09:50', minutes: '30', note: '' });
    expect(future.status).toBe(400);
    expect(timeForm(future.body)).toContain('Minutes: time cannot be logged before it is spent');
    expect(timeForm(future.body)).toContain('name="minutes" type="number" min="0.5" max="480" step="0.5" required value="30" aria-invalid="true"');
  });
});

describe('approving a month', () => {
  it('asks first while an alert is unacknowledged or a case open, and says how many', async () => {
    const patient = await s.newPatient({ firstName: 'Abe', lastName: 'Approve' });
    await s.say(patient, 'I have chest pain');
    const url = `/app/patients/${patient.id}/months/2026-11`;

    const asked = await nora.post(`${url}/approve`, {});
    expect(asked.status).toBe(200);
    expect(asked.body).toContain('This patient has 1 alert nobody has acknowledged and 1 case not yet resolved.');
    expect(asked.body).toContain('<input type="hidden" name="confirm" value="1-1">');
    expect(asked.body).toMatch(/<a href="\/app\/cases\/[0-9a-f-]+">the open case<\/a>/);
    expect(asked.body).toContain('>Approve anyway</button>');
    expect(await monthStatus(patient.id)).toBe('draft');

    // Acknowledged since the question: the counts changed, so the old confirmation does not approve.
    const { rows } = await s.t.db.pool.query<{ id: string }>('SELECT id FROM alerts WHERE patient_id = $1', [patient.id]);
    expect((await s.admin.post(`/api/v1/alerts/${rows[0]!.id}/acknowledge`, { coordinatorId: s.coordinator.id })).status).toBe(200);
    const again = await nora.post(`${url}/approve`, { confirm: '1-1' });
    expect(again.status).toBe(200);
    expect(again.body).toContain('This patient has 1 case not yet resolved.');
    expect(await monthStatus(patient.id)).toBe('draft');

    const approved = await nora.post(`${url}/approve`, { confirm: '0-1' });
    expect(approved.status).toBe(303);
    expect(await monthStatus(patient.id)).toBe('approved');
    // Approving twice: the record says it is locked, on the month page.
    const twice = await nora.post(`${url}/approve`, { confirm: '0-1' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatch(/<p class="card error" role="alert" tabindex="-1" autofocus>[^<]*approved/);
  });

  it('approves at once when nothing is open', async () => {
    const patient = await s.newPatient({ firstName: 'Quinn', lastName: 'Quiet' });
    expect((await nora.post(`/app/patients/${patient.id}/months/2026-11/approve`, {})).status).toBe(303);
    expect(await monthStatus(patient.id)).toBe('approved');
  });
});
