import { randomUUID } from 'node:crypto';
import { insertJobsFrom } from './job-queue.js';
import { toIso, toIsoOrNull, writeLater, type Queryable } from './sql.js';

export type Direction = 'inbound' | 'outbound';
export type Audience = 'patient' | 'coordinator';

/**
 * Where a status stands in a message's life. Twilio's callbacks arrive in any
 * order; a status only replaces one of lower rank, so `sent` never overwrites
 * `delivered`, and the first final status wins.
 */
const STATUS_RANK: Record<string, number> = {
  // ours: waiting for the send job / handed to the transport
  pending: 0,
  submitting: 1,
  // Twilio's, in order
  accepted: 2,
  scheduled: 2,
  queued: 3,
  sending: 4,
  sent: 5,
  delivered: 6,
  undelivered: 6,
  failed: 6,
  canceled: 6,
  received: 6,
  read: 7,
  // ours, final
  simulated: 6,
  cancelled: 6,
};

export const statusRank = (status: string): number => STATUS_RANK[status] ?? 0;
export const isKnownStatus = (status: string): boolean => status in STATUS_RANK;

export interface Message {
  id: string;
  practiceId: string | null;
  patientId: string | null;
  /** To or from a candidate (invited to CCM, no patient yet). */
  candidateId: string | null;
  coordinatorId: string | null;
  conversationId: string | null;
  direction: Direction;
  audience: Audience;
  channel: 'sms' | 'voice' | 'form';
  kind: string;
  fromNumber: string;
  toNumber: string;
  body: string;
  twilioSid: string | null;
  inReplyTo: string | null;
  status: string;
  errorCode: number | null;
  attempts: number;
  /** When a worker last took it to send (a send interrupted by a crash is recognised by it). */
  claimedAt: string | null;
  createdAt: string;
  /** When the text left: handed to Twilio (or recorded as simulated); null while it waits. */
  sentAt: string | null;
  updatedAt: string;
}

export interface MessageRow {
  id: string;
  practice_id: string | null;
  patient_id: string | null;
  candidate_id?: string | null;
  coordinator_id: string | null;
  conversation_id: string | null;
  direction: Direction;
  audience: Audience;
  channel: 'sms' | 'voice' | 'form';
  kind: string;
  from_number: string;
  to_number: string;
  body: string;
  twilio_sid: string | null;
  in_reply_to: string | null;
  status: string;
  error_code: number | null;
  attempts: number;
  claimed_at: Date | string | null;
  created_at: Date | string;
  sent_at: Date | string | null;
  updated_at: Date | string;
}

export const toMessage = (row: MessageRow): Message => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  // Rows read as row_to_json from before migration 023 have no such key.
  candidateId: row.candidate_id ?? null,
  coordinatorId: row.coordinator_id,
  conversationId: row.conversation_id,
  direction: row.direction,
  audience: row.audience,
  channel: row.channel,
  kind: row.kind,
  fromNumber: row.from_number,
  toNumber: row.to_number,
  body: row.body,
  twilioSid: row.twilio_sid,
  inReplyTo: row.in_reply_to,
  status: row.status,
  errorCode: row.error_code,
  attempts: row.attempts,
  claimedAt: toIsoOrNull(row.claimed_at),
  createdAt: toIso(row.created_at),
  sentAt: toIsoOrNull(row.sent_at),
  updatedAt: toIso(row.updated_at),
});

export interface NewInbound {
  twilioSid: string;
  practiceId: string | null;
  patientId: string | null;
  /** The conversation open when the text arrived. */
  conversationId: string | null;
  fromNumber: string;
  toNumber: string;
  body: string;
  kind: string;
  receivedAt: Date;
}

/**
 * Stores an inbound text once per MessageSid. Returns null when Twilio
 * delivered this MessageSid before: the caller answers as it did then.
 */
export async function insertInbound(db: Queryable, m: NewInbound): Promise<Message | null> {
  const { rows } = await db.query<MessageRow>({
    name: 'insert-inbound',
    text: `INSERT INTO messages (practice_id, patient_id, conversation_id, direction, kind, from_number, to_number, body,
       twilio_sid, status, status_rank, created_at, updated_at)
     VALUES ($1, $2, $3, 'inbound', $4, $5, $6, $7, $8, 'received', $9, $10, $10)
     ON CONFLICT (twilio_sid) DO NOTHING RETURNING *`,
    values: [
      m.practiceId,
      m.patientId,
      m.conversationId,
      m.kind,
      m.fromNumber,
      m.toNumber,
      m.body,
      m.twilioSid,
      statusRank('received'),
      m.receivedAt,
    ],
  });
  return rows[0] ? toMessage(rows[0]) : null;
}

