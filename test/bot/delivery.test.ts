import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { listPendingJobs } from '../../src/store/job-queue.js';
import { waitFor } from '../helpers/twilio.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario({ SEND_RETRY_BASE_SECONDS: '0.2' });
});
afterAll(() => s.close());

const messageRow = async (id: string) =>
  (await s.t.db.pool.query('SELECT status, error_code, attempts FROM messages WHERE id = $1', [id])).rows[0];

describe('sending texts', () => {
  it('retries after Twilio throttles or fails, and sends the text once', async () => {
    const patient = await s.newPatient();
    s.twilio.failNext(429, { code: 20429, message: 'Too Many Requests' });
    s.twilio.failNext(503, { message: 'Service Unavailable' });
    const response = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    await expect.poll(() => messageRow(response.body.messageId), { timeout: 15_000 }).toMatchObject({ status: 'queued', attempts: 3 });
    expect(s.twilio.sent.filter((m) => m.To === patient.phone)).toHaveLength(1);
  });

  it('marks the number invalid on 21211 and cancels the check-in', async () => {
    const patient = await s.newPatient();
    s.twilio.failNext(400, { code: 21211, message: "The 'To' number is not a valid phone number." });
    const response = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    await expect.poll(() => messageRow(response.body.messageId), { timeout: 15_000 }).toMatchObject({ status: 'failed', error_code: 21211 });
    expect((await s.admin.get(`/api/v1/patients/${patient.id}`)).body.phoneInvalidAt).not.toBeNull();
    expect((await s.conversation(response.body.conversationId)).status).toBe('cancelled');
    const again = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    expect(again.status).toBe(409);
  });

  it('holds a check-in until quiet hours end in the patient\'s timezone', async () => {
    const patient = await s.newPatient({ timezone: 'Pacific/Kiritimati' });
    // Quiet for the whole day except one minute, so "now" is surely inside.
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Pacific/Kiritimati', hour: '2-digit', minute: '2-digit' }).format(new Date());
    const [h, m] = local.split(':').map(Number) as [number, number];
    const end = `${String((h + 2) % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    const start = `${String((h + 23) % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { quietHours: { start, end } });
    try {
      const response = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
      expect(response.status).toBe(202);
      // The send job put itself off until the end of quiet hours, two hours from now.
      const held = await waitFor(async () =>
        (await listPendingJobs(s.t.db.pool, 'message.send')).find(
          (job) => (job.data as { messageId: string }).messageId === response.body.messageId && Date.parse(job.nextRunAt!) > Date.now() + 60_000,
        ),
      );
      const wait = Date.parse(held.nextRunAt!) - Date.now();
      expect(wait).toBeGreaterThan(60 * 60 * 1000);
      expect(wait).toBeLessThanOrEqual(2 * 60 * 60 * 1000);
      expect((await messageRow(response.body.messageId)).status).toBe('pending');
      expect(s.twilio.sent.filter((m) => m.To === patient.phone)).toEqual([]);
    } finally {
      await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { quietHours: { start: '21:00', end: '08:00' } });
    }
  });
});
