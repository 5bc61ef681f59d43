/**
 * Appointments from a practice's schedule export: rows find their patient by
 * id or phone, times are read on the patient's clock in the ways exports
 * write them, bad rows are reported by line and field, and sending the same
 * file again adds nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestService, type TestService } from '../helpers/service.js';
import { apiClient, createApiKey, createPatient, createPractice, type ApiClient } from '../helpers/api.js';

let t: TestService;
let admin: ApiClient;
let practiceId: string;
let maria: { id: string; phone: string };
let john: { id: string; phone: string };

beforeAll(async () => {
  t = await startTestService();
  admin = apiClient(t.service.app);
  practiceId = (await createPractice(admin)).id;
  maria = await createPatient(admin, practiceId, { phone: '(555) 420-0001' });
  john = await createPatient(admin, practiceId, { phone: '(555) 420-0002', timezone: 'America/New_York' });
});
afterAll(() => t.close());

const postCsv = (csv: string, query = '', token = ADMIN_TOKEN) =>
  t.service.app.inject({
    method: 'POST',
    url: `/api/v1/practices/${practiceId}/appointments/import${query}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    payload: csv,
  });

const SCHEDULE = [
  'Phone,Patient Name,Appointment,Provider,Location,Reason,Room',
  '(555) 420-0001,"Gonzalez, Maria",1/8/2027 9:30 AM,Dr. Patel,"Maple Family Medicine, 2nd floor",blood pressure follow-up,4',
  '555-420-0002,"Smith, John",2027-01-09 14:15,Dr. Ruiz,Telehealth,,',
  '(555) 420-0099,"Nobody, Known",1/8/2027 9:30 AM,Dr. Patel,Maple Family Medicine,,',
  '(555) 420-0001,"Gonzalez, Maria",11/1/2026 9:30 AM,Dr. Patel,Maple Family Medicine,,',
  '(555) 420-0001,"Gonzalez, Maria",Tuesday,Dr. Patel,Maple Family Medicine,,',
  '(555) 420-0001,"Gonzalez, Maria",1/8/2027 9:30 AM,Dr. Patel,Maple Family Medicine,,',
  '(555) 420-0002,"Smith, John",1/20/2027 10:00,,Maple Family Medicine,,',
  '',
].join('\n');

describe('importing appointments', () => {
  it('adds the valid rows on each patient’s clock, reports the others by line and field, and adds nothing twice', async () => {
    const response = await postCsv(SCHEDULE, '?ignore=Room');
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ imported: 2, existing: 1, failed: 4 });
    expect(result.rows.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual([
      [2, 'imported'],
      [3, 'imported'],
      [4, 'failed'],
      [5, 'failed'],
      [6, 'failed'],
      [7, 'existing'],
      [8, 'failed'],
    ]);
    expect(result.rows[2].errors).toEqual([{ field: 'phone', message: 'no patient of this practice has this phone number' }]);
    expect(result.rows[3].errors).toEqual([{ field: 'startsAt', message: expect.stringContaining('is in the past') }]);
    expect(result.rows[4].errors).toEqual([{ field: 'startsAt', message: expect.stringContaining('must be a date like 1948-03-21 or 3/21/1948') }]);
    expect(result.rows[6]).toMatchObject({ patientId: john.id, errors: [{ field: 'withWhom', message: expect.any(String) }] });
    // The same start with the same person is the appointment already added, whatever the location says.
    expect(result.rows[5].appointmentId).toBe(result.rows[0].appointmentId);

    const marias = (await admin.get(`/api/v1/patients/${maria.id}/appointments`)).body.data;
    expect(marias).toMatchObject([
      { localStartsAt: '2027-01-08T09:30', timezone: 'America/Chicago', withWhom: 'Dr. Patel', location: 'Maple Family Medicine, 2nd floor', purpose: 'blood pressure follow-up', source: 'csv', createdBy: 'admin token' },
    ]);
    const johns = (await admin.get(`/api/v1/patients/${john.id}/appointments`)).body.data;
    expect(johns).toMatchObject([{ startsAt: '2027-01-09T19:15:00.000Z', timezone: 'America/New_York', withWhom: 'Dr. Ruiz', location: 'Telehealth', purpose: null }]);

    const again = (await postCsv(SCHEDULE, '?ignore=Room')).json();
    expect(again).toMatchObject({ imported: 0, existing: 3, failed: 4 });
    const actions = (await t.db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'appointment.import' AND patient_id = $1", [maria.id])).rows[0].n;
    expect(actions).toBe(1);
  });

  it('finds patients by id, and takes Date and Time columns', async () => {
    const csv = ['Patient Id,Date,Time,With,Where', `${john.id},2027-02-03,2:15 pm,Dr. Ruiz,Lab`, `${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)},2027-02-03,9:00,Dr. Ruiz,Lab`, ''].join('\n');
    const result = (await postCsv(csv)).json();
    expect(result.rows).toMatchObject([
      { line: 2, status: 'imported', patientId: john.id },
      { line: 3, status: 'failed', errors: [{ field: 'patientId', message: 'no patient with this id at this practice' }] },
    ]);
    const added = (await admin.get(`/api/v1/patients/${john.id}/appointments`)).body.data.find((a: { location: string }) => a.location === 'Lab');
    expect(added).toMatchObject({ localStartsAt: '2027-02-03T14:15', timezone: 'America/New_York' });
  });

  it('names unknown and missing columns, and is for admins only', async () => {
    const unknown = await postCsv('Phone,Appointment,With,Location,Room\n');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/^Unknown column: "Room"\. .*send \?ignore=Room/);
    const missing = await postCsv('Patient Name,Date,With\n');
    expect(missing.json().error.message).toBe(
      'The header row lacks required columns: "Patient Id" or "Phone", "Appointment" (or "Date" and "Time"), "Location"',
    );
    const key = await createApiKey(admin, practiceId, 'coordinator');
    expect((await postCsv(SCHEDULE, '?ignore=Room', key.token)).statusCode).toBe(403);
    const other = await createPractice(admin);
    const theirs = await t.service.app.inject({
      method: 'POST',
      url: `/api/v1/practices/${other.id}/appointments/import`,
      headers: { authorization: `Bearer ${(await createApiKey(admin, practiceId, 'admin')).token}`, 'content-type': 'text/csv' },
      payload: SCHEDULE,
    });
    expect(theirs.statusCode).toBe(404);
  });
});
