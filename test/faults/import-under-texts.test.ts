/**
 * A big CSV import must never cost a patient's text: the import runs in short
 * batches in the database's bulk lane, so a text that arrives meanwhile gets a
 * connection after one batch at most, not after the whole file. (Before, one
 * 5,000-row import held the embedded database's only connection for 38 s and
 * texts sent during it were answered 500 and lost.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestService, type TestService } from '../helpers/service.js';
import { apiClient, createPatient, createPractice } from '../helpers/api.js';
import { inboundSmsParams, newMessageSid, postTwilio } from '../helpers/twilio.js';
import { sleep } from '../helpers/real-time.js';

let t: TestService;
let practice: { id: string; phoneNumber: string };
let patients: Array<{ phone: string }>;
let fileNumber = 0;

beforeAll(async () => {
  t = await startTestService();
  const admin = apiClient(t.service.app);
  practice = await createPractice(admin);
  patients = await Promise.all(Array.from({ length: 6 }, () => createPatient(admin, practice.id)));
});
afterAll(() => t.close());

/** A practice's export of `rows` patients, each with a phone of its own. */
function csvOf(rows: number): string {
  fileNumber += 1;
  const lines = ['First Name,Last Name,Phone,Date of Birth,Conditions,Consent,Consent Method,Consent Date,Consented By'];
  for (let i = 0; i < rows; i += 1) {
    const phone = `(555) ${600 + fileNumber}-${String(i).padStart(4, '0')}`;
    lines.push(`Pat${i},Import${fileNumber},${phone},1950-01-01,hypertension;COPD,Yes,verbal,2026-11-02,"Jane Doe, RN"`);
  }
  return `${lines.join('\n')}\n`;
}

const importFile = (csv: string) =>
  t.service.app.inject({
    method: 'POST',
    url: `/api/v1/practices/${practice.id}/patients/import`,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
    payload: csv,
  });

/** Texts from the panel while `running()` says the imports go on; each with its answer and whether the import was still running when it came. */
async function textWhile(running: () => boolean) {
  const answered: Array<{ sid: string; status: number; importStillRunning: boolean }> = [];
  await sleep(50);
  for (let i = 0; i < patients.length && running(); i += 1) {
    const sid = newMessageSid();
    const response = await postTwilio(t.service.app, '/webhooks/twilio/sms', inboundSmsParams(patients[i]!.phone, practice.phoneNumber, 'feeling fine today', sid));
    answered.push({ sid, status: response.statusCode, importStillRunning: running() });
    await sleep(100);
  }
  return answered;
}

async function storedSids(sids: string[]): Promise<Set<string>> {
  const { rows } = await t.db.pool.query<{ twilio_sid: string }>('SELECT twilio_sid FROM messages WHERE twilio_sid = ANY($1)', [sids]);
  return new Set(rows.map((r) => r.twilio_sid));
}

describe('texts during a long import', () => {
  it('are each answered and stored while the import is still running', async () => {
    let running = true;
    const imported = importFile(csvOf(600)).finally(() => (running = false));
    const answered = await textWhile(() => running);
    const response = await imported;
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ imported: 600, failed: 0 });

    expect(answered.length).toBeGreaterThan(0);
    expect(answered.map((a) => a.status)).toEqual(answered.map(() => 200));
    // Answered between two batches, not after the whole file.
    expect(answered.filter((a) => a.importStillRunning).length).toBeGreaterThan(0);
    expect(await storedSids(answered.map((a) => a.sid))).toEqual(new Set(answered.map((a) => a.sid)));
  });

  it('are each answered and stored during twelve imports at once', async () => {
    let pending = 12;
    const imports = Array.from({ length: 12 }, () => importFile(csvOf(40)).finally(() => (pending -= 1)));
    const answered = await textWhile(() => pending > 0);
    const responses = await Promise.all(imports);
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 200));
    expect(responses.reduce((sum, r) => sum + r.json().imported, 0)).toBe(480);

    expect(answered.length).toBeGreaterThan(0);
    expect(answered.map((a) => a.status)).toEqual(answered.map(() => 200));
    expect(answered.filter((a) => a.importStillRunning).length).toBeGreaterThan(0);
    expect(await storedSids(answered.map((a) => a.sid))).toEqual(new Set(answered.map((a) => a.sid)));
  });

  it('enrols a file cut into batches as one list: a repeated phone across batches is caught, and the access log has every patient', async () => {
    const csv = csvOf(150);
    const [header, ...rows] = csv.trim().split('\n');
    // Line 152 repeats the phone of line 2, in another batch.
    const response = await importFile([header, ...rows, rows[0]!.replace('Pat0,', 'Twin,')].join('\n'));
    const result = response.json();
    expect(result).toMatchObject({ imported: 150, failed: 1 });
    expect(result.rows.at(-1)).toMatchObject({ line: 152, status: 'failed', errors: [{ field: 'phone', message: 'same phone as line 2' }] });
    const ids = result.rows.filter((r: { status: string }) => r.status === 'imported').map((r: { patientId: string }) => r.patientId);
    const { rows: logged } = await t.db.pool.query("SELECT count(DISTINCT patient_id)::int AS n FROM audit_log WHERE action = 'patient.create' AND patient_id = ANY($1)", [ids]);
    expect(logged[0].n).toBe(150);
  });

  it('a text that cannot get a connection at all is a 503 with Retry-After, and Twilio\'s retry is kept', async () => {
    const pool = t.db.pool;
    const options = (pool as unknown as { options: { max: number; connectionTimeoutMillis: number } }).options;
    const held = [];
    for (let i = 0; i < options.max; i += 1) held.push(await pool.connect());
    // Every connection busy: the wait for one ends sooner than the service's 10 s, so the test need not sit through it.
    const patience = options.connectionTimeoutMillis;
    options.connectionTimeoutMillis = 200;
    const sid = newMessageSid();
    const params = inboundSmsParams(patients[0]!.phone, practice.phoneNumber, 'my sugar was 250 this morning', sid);
    try {
      const refused = await postTwilio(t.service.app, '/webhooks/twilio/sms', params);
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBeDefined();
      expect(refused.json().error.code).toBe('service_unavailable');
    } finally {
      options.connectionTimeoutMillis = patience;
      for (const client of held) client.release();
    }
    const retried = await postTwilio(t.service.app, '/webhooks/twilio/sms', params);
    expect(retried.statusCode).toBe(200);
    expect(await storedSids([sid])).toEqual(new Set([sid]));
  });
});
