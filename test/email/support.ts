/**
 * What the email tests share: the service with Twilio simulated (texts are
 * not what these tests are about) and, unless asked otherwise, SMTP_URL
 * pointing at a real SMTP server on loopback; one practice; and a way to
 * queue an email the way the week-4 summary does, in a transaction.
 */
import { queueEmail, unsubscribeLinkShown } from '../../src/messaging/index.js';
import { findPatient } from '../../src/store/patients.js';
import { findPractice } from '../../src/store/practices.js';
import { withTransaction } from '../../src/store/sql.js';
import { apiClient, createPatient, createPractice } from '../helpers/api.js';
import { PUBLIC_URL, startTestService } from '../helpers/service.js';
import { startSmtpServer } from '../helpers/smtp.js';

/** A subject as the summary's: the practice's name, nothing about health. */
export const SUBJECT = 'Your monthly summary from Riverside Family Medicine';
export const TEXT = `Hello Maria,\nYour monthly summary is ready.\n\nStop these emails: ${unsubscribeLinkShown(PUBLIC_URL)}\n`;
export const HTML = `<!doctype html><html><body><p>Hello Maria,</p><p>Your monthly summary is ready.</p><p><a href="${unsubscribeLinkShown(PUBLIC_URL)}">Stop these emails</a></p></body></html>`;

export async function startEmailTest(options: { smtp?: boolean; start?: string } = {}) {
  const smtp = await startSmtpServer();
  const t = await startTestService(
    {
      TWILIO_ACCOUNT_SID: '',
      TWILIO_AUTH_TOKEN: '',
      ...(options.smtp === false ? {} : { SMTP_URL: smtp.url, MAIL_FROM: 'care@riverside.example' }),
    },
    options.start ? { start: options.start } : {},
  );
  const admin = apiClient(t.service.app);
  const practice = await createPractice(admin, { name: 'Riverside Family Medicine', contactPhone: '(555) 123-4567' });
  let n = 0;
  return {
    t,
    smtp,
    admin,
    practice,
    /** A patient with an email address (link only, unless overridden). */
    async newPatient(overrides: Record<string, unknown> = {}) {
      n += 1;
      return (await createPatient(admin, practice.id, { email: `patient${n}@example.org`, ...overrides })) as unknown as { id: string; email: string; phone: string };
    },
    /** Queues an email as the summary does, in a transaction of its own; returns its id. */
    queue(patientId: string, extra: { text?: string; html?: string; full?: boolean } = {}) {
      return withTransaction(t.db.pool, async (tx) => {
        const patient = (await findPatient(tx, patientId))!;
        const found = (await findPractice(tx, patient.practiceId))!;
        const email = await queueEmail(tx, { practice: found, patient, kind: 'summary', subject: SUBJECT, text: TEXT, html: HTML, at: t.clock.now(), ...extra });
        return email.id;
      });
    },
    async email(id: string) {
      const { rows } = await t.db.pool.query('SELECT * FROM emails WHERE id = $1', [id]);
      return rows[0];
    },
    async events(patientId: string, type: string) {
      const { rows } = await t.db.pool.query('SELECT detail FROM patient_events WHERE patient_id = $1 AND type = $2 ORDER BY at', [patientId, type]);
      return rows.map((r) => r.detail as Record<string, unknown>);
    },
    async close() {
      await t.close();
      await smtp.close();
    },
  };
}
export type EmailTest = Awaited<ReturnType<typeof startEmailTest>>;
