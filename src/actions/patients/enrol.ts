/** Enrolling one patient, and changing a patient's details, consent, channel, email or enrolment. */
import { DomainError } from '../../errors.js';
import { planPatient } from '../../outreach/index.js';
import { findPatientByPhone, updatePatient, type Patient } from '../../store/patients.js';
import { findPractice } from '../../store/practices.js';
import { withTransaction } from '../../store/sql.js';
import { patientFor, practiceFor } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { checkContactWindow, checkCoordinator, checkMrnFree, insertEnrolment, phoneTaken, toPatientFields } from './enrolment.js';
import { applyEmailChanges, emailFields } from './email.js';
import type { NewPatientBody, PatchPatientBody } from './schemas.js';

const ENROLLED = auditName('patient.create');
const CHANGED = auditName('patient.update');

/** Enrols a patient (admins) and records who did it, in one transaction: both happen or neither. */
export async function enrolPatient(ctx: ActionContext, input: { practiceId: string; patient: NewPatientBody }): Promise<Patient> {
  await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  return withTransaction(ctx.db.pool, async (tx) => {
    const patient = await insertEnrolment(tx, input.practiceId, toPatientFields(input.patient, ctx), ctx.at);
    await audit(tx, ctx, ENROLLED, input.practiceId, [patient.id]);
    return patient;
  });
}

/** Applies a change to an existing patient, and records who did it, in one transaction; their outreach plan follows. */
export async function changePatient(ctx: ActionContext, input: { patientId: string; changes: PatchPatientBody }): Promise<Patient> {
  const patient = await patientFor(ctx.db.pool, ctx.actor, input.patientId);
  const { email, emailConsent, emailFullConsent, emailOptedOut, ...rest } = input.changes;
  const changes = { ...rest, ...emailFields({ email, emailConsent, emailFullConsent }, patient, ctx) };
  return withTransaction(ctx.db.pool, async (tx) => {
    await checkCoordinator(tx, patient.practiceId, changes.coordinatorId);
    if (changes.phone && changes.phone !== patient.phone && (await findPatientByPhone(tx, patient.practiceId, changes.phone))) {
      throw await phoneTaken(tx, patient.practiceId, changes.phone);
    }
    await checkMrnFree(tx, patient.practiceId, changes.mrn, patient.id);
    const practice = (await findPractice(tx, patient.practiceId))!;
    checkContactWindow(practice, changes.contactWindow);
    await applyEmailChanges(tx, ctx, practice, patient, { email, emailOptedOut, fields: changes });
    const updated = await updatePatient(tx, patient.id, changes, ctx.at);
    if (!updated) throw new DomainError('not_found', 'patient was not found');
    await audit(tx, ctx, CHANGED, patient.practiceId, [patient.id]);
    // Consent, status, timezone, window or channel may have changed: the plan follows.
    await planPatient(tx, practice, updated, ctx.at);
    return updated;
  });
}
