import { toMedication, type Medication, type MedicationRow } from './medications.js';
import { toMessage, type Message, type MessageRow } from './messages.js';
import type { Queryable } from './sql.js';

export interface TurnContext {
  /** The check-in's first question still waiting to be sent (held for quiet hours), locked; null when none is. */
  held: Message | null;
  /** The patient's medications, as listMedications reads them. */
  medications: Medication[];
}

/**
 * What a patient's turn reads before it acts, in one round trip: the open
 * check-in's first question if it is still waiting for quiet hours to end
 * (a check_in text still pending, locked; none without a conversation), and
 * the patient's medications.
 */
export async function readTurnContext(db: Queryable, patientId: string, conversationId: string | null): Promise<TurnContext> {
  const { rows } = await db.query<{ held: MessageRow | null; medications: MedicationRow[] }>({
    name: 'read-turn-context',
    text: `SELECT row_to_json(h) AS held,
                  (SELECT coalesce(json_agg(m ORDER BY m.created_at, m.id), '[]'::json) FROM medications m WHERE m.patient_id = $1) AS medications
           FROM (SELECT 1) AS one
           LEFT JOIN LATERAL (
             SELECT * FROM messages WHERE conversation_id = $2 AND kind = 'check_in' AND status = 'pending' FOR UPDATE
           ) h ON true`,
    values: [patientId, conversationId],
  });
  const row = rows[0]!;
  return { held: row.held ? toMessage(row.held) : null, medications: row.medications.map(toMedication) };
}
