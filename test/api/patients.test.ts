import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { apiClient, createApiKey, createPatient, createPractice, patientBody, type ApiClient } from '../helpers/api.js';

let t: TestService;
let admin: ApiClient;
let practiceId: string;

beforeAll(async () => {
  t = await startTestService();
  admin = apiClient(t.service.app);
  practiceId = (await createPractice(admin)).id;
});
afterAll(() => t.close());

const auditRows = async (patientId: string) =>
  (await t.db.pool.query('SELECT action, actor_kind, actor_id FROM audit_log WHERE patient_id = $1 ORDER BY id', [patientId])).rows;

describe('enrolling patients', () => {
  it('enrolls a patient, normalising the phone to E.164', async () => {
    const response = await admin.post(`/api/v1/practices/${practiceId}/patients`, patientBody({ phone: '(555) 201-4455', language: 'es' }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      practiceId,
      firstName: 'Maria',
      phone: '+15552014455',
      language: 'es',
      preferredChannel: 'sms',
      conditions: ['hypertension', 'type 2 diabetes'],
      consent: { status: 'granted', method: 'verbal', recordedBy: 'Jane Doe, RN' },
      smsOptedOutAt: null,
    });
    expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects an invalid phone with a 400 that names the field and why', async () => {
    const response = await admin.post(`/api/v1/practices/${practiceId}/patients`, patientBody({ phone: '555-12' }));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^body\.phone: is not a valid phone number/);
    expect(response.body.error.issues).toEqual([{ path: 'body.phone', message: expect.stringContaining('not a valid phone number') }]);
  });

  it('answers 409 when two patients of one practice would share a phone', async () => {
    const first = await createPatient(admin, practiceId);
    const response = await admin.post(`/api/v1/practices/${practiceId}/patients`, patientBody({ phone: first.phone }));
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain(first.id);
    // The same number may belong to a patient of another practice.
    const other = await createPractice(admin);
    expect((await admin.post(`/api/v1/practices/${other.id}/patients`, patientBody({ phone: first.phone }))).status).toBe(201);
  });

  it('reports every invalid field of an enrolment at once', async () => {
    const response = await admin.post(`/api/v1/practices/${practiceId}/patients`, {
      ...patientBody(),
      language: 'fr',
      dateOfBirth: '2999-01-01',
      consent: { status: 'maybe' },
      favouriteColour: 'blue',
    });
    expect(response.status).toBe(400);
    const paths = response.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['body.language', 'body.dateOfBirth', 'body.consent.status', 'body.consent.method']));
    expect(response.body.error.message).toContain('favouriteColour');
  });

  it('refuses a coordinator of another practice', async () => {
    const other = await createPractice(admin);
    const coordinator = await admin.post(`/api/v1/practices/${other.id}/coordinators`, { name: 'Ann Lee', phone: '(555) 300-1000' });
    expect(coordinator.status).toBe(201);
    const response = await admin.post(`/api/v1/practices/${practiceId}/patients`, patientBody({ coordinatorId: coordinator.body.id }));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('coordinatorId');
  });
});

