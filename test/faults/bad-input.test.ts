import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestService, type TestService } from '../helpers/service.js';
import { apiClient, createPatient, createPractice, patientBody, type ApiClient } from '../helpers/api.js';
import { fixture, postTwilio } from '../helpers/twilio.js';
import { eventually } from '../helpers/real-time.js';

let t: TestService;
let admin: ApiClient;
let practiceId: string;
let patientId: string;

beforeAll(async () => {
  t = await startTestService();
  admin = apiClient(t.service.app);
  practiceId = (await createPractice(admin)).id;
  patientId = (await createPatient(admin, practiceId)).id;
});
afterAll(() => t.close());

const consentAt = (recordedAt: string) => patientBody({ consent: { status: 'granted', method: 'verbal', recordedAt, recordedBy: 'Jane Doe, RN' } });

describe('values a database cannot hold get a 400 that names the field, never a 500', () => {
  it.each([
    ['0000-01-01T00:00:00Z', 'a year before 1900'],
    ['0000-01-01', 'a bare date in year 0'],
    ['2026-11-02T15:04:00+24:00', 'an offset beyond ±14:00'],
    ['2026-11-02T15:04:00-15:59', 'an offset beyond ±14:00'],
    ['10000-01-01T00:00:00Z', 'a five-digit year'],
  ])('consent.recordedAt %j (%s)', async (recordedAt) => {
    const response = await admin.post(`/api/v1/practices/${practiceId}/patients`, consentAt(recordedAt));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('body.consent.recordedAt');
  });

  it.each(['0000-01-01', '2026-02-30', '9999-12-31'])('refillDueOn %j', async (refillDueOn) => {
    const response = await admin.post(`/api/v1/patients/${patientId}/medications`, { name: 'lisinopril', dose: '10 mg', times: ['08:00'], refillDueOn });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('body.refillDueOn');
  });

  it.each([3_000_000_000, 2 ** 31, 1001])('onCallOrder %d', async (onCallOrder) => {
    const response = await admin.post(`/api/v1/practices/${practiceId}/coordinators`, { name: 'Nora', phone: '(555) 300-0101', role: 'nurse', onCallOrder });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('body.onCallOrder');
  });

  it('a status callback with an error code beyond a 32-bit integer', async () => {
    const started = await admin.post(`/api/v1/patients/${patientId}/check-ins`, { flow: 'wellness' });
    const params = { ...fixture('message-status-undelivered'), ErrorCode: '2147483648' };
    const response = await postTwilio(t.service.app, `/webhooks/twilio/status?messageId=${started.body.messageId}`, params);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('ErrorCode');
  });

  it('CSV rows with impossible dates are reported by line, and the rest imported', async () => {
    const csv = [
      'firstName,lastName,phone,dateOfBirth,consentStatus,consentMethod,consentRecordedAt,consentRecordedBy',
      'Ana,Ruiz,(555) 420-0001,1948-03-21,granted,verbal,0000-01-01,"Jane Doe, RN"',
      'Bo,Lee,(555) 420-0002,1950-01-01,granted,verbal,2026-11-02T10:00:00+99:00,"Jane Doe, RN"',
      'Cy,Ode,(555) 420-0003,2/30/1945,granted,verbal,2026-11-02,"Jane Doe, RN"',
      'Di,Fox,(555) 420-0004,1951-07-04,granted,verbal,2026-11-02,"Jane Doe, RN"',
    ].join('\n');
    const response = await t.service.app.inject({
      method: 'POST',
      url: `/api/v1/practices/${practiceId}/patients/import`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ imported: 1, failed: 3 });
    expect(result.rows.map((r: { errors?: Array<{ field: string }> }) => r.errors?.[0]?.field)).toEqual([
      'consent.recordedAt',
      'consent.recordedAt',
      'dateOfBirth',
      undefined,
    ]);
  });
});

describe('uploads that are not whole', () => {
  const upload = (contentType: string, payload: string) =>
    t.service.app.inject({
      method: 'POST',
      url: `/api/v1/practices/${practiceId}/patients/import`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': contentType },
      payload,
    });

  it('a multipart upload with no boundary is a 400', async () => {
    const response = await upload('multipart/form-data', 'firstName,lastName\nAna,Ruiz\n');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/multipart/i);
  });

  it('a multipart upload cut short is a 400, and enrols nobody', async () => {
    const before = (await admin.get(`/api/v1/practices/${practiceId}/patients?limit=200`)).body.data.length;
    const truncated = [
      '--XyZ',
      'Content-Disposition: form-data; name="file"; filename="patients.csv"',
      'Content-Type: text/csv',
      '',
      'firstName,lastName,phone,consentStatus,consentMethod,consentRecordedAt,consentRecordedBy',
      'Eve,Lane,(555) 420-0010,granted,verbal,2026-11-02,"Jane Doe, RN"',
    ].join('\r\n');
    const response = await upload('multipart/form-data; boundary=XyZ', truncated);
    expect(response.statusCode).toBe(400);
    expect((await admin.get(`/api/v1/practices/${practiceId}/patients?limit=200`)).body.data.length).toBe(before);
  });
});

