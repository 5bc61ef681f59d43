import type { Queryable } from './sql.js';

export interface NewPatientEvent {
  practiceId: string;
  patientId: string;
  conversationId?: string | null;
  messageId?: string | null;
  /** e.g. 'opted_out', 'red_flag', 'conversation.timed_out' */
  type: string;
  detail?: Record<string, unknown>;
  /** When it happened, by the service clock. */
  at: Date;
}

/** Records something that happened to a patient that is not itself a message. */
export async function recordEvent(db: Queryable, e: NewPatientEvent): Promise<void> {
  await db.query({
    name: 'record-event',
    text: `INSERT INTO patient_events (practice_id, patient_id, conversation_id, message_id, type, detail, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    values: [e.practiceId, e.patientId, e.conversationId ?? null, e.messageId ?? null, e.type, e.detail ?? {}, e.at],
  });
}

/** How an alert was acknowledged ('api', 'app' or 'keypress', as its event says); null when it was not. */
export async function alertAcknowledgedBy(db: Queryable, patientId: string, alertId: string): Promise<string | null> {
  const { rows } = await db.query<{ by: string | null }>({
    name: 'alert-acknowledged-by',
    text: `SELECT detail->>'by' AS by FROM patient_events
           WHERE patient_id = $1 AND type = 'alert.acknowledged' AND detail->>'alertId' = $2 ORDER BY at LIMIT 1`,
    values: [patientId, alertId],
  });
  return rows[0]?.by ?? null;
}
