import { findActiveConversation } from '../store/conversations.js';
import { cancelPendingForPatient } from '../store/messages.js';
import { recordEvent } from '../store/patient-events.js';
import { setOptedOut, type Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { unplan } from '../store/outreach.js';
import { stopConversation } from '../store/conversations.js';
import { replanPatient } from './planning.js';

/**
 * Opts a patient out of texts at once: the open check-in ends, texts not yet
 * sent are cancelled and planned outreach is dropped. Other scheduled jobs
 * need no cancelling: each checks the patient's state when it runs and does
 * nothing for an opted-out patient.
 */
export async function optOut(
  tx: Queryable,
  practice: Practice,
  patient: Patient,
  cause: { messageId: string | null; source: 'patient_text' | 'twilio_21610'; at: Date },
): Promise<void> {
  const { at } = cause;
  await setOptedOut(tx, patient.id, true, at);
  const open = await findActiveConversation(tx, patient.id);
  if (open) await stopConversation(tx, open, 'cancelled', at);
  const cancelled = await cancelPendingForPatient(tx, patient.id, at);
  await unplan(tx, { patientId: patient.id });
  await recordEvent(tx, {
    practiceId: practice.id,
    patientId: patient.id,
    messageId: cause.messageId,
    type: 'opted_out',
    detail: { source: cause.source, cancelledMessages: cancelled },
    at,
  });
}

export async function optIn(tx: Queryable, practice: Practice, patient: Patient, messageId: string, at: Date): Promise<void> {
  await setOptedOut(tx, patient.id, false, at);
  await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, messageId, type: 'opted_in', at });
  await replanPatient(tx, practice, patient.id, at);
}
