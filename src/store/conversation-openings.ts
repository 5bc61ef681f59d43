/**
 * Opening many conversations at once (a cadence slot for a whole panel): the
 * conversations, their first texts, the texts' send jobs and the events, in
 * one statement. Ids are made here so the rows can refer to each other.
 */
import { randomUUID } from 'node:crypto';
import type { NewConversation } from './conversations.js';
import { insertJobsFrom, wakeUpFor } from './job-queue.js';
import type { Queryable } from './sql.js';

export interface Opening extends Pick<NewConversation, 'patientId' | 'flow' | 'flowVersion' | 'input' | 'state' | 'snapshot' | 'answers'> {
  /** A text goes out with the first question; a call asks it when answered (its call is the caller's to place). */
  channel: 'sms' | 'voice';
  toNumber: string;
  replyWindowSeconds: number | null;
  /** The first question, as the patient reads it. */
  body: string;
}

export interface Opened {
  conversationId: string;
  /** The first text; null for a call. */
  messageId: string | null;
}

/**
 * The openings travel as one JSON document, not as a dozen parallel arrays:
 * node-postgres escapes every element of an array parameter character by
 * character, which for a batch of snapshots cost more than the insert.
 * Data-modifying CTEs all run; the foreign keys between them are checked at
 * the end of the statement, when every row is in.
 */
const INSERT_OPENINGS = `
  WITH o AS MATERIALIZED (
    SELECT * FROM json_to_recordset($1::json) AS o(
      conversation_id uuid, message_id uuid, patient_id uuid, flow text, flow_version int, state text,
      snapshot jsonb, answers jsonb, input jsonb, reply_window int, channel text, to_number text, body text)
  ),
  conversation AS (
    INSERT INTO conversations (id, practice_id, patient_id, flow, flow_version, status, state, snapshot, answers, input,
       started_at, last_activity_at, reply_window_seconds, channel)
    SELECT conversation_id, $2, patient_id, flow, flow_version, 'active', state, snapshot, answers, input, $3, $3, reply_window, channel FROM o
  ),
  text AS (
    INSERT INTO messages (id, practice_id, patient_id, conversation_id, direction, audience, kind, from_number, to_number, body,
       status, status_rank, created_at, updated_at)
    SELECT message_id, $2, patient_id, conversation_id, 'outbound', 'patient', 'check_in', $4, to_number, body, 'pending', 0, $3, $3
    FROM o WHERE message_id IS NOT NULL
  ),
  send AS (
    ${insertJobsFrom(`SELECT 'message.send', jsonb_build_object('messageId', message_id), $3::timestamptz, 0 FROM o WHERE message_id IS NOT NULL`)}
    RETURNING name, next_run_at
  ),
  -- One wake-up for the whole batch: the send workers find every job due now.
  wake AS (${wakeUpFor('send', '$3')}),
  event AS (
    INSERT INTO patient_events (practice_id, patient_id, conversation_id, type, detail, at)
    SELECT $2, patient_id, conversation_id, 'conversation.started', jsonb_build_object('flow', flow, 'channel', channel), $3 FROM o
  )
  SELECT count(*) FROM wake`;

/** Inserts every opening for one practice at `at`, in one statement; the send jobs are due at once. Returns ids in order. */
export async function insertOpenings(
  db: Queryable,
  practice: { id: string; phoneNumber: string },
  openings: readonly Opening[],
  at: Date,
): Promise<Opened[]> {
  if (openings.length === 0) return [];
  const opened: Opened[] = openings.map((o) => ({ conversationId: randomUUID(), messageId: o.channel === 'sms' ? randomUUID() : null }));
  const rows = openings.map((o, i) => ({
    conversation_id: opened[i]!.conversationId,
    message_id: opened[i]!.messageId,
    patient_id: o.patientId,
    flow: o.flow,
    flow_version: o.flowVersion,
    state: o.state,
    snapshot: o.snapshot,
    answers: o.answers,
    input: o.input,
    reply_window: o.replyWindowSeconds,
    channel: o.channel,
    to_number: o.toNumber,
    body: o.body,
  }));
  await db.query({ name: 'insert-openings', text: INSERT_OPENINGS, values: [JSON.stringify(rows), practice.id, at, practice.phoneNumber] });
  return opened;
}
