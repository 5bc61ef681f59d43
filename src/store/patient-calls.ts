/**
 * Calls with patients (check-ins by phone, a patient calling in). Each is
 * named in Twilio's requests by an opaque token, and keeps what the voice
 * channel waits for between requests.
 */
import { randomBytes } from 'node:crypto';
import { insertJobsFrom, wakeUpFor } from './job-queue.js';
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

/** What the voice channel waits for beyond the flow's own question. */
export interface CallPending {
  /** Keypad blood pressure: the top number is in, the bottom one is asked. */
  top?: number;
  /** A spoken answer heard with low confidence, waiting for "press 1 if that is right". */
  confirm?: string;
  /** Times in a row nothing was heard. */
  silences?: number;
  /** The caller is at the menu (a call in with no check-in open). */
  menu?: true;
  /** A red flag was said: the offer to be connected to the on-call coordinator is open. */
  bridgeOffered?: true;
  /** What the emergency was (the advice repeated at the end names 988 for self-harm), and the alert it raised. */
  emergency?: 'red_flag' | 'self_harm' | 'distress';
  alertId?: string;
  /** The on-call chain being dialed for the caller, in order (coordinator ids); who accepted the call, once one has. */
  nurses?: string[];
  accepted?: string;
}

export interface PatientCall {
  id: string;
  practiceId: string;
  patientId: string | null;
  conversationId: string | null;
  direction: 'inbound' | 'outbound';
  token: string;
  callSid: string | null;
  attempt: number;
  status: string;
  answeredBy: string | null;
  pending: CallPending;
  /** Turns spoken so far. */
  turns: number;
  outcome: string | null;
  durationSeconds: number | null;
  startedAt: string;
  endedAt: string | null;
  /** When the service last began asking Twilio for this call (status 'placing'); null before. */
  placingAt: string | null;
  /** How many times the service has asked Twilio for this call (a retry after a lost answer asks again). */
  placingAttempts: number;
}

interface Row {
  id: string;
  practice_id: string;
  patient_id: string | null;
  conversation_id: string | null;
  direction: 'inbound' | 'outbound';
  token: string;
  call_sid: string | null;
  attempt: number;
  status: string;
  answered_by: string | null;
  pending: CallPending;
  turns: number;
  outcome: string | null;
  duration_seconds: number | null;
  started_at: Date | string;
  ended_at: Date | string | null;
  placing_at: Date | string | null;
  placing_attempts: number;
}

const toCall = (row: Row): PatientCall => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  conversationId: row.conversation_id,
  direction: row.direction,
  token: row.token,
  callSid: row.call_sid,
  attempt: row.attempt,
  status: row.status,
  answeredBy: row.answered_by,
  pending: row.pending,
  turns: row.turns,
  outcome: row.outcome,
  durationSeconds: row.duration_seconds,
  startedAt: toIso(row.started_at),
  endedAt: toIsoOrNull(row.ended_at),
  placingAt: toIsoOrNull(row.placing_at),
  placingAttempts: row.placing_attempts,
});

