/**
 * Texts from numbers no patient of the practice has: kept, listed for the
 * practice, read by a person when they say more than a greeting, linked to
 * the patient they are about, and resolved with what was done.
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
  /** The patient a coordinator said it is about; the sender stays who they are. */
  linked: { patient: { id: string; firstName: string; lastName: string }; at: string; by: { id: string; name: string } } | null;
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
  linked_patient_id: string | null;
  linked_first_name: string | null;
  linked_last_name: string | null;
  linked_at: Date | string | null;
  linked_by: string | null;
  linker_name: string | null;
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
  linked:
    row.linked_patient_id && row.linked_at
      ? {
          patient: { id: row.linked_patient_id, firstName: row.linked_first_name ?? '', lastName: row.linked_last_name ?? '' },
          at: toIso(row.linked_at),
          by: { id: row.linked_by ?? '', name: row.linker_name ?? 'unknown' },
        }
      : null,
});

const SELECT = `SELECT m.id, m.practice_id, m.from_number, m.body, m.created_at, m.review_needed, m.review_urgent,
                       m.reviewed_at, m.reviewed_by, c.name AS reviewer_name, m.review_note, m.seq,
                       m.linked_patient_id, p.first_name AS linked_first_name, p.last_name AS linked_last_name,
                       m.linked_at, m.linked_by, l.name AS linker_name
                FROM messages m LEFT JOIN coordinators c ON c.id = m.reviewed_by
                LEFT JOIN patients p ON p.id = m.linked_patient_id
                LEFT JOIN coordinators l ON l.id = m.linked_by
                WHERE m.patient_id IS NULL AND m.direction = 'inbound'`;

/** Waiting for a person: it says more than a greeting and nobody has resolved it. */
const TO_READ = 'm.review_needed AND m.reviewed_at IS NULL';

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
       AND ($2 = 'all' OR ($2 = 'to_review' AND ${TO_READ}) OR ($2 = 'reviewed' AND m.reviewed_at IS NOT NULL))
       AND ($3::uuid IS NULL OR m.seq < (SELECT seq FROM messages WHERE id = $3::uuid AND practice_id = $1))
     ORDER BY m.seq DESC LIMIT $4`,
    [practiceId, options.filter, options.after ?? null, options.limit + 1],
  );
  const page = rows.slice(0, options.limit).map(toUnmatchedText);
  return { data: page, next: rows.length > options.limit ? page.at(-1)!.id : null };
}

/** The texts waiting for a person, most pressing first (urgent, then the longest waiting), and how many wait in all. */
export async function listTextsToRead(db: Queryable, practiceId: string, limit: number): Promise<{ data: UnmatchedText[]; total: number }> {
  const { rows } = await db.query<Row>(`${SELECT} AND m.practice_id = $1 AND ${TO_READ} ORDER BY m.review_urgent DESC, m.seq LIMIT $2`, [practiceId, limit]);
  if (rows.length < limit) return { data: rows.map(toUnmatchedText), total: rows.length };
  const counted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages m WHERE m.patient_id IS NULL AND m.direction = 'inbound' AND m.practice_id = $1 AND ${TO_READ}`, [
    practiceId,
  ]);
  return { data: rows.map(toUnmatchedText), total: counted.rows[0]!.n };
}

export async function findUnmatchedText(db: Queryable, id: string): Promise<UnmatchedText | null> {
  const { rows } = await db.query<Row>(`${SELECT} AND m.id = $1 AND m.practice_id IS NOT NULL`, [id]);
  return rows[0] ? toUnmatchedText(rows[0]) : null;
}

/** The other texts from the same number to the practice, newest first (the sender may have written before). */
export async function listTextsFrom(db: Queryable, practiceId: string, from: string, exceptId: string, limit: number): Promise<UnmatchedText[]> {
  const { rows } = await db.query<Row>(`${SELECT} AND m.practice_id = $1 AND m.from_number = $2 AND m.id <> $3 ORDER BY m.seq DESC LIMIT $4`, [
    practiceId,
    from,
    exceptId,
    limit,
  ]);
  return rows.map(toUnmatchedText);
}

/** Records who read the text and what was done; the first review stays. */
export async function reviewUnmatchedText(db: Queryable, id: string, r: { coordinatorId: string; note: string | null; at: Date }): Promise<void> {
  await db.query(
    `UPDATE messages SET reviewed_at = $3, reviewed_by = $2, review_note = $4
     WHERE id = $1 AND patient_id IS NULL AND direction = 'inbound' AND reviewed_at IS NULL`,
    [id, r.coordinatorId, r.at, r.note],
  );
}

/** The patient the text is linked to, if any, with the row locked: two links at once meet here. */
export async function lockLink(db: Queryable, id: string): Promise<{ patientId: string | null }> {
  const { rows } = await db.query<{ linked_patient_id: string | null }>('SELECT linked_patient_id FROM messages WHERE id = $1 FOR UPDATE', [id]);
  return { patientId: rows[0]?.linked_patient_id ?? null };
}

/** Links the text to the patient it is about; a text is linked once. */
export async function linkUnmatchedText(db: Queryable, id: string, l: { patientId: string; coordinatorId: string; at: Date }): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE messages SET linked_patient_id = $2, linked_by = $3, linked_at = $4
     WHERE id = $1 AND patient_id IS NULL AND direction = 'inbound' AND linked_patient_id IS NULL`,
    [id, l.patientId, l.coordinatorId, l.at],
  );
  return rowCount === 1;
}
