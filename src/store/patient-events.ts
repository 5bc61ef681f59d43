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
