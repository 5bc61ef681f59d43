import { toConversation, type Conversation, type ConversationRow } from './conversations.js';
import { toPatient, type Patient, type PatientRow } from './patients.js';
import { toPractice, type Practice, type PracticeRow } from './practices.js';
import type { Queryable } from './sql.js';

export interface TimeoutContext {
  practice: Practice | null;
  /** The conversation's patient, locked for the transaction. */
  patient: Patient | null;
  /** The conversation, locked for the transaction, as it is once locked. */
  conversation: Conversation | null;
}

/** row_to_json gives timestamps as text; the row mappers take either. */
interface ContextRow {
  practice: PracticeRow | null;
  patient: PatientRow | null;
  conversation: ConversationRow | null;
}

/**
 * What a conversation.timeout job acts on, in one round trip: null when the
 * conversation is gone or no longer active (nothing is locked); otherwise its
 * patient and then the conversation locked, the order an inbound text takes
 * (inbound-context.ts: the conversation's lock reads the patient's row, so it
 * comes second), and its practice. The conversation is returned as it is once
 * locked, which the caller checks again: another transaction may have moved
 * it meanwhile.
 */
export async function lockForTimeout(db: Queryable, conversationId: string): Promise<TimeoutContext | null> {
  const { rows } = await db.query<ContextRow>({
    name: 'lock-for-timeout',
    text: `SELECT row_to_json(pr) AS practice, row_to_json(pa) AS patient, row_to_json(c) AS conversation
           FROM (SELECT patient_id, practice_id FROM conversations WHERE id = $1 AND status = 'active') AS current
           LEFT JOIN LATERAL (SELECT * FROM patients WHERE id = current.patient_id FOR NO KEY UPDATE) pa ON true
           LEFT JOIN LATERAL (SELECT * FROM conversations WHERE id = $1 AND patient_id = pa.id FOR NO KEY UPDATE) c ON true
           LEFT JOIN practices pr ON pr.id = current.practice_id`,
    values: [conversationId],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    practice: row.practice ? toPractice(row.practice) : null,
    patient: row.patient ? toPatient(row.patient) : null,
    conversation: row.conversation ? toConversation(row.conversation) : null,
  };
}
