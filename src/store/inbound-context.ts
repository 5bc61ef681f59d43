import { toConversation, type Conversation, type ConversationRow } from './conversations.js';
import { statusRank, toMessage, type Message, type MessageRow } from './messages.js';
import { replyNotedSql, toPatient, type Patient, type PatientRow } from './patients.js';
import { toPractice, type Practice, type PracticeRow } from './practices.js';
import type { Queryable } from './sql.js';
import { heldQuestionSql, medicationsJsonSql, toTurnContext, type TurnContext } from './turn-context.js';
import type { MedicationRow } from './medications.js';

export interface InboundText {
  messageSid: string;
  /** E.164 */
  from: string;
  /** E.164: the practice's Twilio number */
  to: string;
  body: string;
}

export interface InboundContext {
  /** The practice that owns the number the text was sent to. */
  practice: Practice | null;
  /** The practice's patient with the sender's number, locked for the transaction. */
  patient: Patient | null;
  /** That patient's open conversation, locked for the transaction. */
  conversation: Conversation | null;
  /** No patient has the number, but a candidate (invited to CCM) of the practice does: its id, the row locked. */
  candidateId: string | null;
  /** The stored text; null when this MessageSid was stored before (a redelivery). */
  inbound: Message | null;
  /** What the patient's turn reads first (its held question, their medications); null without a patient. */
  turn: TurnContext | null;
  /** The patient was unreachable until this text (noted as their reply: see recordInboundText). */
  wasUnreachable: boolean;
}

/** row_to_json gives timestamps as text; the row mappers take either. */
interface ContextRow {
  practice: PracticeRow | null;
  patient: PatientRow | null;
  conversation: ConversationRow | null;
  candidate_id: string | null;
  inbound: MessageRow | null;
  held: MessageRow | null;
  medications: MedicationRow[];
  was_unreachable: boolean;
}

/**
 * Stores an inbound text and finds what it belongs to, in one round trip,
 * since every text pays for it: the practice that owns `to`, its patient with
 * the number `from` and that patient's open conversation. The patient and
 * conversation rows are locked before the text is written, so one patient's
 * texts are handled one at a time, in arrival order. The locks are FOR NO KEY
 * UPDATE: the new message's foreign keys must not wait on them.
 * Unique on MessageSid: a redelivered text is not stored again. A number no
 * patient has is looked up among the practice's candidates (invited to CCM):
 * the text is filed under the candidate, whose row is locked the same way.
 *
 * Every round trip here is one for each text, so the same statement also reads
 * what the patient's turn reads first (store/turn-context.ts), and, when
 * `notesReply`, notes the text as the patient's reply (store/patients.ts,
 * noteReply), which a redelivery does not.
 */
export async function recordInboundText(db: Queryable, text: InboundText, receivedAt: Date, notesReply: boolean): Promise<InboundContext> {
  const { rows } = await db.query<ContextRow>({
    name: 'record-inbound-text',
    text: `WITH target AS (
             SELECT pr AS practice, pa AS patient, c AS conversation, ca.id AS candidate_id, h AS held,
                    ${medicationsJsonSql('pa.id')} AS medications
             FROM (SELECT 1) AS one
             LEFT JOIN practices pr ON pr.phone_number = $1
             LEFT JOIN LATERAL (
               SELECT * FROM patients WHERE practice_id = pr.id AND phone = $2 FOR NO KEY UPDATE
             ) pa ON true
             LEFT JOIN LATERAL (
               SELECT * FROM conversations WHERE patient_id = pa.id AND status = 'active' FOR NO KEY UPDATE
             ) c ON true
             LEFT JOIN LATERAL (
               SELECT id FROM candidates WHERE practice_id = pr.id AND phone = $2 AND pa.id IS NULL FOR NO KEY UPDATE
             ) ca ON true
             LEFT JOIN LATERAL (${heldQuestionSql('c.id')}) h ON true
           ), inbound AS (
             INSERT INTO messages (practice_id, patient_id, conversation_id, candidate_id, direction, kind,
                                   from_number, to_number, body, twilio_sid, status, status_rank, created_at, updated_at)
             SELECT (practice).id, (patient).id, (conversation).id, candidate_id, 'inbound',
                    CASE WHEN (practice).id IS NULL THEN 'unrouted'
                         WHEN (patient).id IS NOT NULL THEN 'patient_text'
                         WHEN candidate_id IS NOT NULL THEN 'candidate_text'
                         ELSE 'unmatched' END,
                    $2, $1, $3, $4, 'received', $5, $6, $6
             FROM target
             ON CONFLICT (twilio_sid) DO NOTHING
             RETURNING *
           ), noted AS (
             UPDATE patients SET ${replyNotedSql('$6')}
             WHERE $7 AND id = (SELECT (patient).id FROM target) AND EXISTS (SELECT 1 FROM inbound)
           )
           SELECT row_to_json(t.practice) AS practice, row_to_json(t.patient) AS patient,
                  row_to_json(t.conversation) AS conversation, t.candidate_id, (SELECT row_to_json(i) FROM inbound i) AS inbound,
                  row_to_json(t.held) AS held, t.medications, $7 AND EXISTS (SELECT 1 FROM inbound) AND (t.patient).unreachable_at IS NOT NULL AS was_unreachable
           FROM target t`,
    values: [text.to, text.from, text.body, text.messageSid, statusRank('received'), receivedAt, notesReply],
  });
  const row = rows[0]!;
  return {
    practice: row.practice ? toPractice(row.practice) : null,
    patient: row.patient ? toPatient(row.patient) : null,
    conversation: row.conversation ? toConversation(row.conversation) : null,
    candidateId: row.candidate_id,
    inbound: row.inbound ? toMessage(row.inbound) : null,
    turn: row.patient ? toTurnContext(row.conversation?.id ?? null, row.held, row.medications) : null,
    wasUnreachable: row.was_unreachable,
  };
}
