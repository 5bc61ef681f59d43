/**
 * The EHR write-back outbox: one row per document to send (an approved
 * month, or an addendum to one), its state and the EHR's last answer.
 */
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export type WriteBackStatus = 'pending' | 'sent' | 'failed';

export interface WriteBack {
  id: string;
  practiceId: string;
  patientId: string;
  month: string;
  kind: 'month' | 'addendum';
  addendumSeq: string | null;
  status: WriteBackStatus;
  attempts: number;
  lastHttpStatus: number | null;
  lastError: string | null;
  documentReference: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

interface Row {
  id: string;
  practice_id: string;
  patient_id: string;
  month: string;
  kind: 'month' | 'addendum';
  addendum_seq: string | null;
  status: WriteBackStatus;
  attempts: number;
  last_http_status: number | null;
  last_error: string | null;
  document_reference: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
}

const toWriteBack = (row: Row): WriteBack => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  month: row.month,
  kind: row.kind,
  addendumSeq: row.addendum_seq === null ? null : String(row.addendum_seq),
  status: row.status,
  attempts: row.attempts,
  lastHttpStatus: row.last_http_status,
  lastError: row.last_error,
  documentReference: row.document_reference,
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
  sentAt: toIsoOrNull(row.sent_at),
});

/** Adds a document to send; null when it is queued already (the same month or addendum). */
export async function insertWriteBack(
  db: Queryable,
  w: { practiceId: string; patientId: string; month: string; addendumSeq: string | null; at: Date },
): Promise<WriteBack | null> {
  const { rows } = await db.query<Row>(
    `INSERT INTO ehr_writebacks (practice_id, patient_id, month, kind, addendum_seq, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (patient_id, month, coalesce(addendum_seq, 0)) DO NOTHING RETURNING *`,
    [w.practiceId, w.patientId, w.month, w.addendumSeq === null ? 'month' : 'addendum', w.addendumSeq, w.at],
  );
  return rows[0] ? toWriteBack(rows[0]) : null;
}

export async function findWriteBack(db: Queryable, id: string): Promise<WriteBack | null> {
  const { rows } = await db.query<Row>('SELECT * FROM ehr_writebacks WHERE id = $1', [id]);
  return rows[0] ? toWriteBack(rows[0]) : null;
}

/** The practice's write-backs, newest first, optionally of one status. */
export async function listWriteBacks(db: Queryable, practiceId: string, status: WriteBackStatus | null, limit = 200): Promise<WriteBack[]> {
  const { rows } = await db.query<Row>(
    `SELECT * FROM ehr_writebacks WHERE practice_id = $1 AND ($2::text IS NULL OR status = $2)
     ORDER BY created_at DESC, id LIMIT $3`,
    [practiceId, status, limit],
  );
  return rows.map(toWriteBack);
}

export interface WriteBackOutcome {
  status: WriteBackStatus;
  /** True when this attempt counts (a send was tried); false for a retry an admin asked for. */
  attempted: boolean;
  httpStatus: number | null;
  error: string | null;
  documentReference?: string | null;
  at: Date;
}

/** Records what came of a send; only a row still pending changes (a second job finds it settled). */
export async function settleWriteBack(db: Queryable, id: string, o: WriteBackOutcome): Promise<WriteBack | null> {
  const { rows } = await db.query<Row>(
    `UPDATE ehr_writebacks SET status = $2, attempts = attempts + $3, last_http_status = $4, last_error = $5,
       document_reference = coalesce($6, document_reference), updated_at = $7,
       sent_at = CASE WHEN $2 = 'sent' THEN $7 ELSE sent_at END
     WHERE id = $1 AND status = 'pending' RETURNING *`,
    [id, o.status, o.attempted ? 1 : 0, o.httpStatus, o.error, o.documentReference ?? null, o.at],
  );
  return rows[0] ? toWriteBack(rows[0]) : null;
}

/** A failed write-back made pending again (an admin fixed the cause), its attempts counted afresh. */
export async function reopenWriteBack(db: Queryable, practiceId: string, id: string, at: Date): Promise<WriteBack | null> {
  const { rows } = await db.query<Row>(
    `UPDATE ehr_writebacks SET status = 'pending', attempts = 0, updated_at = $3
     WHERE id = $1 AND practice_id = $2 AND status = 'failed' RETURNING *`,
    [id, practiceId, at],
  );
  return rows[0] ? toWriteBack(rows[0]) : null;
}

/** The seq of each addendum of a month, oldest first: an addendum's number in the EHR is its place here. */
export async function addendumSeqs(db: Queryable, patientId: string, month: string): Promise<string[]> {
  const { rows } = await db.query<{ seq: string }>(
    'SELECT seq::text AS seq FROM care_month_addenda WHERE patient_id = $1 AND month = $2 ORDER BY at, seq',
    [patientId, month],
  );
  return rows.map((row) => row.seq);
}
