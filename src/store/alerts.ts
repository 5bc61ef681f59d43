import { evidenceJson, evidenceRowsSql, type NewEvidence } from './alert-evidence.js';
import { refreshCase } from './cases.js';
import { insertJobsFrom, wakeUpFor } from './job-queue.js';
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export type AlertLevel = 'urgent' | 'elevated';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

export interface Alert {
  id: string;
  practiceId: string;
  patientId: string;
  /** The patient's case it belongs to (none for alerts resolved before cases existed). */
  caseId: string | null;
  conversationId: string | null;
  /** The message that raised it, when one did (a patient's text). */
  messageId: string | null;
  level: AlertLevel;
  reason: string;
  /** Why, in words (the triage finding's explanation, latest first). */
  explanation: string | null;
  status: AlertStatus;
  /** Elevated alerts: when a coordinator should have reviewed it by. */
  reviewDueAt: string | null;
  overdueAt: string | null;
  escalatedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
  createdAt: string;
}

interface AlertRow {
  id: string;
  practice_id: string;
  patient_id: string;
  case_id: string | null;
  conversation_id: string | null;
  message_id: string | null;
  level: AlertLevel;
  reason: string;
  explanation: string | null;
  status: AlertStatus;
  review_due_at: Date | null;
  overdue_at: Date | null;
  escalated_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution_note: string | null;
  created_at: Date;
}

const toAlert = (row: AlertRow): Alert => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  caseId: row.case_id,
  conversationId: row.conversation_id,
  messageId: row.message_id,
  level: row.level,
  reason: row.reason,
  explanation: row.explanation,
  status: row.status,
  reviewDueAt: toIsoOrNull(row.review_due_at),
  overdueAt: toIsoOrNull(row.overdue_at),
  escalatedAt: toIsoOrNull(row.escalated_at),
  acknowledgedAt: toIsoOrNull(row.acknowledged_at),
  acknowledgedBy: row.acknowledged_by,
  resolvedAt: toIsoOrNull(row.resolved_at),
  resolvedBy: row.resolved_by,
  resolutionNote: row.resolution_note,
  createdAt: toIso(row.created_at),
});

export interface NewAlert {
  practiceId: string;
  patientId: string;
  caseId: string;
  conversationId: string | null;
  messageId: string | null;
  level: AlertLevel;
  reason: string;
  explanation: string | null;
  reviewDueAt: Date | null;
  createdAt: Date;
}

/** The job a new alert starts, due at `runAt`: its escalation (urgent) or its review deadline (elevated). */
export type AlertJob =
  | { name: 'escalation.step'; step: number; runAt: Date; priority: number }
  | { name: 'alert.review_due'; runAt: Date; priority: number };

/**
 * Opens an alert, unless one for this patient and reason is open already:
 * then returns null and leaves it (a unique index keeps one open per reason).
 * A new alert's evidence, its 'alert.raised' event and its job (with the
 * wake-up NOTIFY when due now) are written by the same statement, since every
 * alert pays for them: one round trip instead of four, all or none.
 */
export async function insertAlert(db: Queryable, a: NewAlert, evidence: readonly NewEvidence[], job: AlertJob): Promise<Alert | null> {
  const { name, runAt, priority, ...extra } = job;
  const { rows } = await db.query<AlertRow>({
    name: 'insert-alert',
    text: `WITH alert AS (
             INSERT INTO alerts (practice_id, patient_id, conversation_id, message_id, level, reason, explanation, review_due_at,
               created_at, updated_at, case_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)
             ON CONFLICT (patient_id, reason) WHERE status <> 'resolved' DO NOTHING RETURNING *
           ), evidence AS (
             INSERT INTO alert_evidence (alert_id, evidence_key, observation_id, message_id, explanation, at, added_at)
             SELECT alert.id, e.key, e.observation_id, e.message_id, e.explanation, e.at, $9 FROM alert, ${evidenceRowsSql('$11')}
             ON CONFLICT DO NOTHING
           ), raised AS (
             INSERT INTO patient_events (practice_id, patient_id, conversation_id, message_id, type, detail, at)
             SELECT practice_id, patient_id, conversation_id, message_id, 'alert.raised',
                    jsonb_build_object('alertId', id, 'caseId', case_id, 'level', level, 'reason', reason), $9
             FROM alert
           ), job AS (
             ${insertJobsFrom(`SELECT $12::text, jsonb_build_object('alertId', id) || $13::jsonb, $14::timestamptz, $15::int FROM alert`)}
             RETURNING name, next_run_at
           ), wake AS (${wakeUpFor('job', '$9')})
           SELECT alert.*, (SELECT count(*) FROM wake) AS woke FROM alert`,
    values: [
      a.practiceId, a.patientId, a.conversationId, a.messageId, a.level, a.reason, a.explanation, a.reviewDueAt, a.createdAt, a.caseId,
      evidenceJson(evidence), name, JSON.stringify(extra), runAt, priority,
    ],
  });
  return rows[0] ? toAlert(rows[0]) : null;
}

