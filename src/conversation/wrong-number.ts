import { findActiveConversation } from '../store/conversations.js';
import { cancelPendingForPatient } from '../store/messages.js';
import { recordEvent } from '../store/patient-events.js';
import { unplan } from '../store/outreach.js';
import { markPhoneInvalid } from '../store/patients.js';
import type { Queryable } from '../store/sql.js';
import { raiseAlert } from '../alerts/index.js';
import { stopConversation } from '../store/conversations.js';
import type { TurnInput } from './turn.js';

/**
 * Whoever has this number says it is not the patient's: nothing more is
 * texted to it (the number is marked unusable, the open check-in ends, texts
 * not yet sent are cancelled) and the care team is asked to check the number.
 */
export async function wrongNumber(tx: Queryable, t: Pick<TurnInput, 'practice' | 'patient' | 'inbound' | 'at'>): Promise<void> {
  const { practice, patient, inbound, at } = t;
  await markPhoneInvalid(tx, patient.id, at);
  const open = await findActiveConversation(tx, patient.id);
  if (open) await stopConversation(tx, open, 'cancelled', at);
  const cancelled = await cancelPendingForPatient(tx, patient.id, at);
  await unplan(tx, { patientId: patient.id });
  await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, messageId: inbound.id, type: 'wrong_number', detail: { cancelledMessages: cancelled }, at });
  const subject = { practice, patient, conversationId: open?.id ?? null, messageId: inbound.id };
  const explanation = "Someone at this number says it is the wrong number: check the patient's phone";
  const evidence = [{ key: `message:${inbound.id}`, messageId: inbound.id, explanation, at }];
  await raiseAlert(tx, subject, { level: 'elevated', reason: 'wrong_number', explanation, evidence }, at);
}
