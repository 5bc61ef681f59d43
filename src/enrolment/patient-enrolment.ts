/**
 * What enrolling a patient checks and does, however the patient arrives (the
 * API, the web app's form, a CSV row, a chart read from the EHR, a consent
 * given to an enrolment campaign): their coordinator works at the practice,
 * their phone is not another patient's, their contact window lies outside
 * quiet hours, their medical record number is not another patient's; and a
 * new patient joins the cadence at its next slot. Domain code, below the
 * actions, so a consent taken on the patient's own page enrols through the
 * same checks as staff do.
 */
import { DomainError } from '../errors.js';
import { planPatient } from '../outreach/index.js';
import { inQuietHours, minutesOf } from '../planning/index.js';
import { findCoordinator } from '../store/coordinators.js';
import { recordEvent } from '../store/patient-events.js';
import { findPatientByMrn, findPatientByPhone, insertPatient, type EmailFullConsent, type Patient, type PatientFields } from '../store/patients.js';
import { findPractice, type Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';

export async function checkCoordinator(db: Queryable, practiceId: string, coordinatorId: string | null | undefined): Promise<void> {
  if (coordinatorId && !(await findCoordinator(db, practiceId, coordinatorId))) {
    throw new DomainError('validation_failed', 'no coordinator with this id works at this practice', 'coordinatorId');
  }
}

/** The 409 for a phone the practice has already: it names the other patient, so the caller can open them. */
export async function phoneTaken(db: Queryable, practiceId: string, phone: string): Promise<DomainError> {
  const other = await findPatientByPhone(db, practiceId, phone);
  return new DomainError(
    'conflict',
    `patient ${other?.id ?? '(unknown)'} of this practice already has this phone number; two patients cannot share one`,
    'phone',
  );
}

/**
 * A 409 when another patient of the practice has this medical record number:
 * two patients with one MRN would file one chart's notes in the other's. The
 * message names the other patient by id, never the number (an MRN is PHI).
 */
export async function checkMrnFree(db: Queryable, practiceId: string, mrn: string | null | undefined, patientId?: string): Promise<void> {
  if (!mrn) return;
  const other = await findPatientByMrn(db, practiceId, mrn);
  if (other && other.id !== patientId) {
    throw new DomainError(
      'conflict',
      `patient ${other.id} of this practice already has this medical record number; check the number in the EHR, or change that patient's first`,
      'mrn',
    );
  }
}

/** A contact window must lie outside the practice's quiet hours: nobody is texted then. */
export function checkContactWindow(practice: Practice, window: PatientFields['contactWindow'] | undefined): void {
  if (!window) return;
  const last = minutesOf(window.end) - 1;
  const lastMinute = `${String(Math.floor(last / 60)).padStart(2, '0')}:${String(last % 60).padStart(2, '0')}`;
  if (inQuietHours(window.start, practice.quietHours) || inQuietHours(lastMinute, practice.quietHours)) {
    throw new DomainError(
      'validation_failed',
      `must lie outside the practice's quiet hours (${practice.quietHours.start}-${practice.quietHours.end}); texts are never sent then`,
      'contactWindow',
    );
  }
}

/** The patient's acceptance of the whole summary by email, on the timeline, where it stays when the choice changes later. */
export async function recordFullConsent(tx: Queryable, practiceId: string, patientId: string, consent: EmailFullConsent, at: Date): Promise<void> {
  await recordEvent(tx, { practiceId, patientId, type: 'email_full_consent', detail: { ...consent }, at });
}

/**
 * Enrols a patient inside the caller's transaction; a 409 naming the other
 * patient when the practice already has this phone number.
 */
export async function insertEnrolment(tx: Queryable, practiceId: string, fields: PatientFields, at: Date): Promise<Patient> {
  await checkCoordinator(tx, practiceId, fields.coordinatorId);
  const practice = (await findPractice(tx, practiceId))!;
  checkContactWindow(practice, fields.contactWindow);
  // Checked before the insert: a unique violation would abort the caller's transaction (a CSV batch).
  await checkMrnFree(tx, practiceId, fields.mrn);
  const patient = await insertPatient(tx, practiceId, fields, at);
  if (!patient) throw await phoneTaken(tx, practiceId, fields.phone);
  if (fields.emailFullConsent) await recordFullConsent(tx, practiceId, patient.id, fields.emailFullConsent, at);
  // A new patient joins the cadence at its next slot.
  await planPatient(tx, practice, patient, at);
  return patient;
}
