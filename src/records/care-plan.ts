/**
 * The patient's care plan: which chronic conditions it manages (with ICD-10
 * codes where known), goals, interventions, and when it was established and
 * last substantially revised, which the monthly record and complex CCM need.
 */
import { DateTime } from 'luxon';
import { asIcd10, icd10For } from '../documentation/icd10.js';
import { DomainError } from '../errors.js';
import { recordAccess, type AuditEntry } from '../store/audit.js';
import { findCarePlan, saveCarePlan, type CarePlan } from '../store/care-plans.js';
import { recordEvent } from '../store/patient-events.js';
import { findPatient } from '../store/patients.js';
import { findPractice } from '../store/practices.js';
import { withTransaction } from '../store/sql.js';
import type { RecordDeps } from '../runtime.js';

export interface CarePlanInput {
  status: 'draft' | 'active';
  problems: { condition: string; icd10?: string | undefined }[];
  goals: string[];
  interventions: string[];
  reviewSchedule?: string | undefined;
  /** This change substantially revises an established plan (complex CCM counts it). */
  substantialRevision?: boolean | undefined;
}

function codeOf(problem: CarePlanInput['problems'][number], index: number): string | null {
  if (problem.icd10 === undefined) return icd10For(problem.condition);
  const code = asIcd10(problem.icd10);
  if (!code) throw new DomainError('validation_failed', 'is not an ICD-10-CM code (like I10 or E11.9)', `problems.${index}.icd10`);
  return code;
}

/** Writes the care plan, keeping when it was established and last revised. */
export function setCarePlan(deps: RecordDeps, patientId: string, input: CarePlanInput, writer: { by: string; audit: AuditEntry }): Promise<CarePlan> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const patient = (await findPatient(tx, patientId))!;
    const practice = (await findPractice(tx, patient.practiceId))!;
    const today = DateTime.fromJSDate(at, { zone: practice.timezone }).toISODate()!;
    const before = await findCarePlan(tx, patientId);
    // A plan made active for the first time is established by this write.
    const establishing = !before?.establishedOn && input.status === 'active';
    const establishedOn = before?.establishedOn ?? (establishing ? today : null);
    if (input.substantialRevision && !establishedOn) {
      throw new DomainError('validation_failed', 'a draft plan is not established yet, so it cannot be revised; send status "active" to establish it', 'substantialRevision');
    }
    const plan: CarePlan = {
      status: input.status,
      problems: input.problems.map((p, i) => ({ condition: p.condition, icd10: codeOf(p, i) })),
      goals: input.goals,
      interventions: input.interventions,
      reviewSchedule: input.reviewSchedule ?? null,
      establishedOn,
      // Establishing counts for complex CCM on its own (establishedOn): it is not also a revision.
      revisedOn: input.substantialRevision && !establishing ? today : (before?.revisedOn ?? null),
      updatedAt: at.toISOString(),
      updatedBy: writer.by,
    };
    await saveCarePlan(tx, patientId, plan);
    const change = !before ? 'created' : input.substantialRevision && !establishing ? 'revised' : 'updated';
    await recordEvent(tx, { practiceId: patient.practiceId, patientId, conversationId: null, type: `care_plan.${change}`, detail: { by: writer.by }, at });
    await recordAccess(tx, { ...writer.audit, at }, [patientId]);
    return plan;
  });
}