export async function insertCall(
  db: Queryable,
  c: { practiceId: string; patientId: string | null; conversationId: string | null; direction: 'inbound' | 'outbound'; callSid?: string | null; attempt?: number; status: string; at: Date },
): Promise<PatientCall> {
  const { rows } = await db.query<Row>(
    `INSERT INTO patient_calls (practice_id, patient_id, conversation_id, direction, token, call_sid, attempt, status, started_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [c.practiceId, c.patientId, c.conversationId, c.direction, randomBytes(24).toString('base64url'), c.callSid ?? null, c.attempt ?? 1, c.status, c.at],
  );
  return toCall(rows[0]!);
}

/**
 * Queues the first call of each of these check-ins, in one statement: the
 * call, its 'voice.call' job due at once, and the wait for the check-in's
 * answers, which starts now (the conversation's reply window, or
 * `defaultReplyMs`), with its 'conversation.timeout' job at that version.
 * One wake-up for the workers however many calls. Returns the calls in order.
 */
export async function queueFirstCalls(
  db: Queryable,
  practiceId: string,
  calls: ReadonlyArray<{ patientId: string; conversationId: string }>,
  at: Date,
  defaultReplyMs: number,
): Promise<PatientCall[]> {
  if (calls.length === 0) return [];
  const tokens = calls.map(() => randomBytes(24).toString('base64url'));
  // $2 now, $6 the service's default wait.
  const waitEnds = `$2::timestamptz + coalesce(reply_window_seconds * 1000, $6::bigint) * interval '1 millisecond'`;
  const { rows } = await db.query<Row>({
    name: 'queue-first-calls',
    text: `WITH c AS MATERIALIZED (SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS c(patient_id, conversation_id, token)),
           call AS (
             INSERT INTO patient_calls (practice_id, patient_id, conversation_id, direction, token, attempt, status, started_at)
             SELECT $1, patient_id, conversation_id, 'outbound', token, 1, 'queued', $2 FROM c RETURNING *
           ),
           -- New conversations, none with a timeout job yet: each wait queues one (store/conversation-timeouts.ts).
           wait AS (
             UPDATE conversations SET expires_at = ${waitEnds}, timeout_at = ${waitEnds}
             WHERE id IN (SELECT conversation_id FROM c) AND status = 'active' RETURNING id, version, expires_at
           ),
           job AS (
             ${insertJobsFrom(`SELECT 'voice.call', jsonb_build_object('callId', id), $2::timestamptz, 0 FROM call
                UNION ALL SELECT 'conversation.timeout', jsonb_build_object('conversationId', id, 'version', version), expires_at, 0 FROM wait`)}
             RETURNING name, next_run_at
           ),
           wake AS (${wakeUpFor('job', '$2')})
           SELECT call.* FROM call, (SELECT count(*) FROM wake) AS woke`,
    values: [practiceId, at, calls.map((c) => c.patientId), calls.map((c) => c.conversationId), tokens, defaultReplyMs],
  });
  const byToken = new Map(rows.map((row) => [row.token, toCall(row)]));
  return tokens.map((token) => byToken.get(token)!);
}

/** The call a token names, locked for the rest of the transaction (Twilio's requests for one call come one at a time). */
export async function lockCallByToken(db: Queryable, token: string): Promise<PatientCall | null> {
  const { rows } = await db.query<Row>('SELECT * FROM patient_calls WHERE token = $1 FOR UPDATE', [token]);
  return rows[0] ? toCall(rows[0]) : null;
}

export async function findCallBySid(db: Queryable, callSid: string): Promise<PatientCall | null> {
  const { rows } = await db.query<Row>('SELECT * FROM patient_calls WHERE call_sid = $1', [callSid]);
  return rows[0] ? toCall(rows[0]) : null;
}

export async function findCall(db: Queryable, id: string): Promise<PatientCall | null> {
  const { rows } = await db.query<Row>('SELECT * FROM patient_calls WHERE id = $1', [id]);
  return rows[0] ? toCall(rows[0]) : null;
}

/**
 * Takes a queued call to place it, marking when: only one worker wins it,
 * and from then on a retry knows Twilio may have the call (the process may
 * die, or Twilio's answer be lost, before its id is recorded).
 */
export async function claimCallForPlacing(db: Queryable, id: string, at: Date): Promise<PatientCall | null> {
  const { rows } = await db.query<Row>(
    `UPDATE patient_calls SET status = 'placing', placing_at = $2, placing_attempts = placing_attempts + 1
     WHERE id = $1 AND status = 'queued' AND call_sid IS NULL RETURNING *`,
    [id, at],
  );
  return rows[0] ? toCall(rows[0]) : null;
}

/**
 * Takes a call being placed to place it again (Twilio turned out not to
 * have it), only if its claim is still the one taken at `heldSince`: of two
 * workers settling it, one places it.
 */
export async function claimCallAgain(db: Queryable, id: string, heldSince: Date, at: Date): Promise<PatientCall | null> {
  const { rows } = await db.query<Row>(
    `UPDATE patient_calls SET placing_at = $3, placing_attempts = placing_attempts + 1
     WHERE id = $1 AND status = 'placing' AND call_sid IS NULL AND placing_at = $2 RETURNING *`,
    [id, heldSince, at],
  );
  return rows[0] ? toCall(rows[0]) : null;
}

/**
 * Moves a claim to `at` when its turn to ask Twilio comes (after pacing),
 * only if it is still the one taken at `heldSince`. False: a retry took the
 * call over meanwhile, and this worker must not ring as well.
 */
export async function renewPlacingClaim(db: Queryable, id: string, heldSince: Date, at: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE patient_calls SET placing_at = $3 WHERE id = $1 AND status = 'placing' AND call_sid IS NULL AND placing_at = $2`,
    [id, heldSince, at],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * Records Twilio's id for a call it placed (or that a retry found at
 * Twilio), and its status unless Twilio's callbacks already said more.
 * False when the call had an id already.
 */
export async function recordCallSid(db: Queryable, id: string, call: { callSid: string | null; status: string }): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE patient_calls SET call_sid = $2, status = CASE WHEN status IN ('queued', 'placing') THEN $3 ELSE status END
     WHERE id = $1 AND call_sid IS NULL`,
    [id, call.callSid, call.status],
  );
  return (rowCount ?? 0) > 0;
}

export interface CallChanges {
  conversationId?: string | null;
  callSid?: string;
  status?: string;
  answeredBy?: string | null;
  pending?: CallPending;
  outcome?: string;
  durationSeconds?: number | null;
  endedAt?: Date;
}

export async function updateCall(db: Queryable, id: string, c: CallChanges): Promise<void> {
  await db.query(
    `UPDATE patient_calls SET
       conversation_id = CASE WHEN $2 THEN $3::uuid ELSE conversation_id END,
       call_sid = coalesce($4, call_sid), status = coalesce($5, status),
       answered_by = coalesce($6, answered_by), pending = coalesce($7::jsonb, pending),
       outcome = coalesce($8, outcome), duration_seconds = coalesce($9, duration_seconds), ended_at = coalesce($10, ended_at)
     WHERE id = $1`,
    [
      id,
      c.conversationId !== undefined,
      c.conversationId ?? null,
      c.callSid ?? null,
      c.status ?? null,
      c.answeredBy ?? null,
      c.pending ? JSON.stringify(c.pending) : null,
      c.outcome ?? null,
      c.durationSeconds ?? null,
      c.endedAt ?? null,
    ],
  );
}

/** One more turn spoken on the call. */
export async function countTurn(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE patient_calls SET turns = turns + 1 WHERE id = $1', [id]);
}

/** The calls made for one conversation, oldest first (the tries at an outbound check-in). */
export async function listConversationCalls(db: Queryable, conversationId: string): Promise<PatientCall[]> {
  const { rows } = await db.query<Row>('SELECT * FROM patient_calls WHERE conversation_id = $1 ORDER BY started_at, attempt', [conversationId]);
  return rows.map(toCall);
}
