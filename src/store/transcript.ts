import type { Queryable } from './sql.js';

export interface TranscriptEntry {
  timestamp: string;
  /** 'message' for texts in and out; 'event' for what happened around them (opt-out, red flag, timeout...). */
  type: 'message' | 'event';
  direction: 'inbound' | 'outbound' | null;
  /** 'form' for answers sent from the questionnaire's web page. */
  channel: 'sms' | 'voice' | 'form' | null;
  /** The message text, or the event's name. */
  text: string;
  /** The message kind ('check_in', 'reply', ...) or the event type. */
  kind: string;
  status: string | null;
  errorCode: number | null;
  conversationId: string | null;
  detail: Record<string, unknown> | null;
}

interface Row {
  at: Date;
  type: 'message' | 'event';
  direction: 'inbound' | 'outbound' | null;
  channel: 'sms' | 'voice' | 'form' | null;
  text: string;
  kind: string;
  status: string | null;
  error_code: number | null;
  conversation_id: string | null;
  detail: Record<string, unknown> | null;
}

/**
 * Everything that passed between the service and a patient, oldest first. A
 * text is placed when it left (a check-in held for quiet hours at 08:00, not
 * when it was queued), or when it was queued if it has not left.
 */
export async function listTranscript(db: Queryable, patientId: string): Promise<TranscriptEntry[]> {
  const { rows } = await db.query<Row>(
    `SELECT coalesce(sent_at, created_at) AS at, seq, 'message' AS type, direction, channel, body AS text, kind, status,
            error_code, conversation_id, NULL::jsonb AS detail
       FROM messages WHERE patient_id = $1 AND audience = 'patient'
     UNION ALL
     SELECT at, seq, 'event', NULL, NULL, type, type, NULL, NULL, conversation_id, detail
       FROM patient_events WHERE patient_id = $1
     ORDER BY at, seq`,
    [patientId],
  );
  return rows.map((row) => ({
    timestamp: row.at.toISOString(),
    type: row.type,
    direction: row.direction,
    channel: row.channel,
    text: row.text,
    kind: row.kind,
    status: row.status,
    errorCode: row.error_code,
    conversationId: row.conversation_id,
    detail: row.detail,
  }));
}
