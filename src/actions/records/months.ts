/**
 * People's decisions on a patient's monthly CCM record: complexity,
 * care-plan revision and the note; approving (which locks it); and addenda
 * to an approved month. The record keeping owns each transaction and writes
 * the access-log row in it.
 */
import { z } from 'zod';
import { addMonthAddendum, approveMonth as approve, changeMonth as change } from '../../records/index.js';
import type { MonthRecord } from '../../documentation/types.js';
import { actingStaffId, patientFor, writerLabel } from '../access.js';
import { auditEntry, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-11');

export const MonthChangesSchema = z
  .object({
    complex: z.boolean().describe('Moderate or high complexity decision-making this month (complex CCM, 99487/99489)'),
    carePlanRevised: z.boolean().describe('The care plan was established or substantially revised this month'),
    note: z.string().trim().min(1).max(20_000).nullable().describe('The note as the coordinator wants it; null goes back to the drafted one'),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one of complex, carePlanRevised, note' });
export type MonthChangesBody = z.infer<typeof MonthChangesSchema>;

export const AddendumSchema = z.object({ text: z.string().trim().min(3).max(5000) }).strict();

// The web app's rows have said "month" where the API's say "care_month".
const CHANGED = auditName('care_month.update', 'web.month.update');
const APPROVED = auditName('care_month.approve', 'web.month.approve');
const AMENDED = auditName('care_month.addendum', 'web.month.addendum');

const records = (ctx: ActionContext) => ({ pool: ctx.db.pool, clock: ctx.clock });

/** Records decisions about the month; refused (409) once it is approved. */
export async function changeMonth(ctx: ActionContext, input: { patientId: string; month: string; changes: MonthChangesBody }): Promise<MonthRecord> {
  const patient = await patientFor(ctx.db.pool, ctx.actor, input.patientId);
  const { note, ...rest } = input.changes;
  const changes = { ...rest, ...(note !== undefined ? { noteText: note } : {}) };
  return change(records(ctx), patient.id, input.month, changes, auditEntry(ctx, CHANGED, patient.practiceId));
}

/** Approves and locks the month as it stands, as a staff member: a signed-in user themselves, or the one an API caller names. */
export async function approveMonth(ctx: ActionContext, input: { patientId: string; month: string; staffId?: string | undefined }): Promise<MonthRecord> {
  const patient = await patientFor(ctx.db.pool, ctx.actor, input.patientId);
  const staffId = actingStaffId(ctx.actor, input.staffId, { doing: 'approve a month', who: 'staff member who approves', field: 'staffId' });
  return approve(records(ctx), patient.id, input.month, staffId, auditEntry(ctx, APPROVED, patient.practiceId));
}

/** Adds an addendum to an approved month: the record stays as approved, the addendum beside it. */
export async function addAddendum(ctx: ActionContext, input: { patientId: string; month: string; text: string }): Promise<MonthRecord> {
  const patient = await patientFor(ctx.db.pool, ctx.actor, input.patientId);
  return addMonthAddendum(records(ctx), patient.id, input.month, input.text, writerLabel(ctx.actor), auditEntry(ctx, AMENDED, patient.practiceId));
}
