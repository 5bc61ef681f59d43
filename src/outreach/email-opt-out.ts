import { cancelWaitingEmails } from '../store/emails.js';
import { recordEvent } from '../store/patient-events.js';
import { setEmailOptedOut, type Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';

/** How a patient stopped emails: the link's page, a mail client's one-click (RFC 8058), or by telling staff. */
export type EmailOptOutSource = 'unsubscribe_page' | 'one_click' | 'staff';

/**
 * Stops emails to a patient at once, as STOP stops texts (opt-out.ts): the
 * emails not yet sent are cancelled, and the email job checks the patient
 * again before each send. Texts and calls go on: this is about email only.
 */
export async function optOutOfEmail(
  tx: Queryable,
  practice: Practice,
  patient: Patient,
  cause: { emailId: string | null; source: EmailOptOutSource; at: Date },
): Promise<void> {
  const { at } = cause;
  await setEmailOptedOut(tx, patient.id, true, at);
  const cancelled = await cancelWaitingEmails(tx, patient.id, 'email_opted_out', at);
  await recordEvent(tx, {
    practiceId: practice.id,
    patientId: patient.id,
    type: 'email_opted_out',
    detail: { source: cause.source, emailId: cause.emailId, cancelledEmails: cancelled },
    at,
  });
}

/** The patient told staff they want emails again: only staff record it (nothing a patient clicks does). */
export async function optBackInToEmail(tx: Queryable, practice: Practice, patient: Patient, at: Date): Promise<void> {
  await setEmailOptedOut(tx, patient.id, false, at);
  await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, type: 'email_opted_in', detail: { source: 'staff' }, at });
}
