/**
 * Texts from numbers no patient of the practice has: kept, listed for the
 * practice, and read by a person when they say more than a greeting.
 */
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export interface UnmatchedText {
  id: string;
  practiceId: string;
  from: string;
  body: string;
  receivedAt: string;
  /** A person should read it: it says more than a greeting. */
  reviewNeeded: boolean;
  /** It reports an emergency: the on-call coordinators were texted at once. */
  urgent: boolean;
  reviewedAt: string | null;
  reviewedBy: { id: string; name: string } | null;
  reviewNote: string | null;
}

interface Row {
  id: string;
  practice_id: string;
  from_number: string;
  body: string;
  created_at: Date | string;
  review_needed: boolean;
  review_urgent: boolean;
  reviewed_at: Date | string | null;
  reviewed_by: string | null;
  reviewer_name: string | null;
  review_note: string | null;
}

const toUnmatchedText = (row: Row): UnmatchedText => ({
  id: row.id,
  practiceId: row.practice_id,
  from: row.from_number,
  body: row.body,
  receivedAt: toIso(row.created_at),
  reviewNeeded: row.review_needed,
  urgent: row.review_urgent,
  reviewedAt: toIsoOrNull(row.reviewed_at),
  reviewedBy: row.reviewed_by ? { id: row.reviewed_by, name: row.reviewer_name ?? 'unknown' } : null,
  reviewNote: row.review_note,
});

const SELECT = `SELECT m.id, m.practice_id, m.from_number, m.body, m.created_at, m.review_needed, m.review_urgent,
                       m.reviewed_at, m.reviewed_by, c.name AS reviewer_name, m.review_note, m.seq
                FROM messages m LEFT JOIN coordinators c ON c.id = m.reviewed_by
                WHERE m.patient_id IS NULL AND m.direction = 'inbound'`;

/** Marks an unknown sender's text for a person to read (urgent when it reports an emergency). */
export async function markForReview(db: Queryable, messageId: string, urgent: boolean): Promise<void> {
  await db.query('UPDATE messages SET review_needed = true, review_urgent = $2 WHERE id = $1', [messageId, urgent]);
}

export type UnmatchedFilter = 'to_review' | 'reviewed' | 'all';

/** A page of a practice's unmatched texts, newest first; `next` is the id to pass as `after`. */
export async function listUnmatchedTexts(
  db: Queryable,
  practiceId: string,
  options: { filter: UnmatchedFilter; limit: number; after?: string | undefined },
): Promise<{ data: UnmatchedText[]; next: string | null }> {
  const { rows } = await db.query<Row>(
    `${SELECT} AND m.practice_id = $1
       AND ($2 = 'all' OR ($2 = 'to_review' AND m.review_needed AND m.reviewed_at IS NULL) OR ($2 = 'reviewed' AND m.reviewed_at IS NOT NULL))
       AND ($3::uuid IS NULL OR m.seq < (SELECT seq FROM messages WHERE id = $3::uuid AND practice_id = $1))
     ORDER BY m.seq DESC LIMIT $4`,
    [practiceId, options.filter, options.after ?? null, options.limit + 1],
  );
  const page = rows.slice(0, options.limit).map(toUnmatchedText);
  return { data: page, next: rows.length > options.limit ? page.at(-1)!.id : null };
}

export async function findUnmatchedText(db: Queryable, id: string): Promise<UnmatchedText | null> {
  const { rows } = await db.query<Row>(`${SELECT} AND m.id = $1 AND m.practice_id IS NOT NULL`, [id]);
  return rows[0] ? toUnmatchedText(rows[0]) : null;
}

/** Records who read the text and what was done; the first review stays. */
export async function reviewUnmatchedText(db: Queryable, id: string, r: { coordinatorId: string; note: string | null; at: Date }): Promise<void> {
  await db.query(
    `UPDATE messages SET reviewed_at = $3, reviewed_by = $2, review_note = $4
     WHERE id = $1 AND patient_id IS NULL AND direction = 'inbound' AND reviewed_at IS NULL`,
    [id, r.coordinatorId, r.at, r.note],
  );
}