describe('an import that cannot finish', () => {
  it('keeps the batches it finished, none of the one that failed, and the same file sent again enrols the rest', async () => {
    const practice = await createPractice(admin);
    // A fault in the middle of the file, as a broken disk or a bug would cause: row 150 cannot be written.
    await t.db.pool.query(`CREATE FUNCTION fail_on_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.first_name = 'Boom' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$`);
    await t.db.pool.query('CREATE TRIGGER fail_on_boom BEFORE INSERT ON patients FOR EACH ROW EXECUTE FUNCTION fail_on_boom()');
    const rows = Array.from({ length: 180 }, (_, i) => `${i === 149 ? 'Boom' : `Ann${i}`},Lane,(555) 430-${String(i).padStart(4, '0')},granted,verbal,2026-11-02,"Jane Doe, RN"`);
    const csv = ['firstName,lastName,phone,consentStatus,consentMethod,consentRecordedAt,consentRecordedBy', ...rows].join('\n');
    const upload = () =>
      t.service.app.inject({
        method: 'POST',
        url: `/api/v1/practices/${practice.id}/patients/import`,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
        payload: csv,
      });
    const enrolled = async () => (await t.db.pool.query('SELECT count(*)::int AS n FROM patients WHERE practice_id = $1', [practice.id])).rows[0].n;
    const logged = async () =>
      (await t.db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE practice_id = $1 AND action = 'patient.create'", [practice.id])).rows[0].n;
    try {
      expect((await upload()).statusCode).toBe(500);
      // The first batch of 100 stands, with its access-log rows; the batch with the fault left nothing.
      expect(await enrolled()).toBe(100);
      expect(await logged()).toBe(100);
    } finally {
      await t.db.pool.query('DROP TRIGGER fail_on_boom ON patients; DROP FUNCTION fail_on_boom()');
    }
    const again = await upload();
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ imported: 80, existing: 100, failed: 0 });
    expect(await enrolled()).toBe(180);
    expect(await logged()).toBe(180);
  });
});

describe('what reaches the request log', () => {
  it('only a well-formed Twilio id, never whatever a malformed form put in MessageSid', async () => {
    const junk = `SM${'9'.repeat(20)} +15559871234 my chest hurts ${'x'.repeat(3000)}`;
    const response = await postTwilio(t.service.app, '/webhooks/twilio/sms', { MessageSid: junk, From: '+15559871234', To: '+15550001111', Body: 'hi' });
    expect(response.statusCode).toBe(400);
    expect(t.logs.text).not.toContain('my chest hurts');
    expect(t.logs.text).not.toContain('5559871234');
  });
});

describe('a client that hangs up mid-request', () => {
  it('is no alarm: nothing says the database is away, and nothing is logged as an error', async () => {
    const app = t.service.app;
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const before = t.logs.text.length;
    // Headers promise a body; half of it comes, then the connection closes.
    await new Promise<void>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: Number(port) }, () => {
        socket.write(
          `POST /api/v1/practices HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":`,
        );
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
    await eventually('the request to be logged', async () => t.logs.text.length > before);
    const written = t.logs.text.slice(before);
    expect(written).not.toContain('database unavailable');
    expect(written).not.toContain('"level":50');
  });
});

describe('API answers', () => {
  it('are never kept by a browser or a proxy: they carry patient data', async () => {
    const response = await t.service.app.inject({ method: 'GET', url: `/api/v1/practices/${practiceId}/patients`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const refused = await t.service.app.inject({ method: 'GET', url: `/api/v1/practices/${practiceId}/patients` });
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});

describe('paging patients', () => {
  it("refuses another practice's patient as the cursor, saying the same as for an unknown id", async () => {
    const other = await createPractice(admin);
    const theirs = await createPatient(admin, other.id);
    const response = await admin.get(`/api/v1/practices/${practiceId}/patients?after=${theirs.id}`);
    expect(response.status).toBe(400);
    const unknown = await admin.get(`/api/v1/practices/${practiceId}/patients?after=00000000-0000-4000-8000-000000000000`);
    expect(unknown.body).toEqual(response.body);
    expect(response.body.error.message).toContain('after');
  });
});

describe('writes and their access-log rows', () => {
  it('commit together: a write whose audit row cannot be written is not kept', async () => {
    const patient = await createPatient(admin, practiceId);
    await t.db.pool.query(`CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`);
    await t.db.pool.query('CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_audit()');
    try {
      const body = patientBody();
      expect((await admin.post(`/api/v1/practices/${practiceId}/patients`, body)).status).toBe(500);
      const stored = await t.db.pool.query('SELECT count(*)::int AS n FROM patients WHERE phone = $1', [`+1${body.phone.replace(/\D/g, '').slice(-10)}`]);
      expect(stored.rows[0].n).toBe(0);
      expect((await admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'x', dose: '1', times: ['09:00'] })).status).toBe(500);
      expect((await admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'symptoms' })).status).toBe(500);
      const kept = await t.db.pool.query(
        'SELECT (SELECT count(*)::int FROM conversations WHERE patient_id = $1) AS conversations, (SELECT count(*)::int FROM medications WHERE patient_id = $1) AS medications',
        [patient.id],
      );
      expect(kept.rows[0]).toEqual({ conversations: 0, medications: 0 });
    } finally {
      await t.db.pool.query('DROP TRIGGER fail_audit ON audit_log; DROP FUNCTION fail_audit()');
    }
    expect((await admin.post(`/api/v1/practices/${practiceId}/patients`, patientBody())).status).toBe(201);
  });
});
