/**
 * Cases: one per patient, holding all of the patient's unresolved alerts.
 * A case's status and level are never set by hand: refreshCase works them out
 * from its alerts whenever one is raised, joined by evidence, acknowledged or
 * resolved, so the case agrees with its alerts whichever path changed them.
 *
 * Lock order: a case before any of its alerts (raiseAlert, lockAlert and the
 * case actions all take them so), so two transactions never wait on each other.
 */
import type { AlertLevel, AlertStatus } from './alerts.js';
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export type CaseStatus = AlertStatus;

export interface Case {
  id: string;
  practiceId: string;
  patientId: string;
  level: AlertLevel;
  status: CaseStatus;
  openedAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}

export interface CaseRow {
  id: string;
  practice_id: string;
  patient_id: string;
  level: AlertLevel;
  status: CaseStatus;
  opened_at: Date;
  updated_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution_note: string | null;
}

export const toCase = (row: CaseRow): Case => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  level: row.level,
  status: row.status,
  openedAt: toIso(row.opened_at),
  updatedAt: toIso(row.updated_at),
  acknowledgedAt: toIsoOrNull(row.acknowledged_at),
  acknowledgedBy: row.acknowledged_by,
  resolvedAt: toIsoOrNull(row.resolved_at),
  resolvedBy: row.resolved_by,
  resolutionNote: row.resolution_note,
});

/**
 * The patient's unresolved case, opened now if they have none, locked for the
 * transaction. Insert-or-take in one statement: a transaction raising for the
 * same patient at the same moment waits on the unique index and then takes
 * the same case. Alerts without a case (raised by the previous version while
 * this one was being rolled out) join it, so none is left off Today: in the
 * same statement, since every alert raised pays for it, and each stray joins
 * only once the case row is written and locked (the update joins the row the
 * insert returns), so the lock order holds.
 */
export async function openCaseFor(db: Queryable, c: { practiceId: string; patientId: string; level: AlertLevel; at: Date }): Promise<Case> {
  const { rows } = await db.query<CaseRow & { strays: number }>({
    name: 'open-case-for',
    text: `WITH opened AS (
             INSERT INTO cases (practice_id, patient_id, level, status, opened_at, updated_at) VALUES ($1, $2, $3, 'open', $4, $4)
             ON CONFLICT (patient_id) WHERE status <> 'resolved' DO UPDATE SET updated_at = cases.updated_at RETURNING *
           ), strays AS (
             UPDATE alerts a SET case_id = opened.id FROM opened
             WHERE a.patient_id = $2 AND a.case_id IS NULL AND a.status <> 'resolved' RETURNING a.id
           )
           SELECT opened.*, (SELECT count(*)::int FROM strays) AS strays FROM opened`,
    values: [c.practiceId, c.patientId, c.level, c.at],
  });
  const opened = toCase(rows[0]!);
  return rows[0]!.strays > 0 ? (await refreshLockedCase(db, opened.id, c.at))! : opened;
}

export async function findCase(db: Queryable, id: string): Promise<Case | null> {
  const { rows } = await db.query<CaseRow>('SELECT * FROM cases WHERE id = $1', [id]);
  return rows[0] ? toCase(rows[0]) : null;
}

/** NO KEY UPDATE: alerts that merely reference the case (a new one's foreign key) need not wait on it. */
export async function lockCase(db: Queryable, id: string): Promise<Case | null> {
  const { rows } = await db.query<CaseRow>('SELECT * FROM cases WHERE id = $1 FOR NO KEY UPDATE', [id]);
  return rows[0] ? toCase(rows[0]) : null;
}

/**
 * Works the case out from its alerts, as of `at`: open while any alert is
 * open; acknowledged (when and by whom its last open alert was) once none
 * is; resolved (by the last resolution and its note) once all are. Its level
 * is the highest of its unresolved alerts; it opened with its first alert.
 * The case is locked first and its alerts read afterwards, in a statement of
 * its own, so what another transaction committed while this one waited for
 * the lock is counted.
 */
export async function refreshCase(db: Queryable, caseId: string, at: Date): Promise<Case | null> {
  if (!(await lockCase(db, caseId))) return null;
  return refreshLockedCase(db, caseId, at);
}

/** refreshCase for a caller that locked the case in an earlier statement of its transaction (openCaseFor). */
export async function refreshLockedCase(db: Queryable, caseId: string, at: Date): Promise<Case | null> {
  const { rows } = await db.query<CaseRow>({
    name: 'refresh-case',
    text: `UPDATE cases c SET
       status = CASE WHEN s.open > 0 THEN 'open' WHEN s.unresolved > 0 THEN 'acknowledged' ELSE 'resolved' END,
       level = CASE WHEN s.unresolved > 0 THEN s.unresolved_level ELSE s.any_level END,
       acknowledged_at = CASE WHEN s.open > 0 THEN NULL ELSE s.acknowledged_at END,
       acknowledged_by = CASE WHEN s.open > 0 THEN NULL ELSE s.acknowledged_by END,
       resolved_at = CASE WHEN s.unresolved > 0 THEN NULL ELSE s.resolved_at END,
       resolved_by = CASE WHEN s.unresolved > 0 THEN NULL ELSE s.resolved_by END,
       resolution_note = CASE WHEN s.unresolved > 0 THEN NULL ELSE s.resolution_note END,
       opened_at = least(c.opened_at, s.first_at),
       updated_at = $2
     FROM (
       SELECT count(*) FILTER (WHERE status = 'open') AS open,
              count(*) FILTER (WHERE status <> 'resolved') AS unresolved,
              CASE WHEN bool_or(level = 'urgent') FILTER (WHERE status <> 'resolved') THEN 'urgent' ELSE 'elevated' END AS unresolved_level,
              CASE WHEN bool_or(level = 'urgent') THEN 'urgent' ELSE 'elevated' END AS any_level,
              min(created_at) AS first_at,
              max(acknowledged_at) AS acknowledged_at,
              (array_agg(acknowledged_by ORDER BY acknowledged_at DESC NULLS LAST, seq DESC))[1] AS acknowledged_by,
              max(resolved_at) AS resolved_at,
              (array_agg(resolved_by ORDER BY resolved_at DESC NULLS LAST, seq DESC))[1] AS resolved_by,
              (array_agg(resolution_note ORDER BY resolved_at DESC NULLS LAST, seq DESC))[1] AS resolution_note
       FROM alerts WHERE case_id = $1
     ) s
     WHERE c.id = $1 RETURNING c.*`,
    values: [caseId, at],
  });
  return rows[0] ? toCase(rows[0]) : null;
}
