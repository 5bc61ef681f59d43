/**
 * Emails to patients, each kept as it was queued and what became of it, and
 * the unsubscribe tokens of those sent (hashes only). A status moves
 * pending -> sending -> sent | bounced | failed | simulated, or to cancelled
 * before it goes; only one worker can take a pending email to send it.
 */
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export type EmailStatus = 'pending' | 'sending' | 'sent' | 'bounced' | 'failed' | 'cancelled' | 'simulated';

export interface Email {
  id: string;
  practiceId: string;
  patientId: string;
  kind: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  /** It holds more than "something is ready": sent only while the patient's choice is 'full'. */
  fullContent: boolean;
  status: EmailStatus;
  attempts: number;
  smtpMessageId: string | null;
  smtpResponse: string | null;
  error: string | null;
  claimedAt: string | null;
  createdAt: string;
  sentAt: string | null;
  updatedAt: string;
}

interface EmailRow {
  id: string;
  practice_id: string;
  patient_id: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  full_content: boolean;
  status: EmailStatus;
  attempts: number;
  smtp_message_id: string | null;
  smtp_response: string | null;
  error: string | null;
  claimed_at: Date | string | null;
  created_at: Date | string;
  sent_at: Date | string | null;
  updated_at: Date | string;
}

const toEmail = (row: EmailRow): Email => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  kind: row.kind,
  toAddress: row.to_address,
  subject: row.subject,
  textBody: row.text_body,
  htmlBody: row.html_body,
  fullContent: row.full_content,
  status: row.status,
  attempts: row.attempts,
  smtpMessageId: row.smtp_message_id,
  smtpResponse: row.smtp_response,
  error: row.error,
  claimedAt: toIsoOrNull(row.claimed_at),
  createdAt: toIso(row.created_at),
  sentAt: toIsoOrNull(row.sent_at),
  updatedAt: toIso(row.updated_at),
});

/** An email as it is queued: what it is and who it is for; the sending fills in the rest. */
export type NewEmail = Pick<Email, 'practiceId' | 'patientId' | 'kind' | 'toAddress' | 'subject' | 'textBody' | 'htmlBody' | 'fullContent'> & { createdAt: Date };

export async function insertEmail(db: Queryable, e: NewEmail): Promise<Email> {
  const { rows } = await db.query<EmailRow>(
    `INSERT INTO emails (practice_id, patient_id, kind, to_address, subject, text_body, html_body, full_content, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
    [e.practiceId, e.patientId, e.kind, e.toAddress, e.subject, e.textBody, e.htmlBody, e.fullContent, e.createdAt],
  );
  return toEmail(rows[0]!);
}

export async function findEmail(db: Queryable, id: string): Promise<Email | null> {
  const { rows } = await db.query<EmailRow>('SELECT * FROM emails WHERE id = $1', [id]);
  return rows[0] ? toEmail(rows[0]) : null;
}

/** A patient's emails, oldest first. */
export async function listEmails(db: Queryable, patientId: string): Promise<Email[]> {
  const { rows } = await db.query<EmailRow>('SELECT * FROM emails WHERE patient_id = $1 ORDER BY created_at, id', [patientId]);
  return rows.map(toEmail);
}

/**
 * Takes a pending email to send it, to the patient's address now (staff may
 * have corrected it since it was queued). Only one worker wins it, so a job
 * that runs twice never sends twice.
 */
export async function claimEmail(db: Queryable, id: string, toAddress: string, at: Date): Promise<Email | null> {
  const { rows } = await db.query<EmailRow>(
    `UPDATE emails SET status = 'sending', to_address = $2, attempts = attempts + 1, claimed_at = $3, updated_at = $3
     WHERE id = $1 AND status = 'pending' RETURNING *`,
    [id, toAddress, at],
  );
  return rows[0] ? toEmail(rows[0]) : null;
}

/** Puts a claimed email back to wait for another attempt, with why this one failed. */
export async function releaseEmail(db: Queryable, id: string, error: string, at: Date): Promise<void> {
  await db.query(`UPDATE emails SET status = 'pending', error = $2, updated_at = $3 WHERE id = $1 AND status = 'sending'`, [id, error, at]);
}

/** An email whose send was cut short (the process died) goes back to pending, from `sending` only. */
export async function reopenEmail(db: Queryable, id: string, at: Date): Promise<Email | null> {
  const { rows } = await db.query<EmailRow>(
    `UPDATE emails SET status = 'pending', updated_at = $2 WHERE id = $1 AND status = 'sending' RETURNING *`,
    [id, at],
  );
  return rows[0] ? toEmail(rows[0]) : null;
}

export interface EmailOutcome {
  status: 'sent' | 'simulated' | 'bounced' | 'failed' | 'cancelled';
  smtpMessageId?: string | null;
  smtpResponse?: string | null;
  error?: string | null;
  at: Date;
}

/** Records how an email ended, once: an email already ended keeps its outcome. Returns whether this one applied. */
export async function finishEmail(db: Queryable, id: string, o: EmailOutcome): Promise<boolean> {
  const sent = o.status === 'sent' || o.status === 'simulated';
  const { rowCount } = await db.query(
    `UPDATE emails SET status = $2, smtp_message_id = coalesce($3, smtp_message_id), smtp_response = coalesce($4, smtp_response),
       error = CASE WHEN $6 THEN NULL ELSE coalesce($5, error) END, sent_at = CASE WHEN $6 THEN $7 ELSE sent_at END, updated_at = $7
     WHERE id = $1 AND status IN ('pending', 'sending')`,
    [id, o.status, o.smtpMessageId ?? null, o.smtpResponse ?? null, o.error ?? null, sent, o.at],
  );
  return (rowCount ?? 0) > 0;
}

/** Cancels a patient's emails that have not gone yet (they stopped emails, their address bounced); how many. */
export async function cancelWaitingEmails(db: Queryable, patientId: string, reason: string, at: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE emails SET status = 'cancelled', error = $2, updated_at = $3 WHERE patient_id = $1 AND status = 'pending'`,
    [patientId, reason, at],
  );
  return rowCount ?? 0;
}

/** The unsubscribe token an email carries, as its hash; an email sent again (its first send was cut short) replaces its own. */
export async function saveUnsubscribeToken(db: Queryable, t: { hash: Buffer; emailId: string; patientId: string; at: Date }): Promise<void> {
  await db.query(
    `INSERT INTO email_unsubscribe_tokens (token_hash, email_id, patient_id, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
    [t.hash, t.emailId, t.patientId, t.at],
  );
}

/** Whose unsubscribe link this is (the email it came in, the patient and practice); null for a token nobody was sent. */
export async function findUnsubscribeToken(db: Queryable, hash: Buffer): Promise<{ emailId: string; patientId: string; practiceId: string } | null> {
  const { rows } = await db.query<{ email_id: string; patient_id: string; practice_id: string }>(
    `SELECT t.email_id, t.patient_id, p.practice_id FROM email_unsubscribe_tokens t JOIN patients p ON p.id = t.patient_id
     WHERE t.token_hash = $1`,
    [hash],
  );
  const row = rows[0];
  return row ? { emailId: row.email_id, patientId: row.patient_id, practiceId: row.practice_id } : null;
}
