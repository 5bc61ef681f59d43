import { toConversation, type Conversation, type ConversationRow } from './conversations.js';
import { toMedication, type Medication, type MedicationRow } from './medications.js';
import { toIso, type Queryable } from './sql.js';

/** What dispatching a batch needs to know about its patients, beyond the patients themselves. */
export interface DispatchContext {
  /** Each patient's active conversation, if any. */
  open: Map<string, Conversation>;
  /** Each patient's medications, as listMedications reads them ([] for none). */
  medications: Map<string, Medication[]>;
  /**
   * The latest check-in due by `now` of each patient that has one, planned or already started (an outage left
   * several: only the last goes). Started ones count: another worker of the same run may have taken the later
   * check-in of the patient into its batch and started it first.
   */
  latestCheckIn: Map<string, string>;
}

/**
 * A batch's patients as dispatch checks them, in one round trip. Read after
 * the patients are locked, in a statement of its own: a conversation another
 * transaction opened while this one waited for a lock is seen.
 */
export async function readDispatchContext(db: Queryable, patientIds: readonly string[], now: Date): Promise<DispatchContext> {
  const { rows } = await db.query<{ patient_id: string; open: ConversationRow | null; medications: MedicationRow[]; latest_check_in: Date | null }>({
    name: 'read-dispatch-context',
    // Joins of whole sets, not a subquery per patient: each table is read as its own query would read it.
    text: `SELECT p.id AS patient_id, c.open, coalesce(m.medications, '[]'::json) AS medications, o.latest AS latest_check_in
           FROM unnest($1::uuid[]) AS p(id)
           LEFT JOIN (SELECT patient_id, row_to_json(c) AS open FROM conversations c WHERE patient_id = ANY($1) AND status = 'active') c
             ON c.patient_id = p.id
           LEFT JOIN (SELECT patient_id, json_agg(m ORDER BY m.created_at, m.id) AS medications FROM medications m
                      WHERE patient_id = ANY($1) GROUP BY patient_id) m
             ON m.patient_id = p.id
           LEFT JOIN (SELECT patient_id, max(due_at) AS latest FROM outreach
                      WHERE patient_id = ANY($1) AND kind = 'check_in' AND status IN ('planned', 'started') AND due_at <= $2 GROUP BY patient_id) o
             ON o.patient_id = p.id`,
    values: [patientIds, now],
  });
  const context: DispatchContext = { open: new Map(), medications: new Map(), latestCheckIn: new Map() };
  for (const row of rows) {
    if (row.open) context.open.set(row.patient_id, toConversation(row.open));
    context.medications.set(row.patient_id, row.medications.map(toMedication));
    if (row.latest_check_in) context.latestCheckIn.set(row.patient_id, toIso(row.latest_check_in));
  }
  return context;
}
