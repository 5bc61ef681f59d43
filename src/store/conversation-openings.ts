/**
 * Opening many conversations at once (a cadence slot for a whole panel): the
 * conversations, their first texts, the texts' send jobs and the events, in
 * a few statements. Ids are made here so the rows can refer to each other.
 */
import { randomUUID } from 'node:crypto';
import type { NewConversation } from './conversations.js';
import { insertJobsFrom, JOB_CHANNEL } from './job-queue.js';
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

/** Inserts every opening for one practice at `at`; the send jobs are due at once. Returns ids in order. */
export async function insertOpenings(
  db: Queryable,
  practice: { id: string; phoneNumber: string },
  openings: readonly Opening[],
  at: Date,
): Promise<Opened[]> {
  if (openings.length === 0) return [];
  const opened: Opened[] = openings.map((o) => ({ conversationId: randomUUID(), messageId: o.channel === 'sms' ? randomUUID() : null }));
  const conversationIds = opened.map((o) => o.conversationId);
  const patientIds = openings.map((o) => o.patientId);
  await db.query(
    `INSERT INTO conversations (id, practice_id, patient_id, flow, flow_version, status, state, snapshot, answers, input,
       started_at, last_activity_at, reply_window_seconds, channel)
     SELECT id, $2, patient_id, flow, flow_version, 'active', state, snapshot, answers, input, $3, $3, reply_window, channel
     FROM unnest($1::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::jsonb[], $9::jsonb[], $10::jsonb[], $11::int[], $12::text[])
       AS c(id, patient_id, flow, flow_version, state, snapshot, answers, input, reply_window, channel)`,
    [
      conversationIds,
      practice.id,
      at,
      patientIds,
      openings.map((o) => o.flow),
      openings.map((o) => o.flowVersion),
      openings.map((o) => o.state),
      openings.map((o) => JSON.stringify(o.snapshot)),
      openings.map((o) => JSON.stringify(o.answers)),
      openings.map((o) => JSON.stringify(o.input)),
      openings.map((o) => o.replyWindowSeconds),
      openings.map((o) => o.channel),
    ],
  );
  await insertFirstTexts(db, practice, openings, opened, at);
  await db.query(
    `INSERT INTO patient_events (practice_id, patient_id, conversation_id, type, detail, at)
     SELECT $1, patient_id, conversation_id, 'conversation.started', jsonb_build_object('flow', flow, 'channel', channel), $2
     FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[]) AS e(patient_id, conversation_id, flow, channel)`,
    [practice.id, at, patientIds, conversationIds, openings.map((o) => o.flow), openings.map((o) => o.channel)],
  );
  return opened;
}

/** The first texts of the openings by SMS, and their send jobs, due at once. */
async function insertFirstTexts(db: Queryable, practice: { id: string; phoneNumber: string }, openings: readonly Opening[], opened: readonly Opened[], at: Date) {
  const texts = openings.flatMap((o, i) => (o.channel === 'sms' ? [{ ...o, ...opened[i]! }] : []));
  if (texts.length === 0) return;
  const messageIds = texts.map((t) => t.messageId!);
  await db.query(
    `INSERT INTO messages (id, practice_id, patient_id, conversation_id, direction, audience, kind, from_number, to_number, body,
       status, status_rank, created_at, updated_at)
     SELECT id, $2, patient_id, conversation_id, 'outbound', 'patient', 'check_in', $3, to_number, body, 'pending', 0, $4, $4
     FROM unnest($1::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[]) AS m(id, patient_id, conversation_id, to_number, body)`,
    [messageIds, practice.id, practice.phoneNumber, at, texts.map((t) => t.patientId), texts.map((t) => t.conversationId), texts.map((t) => t.toNumber), texts.map((t) => t.body)],
  );
  await db.query(
    insertJobsFrom(`SELECT 'message.send', jsonb_build_object('messageId', id), $2::timestamptz, 0 FROM unnest($1::uuid[]) AS m(id)`),
    [messageIds, at],
  );
  // One wake-up for the whole batch: the send workers find every job due now.
  await db.query('SELECT pg_notify($1, $2)', [JOB_CHANNEL, JSON.stringify({ jobName: 'message.send', nextRunAt: at.toISOString(), timestamp: at.toISOString() })]);
}
