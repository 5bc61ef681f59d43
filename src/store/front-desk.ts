/**
 * The front desk's texts: a patient's text that a person must act on but
 * that is only the office's work (src/flows/understand/for-the-office.ts).
 * Listed for the practice, resolved by whoever dealt with it, or passed on to
 * the care team when it turns out to be theirs.
 */
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export interface FrontDeskText {
  id: string;
  practiceId: string;
  patient: { id: string; firstName: string; lastName: string; phone: string; language: string };
  body: string;
  receivedAt: string;
  /** The office matters it names (src/flows/understand/for-the-office.ts). */
  topics: string[];
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
  note: string | null;
  /** It was passed on to the care team: the alert it raised in the patient's case. */
  passedAlertId: string | null;
}

interface Row {
  id: string;
  practice_id: string;
  patient_id: string;
  first_name: string;
  last_name: string;
  phone: string;
  language: string;
  body: string;
  created_at: Date | string;
  office_topics: string[];
  reviewed_at: Date | string | null;
  reviewed_by: string | null;
  reviewer_name: string | null;
  review_note: string | null;
  passed_alert_id: string | null;
}

const toFrontDeskText = (row: Row): FrontDeskText => ({
  id: row.id,
  practiceId: row.practice_id,
  patient: { id: row.patient_id, firstName: row.first_name, lastName: row.last_name, phone: row.phone, language: row.language },
  body: row.body,
  receivedAt: toIso(row.created_at),
  topics: row.office_topics,
  resolvedAt: toIsoOrNull(row.reviewed_at),
  resolvedBy: row.reviewed_by ? { id: row.reviewed_by, name: row.reviewer_name ?? 'unknown' } : null,
  note: row.review_note,
  passedAlertId: row.passed_alert_id,
});

const SELECT = `SELECT m.id, m.practice_id, m.patient_id, p.first_name, p.last_name, p.phone, p.language, m.body, m.created_at,
                       m.office_topics, m.reviewed_at, m.reviewed_by, c.name AS reviewer_name, m.review_note, m.passed_alert_id
                FROM messages m JOIN patients p ON p.id = m.patient_id
                LEFT JOIN coordinators c ON c.id = m.reviewed_by
                WHERE m.office_topics IS NOT NULL`;

/** Lists a patient's text for the front desk, with the office matters it names. */
export async function markForFrontDesk(db: Queryable, messageId: string, topics: readonly string[]): Promise<void> {
  await db.query('UPDATE messages SET office_topics = $2 WHERE id = $1', [messageId, topics]);
}

export type FrontDeskFilter = 'open' | 'resolved' | 'all';

/** A page of the practice's front-desk texts: open ones oldest first (the longest waiting on top), the others newest first. */
export async function listFrontDeskTexts(
  db: Queryable,
  practiceId: string,
  options: { filter: FrontDeskFilter; limit: number },
): Promise<{ data: FrontDeskText[]; total: number }> {
  const where = options.filter === 'open' ? 'AND m.reviewed_at IS NULL' : options.filter === 'resolved' ? 'AND m.reviewed_at IS NOT NULL' : '';
  const order = options.filter === 'open' ? 'm.seq' : 'm.seq DESC';
  const { rows } = await db.query<Row>(`${SELECT} AND m.practice_id = $1 ${where} ORDER BY ${order} LIMIT $2`, [practiceId, options.limit]);
  const data = rows.map(toFrontDeskText);
  if (data.length < options.limit) return { data, total: data.length };
  const counted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages m WHERE m.office_topics IS NOT NULL AND m.practice_id = $1 ${where}`, [practiceId]);
  return { data, total: counted.rows[0]!.n };
}

export async function findFrontDeskText(db: Queryable, id: string): Promise<FrontDeskText | null> {
  const { rows } = await db.query<Row>(`${SELECT} AND m.id = $1`, [id]);
  return rows[0] ? toFrontDeskText(rows[0]) : null;
}

/** Locks the text's row, so two people resolving it at once resolve it once. */
export async function lockFrontDeskText(db: Queryable, id: string): Promise<{ resolved: boolean } | null> {
  const { rows } = await db.query<{ resolved: boolean }>('SELECT reviewed_at IS NOT NULL AS resolved FROM messages WHERE id = $1 AND office_topics IS NOT NULL FOR UPDATE', [id]);
  return rows[0] ?? null;
}

/** Resolves it: who, when, what was done; and the alert it raised, when it was passed on to the care team. */
export async function resolveFrontDeskText(
  db: Queryable,
  id: string,
  r: { coordinatorId: string; note: string | null; at: Date; passedAlertId?: string | undefined },
): Promise<void> {
  await db.query(
    'UPDATE messages SET reviewed_at = $2, reviewed_by = $3, review_note = $4, passed_alert_id = $5 WHERE id = $1 AND reviewed_at IS NULL',
    [id, r.at, r.coordinatorId, r.note, r.passedAlertId ?? null],
  );
}
