import { DomainError } from '../../errors.js';
import { recordAccess, type AuditEntry } from '../../store/audit.js';
import { findCoordinator } from '../../store/coordinators.js';
import { findPatientByPhone, insertPatient, updatePatient, type Patient, type PatientFields } from '../../store/patients.js';
import { withTransaction, type Queryable } from '../../store/sql.js';
import { findPractice, type Practice } from '../../store/practices.js';
import { inQuietHours, minutesOf } from '../../outreach/index.js';
import { planPatient } from '../../bot/outreach-plan.js';
import type pg from 'pg';
import type { NewPatientBody, PatchPatientBody } from './schemas.js';

/** Turns an enrolment body into stored fields (optional fields become explicit nulls). */
export function toPatientFields(body: NewPatientBody): PatientFields {
  return {
    coordinatorId: body.coordinatorId ?? null,
    firstName: body.firstName,
    lastName: body.lastName,
    phone: body.phone,
    dateOfBirth: body.dateOfBirth ?? null,
    timezone: body.timezone ?? null,
    language: body.language,
    preferredChannel: body.preferredChannel,
    conditions: body.conditions,
    consent: body.consent,
    status: 'enrolled',
    contactWindow: body.contactWindow ?? null,
  };
}

async function checkCoordinator(db: Queryable, practiceId: string, coordinatorId: string | null | undefined) {
  if (coordinatorId && !(await findCoordinator(db, practiceId, coordinatorId))) {
    throw new DomainError('validation_failed', 'no coordinator with this id works at this practice', 'coordinatorId');
  }
}

async function phoneTaken(db: Queryable, practiceId: string, phone: string): Promise<DomainError> {
  const other = await findPatientByPhone(db, practiceId, phone);
  return new DomainError(
    'conflict',
    `patient ${other?.id ?? '(unknown)'} of this practice already has this phone number; two patients cannot share one`,
    'phone',
  );
}

/**
 * Enrols a patient inside the caller's transaction; a 409 naming the other
 * patient when the practice already has this phone number.
 */
export async function insertEnrolment(tx: Queryable, practiceId: string, fields: PatientFields, at: Date): Promise<Patient> {
  await checkCoordinator(tx, practiceId, fields.coordinatorId);
  const practice = (await findPractice(tx, practiceId))!;
  checkContactWindow(practice, fields.contactWindow);
  const patient = await insertPatient(tx, practiceId, fields, at);
  if (!patient) throw await phoneTaken(tx, practiceId, fields.phone);
  // A new patient joins the cadence at its next slot.
  await planPatient(tx, practice, patient, at);
  return patient;
}

/** A contact window must lie outside the practice's quiet hours: nobody is texted then. */
function checkContactWindow(practice: Practice, window: PatientFields['contactWindow'] | undefined): void {
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

/** Enrols a patient and records who did it, in one transaction: both happen or neither. */
export function enrollPatient(pool: pg.Pool, practiceId: string, fields: PatientFields, audit: AuditEntry): Promise<Patient> {
  return withTransaction(pool, async (tx) => {
    const patient = await insertEnrolment(tx, practiceId, fields, audit.at);
    await recordAccess(tx, audit, [patient.id]);
    return patient;
  });
}

/** Applies a PATCH to an existing patient, and records who did it, in one transaction. */
export function changePatient(pool: pg.Pool, patient: Patient, changes: PatchPatientBody, audit: AuditEntry): Promise<Patient> {
  return withTransaction(pool, async (tx) => {
    await checkCoordinator(tx, patient.practiceId, changes.coordinatorId);
    if (changes.phone && changes.phone !== patient.phone && (await findPatientByPhone(tx, patient.practiceId, changes.phone))) {
      throw await phoneTaken(tx, patient.practiceId, changes.phone);
    }
    const practice = (await findPractice(tx, patient.practiceId))!;
    checkContactWindow(practice, changes.contactWindow);
    const updated = await updatePatient(tx, patient.id, changes, audit.at);
    if (!updated) throw new DomainError('not_found', 'patient was not found');
    await recordAccess(tx, audit, [patient.id]);
    // Consent, status, timezone, window or channel may have changed: the plan follows.
    await planPatient(tx, practice, updated, audit.at);
    return updated;
  });
}
