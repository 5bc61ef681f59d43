/** With no SMTP_URL, emails are recorded as `simulated` and none leaves the machine, as texts without Twilio credentials. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmailTest, type EmailTest } from './support.js';

let e: EmailTest;
beforeAll(async () => {
  e = await startEmailTest({ smtp: false });
});
afterAll(() => e?.close());

it('records the email as simulated, with its links made as for a real send, and sends nothing', async () => {
  expect(e.t.service.runtime.email.transport.simulated).toBe(true);
  const patient = await e.newPatient();
  const id = await e.queue(patient.id);
  await e.t.runDue();
  const row = await e.email(id);
  expect(row).toMatchObject({ status: 'simulated', attempts: 1, smtp_response: 'simulated', error: null });
  expect(row.sent_at.toISOString()).toBe(e.t.clock.now().toISOString());
  expect((await e.t.db.pool.query('SELECT 1 FROM email_unsubscribe_tokens WHERE email_id = $1', [id])).rowCount).toBe(1);
  expect(e.smtp.received).toEqual([]);
});
