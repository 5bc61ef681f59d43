/**
 * Monthly summaries as sent, and the tokens of the emails that link to them
 * (hashes only). The store keeps the summary's content as it is given
 * (src/records/care-summary.ts makes it); it does not read it.
 */
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export type SummaryContent = Record<string, unknown>;

export interface StoredSummary<T = SummaryContent> {
  id: string;
  practiceId: string;
  patientId: string;
  month: string;
  content: T;
  emailId: string | null;
  createdAt: string;
  expiresAt: string;
  openedAt: string | null;
}

interface Row {
  id: string;
  practice_id: string;
  patient_id: string;
  month: string;
  content: SummaryContent;
  email_id: string | null;
  created_at: Date | string;
  expires_at: Date | string;
  opened_at: Date | string | null;
}

const toSummary = (row: Row): StoredSummary => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  month: row.month,
  content: row.content,
  emailId: row.email_id,
  createdAt: toIso(row.created_at),
  expiresAt: toIso(row.expires_at),
  openedAt: toIsoOrNull(row.opened_at),
});

/** The summary of a planned contact, once: dispatched twice, the contact has one. */
export async function insertSummary(
  db: Queryable,
  s: { practiceId: string; patientId: string; outreachId: string; month: string; content: object; createdAt: Date; expiresAt: Date },
): Promise<StoredSummary | null> {
  const { rows } = await db.query<Row>(
    `INSERT INTO summaries (practice_id, patient_id, outreach_id, month, content, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (outreach_id) DO NOTHING RETURNING *`,
    [s.practiceId, s.patientId, s.outreachId, s.month, JSON.stringify(s.content), s.createdAt, s.expiresAt],
  );
  return rows[0] ? toSummary(rows[0]) : null;
}

export async function findSummary(db: Queryable, id: string, options: { lock?: boolean } = {}): Promise<StoredSummary | null> {
  const { rows } = await db.query<Row>(`SELECT * FROM summaries WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toSummary(rows[0]) : null;
}

export async function setSummaryEmail(db: Queryable, summaryId: string, emailId: string): Promise<void> {
  await db.query('UPDATE summaries SET email_id = $2 WHERE id = $1', [summaryId, emailId]);
}

/** The summary an email links to. */
export async function findSummaryOfEmail(db: Queryable, emailId: string): Promise<StoredSummary | null> {
  const { rows } = await db.query<Row>('SELECT * FROM summaries WHERE email_id = $1', [emailId]);
  return rows[0] ? toSummary(rows[0]) : null;
}

/** The email's link token, as its hash; an email sent again (its first send was cut short) replaces its own. */
export async function saveSummaryToken(db: Queryable, t: { hash: Buffer; summaryId: string; emailId: string; at: Date }): Promise<void> {
  await db.query(
    `INSERT INTO summary_tokens (token_hash, summary_id, email_id, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
    [t.hash, t.summaryId, t.emailId, t.at],
  );
}

export async function findSummaryByToken(db: Queryable, tokenHash: Buffer): Promise<StoredSummary | null> {
  const { rows } = await db.query<Row>('SELECT s.* FROM summary_tokens t JOIN summaries s ON s.id = t.summary_id WHERE t.token_hash = $1', [tokenHash]);
  return rows[0] ? toSummary(rows[0]) : null;
}

export async function markSummaryOpened(db: Queryable, id: string, at: Date): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE summaries SET opened_at = $2 WHERE id = $1 AND opened_at IS NULL', [id, at]);
  return (rowCount ?? 0) > 0;
}
