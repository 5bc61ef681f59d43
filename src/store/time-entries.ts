import type { StaffRole, TimeActivity } from '../documentation/types.js';
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export interface TimeEntry {
  id: string;
  practiceId: string;
  patientId: string;
  staffId: string;
  staffName: string;
  staffRole: StaffRole;
  credential: string | null;
  /** The staff member's NPI, where recorded. */
  npi: string | null;
  activity: TimeActivity;
  start: string;
  end: string;
  seconds: number;
  note: string | null;
  source: 'manual' | 'captured';
  capturedFrom: string | null;
  correctsId: string | null;
  /** Set when a correction or a withdrawal replaced this entry: it no longer counts. */
  supersededAt: string | null;
  supersededBy: string | null;
  withdrawnReason: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface NewTimeEntry {
  practiceId: string;
  patientId: string;
  staffId: string;
  activity: TimeActivity;
  start: Date;
  end: Date;
  note: string | null;
  source: 'manual' | 'captured';
  capturedFrom?: string | null;
  correctsId?: string | null;
  recordedBy: string;
  recordedAt: Date;
}

interface TimeEntryRow {
  id: string;
  practice_id: string;
  patient_id: string;
  staff_id: string;
  staff_name: string;
  staff_role: StaffRole;
  credential: string | null;
  npi: string | null;
  activity: TimeActivity;
  started_at: Date;
  ended_at: Date;
  note: string | null;
  source: 'manual' | 'captured';
  captured_from: string | null;
  corrects_id: string | null;
  superseded_at: Date | null;
  superseded_by: string | null;
  withdrawn_reason: string | null;
  recorded_by: string;
  recorded_at: Date;
}

const toEntry = (row: TimeEntryRow): TimeEntry => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  staffId: row.staff_id,
  staffName: row.staff_name,
  staffRole: row.staff_role,
  credential: row.credential,
  npi: row.npi,
  activity: row.activity,
  start: toIso(row.started_at),
  end: toIso(row.ended_at),
  seconds: Math.floor((row.ended_at.getTime() - row.started_at.getTime()) / 1000),
  note: row.note,
  source: row.source,
  capturedFrom: row.captured_from,
  correctsId: row.corrects_id,
  supersededAt: toIsoOrNull(row.superseded_at),
  supersededBy: row.superseded_by,
  withdrawnReason: row.withdrawn_reason,
  recordedBy: row.recorded_by,
  recordedAt: toIso(row.recorded_at),
});

const WITH_STAFF = `SELECT t.*, s.name AS staff_name, s.staff_role, s.credential, s.npi
  FROM time_entries t JOIN coordinators s ON s.id = t.staff_id`;

/** Inserts an entry; null when captured time from this source exists already. */
export async function insertTimeEntry(db: Queryable, e: NewTimeEntry): Promise<TimeEntry | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO time_entries (practice_id, patient_id, staff_id, activity, started_at, ended_at, note, source,
                               captured_from, corrects_id, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (captured_from) DO NOTHING RETURNING id`,
    [e.practiceId, e.patientId, e.staffId, e.activity, e.start, e.end, e.note, e.source, e.capturedFrom ?? null, e.correctsId ?? null, e.recordedBy, e.recordedAt],
  );
  return rows[0] ? findTimeEntry(db, rows[0].id) : null;
}

export async function findTimeEntry(db: Queryable, id: string): Promise<TimeEntry | null> {
  const { rows } = await db.query<TimeEntryRow>(`${WITH_STAFF} WHERE t.id = $1`, [id]);
  return rows[0] ? toEntry(rows[0]) : null;
}

/** The staff member's counting entries (any patient) that overlap [start, end), except `except`. */
export async function overlappingEntries(db: Queryable, staffId: string, start: Date, end: Date, except: string | null = null): Promise<TimeEntry[]> {
  const { rows } = await db.query<TimeEntryRow>(
    `${WITH_STAFF} WHERE t.staff_id = $1 AND t.superseded_at IS NULL AND t.started_at < $3 AND t.ended_at > $2
       AND ($4::uuid IS NULL OR t.id <> $4) ORDER BY t.started_at`,
    [staffId, start, end, except],
  );
  return rows.map(toEntry);
}

/** Marks an entry replaced (by a correction) or withdrawn (no replacement, with a reason). */
export async function supersedeTimeEntry(
  db: Queryable,
  id: string,
  change: { at: Date; by: string | null; withdrawnReason: string | null },
): Promise<void> {
  await db.query('UPDATE time_entries SET superseded_at = $2, superseded_by = $3, withdrawn_reason = $4 WHERE id = $1', [
    id,
    change.at,
    change.by,
    change.withdrawnReason,
  ]);
}

/** Every entry of the patient, superseded ones included (they stay on record), newest first. */
export async function listTimeEntries(db: Queryable, patientId: string, range?: { from: Date; to: Date }): Promise<TimeEntry[]> {
  const { rows } = await db.query<TimeEntryRow>(
    `${WITH_STAFF} WHERE t.patient_id = $1 AND ($2::timestamptz IS NULL OR (t.started_at < $3 AND t.ended_at > $2))
     ORDER BY t.started_at DESC, t.seq DESC`,
    [patientId, range?.from ?? null, range?.to ?? null],
  );
  return rows.map(toEntry);
}

/** The entries that count (not superseded) touching [from, to), oldest first. */
export async function countingEntries(db: Queryable, patientId: string, from: Date, to: Date): Promise<TimeEntry[]> {
  const { rows } = await db.query<TimeEntryRow>(
    `${WITH_STAFF} WHERE t.patient_id = $1 AND t.superseded_at IS NULL AND t.started_at < $3 AND t.ended_at > $2
     ORDER BY t.started_at, t.seq`,
    [patientId, from, to],
  );
  return rows.map(toEntry);
}

/** Patients of a practice with counting time touching [from, to). */
export async function patientsWithTime(db: Queryable, practiceId: string, from: Date, to: Date): Promise<string[]> {
  const { rows } = await db.query<{ patient_id: string }>(
    `SELECT DISTINCT patient_id FROM time_entries
      WHERE practice_id = $1 AND superseded_at IS NULL AND started_at < $3 AND ended_at > $2`,
    [practiceId, from, to],
  );
  return rows.map((r) => r.patient_id);
}

/** countingEntries for many patients at once, by patient. */
export async function countingEntriesOf(db: Queryable, patientIds: readonly string[], from: Date, to: Date): Promise<Map<string, TimeEntry[]>> {
  const { rows } = await db.query<TimeEntryRow>(
    `${WITH_STAFF} WHERE t.patient_id = ANY($1::uuid[]) AND t.superseded_at IS NULL AND t.started_at < $3 AND t.ended_at > $2
     ORDER BY t.started_at, t.seq`,
    [patientIds, from, to],
  );
  const byPatient = new Map<string, TimeEntry[]>();
  for (const row of rows) byPatient.set(row.patient_id, [...(byPatient.get(row.patient_id) ?? []), toEntry(row)]);
  return byPatient;
}