/** The patient's open (not resolved) alert for this reason, locked for the transaction. Named: every alert raised asks. */
export async function lockOpenAlert(db: Queryable, patientId: string, reason: string): Promise<Alert | null> {
  const { rows } = await db.query<AlertRow>({
    name: 'lock-open-alert',
    text: "SELECT * FROM alerts WHERE patient_id = $1 AND reason = $2 AND status <> 'resolved' FOR UPDATE",
    values: [patientId, reason],
  });
  return rows[0] ? toAlert(rows[0]) : null;
}

export async function findAlert(db: Queryable, id: string): Promise<Alert | null> {
  const { rows } = await db.query<AlertRow>('SELECT * FROM alerts WHERE id = $1', [id]);
  return rows[0] ? toAlert(rows[0]) : null;
}

/** Locks the alert's case, then the alert: the lock order every path keeps (see store/cases.ts). */
export async function lockAlert(db: Queryable, id: string): Promise<Alert | null> {
  await db.query('SELECT 1 FROM cases WHERE id = (SELECT case_id FROM alerts WHERE id = $1) FOR NO KEY UPDATE', [id]);
  const { rows } = await db.query<AlertRow>('SELECT * FROM alerts WHERE id = $1 FOR UPDATE', [id]);
  return rows[0] ? toAlert(rows[0]) : null;
}

/** The case's alerts not yet resolved, locked in id order; the caller holds the case's lock already. */
export async function lockUnresolvedAlertsOfCase(db: Queryable, caseId: string): Promise<Alert[]> {
  const { rows } = await db.query<AlertRow>("SELECT * FROM alerts WHERE case_id = $1 AND status <> 'resolved' ORDER BY id FOR UPDATE", [caseId]);
  return rows.map(toAlert);
}

/** Keeps the latest explanation on the alert as new evidence arrives. */
export async function updateExplanation(db: Queryable, id: string, explanation: string, at: Date): Promise<void> {
  await db.query('UPDATE alerts SET explanation = $2, updated_at = $3 WHERE id = $1', [id, explanation, at]);
}

/** Marks the alert escalated; returns it only to the first caller, so escalation starts once. */
export async function claimEscalation(db: Queryable, id: string, at: Date): Promise<Alert | null> {
  const { rows } = await db.query<AlertRow>(
    'UPDATE alerts SET escalated_at = $2, updated_at = $2 WHERE id = $1 AND escalated_at IS NULL RETURNING *',
    [id, at],
  );
  return rows[0] ? toAlert(rows[0]) : null;
}

/**
 * Records who acknowledged, once: a second acknowledgement changes nothing.
 * The alert's case follows (acknowledged once none of its alerts is open).
 */
export async function acknowledgeAlert(db: Queryable, id: string, coordinatorId: string, at: Date): Promise<Alert | null> {
  const { rows } = await db.query<AlertRow>(
    `UPDATE alerts SET status = 'acknowledged', acknowledged_at = $3, acknowledged_by = $2, updated_at = $3
     WHERE id = $1 AND status = 'open' RETURNING *`,
    [id, coordinatorId, at],
  );
  return rows[0] ? withCaseRefreshed(db, toAlert(rows[0]), at) : null;
}

/** Resolves an alert (acknowledging it too if nobody had), once; its case follows (resolved once all are). */
export async function resolveAlert(db: Queryable, id: string, coordinatorId: string, note: string, at: Date): Promise<Alert | null> {
  const { rows } = await db.query<AlertRow>(
    `UPDATE alerts SET status = 'resolved', resolved_at = $3, resolved_by = $2, resolution_note = $4, updated_at = $3,
       acknowledged_at = coalesce(acknowledged_at, $3), acknowledged_by = coalesce(acknowledged_by, $2)
     WHERE id = $1 AND status <> 'resolved' RETURNING *`,
    [id, coordinatorId, at, note],
  );
  return rows[0] ? withCaseRefreshed(db, toAlert(rows[0]), at) : null;
}

