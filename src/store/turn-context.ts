import { toMedication, type Medication, type MedicationRow } from './medications.js';
import { toMessage, type Message, type MessageRow } from './messages.js';
import type { Queryable } from './sql.js';

export interface TurnContext {
  /** The conversation whose held question this read (null: none was open). */
  conversationId: string | null;
  /** The check-in's first question still waiting to be sent (held for quiet hours), locked; null when none is. */
  held: Message | null;
  /** The patient's medications, as listMedications reads them. */
  medications: Medication[];
}

/** SQL: the conversation's check-in question still held for quiet hours (a check_in text still pending), locked. */
export const heldQuestionSql = (conversationId: string) =>
  `SELECT * FROM messages WHERE conversation_id = ${conversationId} AND kind = 'check_in' AND status = 'pending' FOR UPDATE`;
/** SQL: the patient's medications as a JSON array, in listMedications' order. */
export const medicationsJsonSql = (patientId: string) =>
  `(SELECT coalesce(json_agg(m ORDER BY m.created_at, m.id), '[]'::json) FROM medications m WHERE m.patient_id = ${patientId})`;

/** The context from the row a statement read it into (held as JSON, medications as a JSON array). */
export const toTurnContext = (conversationId: string | null, held: MessageRow | null, medications: MedicationRow[]): TurnContext => ({
  conversationId,
  held: held ? toMessage(held) : null,
  medications: medications.map(toMedication),
});

/**
 * What a patient's turn reads before it acts, in one round trip: the open
 * check-in's first question if it is still waiting for quiet hours to end
 * (none without a conversation), and the patient's medications. A text reads
 * it with the text itself (store/inbound-context.ts).
 */
export async function readTurnContext(db: Queryable, patientId: string, conversationId: string | null): Promise<TurnContext> {
  const { rows } = await db.query<{ held: MessageRow | null; medications: MedicationRow[] }>({
    name: 'read-turn-context',
    text: `SELECT row_to_json(h) AS held, ${medicationsJsonSql('$1')} AS medications
           FROM (SELECT 1) AS one LEFT JOIN LATERAL (${heldQuestionSql('$2')}) h ON true`,
    values: [patientId, conversationId],
  });
  const row = rows[0]!;
  return toTurnContext(conversationId, row.held, row.medications);
}
