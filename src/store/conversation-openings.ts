/**
 * Opening many conversations at once (a cadence slot for a whole panel): the
 * conversations, their first texts, the texts' send jobs and the events, in
 * a few statements. Ids are made here so the rows can refer to each other.
 */
import { randomUUID } from 'node:crypto';
import type { FlowInput, FlowName, PersistedFlowSnapshot } from '../flows/types.js';
import { insertJobsFrom, JOB_CHANNEL } from './job-queue.js';
import type { Queryable } from './sql.js';

export interface Opening {
  patientId: string;
  toNumber: string;
  flow: FlowName;
  flowVersion: number;
  input: FlowInput;
  state: string;
  snapshot: PersistedFlowSnapshot;
  answers: Record<string, unknown>;
  replyWindowSeconds: number | null;
  /** The first question, as the patient reads it. */
  body: string;
}

export interface Opened {
  conversationId: string;
  messageId: string;
}

/** Inserts every opening for one practice at `at`; the send jobs are due at once. Returns ids in order. */
export async function insertOpenings(
  db: Queryable,
  practice: { id: string; phoneNumber: string },
  openings: readonly Opening[],
  at: Date,
): Promise<Opened[]> {
  if (openings.length === 0) return [];
  const opened = openings.map(() => ({ conversationId: randomUUID(), messageId: randomUUID() }));
  const conversationIds = opened.map((o) => o.conversationId);
  const messageIds = opened.map((o) => o.messageId);
  const patientIds = openings.map((o) => o.patientId);
  await db.query(
    `INSERT INTO conversations (id, practice_id, patient_id, flow, flow_version, status, state, snapshot, answers, input,
       started_at, last_activity_at, reply_window_seconds)
     SELECT id, $2, patient_id, flow, flow_version, 'active', state, snapshot, answers, input, $3, $3, reply_window
     FROM unnest($1::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::jsonb[], $9::jsonb[], $10::jsonb[], $11::int[])
       AS c(id, patient_id, flow, flow_version, state, snapshot, answers, input, reply_window)`,
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
    ],
  );
  await db.query(
    `INSERT INTO messages (id, practice_id, patient_id, conversation_id, direction, audience, kind, from_number, to_number, body,
       status, status_rank, created_at, updated_at)
     SELECT id, $2, patient_id, conversation_id, 'outbound', 'patient', 'check_in', $3, to_number, body, 'pending', 0, $4, $4
     FROM unnest($1::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[]) AS m(id, patient_id, conversation_id, to_number, body)`,
    [messageIds, practice.id, practice.phoneNumber, at, patientIds, conversationIds, openings.map((o) => o.toNumber), openings.map((o) => o.body)],
  );
  await db.query(
    insertJobsFrom(`SELECT 'message.send', jsonb_build_object('messageId', id), $2::timestamptz, 0 FROM unnest($1::uuid[]) AS m(id)`),
    [messageIds, at],
  );
  await db.query(
    `INSERT INTO patient_events (practice_id, patient_id, conversation_id, type, detail, at)
     SELECT $1, patient_id, conversation_id, 'conversation.started', jsonb_build_object('flow', flow), $2
     FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS e(patient_id, conversation_id, flow)`,
    [practice.id, at, patientIds, conversationIds, openings.map((o) => o.flow)],
  );
  // One wake-up for the whole batch: the send workers find every job due now.
  await db.query('SELECT pg_notify($1, $2)', [JOB_CHANNEL, JSON.stringify({ jobName: 'message.send', nextRunAt: at.toISOString(), timestamp: at.toISOString() })]);
  return opened;
}