export async function findMessageBySid(db: Queryable, twilioSid: string): Promise<Message | null> {
  const { rows } = await db.query<MessageRow>('SELECT * FROM messages WHERE twilio_sid = $1', [twilioSid]);
  return rows[0] ? toMessage(rows[0]) : null;
}

export async function findMessage(db: Queryable, id: string): Promise<Message | null> {
  const { rows } = await db.query<MessageRow>('SELECT * FROM messages WHERE id = $1', [id]);
  return rows[0] ? toMessage(rows[0]) : null;
}

export interface NewOutbound {
  practiceId: string;
  /** Null for a reply to a number that matches no patient. */
  patientId: string | null;
  /** A text to a candidate (no patient yet): the invitation, its reminders, a reply to them. */
  candidateId?: string | null;
  coordinatorId?: string | null;
  conversationId?: string | null;
  audience?: Audience;
  kind: string;
  fromNumber: string;
  toNumber: string;
  body: string;
  /** Set for a reply sent back in the webhook's TwiML response. */
  inReplyTo?: string | null;
  status: string;
  createdAt: Date;
  /** Set when the text leaves as it is recorded (a reply in TwiML). */
  sentAt?: Date | null;
  /** A text to the care team: the alert, or the unknown sender's text, it is about (listed with it). */
  aboutAlertId?: string | null;
  aboutMessageId?: string | null;
  /**
   * A reply handed back in TwiML: when its message.send job looks whether it left, and sends it if not
   * (messaging/send-recovery.ts). Queued by the same statement, one round trip less on every text; minutes
   * away, so no wake-up is sent (the workers' scan finds it).
   */
  confirmAt?: Date | null;
}

export async function insertOutbound(db: Queryable, m: NewOutbound): Promise<Message> {
  const { rows } = await db.query<MessageRow>(outboundInsert(m, randomUUID()));
  return toMessage(rows[0]!);
}

/** A reply kept: what the webhook's answer needs of it. */
export type KeptReply = Pick<Message, 'id' | 'body'>;

/**
 * Keeps a reply that goes back in the webhook's answer. Its id is made here, so nothing need be read
 * back: the row goes out with the transaction's next statement, or its COMMIT (writeLater).
 */
export async function keepReply(db: Queryable, m: NewOutbound): Promise<KeptReply> {
  const id = randomUUID();
  await writeLater(db, outboundInsert(m, id));
  return { id, body: m.body };
}

function outboundInsert(m: NewOutbound, id: string) {
  return {
    name: 'insert-outbound',
    text: `WITH message AS (
             INSERT INTO messages (id, practice_id, patient_id, coordinator_id, conversation_id, direction, audience, kind,
               from_number, to_number, body, in_reply_to, status, status_rank, created_at, updated_at, sent_at, about_alert_id,
               about_message_id, candidate_id)
             VALUES ($19, $1, $2, $3, $4, 'outbound', $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15, $16, $17) RETURNING *
           ), confirm AS (
             ${insertJobsFrom(`SELECT 'message.send', jsonb_build_object('messageId', id), $18::timestamptz, 0 FROM message WHERE $18::timestamptz IS NOT NULL`)}
           )
           SELECT * FROM message`,
    values: [
      m.practiceId,
      m.patientId,
      m.coordinatorId ?? null,
      m.conversationId ?? null,
      m.audience ?? 'patient',
      m.kind,
      m.fromNumber,
      m.toNumber,
      m.body,
      m.inReplyTo ?? null,
      m.status,
      statusRank(m.status),
      m.createdAt,
      m.sentAt ?? null,
      m.aboutAlertId ?? null,
      m.aboutMessageId ?? null,
      m.candidateId ?? null,
      m.confirmAt ?? null,
      id,
    ],
  };
}

/** The replies an inbound text got, to answer a redelivered webhook exactly as the first time. */
export async function listReplies(db: Queryable, inboundId: string): Promise<Message[]> {
  const { rows } = await db.query<MessageRow>(
    'SELECT * FROM messages WHERE in_reply_to = $1 ORDER BY seq',
    [inboundId],
  );
  return rows.map(toMessage);
}

