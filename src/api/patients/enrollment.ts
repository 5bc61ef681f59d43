import { DomainError } from '../../errors.js';
import { findCoordinator } from '../../store/coordinators.js';
import {
  findPatientByPhone,
  insertPatient,
  updatePatient,
  type Patient,
  type PatientFields,
} from '../../store/patients.js';
import { isPgError, PG_UNIQUE_VIOLATION, type Queryable } from '../../store/sql.js';
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
  };
}

async function checkCoordinator(db: Queryable, practiceId: string, coordinatorId: string | null | undefined) {
  if (coordinatorId && !(await findCoordinator(db, practiceId, coordinatorId))) {
    throw new DomainError('validation_failed', 'coordinatorId: no coordinator with this id works at this practice');
  }
}

async function phoneTaken(db: Queryable, practiceId: string, phone: string, error: unknown): Promise<never> {
  if (isPgError(error, PG_UNIQUE_VIOLATION)) {
    const other = await findPatientByPhone(db, practiceId, phone);
    throw new DomainError(
      'conflict',
      `phone: patient ${other?.id ?? '(unknown)'} of this practice already has this phone number; two patients cannot share one`,
    );
  }
  throw error;
}

/** Enrolls a patient in a practice; 409 when the practice already has a patient with that phone. */
export async function enrollPatient(db: Queryable, practiceId: string, fields: PatientFields, at: Date): Promise<Patient> {
  await checkCoordinator(db, practiceId, fields.coordinatorId);
  return insertPatient(db, practiceId, fields, at).catch((error) => phoneTaken(db, practiceId, fields.phone, error));
}

/** Applies a PATCH to an existing patient of `practiceId`. */
export async function changePatient(db: Queryable, patient: Patient, changes: PatchPatientBody, at: Date): Promise<Patient> {
  await checkCoordinator(db, patient.practiceId, changes.coordinatorId);
  const updated = await updatePatient(db, patient.id, changes, at).catch((error) =>
    phoneTaken(db, patient.practiceId, changes.phone ?? patient.phone, error),
  );
  if (!updated) throw new DomainError('not_found', 'patient was not found');
  return updated;
}
