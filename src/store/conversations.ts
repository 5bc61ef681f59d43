import type { FlowInput, FlowName, Observation, PersistedFlowSnapshot } from '../flows/types.js';
import { toIso, toIsoOrNull, writeLater, type Queryable } from './sql.js';
import { keepsTimeout, queueTimeoutJobs } from './conversation-timeouts.js';
import { observationFactsJsonSql, rulesTagSql, toTriageInputs, type ObservationFactRow, type TriageInputs } from './triage.js';
import { recordEvent } from './patient-events.js';

export type ConversationStatus = 'active' | 'completed' | 'no_usable_answer' | 'timed_out' | 'escalated' | 'cancelled';

export interface Conversation {
  id: string;
  practiceId: string;
  patientId: string;
  flow: FlowName;
  /** The version of the flow's definition that wrote `snapshot`. */
  flowVersion: number;
  channel: 'sms' | 'voice';
  status: ConversationStatus;
  state: string;
  snapshot: PersistedFlowSnapshot;
  version: number;
  answers: Record<string, unknown>;
  input: FlowInput;
  startedAt: string;
  lastActivityAt: string;
  expiresAt: string | null;
  endedAt: string | null;
  /** How long each answer is waited for, when not the service's default (a dose reminder's window). */
  replyWindowSeconds: number | null;
}

export interface ConversationRow {
  id: string;
  practice_id: string;
  patient_id: string;
  flow: FlowName;
  flow_version: number;
  channel: 'sms' | 'voice';
  status: ConversationStatus;
  state: string;
  snapshot: PersistedFlowSnapshot;
  version: number;
  answers: Record<string, unknown>;
  input: FlowInput;
  started_at: Date | string;
  last_activity_at: Date | string;
  expires_at: Date | string | null;
  ended_at: Date | string | null;
  reply_window_seconds: number | null;
}

export const toConversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  flow: row.flow,
  flowVersion: row.flow_version,
  channel: row.channel,
  status: row.status,
  state: row.state,
  snapshot: row.snapshot,
  version: row.version,
  answers: row.answers,
  input: row.input,
  startedAt: toIso(row.started_at),
  lastActivityAt: toIso(row.last_activity_at),
  expiresAt: toIsoOrNull(row.expires_at),
  endedAt: toIsoOrNull(row.ended_at),
  replyWindowSeconds: row.reply_window_seconds,
});

export interface NewConversation {
  practiceId: string;
  patientId: string;
  flow: FlowName;
  flowVersion: number;
  input: FlowInput;
  state: string;
  snapshot: PersistedFlowSnapshot;
  answers: Record<string, unknown>;
  startedAt: Date;
  replyWindowSeconds?: number | null;
}

/** Opens a conversation; the unique index refuses a second active one for the patient. */
export async function insertConversation(db: Queryable, c: NewConversation): Promise<Conversation> {
  const { rows } = await db.query<ConversationRow>(
    `INSERT INTO conversations (practice_id, patient_id, flow, flow_version, status, state, snapshot, answers, input,
       started_at, last_activity_at, reply_window_seconds)
     VALUES ($1, $2, $3, $4, 'active', $5, $6, $7, $8, $9, $9, $10) RETURNING *`,
    [c.practiceId, c.patientId, c.flow, c.flowVersion, c.state, c.snapshot, c.answers, c.input, c.startedAt, c.replyWindowSeconds ?? null],
  );
  return toConversation(rows[0]!);
}

export async function findConversation(db: Queryable, id: string): Promise<Conversation | null> {
  const { rows } = await db.query<ConversationRow>('SELECT * FROM conversations WHERE id = $1', [id]);
  return rows[0] ? toConversation(rows[0]) : null;
}

export async function findActiveConversation(db: Queryable, patientId: string): Promise<Conversation | null> {
  const { rows } = await db.query<ConversationRow>(
    "SELECT * FROM conversations WHERE patient_id = $1 AND status = 'active'",
    [patientId],
  );
  return rows[0] ? toConversation(rows[0]) : null;
}

/** The open conversations of several patients, by patient. */
export async function findActiveConversations(db: Queryable, patientIds: readonly string[]): Promise<Map<string, Conversation>> {
  const { rows } = await db.query<ConversationRow>("SELECT * FROM conversations WHERE patient_id = ANY($1) AND status = 'active'", [patientIds]);
  return new Map(rows.map((row) => [row.patient_id, toConversation(row)]));
}