export interface StatusUpdate {
  status: string;
  errorCode?: number | null;
  twilioSid?: string | null;
  /** The service clock's time of the change. */
  at: Date;
  /** The text left now (the transport accepted it); keeps the first such time. */
  sent?: boolean;
}

/**
 * Records a status (from the transport or a Twilio callback) unless the
 * message already has one of the same or a later rank (a first Twilio sid is
 * recorded even with a status of the same rank). Returns the message when
 * the status was applied.
 */
export async function applyStatus(db: Queryable, where: { id: string } | { twilioSid: string }, update: StatusUpdate): Promise<Message | null> {
  const byId = 'id' in where;
  const { rows } = await db.query<MessageRow>(
    `UPDATE messages SET status = $2, status_rank = $3,
       error_code = coalesce($4, error_code),
       twilio_sid = coalesce(twilio_sid, $5),
       sent_at = CASE WHEN $7 THEN coalesce(sent_at, $6) ELSE sent_at END,
       updated_at = $6
     WHERE ${byId ? 'id = $1::uuid' : 'twilio_sid = $1'}
       AND (status_rank < $3 OR (status_rank = $3 AND twilio_sid IS NULL AND $5::text IS NOT NULL)) RETURNING *`,
    [
      byId ? where.id : where.twilioSid,
      update.status,
      statusRank(update.status),
      update.errorCode ?? null,
      update.twilioSid ?? null,
      update.at,
      update.sent ?? false,
    ],
  );
  return rows[0] ? toMessage(rows[0]) : null;
}

/** Cancels a patient's texts that have not left yet (opt-out). */
export async function cancelPendingForPatient(db: Queryable, patientId: string, at: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE messages SET status = 'cancelled', status_rank = $2, updated_at = $3
     WHERE patient_id = $1 AND audience = 'patient' AND direction = 'outbound' AND status = 'pending'`,
    [patientId, statusRank('cancelled'), at],
  );
  return rowCount ?? 0;
}

/** Cancels a candidate's texts that have not left yet (they opted out, said no, or consented). */
export async function cancelPendingForCandidate(db: Queryable, candidateId: string, at: Date, kinds?: readonly string[]): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE messages SET status = 'cancelled', status_rank = $2, updated_at = $3
     WHERE candidate_id = $1 AND direction = 'outbound' AND status = 'pending' AND ($4::text[] IS NULL OR kind = ANY($4))`,
    [candidateId, statusRank('cancelled'), at, kinds ?? null],
  );
  return rowCount ?? 0;
}

/** The latest text of `kind` with exactly this body queued to the patient since `since`, if any. */
export async function findRecentOutbound(db: Queryable, m: { patientId: string; kind: string; body: string; since: Date }): Promise<Message | null> {
  const { rows } = await db.query<MessageRow>(
    `SELECT * FROM messages WHERE patient_id = $1 AND direction = 'outbound' AND kind = $2 AND body = $3 AND created_at > $4 ORDER BY created_at DESC LIMIT 1`,
    [m.patientId, m.kind, m.body, m.since],
  );
  return rows[0] ? toMessage(rows[0]) : null;
}

/** When `toNumber` was last sent a message of `kind` (so an automatic answer is not repeated to every text). */
export async function lastSentTo(db: Queryable, toNumber: string, kind: string): Promise<Date | null> {
  const { rows } = await db.query<{ at: Date | null }>({
    name: 'last-sent-to',
    text: `SELECT max(created_at) AS at FROM messages WHERE to_number = $1 AND direction = 'outbound' AND kind = $2`,
    values: [toNumber, kind],
  });
  return rows[0]?.at ?? null;
}

/** One line of a call's transcript: what was said to the patient, or what they pressed or said. */
export interface CallLine {
  practiceId: string;
  patientId: string | null;
  conversationId: string | null;
  direction: Direction;
  /** 'voice_prompt' (said to them) or 'voice_answer' (their keys or words). */
  kind: 'voice_prompt' | 'voice_answer';
  fromNumber: string;
  toNumber: string;
  body: string;
  at: Date;
}

