/**
 * A coordinator's own text to the patient of a case: the answer to a question
 * the bot cannot give ("is there a charge for these texts?", "does Dr. Patel
 * still work there?"), where a phone call would cost her minutes and most
 * often reach voicemail. It goes from the practice's number like every text,
 * through the send job (quiet hours, retries, opt-outs at send), signed with
 * her name so the patient knows a person wrote it; it is in the patient's
 * transcript, and the patient's answer comes back through the turn like any
 * text. Writing to the patient takes the case: its open alerts are
 * acknowledged, so no escalation rings about what she is answering.
 */
import { queueOutreach } from '../messaging/outbox.js';
import { findRecentOutbound, type Message } from '../store/messages.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { acknowledgeCaseLocked, type CaseAction } from './case-actions.js';

/** The message kind of a coordinator's own text to a patient. */
export const CARE_TEAM_TEXT = 'care_team_text';
/** What she may write: four SMS segments of plain text, enough for an answer, short enough to read on a flip phone. */
export const CARE_TEAM_TEXT_MAX = 640;
/** The same words to the same patient again within this time are the same text (a double click, a retried request). */
const SAME_TEXT_MS = 10 * 60_000;

export interface CaseText {
  caseId: string;
  practice: Practice;
  patient: Patient;
  /** Who writes: her name signs the text. */
  coordinator: { id: string; name: string };
  words: string;
}

/** The text as the patient reads it: her words, then who wrote them. */
const signed = (words: string, coordinatorName: string, practiceName: string) => `${words}\n- ${coordinatorName}, ${practiceName}`;

/**
 * Queues her text to the patient and takes the case, in the caller's
 * transaction. Taking the case locks it first, so two requests with the same
 * words at once queue one text: the second finds the first and returns it
 * (`repeated`).
 */
export async function textPatientOfCase(
  tx: Queryable,
  t: CaseText,
  action: Omit<CaseAction, 'coordinatorId'>,
  at: Date,
): Promise<{ message: Message; repeated: boolean }> {
  await acknowledgeCaseLocked(tx, t.caseId, { ...action, coordinatorId: t.coordinator.id }, at);
  const body = signed(t.words, t.coordinator.name, t.practice.name);
  const earlier = await findRecentOutbound(tx, { patientId: t.patient.id, kind: CARE_TEAM_TEXT, body, since: new Date(at.getTime() - SAME_TEXT_MS) });
  if (earlier) return { message: earlier, repeated: true };
  const message = await queueOutreach(tx, { practice: t.practice, patient: t.patient, kind: CARE_TEAM_TEXT, body, at });
  return { message, repeated: false };
}