/** Locks a conversation row for the rest of the transaction (NO KEY UPDATE: see lockPatient). */
export async function lockConversation(db: Queryable, id: string): Promise<Conversation | null> {
  const { rows } = await db.query<ConversationRow>('SELECT * FROM conversations WHERE id = $1 FOR NO KEY UPDATE', [id]);
  return rows[0] ? toConversation(rows[0]) : null;
}

export interface StepUpdate {
  state: string;
  snapshot: PersistedFlowSnapshot;
  flowVersion: number;
  answers: Record<string, unknown>;
  status: ConversationStatus;
  expiresAt: Date | string | null;
  /** When the step happened, by the service clock. */
  at: Date;
}

/** What the step recorded besides itself, written by the same statement (see saveStep). */
export interface StepRecords {
  practiceId: string;
  patientId: string;
  /** The inbound message the step answered (null for a timeout). */
  messageId: string | null;
  /** What the patient reported, as insertObservations stores it (observed at the step's time). */
  observations: readonly Observation[];
  /** The step ended the conversation: its end goes on the patient's record, as recordConversationEnd puts it. */
  ended: { flow: FlowName } | null;
  /** Triage will assess what the step observed: its inputs since then (the step's observations among them) are read too. */
  triageSince?: Date | null;
}

/**
 * Saves one step of the flow and bumps the version. When the step waits for
 * another answer (`expiresAt`), a conversation.timeout job is kept pending by
 * then, queued by the same statement when none is (store/conversation-timeouts.ts):
 * the two are one unit, and every round trip counts on the inbound path. The same
 * statement stores what the patient reported and, when the step ended the
 * conversation, its end on the record, in that order (the end's record_seq
 * follows the observations': the insert of the end reads theirs first).
 * Asked (`triageSince`), it also reads what the assessment of those
 * observations reads (store/triage.ts, loadTriageInputs, without the
 * medications): the triage after an answer then takes no round trip to read.
 * Returns those inputs; null when not asked.
 */
export async function saveStep(db: Queryable, id: string, step: StepUpdate, records: StepRecords): Promise<TriageInputs | null> {
  const since = records.triageSince ?? null;
  const timeout = keepsTimeout('$1', '$6::timestamptz', '$7::timestamptz');
  const query = {
    name: 'save-step',
    text: `WITH step AS (
             UPDATE conversations c SET state = $2, snapshot = $3, answers = $4, status = $5, expires_at = $6, flow_version = $8,
               version = c.version + 1, last_activity_at = $7,
               ended_at = CASE WHEN $5 = 'active' THEN NULL ELSE $7::timestamptz END, ${timeout.set}
             FROM ${timeout.from}
             WHERE c.id = $1
             RETURNING c.id, c.version, c.expires_at, ${timeout.queues}
           ), timeout AS (
             ${queueTimeoutJobs('step')}
           ), observed AS (
             INSERT INTO observations (practice_id, patient_id, conversation_id, message_id, kind, value, observed_at)
             SELECT $9, $10, $1, $11, o.kind, o.value, $7 FROM jsonb_to_recordset($12::jsonb) AS o(kind text, value jsonb)
             RETURNING id, kind, value, observed_at, conversation_id, seq
           ), ended AS (
             INSERT INTO patient_events (practice_id, patient_id, conversation_id, message_id, type, detail, at)
             SELECT $9, $10, $1, NULL, 'conversation.' || $5, $13::jsonb, $7
             FROM (SELECT count(*) FROM observed) AS after_observations
             WHERE $13::jsonb IS NOT NULL
           )
           -- The statement's snapshot holds the observations before it; the step's own come from the insert.
           SELECT CASE WHEN $14::timestamptz IS NOT NULL THEN ${rulesTagSql('$9')} END AS rules_tag,
                  CASE WHEN $14::timestamptz IS NOT NULL THEN ${observationFactsJsonSql(`(
                    SELECT id, kind, value, observed_at, conversation_id, seq FROM observations WHERE patient_id = $10 AND observed_at >= $14
                    UNION ALL SELECT * FROM observed WHERE observed_at >= $14)`)} END AS observations
           FROM step`,
    values: [
      id,
      step.state,
      step.snapshot,
      step.answers,
      step.status,
      step.expiresAt,
      step.at,
      step.flowVersion,
      records.practiceId,
      records.patientId,
      records.messageId,
      JSON.stringify(records.observations),
      records.ended ? JSON.stringify({ flow: records.ended.flow }) : null,
      since,
    ],
  };
  // Asked for nothing back, it goes out with the turn's next statement (writeLater).
  if (since === null) {
    await writeLater(db, query);
    return null;
  }
  const { rows } = await db.query<{ rules_tag: string | null; observations: ObservationFactRow[] | null }>(query);
  const row = rows[0];
  return row?.observations ? toTriageInputs(row.rules_tag, since, row.observations, null) : null;
}

