/**
 * What happened with a patient within a period (a month's bounds): the raw
 * material of the monthly record. Read-only.
 */
import type { QuestionnaireIn } from '../documentation/questionnaires.js';
import type { AlertHandling, ContactChannel } from '../documentation/types.js';
import { listSubmittedLinks } from './questionnaires.js';
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export interface Period {
  from: Date;
  to: Date;
}

export interface PeriodMessage {
  id: string;
  at: string;
  direction: 'inbound' | 'outbound';
  channel: ContactChannel;
  kind: string;
  body: string;
  status: string;
}

/** Texts between the service and the patient (and answers from the questionnaire's form), placed when they left (or arrived). */
export async function messagesIn(db: Queryable, patientId: string, p: Period): Promise<PeriodMessage[]> {
  const { rows } = await db.query<{ id: string; at: Date; direction: 'inbound' | 'outbound'; channel: ContactChannel; kind: string; body: string; status: string }>(
    `SELECT id, coalesce(sent_at, created_at) AS at, direction, channel, kind, body, status FROM messages
      WHERE patient_id = $1 AND audience = 'patient' AND status NOT IN ('cancelled', 'pending', 'submitting')
        AND coalesce(sent_at, created_at) >= $2 AND coalesce(sent_at, created_at) < $3
      ORDER BY coalesce(sent_at, created_at), seq`,
    [patientId, p.from, p.to],
  );
  return rows.map((r) => ({ ...r, at: toIso(r.at) }));
}

export interface PeriodCall {
  id: string;
  at: string;
  direction: 'inbound' | 'outbound';
  status: string;
  answeredBy: string | null;
  outcome: string | null;
  seconds: number | null;
}

export async function callsIn(db: Queryable, patientId: string, p: Period): Promise<PeriodCall[]> {
  const { rows } = await db.query<{ id: string; started_at: Date; direction: 'inbound' | 'outbound'; status: string; answered_by: string | null; outcome: string | null; duration_seconds: number | null }>(
    `SELECT id, started_at, direction, status, answered_by, outcome, duration_seconds FROM patient_calls
      WHERE patient_id = $1 AND started_at >= $2 AND started_at < $3 ORDER BY started_at, id`,
    [patientId, p.from, p.to],
  );
  return rows.map((r) => ({
    id: r.id,
    at: toIso(r.started_at),
    direction: r.direction,
    status: r.status,
    answeredBy: r.answered_by,
    outcome: r.outcome,
    seconds: r.duration_seconds,
  }));
}

export interface PeriodObservation {
  id: string;
  at: string;
  kind: string;
  value: Record<string, unknown>;
}

export async function observationsIn(db: Queryable, patientId: string, p: Period): Promise<PeriodObservation[]> {
  const { rows } = await db.query<{ id: string; observed_at: Date; kind: string; value: Record<string, unknown> }>(
    `SELECT id, observed_at, kind, value FROM observations
      WHERE patient_id = $1 AND observed_at >= $2 AND observed_at < $3 ORDER BY observed_at, seq`,
    [patientId, p.from, p.to],
  );
  return rows.map((r) => ({ id: r.id, at: toIso(r.observed_at), kind: r.kind, value: r.value }));
}

/** An alert and how it was handled, with the names of who acted. */
export type PeriodAlert = AlertHandling;

