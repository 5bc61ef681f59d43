/**
 * Emails to patients, queued like texts (outbox.ts): the email is kept, and
 * the job that sends it is written, in the caller's transaction. Who may be
 * emailed at all is decided here, once, for whoever queues and for the job
 * that sends (the patient may have changed their mind in between).
 */
import { enqueueJob } from '../store/job-queue.js';
import { insertEmail, type Email } from '../store/emails.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { emailStandingBlock, type EmailBlock } from '../planning/index.js';
import { TOKEN_MARK } from './link-tokens.js';

/** Where an email's unsubscribe link points; the token follows. */
export const UNSUBSCRIBE_PATH = '/e/unsubscribe/';

/** The unsubscribe link as a stored email shows it: its token is made as the email is sent. */
export const unsubscribeLinkShown = (publicUrl: string) => `${publicUrl}${UNSUBSCRIBE_PATH}${TOKEN_MARK}`;

export type { EmailBlock } from '../planning/index.js';

/** Null when the patient may be emailed now (see planning's emailStandingBlock). */
export function emailBlock(patient: Patient): EmailBlock | null {
  return emailStandingBlock({ ...patient, consentGranted: patient.consent.status === 'granted' });
}

export interface EmailToQueue {
  practice: Practice;
  patient: Patient;
  /** What it is ('summary', ...). */
  kind: string;
  /** Nothing about health: the subject is read by anyone who sees an inbox. */
  subject: string;
  /** Both parts carry unsubscribeLinkShown(publicUrl), which is checked. */
  text: string;
  html: string;
  /**
   * It holds the content itself, not only "it is ready" and a link: sent
   * only while the patient's choice is 'full'. Defaults to whether it is now
   * (the caller wrote it for the patient's choice), so an email written for
   * 'full' is cancelled if the patient goes back to 'link' before it leaves.
   */
  full?: boolean;
  /** When it is queued, by the service clock; the send job is due then. */
  at: Date;
}

/**
 * Queues an email; the email.send job sends it (with retries). Callers check
 * emailBlock first: queueing for a patient who may not be emailed, or an
 * email without its unsubscribe link in both parts, is a mistake and throws.
 */
export async function queueEmail(tx: Queryable, e: EmailToQueue): Promise<Email> {
  const full = e.full ?? e.patient.emailConsent === 'full';
  const block = emailBlock(e.patient) ?? (full && e.patient.emailConsent !== 'full' ? 'no_full_consent' : null);
  if (block) throw new Error(`queueEmail: this patient may not get this email (${block}); check emailBlock first`);
  const marked = `${UNSUBSCRIBE_PATH}${TOKEN_MARK}`;
  for (const [part, body] of [['text', e.text], ['html', e.html]] as const) {
    if (!body.includes(marked)) throw new Error(`queueEmail: the ${part} part has no unsubscribe link (put unsubscribeLinkShown(publicUrl) in it)`);
  }
  const email = await insertEmail(tx, {
    practiceId: e.practice.id,
    patientId: e.patient.id,
    kind: e.kind,
    toAddress: e.patient.email!,
    subject: e.subject,
    textBody: e.text,
    htmlBody: e.html,
    fullContent: full,
    createdAt: e.at,
  });
  await enqueueJob(tx, 'email.send', { emailId: email.id }, { runAt: e.at });
  return email;
}
