import type { Addendum, MonthRecord } from '../documentation/types.js';
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

/** What people decided about a patient's month; the rest of the record is computed. */
export interface CareMonth {
  patientId: string;
  month: string;
  complex: boolean;
  carePlanRevised: boolean;
  /** The coordinator's note; null: the drafted one is used. */
  noteText: string | null;
  status: 'draft' | 'approved';
  approvedRecord: MonthRecord | null;
  approvedAt: string | null;
  approvedBy: string | null;
}

interface CareMonthRow {
  patient_id: string;
  month: string;
  complex: boolean;
  care_plan_revised: boolean;
  note_text: string | null;
  status: 'draft' | 'approved';
  approved_record: MonthRecord | null;
  approved_at: Date | null;
  approved_by: string | null;
}

const toCareMonth = (row: CareMonthRow): CareMonth => ({
  patientId: row.patient_id,
  month: row.month,
  complex: row.complex,
  carePlanRevised: row.care_plan_revised,
  noteText: row.note_text,
  status: row.status,
  approvedRecord: row.approved_record,
  approvedAt: toIsoOrNull(row.approved_at),
  approvedBy: row.approved_by,
});

/** The month as people left it; a month nobody touched is a draft with nothing decided. */
export async function findCareMonth(db: Queryable, patientId: string, month: string, opts: { lock?: boolean } = {}): Promise<CareMonth> {
  const { rows } = await db.query<CareMonthRow>(
    `SELECT * FROM care_months WHERE patient_id = $1 AND month = $2${opts.lock ? ' FOR UPDATE' : ''}`,
    [patientId, month],
  );
  return rows[0]
    ? toCareMonth(rows[0])
    : { patientId, month, complex: false, carePlanRevised: false, noteText: null, status: 'draft', approvedRecord: null, approvedAt: null, approvedBy: null };
}

/** Approval status of several patients' months, for the practice's month list. */
export async function careMonthsOf(db: Queryable, practiceId: string, month: string): Promise<Map<string, CareMonth>> {
  const { rows } = await db.query<CareMonthRow>('SELECT * FROM care_months WHERE practice_id = $1 AND month = $2', [practiceId, month]);
  return new Map(rows.map((row) => [row.patient_id, toCareMonth(row)]));
}

export interface CareMonthChanges {
  complex?: boolean | undefined;
  carePlanRevised?: boolean | undefined;
  /** null goes back to the drafted note. */
  noteText?: string | null | undefined;
}

/** Makes sure the row exists (so it can be locked), creating a draft. */
export async function ensureCareMonth(db: Queryable, practiceId: string, patientId: string, month: string, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO care_months (patient_id, month, practice_id, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (patient_id, month) DO NOTHING`,
    [patientId, month, practiceId, at],
  );
}

export async function changeCareMonth(db: Queryable, patientId: string, month: string, c: CareMonthChanges, at: Date): Promise<void> {
  await db.query(
    `UPDATE care_months SET complex = coalesce($3, complex), care_plan_revised = coalesce($4, care_plan_revised),
       note_text = CASE WHEN $5 THEN $6 ELSE note_text END, updated_at = $7
     WHERE patient_id = $1 AND month = $2`,
    [patientId, month, c.complex ?? null, c.carePlanRevised ?? null, c.noteText !== undefined, c.noteText ?? null, at],
  );
}

/** Freezes the month: the record as approved, who and when. */
export async function approveCareMonth(
  db: Queryable,
  patientId: string,
  month: string,
  approval: { record: MonthRecord; staffId: string; by: string; at: Date },
): Promise<void> {
  await db.query(
    `UPDATE care_months SET status = 'approved', approved_record = $3, approved_by_staff = $4, approved_by = $5,
       approved_at = $6, updated_at = $6
     WHERE patient_id = $1 AND month = $2 AND status = 'draft'`,
    [patientId, month, JSON.stringify(approval.record), approval.staffId, approval.by, approval.at],
  );
}

export async function addAddendum(
  db: Queryable,
  a: { patientId: string; month: string; text: string; timeEntryId?: string | null; by: string; at: Date },
): Promise<void> {
  await db.query('INSERT INTO care_month_addenda (patient_id, month, text, time_entry_id, by, at) VALUES ($1, $2, $3, $4, $5, $6)', [
    a.patientId,
    a.month,
    a.text,
    a.timeEntryId ?? null,
    a.by,
    a.at,
  ]);
}

export async function listAddenda(db: Queryable, patientId: string, month: string): Promise<Addendum[]> {
  const { rows } = await db.query<{ at: Date; by: string; text: string }>(
    'SELECT at, by, text FROM care_month_addenda WHERE patient_id = $1 AND month = $2 ORDER BY at, seq',
    [patientId, month],
  );
  return rows.map((row) => ({ at: toIso(row.at), by: row.by, text: row.text }));
}