describe('reading and changing patients', () => {
  it('lists patients a page at a time in enrolment order', async () => {
    const practice = await createPractice(admin);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await createPatient(admin, practice.id, { firstName: `P${i}` })).id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { body: { data: Array<{ id: string }>; next: string | null } } = await admin.get(
        `/api/v1/practices/${practice.id}/patients?limit=2${after ? `&after=${after}` : ''}`,
      );
      seen.push(...page.body.data.map((p) => p.id));
      after = page.body.next;
    } while (after);
    expect(seen).toEqual(ids);
    expect((await admin.get(`/api/v1/practices/${practice.id}/patients?limit=0`)).status).toBe(400);
  });

  it('patches a patient and keeps what was not sent', async () => {
    const patient = await createPatient(admin, practiceId);
    const response = await admin.patch(`/api/v1/patients/${patient.id}`, { preferredChannel: 'voice', phone: '555 777 0001' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ preferredChannel: 'voice', phone: '+15557770001', firstName: 'Maria' });
    expect((await admin.patch(`/api/v1/patients/${patient.id}`, {})).status).toBe(400);
    expect((await admin.patch(`/api/v1/patients/${patient.id}`, { smsOptedOutAt: null })).status).toBe(400);
  });

  it('writes an audit row for every read of a patient record, naming the key', async () => {
    const practice = await createPractice(admin);
    const key = await createApiKey(admin, practice.id, 'coordinator');
    const patient = await createPatient(admin, practice.id);
    const coordinator = apiClient(t.service.app, key.token);
    expect((await coordinator.get(`/api/v1/patients/${patient.id}`)).status).toBe(200);
    expect((await coordinator.get(`/api/v1/practices/${practice.id}/patients`)).status).toBe(200);
    expect((await coordinator.get(`/api/v1/patients/${patient.id}/medications`)).status).toBe(200);
    expect(await auditRows(patient.id)).toEqual([
      { action: 'patient.create', actor_kind: 'admin_token', actor_id: null },
      { action: 'patient.read', actor_kind: 'api_key', actor_id: key.id },
      { action: 'patient.list', actor_kind: 'api_key', actor_id: key.id },
      { action: 'medication.list', actor_kind: 'api_key', actor_id: key.id },
    ]);
    const log = await admin.get(`/api/v1/patients/${patient.id}/access-log`);
    expect(log.body.data.map((row: { action: string }) => row.action)).toContain('patient.read');
    expect((await coordinator.get(`/api/v1/patients/${patient.id}/access-log`)).status).toBe(403);
  });
});

describe('tenant isolation', () => {
  it("answers 404 for another practice's patient, as if it did not exist, and audits nothing", async () => {
    const mine = await createPractice(admin);
    const theirs = await createPractice(admin);
    const theirPatient = await createPatient(admin, theirs.id);
    const key = apiClient(t.service.app, (await createApiKey(admin, mine.id, 'coordinator')).token);
    for (const response of [
      await key.get(`/api/v1/patients/${theirPatient.id}`),
      await key.patch(`/api/v1/patients/${theirPatient.id}`, { firstName: 'X' }),
      await key.get(`/api/v1/patients/${theirPatient.id}/medications`),
      await key.get(`/api/v1/practices/${theirs.id}/patients`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    expect((await key.get('/api/v1/patients/7d4a3a4e-0000-4000-8000-000000000000')).body).toEqual({
      error: { code: 'not_found', message: 'patient was not found' },
    });
    expect((await auditRows(theirPatient.id)).map((row) => row.action)).toEqual(['patient.create']);
  });

  it('lets a coordinator key read but not enrol', async () => {
    const practice = await createPractice(admin);
    const key = apiClient(t.service.app, (await createApiKey(admin, practice.id, 'coordinator')).token);
    const response = await key.post(`/api/v1/practices/${practice.id}/patients`, patientBody());
    expect(response.status).toBe(403);
  });
});

describe('medications', () => {
  it('adds medications with their times and lists them', async () => {
    const patient = await createPatient(admin, practiceId);
    const created = await admin.post(`/api/v1/patients/${patient.id}/medications`, {
      name: 'lisinopril',
      dose: '10 mg',
      times: ['20:00', '08:00'],
      refillDueOn: '2026-12-15',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'lisinopril', dose: '10 mg', times: ['08:00', '20:00'], refillDueOn: '2026-12-15' });
    const listed = await admin.get(`/api/v1/patients/${patient.id}/medications`);
    expect(listed.body.data).toHaveLength(1);
  });

  it('rejects times that are not HH:MM', async () => {
    const patient = await createPatient(admin, practiceId);
    const response = await admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'metformin', dose: '500 mg', times: ['8am'] });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('body.times.0');
  });
});