async function withCaseRefreshed(db: Queryable, alert: Alert, at: Date): Promise<Alert> {
  if (alert.caseId) await refreshCase(db, alert.caseId, at);
  return alert;
}

/** Marks an elevated alert still waiting for review at its deadline as overdue; once. */
export async function markOverdue(db: Queryable, id: string, at: Date): Promise<Alert | null> {
  const { rows } = await db.query<AlertRow>(
    `UPDATE alerts SET overdue_at = $2, updated_at = $2
     WHERE id = $1 AND status = 'open' AND overdue_at IS NULL AND review_due_at <= $2 RETURNING *`,
    [id, at],
  );
  return rows[0] ? toAlert(rows[0]) : null;
}

export interface AlertQuery {
  practiceId: string;
  status?: AlertStatus | 'unresolved' | undefined;
  level?: AlertLevel | undefined;
  patientId?: string | undefined;
  limit: number;
}

/** An alert with the names a coordinator reads it by. */
export interface AlertWithNames extends Alert {
  patient: { id: string; firstName: string; lastName: string; phone: string };
  acknowledgedByName: string | null;
  resolvedByName: string | null;
  /** The patient's own words, when a text raised it. */
  patientText: string | null;
}

type AlertWithNamesRow = AlertRow & {
  first_name: string;
  last_name: string;
  phone: string;
  acknowledged_by_name: string | null;
  resolved_by_name: string | null;
  patient_text: string | null;
};

const WITH_NAMES = `SELECT a.*, p.first_name, p.last_name, p.phone, ack.name AS acknowledged_by_name, res.name AS resolved_by_name,
         m.body AS patient_text
  FROM alerts a JOIN patients p ON p.id = a.patient_id
  LEFT JOIN coordinators ack ON ack.id = a.acknowledged_by
  LEFT JOIN coordinators res ON res.id = a.resolved_by
  LEFT JOIN messages m ON m.id = a.message_id AND m.direction = 'inbound'`;

const toAlertWithNames = (row: AlertWithNamesRow): AlertWithNames => ({
  ...toAlert(row),
  patient: { id: row.patient_id, firstName: row.first_name, lastName: row.last_name, phone: row.phone },
  acknowledgedByName: row.acknowledged_by_name,
  resolvedByName: row.resolved_by_name,
  patientText: row.patient_text,
});

/** The queue: urgent first, then oldest first. */
export async function listAlerts(db: Queryable, q: AlertQuery): Promise<AlertWithNames[]> {
  const { rows } = await db.query<AlertWithNamesRow>(
    `${WITH_NAMES}
     WHERE a.practice_id = $1
       AND ($2::text IS NULL OR ($2 = 'unresolved' AND a.status <> 'resolved') OR a.status = $2)
       AND ($3::text IS NULL OR a.level = $3)
       AND ($4::uuid IS NULL OR a.patient_id = $4)
     ORDER BY (a.level = 'urgent') DESC, a.created_at, a.seq LIMIT $5`,
    [q.practiceId, q.status ?? null, q.level ?? null, q.patientId ?? null, q.limit],
  );
  return rows.map(toAlertWithNames);
}

/** The alerts of these cases, oldest first. */
export async function listAlertsOfCases(db: Queryable, caseIds: readonly string[]): Promise<AlertWithNames[]> {
  if (caseIds.length === 0) return [];
  const { rows } = await db.query<AlertWithNamesRow>(`${WITH_NAMES} WHERE a.case_id = ANY($1::uuid[]) ORDER BY a.created_at, a.seq`, [caseIds]);
  return rows.map(toAlertWithNames);
}

export async function findAlertWithNames(db: Queryable, id: string): Promise<AlertWithNames | null> {
  const { rows } = await db.query<AlertWithNamesRow>(`${WITH_NAMES} WHERE a.id = $1`, [id]);
  return rows[0] ? toAlertWithNames(rows[0]) : null;
}

/**
 * Where the alert sequence stands: the live channel reports alerts raised after
 * it, and those with a seq before it whose transactions had not committed yet
 * (web/live-events.ts looks back for them).
 */
export async function latestAlertSeq(db: Queryable, practiceId: string): Promise<string> {
  const { rows } = await db.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM alerts WHERE practice_id = $1', [practiceId]);
  return rows[0]?.seq ?? '0';
}
