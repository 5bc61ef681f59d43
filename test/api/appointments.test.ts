/**
 * Appointments through the API: added on the patient's clock, listed (to come,
 * or in a period), changed and cancelled (kept, marked), refused when in the
 * past or unreadable, hidden from other practices, each write in the access
 * log; and the month record lists them and names the next one in its note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestService, type TestService } from '../helpers/service.js';
import { apiClient, createApiKey, createPatient, createPractice, type ApiClient } from '../helpers/api.js';

let t: TestService;
let admin: ApiClient;
let practiceId: string;

// The test clock starts at 2026-11-24T16:00Z: 10:00 in Chicago, the practice's zone. It only
// moves forward: the tests that move it come last, in order.
beforeAll(async () => {
  t = await startTestService();
  admin = apiClient(t.service.app);
  practiceId = (await createPractice(admin)).id;
});
afterAll(() => t.close());

const DR_PATEL = { startsAt: '2027-01-08T09:30', withWhom: 'Dr. Patel', location: 'Maple Family Medicine, 2nd floor' };
const url = (patientId: string, rest = '') => `/api/v1/patients/${patientId}/appointments${rest}`;
const auditActions = async (patientId: string) =>
  (await t.db.pool.query('SELECT action FROM audit_log WHERE patient_id = $1 ORDER BY id', [patientId])).rows.map((r) => r.action as string);

describe('adding and listing appointments', () => {
  it("reads a local time on the patient's clock and lists what is to come, soonest first", async () => {
    const patient = await createPatient(admin, practiceId);
    const created = await admin.post(url(patient.id), { ...DR_PATEL, purpose: 'blood pressure follow-up' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      patientId: patient.id,
      startsAt: '2027-01-08T15:30:00.000Z',
      timezone: 'America/Chicago',
      localStartsAt: '2027-01-08T09:30',
      withWhom: 'Dr. Patel',
      location: 'Maple Family Medicine, 2nd floor',
      purpose: 'blood pressure follow-up',
      status: 'scheduled',
      source: 'api',
      createdBy: 'admin token',
      cancelledAt: null,
    });
    const sooner = await admin.post(url(patient.id), { startsAt: '2026-12-02T14:00:00-06:00', withWhom: 'Lab', location: 'Telehealth' });
    expect(sooner.body).toMatchObject({ startsAt: '2026-12-02T20:00:00.000Z', localStartsAt: '2026-12-02T14:00', purpose: null });
    const listed = await admin.get(url(patient.id));
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((a: { withWhom: string }) => a.withWhom)).toEqual(['Lab', 'Dr. Patel']);
  });

  it("reads the time on the patient's own timezone when they have one", async () => {
    const patient = await createPatient(admin, practiceId, { timezone: 'America/Los_Angeles' });
    const created = await admin.post(url(patient.id), DR_PATEL);
    expect(created.body).toMatchObject({ startsAt: '2027-01-08T17:30:00.000Z', timezone: 'America/Los_Angeles', localStartsAt: '2027-01-08T09:30' });
  });

  it('refuses times in the past, unreadable or skipped by the clock change, and missing fields, naming each', async () => {
    const patient = await createPatient(admin, practiceId);
    const past = await admin.post(url(patient.id), { ...DR_PATEL, startsAt: '2026-11-24T09:59' });
    expect(past.status).toBe(400);
    expect(past.body.error).toMatchObject({ code: 'validation_failed', issues: [{ path: 'startsAt', message: expect.stringContaining('is in the past (it is now Nov 24, 2026, 10:00 AM CST)') }] });
    const unreadable = await admin.post(url(patient.id), { ...DR_PATEL, startsAt: 'next Tuesday' });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error.message).toMatch(/^body\.startsAt: must be a local date and time like 2027-01-08T09:30/);
    const skipped = await admin.post(url(patient.id), { ...DR_PATEL, startsAt: '2027-03-14T02:30' });
    expect(skipped.status).toBe(400);
    expect(skipped.body.error.message).toBe('startsAt: 2027-03-14 02:30 does not exist in America/Chicago: the clocks go forward then');
    const impossible = await admin.post(url(patient.id), { ...DR_PATEL, startsAt: '2027-02-30T09:00' });
    expect(impossible.body.error.message).toBe('startsAt: 2027-02-30T09:00 is not a real date and time');
    const tooFar = await admin.post(url(patient.id), { ...DR_PATEL, startsAt: '2037-01-08T09:30' });
    expect(tooFar.body.error.message).toContain('more than 5 years ahead; check the year');
    const missing = await admin.post(url(patient.id), { startsAt: DR_PATEL.startsAt, withWhom: ' ', favourite: 1 });
    expect(missing.status).toBe(400);
    const paths = missing.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.withWhom', 'body.location']));
    expect(missing.body.error.message).toContain('favourite');
    expect((await admin.get(url(patient.id))).body.data).toEqual([]);
  });
});

describe('changing and cancelling', () => {
  it('changes what is sent, cancels (kept, marked, once), and keeps a cancelled one as it was', async () => {
    const patient = await createPatient(admin, practiceId);
    const { id } = (await admin.post(url(patient.id), DR_PATEL)).body;
    const changed = await admin.patch(url(patient.id, `/${id}`), { startsAt: '2027-01-08T10:00', location: 'Telehealth', purpose: 'video visit' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ localStartsAt: '2027-01-08T10:00', withWhom: 'Dr. Patel', location: 'Telehealth', purpose: 'video visit' });
    expect((await admin.patch(url(patient.id, `/${id}`), { purpose: null })).body.purpose).toBeNull();
    expect((await admin.patch(url(patient.id, `/${id}`), {})).status).toBe(400);
    expect((await admin.patch(url(patient.id, `/${id}`), { startsAt: '2026-11-01T10:00' })).status).toBe(400);

    const cancelled = await admin.post(url(patient.id, `/${id}/cancel`));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledBy: 'admin token', cancelledAt: '2026-11-24T16:00:00.000Z' });
    expect((await admin.post(url(patient.id, `/${id}/cancel`))).body).toEqual(cancelled.body);
    const refused = await admin.patch(url(patient.id, `/${id}`), { location: 'Room 4' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('the appointment is cancelled; add a new one instead');

    expect((await admin.get(url(patient.id))).body.data).toEqual([]);
    const january = await admin.get(url(patient.id, '?from=2027-01-01T06:00:00Z&to=2027-02-01T06:00:00Z'));
    expect(january.body.data).toMatchObject([{ id, status: 'cancelled' }]);
    expect(await auditActions(patient.id)).toEqual([
      'patient.create',
      'appointment.create',
      'appointment.update',
      'appointment.update',
      'appointment.cancel',
      'appointment.list',
      'appointment.list',
    ]);
  });

  it('keeps an appointment that has begun as it was', async () => {
    const patient = await createPatient(admin, practiceId);
    const { id } = (await admin.post(url(patient.id), { ...DR_PATEL, startsAt: '2026-11-24T11:00' })).body;
    t.clock.set('2026-11-24T17:30:00Z');
    expect((await admin.get(url(patient.id))).body.data).toEqual([]);
    const change = await admin.patch(url(patient.id, `/${id}`), { location: 'Room 4' });
    expect(change.status).toBe(409);
    expect(change.body.error.message).toContain('has begun or is over');
    expect((await admin.post(url(patient.id, `/${id}/cancel`))).status).toBe(409);
    expect((await admin.get(url(patient.id, '?from=2026-11-24T06:00:00Z&to=2026-11-25T06:00:00Z'))).body.data).toMatchObject([{ id, status: 'scheduled' }]);
  });

  it('asks for both ends of a period, in order', async () => {
    const patient = await createPatient(admin, practiceId);
    expect((await admin.get(url(patient.id, '?from=2027-01-01T00:00:00Z'))).body.error.message).toBe('to: give both from and to, or neither (for the upcoming ones)');
    expect((await admin.get(url(patient.id, '?from=2027-02-01T00:00:00Z&to=2027-01-01T00:00:00Z'))).body.error.message).toBe('to: must be after from');
  });
});

describe('who may see and change them', () => {
  it("answers 404 for another practice's patient and appointment, and for ids that do not exist", async () => {
    const theirs = await createPractice(admin);
    const theirPatient = await createPatient(admin, theirs.id);
    const theirAppointment = (await admin.post(url(theirPatient.id), DR_PATEL)).body.id;
    const key = apiClient(t.service.app, (await createApiKey(admin, practiceId, 'coordinator')).token);
    for (const response of [
      await key.get(url(theirPatient.id)),
      await key.post(url(theirPatient.id), DR_PATEL),
      await key.patch(url(theirPatient.id, `/${theirAppointment}`), { location: 'Room 4' }),
      await key.post(url(theirPatient.id, `/${theirAppointment}/cancel`)),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.error).toEqual({ code: 'not_found', message: 'patient was not found' });
    }
    const mine = await createPatient(admin, practiceId);
    expect((await key.post(url(mine.id, `/${theirAppointment}/cancel`))).body.error.message).toBe('appointment was not found');
    expect((await key.get(url('7d4a3a4e-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await admin.get(`/api/v1/patients/${theirPatient.id}/appointments/${theirAppointment}`)).status).toBe(404);
    expect((await auditActions(theirPatient.id)).filter((a) => a !== 'patient.create')).toEqual(['appointment.create']);
  });

  it("lets a coordinator key add one, named in the record as the key", async () => {
    const key = await createApiKey(admin, practiceId, 'coordinator');
    const patient = await createPatient(admin, practiceId);
    const created = await apiClient(t.service.app, key.token).post(url(patient.id), DR_PATEL);
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toBe('API key "coordinator key"');
    const rows = (await t.db.pool.query("SELECT actor_kind, actor_id FROM audit_log WHERE patient_id = $1 AND action = 'appointment.create'", [patient.id])).rows;
    expect(rows).toEqual([{ actor_kind: 'api_key', actor_id: key.id }]);
  });
});

describe('the month record', () => {
  it('lists the month’s appointments and those to come, and names the next in the note', async () => {
    const patient = await createPatient(admin, practiceId);
    const held = (await admin.post(url(patient.id), { ...DR_PATEL, startsAt: '2026-11-25T11:00', location: 'Telehealth' })).body;
    const cancelled = (await admin.post(url(patient.id), { ...DR_PATEL, startsAt: '2026-11-27T11:00', withWhom: 'Dr. Ruiz' })).body;
    await admin.post(url(patient.id, `/${cancelled.id}/cancel`));
    await admin.post(url(patient.id), DR_PATEL);
    t.clock.set('2026-12-01T15:00:00Z');
    {
      const record = (await admin.get(`/api/v1/patients/${patient.id}/months/2026-11`)).body;
      expect(record.appointments.inMonth).toMatchObject([
        { id: held.id, withWhom: 'Dr. Patel', status: 'scheduled', timezone: 'America/Chicago' },
        { id: cancelled.id, withWhom: 'Dr. Ruiz', status: 'cancelled' },
      ]);
      expect(record.appointments.upcoming).toMatchObject([{ startsAt: '2027-01-08T15:30:00.000Z', location: 'Maple Family Medicine, 2nd floor' }]);
      expect(record.appointments.asOf).toBe('2026-12-01T15:00:00.000Z');
      expect(record.note.text).toContain(
        'Appointments this month: Nov 25, 11:00 AM CST with Dr. Patel by telehealth; Nov 27, 11:00 AM CST with Dr. Ruiz at Maple Family Medicine, 2nd floor (cancelled).',
      );
      expect(record.note.text).toContain('Next appointment: Jan 8, 2027, 9:30 AM CST with Dr. Patel at Maple Family Medicine, 2nd floor.');
      // Billing is untouched by appointments.
      expect(record.codes).toEqual([]);

      const approved = (await admin.post(`/api/v1/patients/${patient.id}/months/2026-11/approve`, { staffId: await staffId() })).body;
      expect(approved.status).toBe('approved');
      t.clock.set('2027-02-01T15:00:00Z');
      // Approval keeps what it saw: the January appointment stays "next" in November's record.
      const later = (await admin.get(`/api/v1/patients/${patient.id}/months/2026-11`)).body;
      expect(later.appointments).toEqual(approved.appointments);
      expect(later.note.text).toContain('Next appointment: Jan 8, 2027');
      const html = await t.service.app.inject({
        method: 'GET',
        url: `/api/v1/patients/${patient.id}/months/2026-11/export?format=html`,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(html.body).toContain('<h2>Appointments</h2>');
      expect(html.body).toContain('<td>Jan 8, 2027, 9:30 AM CST</td><td>Dr. Patel</td><td>Maple Family Medicine, 2nd floor</td>');
    }
  });
});

async function staffId(): Promise<string> {
  const staff = await admin.post(`/api/v1/practices/${practiceId}/staff`, { name: 'Nora Nurse', role: 'clinical_staff', credential: 'RN' });
  if (staff.status !== 201) throw new Error(`staff not added: ${JSON.stringify(staff.body)}`);
  return staff.body.id;
}