/** Alerts raised in the period, or raised before it and handled in it. */
export async function alertsIn(db: Queryable, patientId: string, p: Period): Promise<PeriodAlert[]> {
  const { rows } = await db.query<{
    id: string; level: 'urgent' | 'elevated'; reason: string; explanation: string | null; created_at: Date;
    acknowledged_at: Date | null; ack_name: string | null; resolved_at: Date | null; res_name: string | null; resolution_note: string | null;
  }>(
    `SELECT a.id, a.level, a.reason, a.explanation, a.created_at, a.acknowledged_at, ack.name AS ack_name,
            a.resolved_at, res.name AS res_name, a.resolution_note
       FROM alerts a LEFT JOIN coordinators ack ON ack.id = a.acknowledged_by LEFT JOIN coordinators res ON res.id = a.resolved_by
      WHERE a.patient_id = $1 AND a.created_at < $3
        AND (a.created_at >= $2 OR a.resolved_at >= $2 OR a.resolved_at IS NULL)
      ORDER BY a.created_at, a.id`,
    [patientId, p.from, p.to],
  );
  return rows.map((r) => ({
    id: r.id,
    level: r.level,
    reason: r.reason,
    explanation: r.explanation,
    createdAt: toIso(r.created_at),
    acknowledgedAt: toIsoOrNull(r.acknowledged_at),
    acknowledgedBy: r.ack_name,
    resolvedAt: toIsoOrNull(r.resolved_at),
    resolvedBy: r.res_name,
    resolutionNote: r.resolution_note,
  }));
}

/** Questionnaires the patient answered in the period, oldest first: the definition as sent, and the answers. */
export async function questionnairesIn(db: Queryable, patientId: string, p: Period): Promise<QuestionnaireIn[]> {
  const links = await listSubmittedLinks(db, patientId, p.from, p.to);
  return links.map((link) => ({
    id: link.id,
    sentAt: link.createdAt,
    submittedAt: link.submittedAt!,
    locale: link.locale,
    messageId: link.responseMessageId,
    definition: link.definition,
    answers: link.answers,
  }));
}

export interface PeriodEvent {
  id: string;
  at: string;
  type: string;
}

/** Events worth a line in the record (opt-outs, red flags, care-plan changes, staff actions). */
export async function eventsIn(db: Queryable, patientId: string, p: Period): Promise<PeriodEvent[]> {
  const { rows } = await db.query<{ id: string; at: Date; type: string }>(
    `SELECT id, at, type FROM patient_events
      WHERE patient_id = $1 AND at >= $2 AND at < $3 AND type !~ '^(conversation\\.started|message\\.|send\\.)'
      ORDER BY at, seq`,
    [patientId, p.from, p.to],
  );
  return rows.map((r) => ({ id: r.id, at: toIso(r.at), type: r.type }));
}

/**
 * Patients who were in two-way contact with the practice in the period: they
 * texted, or answered a call (an outreach call, or a coordinator's bridged call).
 */
export async function patientsInContact(db: Queryable, patientIds: readonly string[], p: Period): Promise<Set<string>> {
  const { rows } = await db.query<{ patient_id: string }>(
    `SELECT patient_id FROM messages
      WHERE patient_id = ANY($1::uuid[]) AND direction = 'inbound' AND created_at >= $2 AND created_at < $3
     UNION
     SELECT patient_id FROM patient_calls
      WHERE patient_id = ANY($1::uuid[]) AND started_at >= $2 AND started_at < $3
        AND (direction = 'inbound' OR (status = 'completed' AND coalesce(answered_by, 'human') IN ('human', 'unknown')))
     UNION
     SELECT a.patient_id FROM escalation_attempts e JOIN alerts a ON a.id = e.alert_id
      WHERE a.patient_id = ANY($1::uuid[]) AND e.bridge_seconds > 0 AND e.started_at >= $2 AND e.started_at < $3
     UNION
     SELECT patient_id FROM time_entries
      WHERE patient_id = ANY($1::uuid[]) AND activity = 'call' AND superseded_at IS NULL AND started_at >= $2 AND started_at < $3`,
    [patientIds, p.from, p.to],
  );
  return new Set(rows.map((r) => r.patient_id));
}

/** Check-ins and questionnaires the patient answered since the month began. */
export async function answeredSince(db: Queryable, patientId: string, from: Date): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `SELECT (SELECT count(DISTINCT conversation_id) FROM messages
              WHERE patient_id = $1 AND direction = 'inbound' AND conversation_id IS NOT NULL AND created_at >= $2)
          + (SELECT count(*) FROM questionnaire_links WHERE patient_id = $1 AND submitted_at >= $2) AS n`,
    [patientId, from],
  );
  return Number(rows[0]!.n);
}
