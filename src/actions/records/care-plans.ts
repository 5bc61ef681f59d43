/** Writing a patient's care plan: the conditions it manages, goals, interventions, when established and revised. */
import { z } from 'zod';
import { setCarePlan } from '../../records/index.js';
import type { CarePlan } from '../../store/care-plans.js';
import { patientFor, writerLabel } from '../access.js';
import { auditEntry, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';

const Line = z.string().trim().min(1).max(500);

export const CarePlanInputSchema = z
  .object({
    status: z.enum(['draft', 'active']).describe('active: established (its date is kept); draft: being written'),
    problems: z
      .array(
        z
          .object({
            condition: z.string().trim().min(1).max(200),
            icd10: z.string().trim().max(10).optional().describe('ICD-10-CM; looked up for common conditions when left out'),
          })
          .strict(),
      )
      .max(30)
      .describe('The chronic conditions the plan manages: only these count toward the two CCM needs'),
    goals: z.array(Line).max(30).default([]),
    interventions: z.array(Line).max(30).default([]),
    reviewSchedule: z.string().trim().max(200).optional(),
    substantialRevision: z.boolean().optional().describe('This change substantially revises the established plan (complex CCM counts it)'),
  })
  .strict();
export type CarePlanBody = z.infer<typeof CarePlanInputSchema>;

const WRITTEN = auditName('care_plan.write');

/** Replaces the plan; the record keeping owns the transaction and writes the access-log row in it. */
export async function writeCarePlan(ctx: ActionContext, input: { patientId: string; plan: CarePlanBody }): Promise<CarePlan> {
  const patient = await patientFor(ctx.db.pool, ctx.actor, input.patientId);
  return setCarePlan({ pool: ctx.db.pool, clock: ctx.clock }, patient.id, input.plan, {
    by: writerLabel(ctx.actor),
    audit: auditEntry(ctx, WRITTEN, patient.practiceId),
  });
}
