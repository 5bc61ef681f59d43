/** Pausing a patient's automated outreach (a hospital stay, a trip) and resuming it. */
import { pausePatient as pauseOutreach, resumePatient as resumeOutreach } from '../../outreach/index.js';
import { DomainError } from '../../errors.js';
import type { Patient } from '../../store/patients.js';
import { findPractice } from '../../store/practices.js';
import { withTransaction } from '../../store/sql.js';
import { patientFor } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';

const PAUSED = auditName('patient.pause');
const RESUMED = auditName('patient.resume');

/** Pauses outreach until `until` (then it resumes by itself), or until resumed when null. */
export async function pausePatient(ctx: ActionContext, input: { patientId: string; until: Date | null }): Promise<Patient> {
  const patient = await patientFor(ctx.db.pool, ctx.actor, input.patientId);
  if (input.until && input.until.getTime() <= ctx.at.getTime()) throw new DomainError('validation_failed', 'must be in the future', 'until');
  return withTransaction(ctx.db.pool, async (tx) => {
    const practice = (await findPractice(tx, patient.practiceId))!;
    const paused = await pauseOutreach(tx, practice, patient, input.until, ctx.at);
    await audit(tx, ctx, PAUSED, patient.practiceId, [patient.id]);
    return paused;
  });
}

/** Resumes outreach from its next slot. */
export async function resumePatient(ctx: ActionContext, input: { patientId: string }): Promise<Patient> {
  const patient = await patientFor(ctx.db.pool, ctx.actor, input.patientId);
  return withTransaction(ctx.db.pool, async (tx) => {
    const practice = (await findPractice(tx, patient.practiceId))!;
    const resumed = await resumeOutreach(tx, practice, patient, ctx.at);
    await audit(tx, ctx, RESUMED, patient.practiceId, [patient.id]);
    return resumed;
  });
}