/** Ends an active conversation from outside its flow (red flag, opt-out, undeliverable). */
export async function endConversation(
  db: Queryable,
  id: string,
  status: Exclude<ConversationStatus, 'active'>,
  at: Date,
): Promise<void> {
  await db.query(
    `UPDATE conversations SET status = $2, version = version + 1, expires_at = NULL, ended_at = $3, last_activity_at = $3
     WHERE id = $1 AND status = 'active'`,
    [id, status, at],
  );
}

/**
 * The question is out at `from`: the answer is awaited for the conversation's
 * reply window, or `defaultMs`, with a timeout job pending by then
 * (store/conversation-timeouts.ts), queued by the same statement. Nothing
 * when the conversation is no longer active.
 */
export async function setExpiry(db: Queryable, id: string, from: Date, defaultMs: number): Promise<void> {
  const ends = `$2::timestamptz + coalesce(c.reply_window_seconds * 1000, $3::bigint) * interval '1 millisecond'`;
  const timeout = keepsTimeout('$1', ends, '$2::timestamptz');
  await db.query(
    `WITH wait AS (
       UPDATE conversations c SET expires_at = ${ends}, ${timeout.set}
       FROM ${timeout.from}
       WHERE c.id = $1 AND c.status = 'active'
       RETURNING c.id, c.version, c.expires_at, ${timeout.queues}
     )
     ${queueTimeoutJobs('wait')}`,
    [id, from, defaultMs],
  );
}

type Ended = Pick<Conversation, 'id' | 'practiceId' | 'patientId' | 'flow'>;

/** Puts the end of a conversation on the patient's record ('conversation.completed', ...). */
export function recordConversationEnd(tx: Queryable, conversation: Ended, status: ConversationStatus, at: Date): Promise<void> {
  return recordEvent(tx, {
    practiceId: conversation.practiceId,
    patientId: conversation.patientId,
    conversationId: conversation.id,
    type: `conversation.${status}`,
    detail: { flow: conversation.flow },
    at,
  });
}

/** Ends a conversation from outside its flow (red flag, opt-out, undeliverable); its pending timeout job will find it ended. */
export async function stopConversation(tx: Queryable, conversation: Ended, status: Exclude<ConversationStatus, 'active'>, at: Date): Promise<void> {
  await endConversation(tx, conversation.id, status, at);
  await recordConversationEnd(tx, conversation, status, at);
}

/**
 * The patient's check-in that ran out of time since `since` without a word
 * from them, the latest; null when there is none. Named (parsed and planned
 * once per connection): every text with no check-in open asks.
 */
export async function findUnansweredTimedOut(db: Queryable, patientId: string, since: Date): Promise<Conversation | null> {
  const { rows } = await db.query<ConversationRow>({
    name: 'find-unanswered-timed-out',
    text: `SELECT * FROM conversations c
     WHERE c.patient_id = $1 AND c.status = 'timed_out' AND c.ended_at >= $2
       AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'inbound')
     ORDER BY c.ended_at DESC LIMIT 1 FOR UPDATE`,
    values: [patientId, since],
  });
  return rows[0] ? toConversation(rows[0]) : null;
}

/** Opens a timed-out conversation again at its first question (a late answer came); its next wait queues a timeout job. */
export async function reopenConversation(
  db: Queryable,
  id: string,
  step: { state: string; snapshot: PersistedFlowSnapshot; flowVersion: number; answers: Record<string, unknown> },
  at: Date,
): Promise<Conversation | null> {
  const { rows } = await db.query<ConversationRow>(
    `UPDATE conversations SET status = 'active', state = $2, snapshot = $3, flow_version = $4, answers = $5,
       version = version + 1, ended_at = NULL, expires_at = NULL, last_activity_at = $6
     WHERE id = $1 AND status = 'timed_out' RETURNING *`,
    [id, step.state, JSON.stringify(step.snapshot), step.flowVersion, JSON.stringify(step.answers), at],
  );
  return rows[0] ? toConversation(rows[0]) : null;
}