/** Records a line of a call in the messages, so the transcript shows calls beside texts. */
export async function insertCallLine(db: Queryable, l: CallLine): Promise<Message> {
  const { rows } = await db.query<MessageRow>(
    `INSERT INTO messages (practice_id, patient_id, conversation_id, direction, channel, kind, from_number, to_number, body,
       status, status_rank, created_at, updated_at, sent_at)
     VALUES ($1, $2, $3, $4, 'voice', $5, $6, $7, $8, $9, $10, $11, $11, $11) RETURNING *`,
    [
      l.practiceId,
      l.patientId,
      l.conversationId,
      l.direction,
      l.kind,
      l.fromNumber,
      l.toNumber,
      l.body,
      l.direction === 'inbound' ? 'received' : 'sent',
      statusRank(l.direction === 'inbound' ? 'received' : 'sent'),
      l.at,
    ],
  );
  return toMessage(rows[0]!);
}

/** A call to a candidate (an invitation by phone): one message, channel voice, pending until it is placed. */
export async function insertCandidateCall(
  db: Queryable,
  c: { practiceId: string; candidateId: string; kind: string; fromNumber: string; toNumber: string; body: string; at: Date },
): Promise<Message> {
  const { rows } = await db.query<MessageRow>(
    `INSERT INTO messages (practice_id, candidate_id, direction, channel, kind, from_number, to_number, body, status, status_rank, created_at, updated_at)
     VALUES ($1, $2, 'outbound', 'voice', $3, $4, $5, $6, 'pending', $7, $8, $8) RETURNING *`,
    [c.practiceId, c.candidateId, c.kind, c.fromNumber, c.toNumber, c.body, statusRank('pending'), c.at],
  );
  return toMessage(rows[0]!);
}

/** What a candidate pressed on a call, kept beside the call (its reply). */
export async function insertCallAnswer(db: Queryable, a: { message: Message; body: string; at: Date }): Promise<Message> {
  const { rows } = await db.query<MessageRow>(
    `INSERT INTO messages (practice_id, candidate_id, direction, channel, kind, from_number, to_number, body, in_reply_to, status, status_rank,
       created_at, updated_at)
     VALUES ($1, $2, 'inbound', 'voice', 'voice_answer', $3, $4, $5, $6, 'received', $7, $8, $8) RETURNING *`,
    [a.message.practiceId, a.message.candidateId, a.message.toNumber, a.message.fromNumber, a.body, a.message.id, statusRank('received'), a.at],
  );
  return toMessage(rows[0]!);
}

/** Whether the patient's call transcript already holds this line (Twilio repeating a callback). */
export async function hasCallLine(db: Queryable, patientId: string, body: string): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM messages WHERE patient_id = $1 AND channel = 'voice' AND body = $2 LIMIT 1", [patientId, body]);
  return rows.length > 0;
}

/** Cancels a conversation's texts that have not left yet (a check-in cancelled by staff). */
export async function cancelPendingForConversation(db: Queryable, conversationId: string, at: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE messages SET status = 'cancelled', status_rank = $2, updated_at = $3
     WHERE conversation_id = $1 AND direction = 'outbound' AND status = 'pending'`,
    [conversationId, statusRank('cancelled'), at],
  );
  return rowCount ?? 0;
}

/** Files an inbound text under the conversation it turned out to answer (a late answer to a check-in). */
export async function attachToConversation(db: Queryable, messageId: string, conversationId: string): Promise<void> {
  await db.query('UPDATE messages SET conversation_id = $2 WHERE id = $1 AND conversation_id IS NULL', [messageId, conversationId]);
}

/** What the patient answered on the questionnaire's form, as a message of the form channel: the transcript shows it beside texts and calls. */
export async function insertFormAnswer(
  db: Queryable,
  f: { practiceId: string; patientId: string; fromNumber: string; toNumber: string; kind: 'questionnaire_answer' | 'questionnaire_self_harm'; body: string; at: Date },
): Promise<Message> {
  const { rows } = await db.query<MessageRow>(
    `INSERT INTO messages (practice_id, patient_id, direction, channel, kind, from_number, to_number, body, status, status_rank, created_at, updated_at)
     VALUES ($1, $2, 'inbound', 'form', $3, $4, $5, $6, 'received', $7, $8, $8) RETURNING *`,
    [f.practiceId, f.patientId, f.kind, f.fromNumber, f.toNumber, f.body, statusRank('received'), f.at],
  );
  return toMessage(rows[0]!);
}
