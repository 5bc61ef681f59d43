/**
 * A patient's medications: adding one and changing one (dose, times, refill
 * date, stopping it). Each dose time gets a reminder text, so none may fall
 * in quiet hours; reminders and refill questions are planned again at once.
 */
import { z } from 'zod';
import { checkDoseTimes } from '../../outreach/index.js';
import { replanPatient } from '../../outreach/index.js';
import { notFound } from '../../errors.js';
import { findMedication, insertMedication, updateMedication, type Medication, type MedicationChanges } from '../../store/medications.js';
import { findPractice } from '../../store/practices.js';
import { withTransaction } from '../../store/sql.js';
import { patientFor } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { CalendarDateSchema, NameSchema, TimeOfDaySchema } from '../input/primitives.js';

/** The times a medication is taken: 24-hour, at least one, none repeated. */
export const DoseTimesSchema = z
  .array(TimeOfDaySchema)
  .min(1, 'give at least one time of day, like ["08:00"]')
  .max(12)
  .refine((times) => new Set(times).size === times.length, { message: 'must not repeat a time' });

export const NewMedicationSchema = z
  .object({
    name: NameSchema.describe('e.g. lisinopril'),
    dose: NameSchema.describe('e.g. 10 mg'),
    times: DoseTimesSchema.describe('Local times the patient takes it; each gets a reminder text, so none may fall in quiet hours'),
    refillDueOn: CalendarDateSchema.optional(),
    reminders: z.boolean().default(true).describe('A reminder text at each dose time (default true)'),
  })
  .strict();
export type NewMedicationBody = z.infer<typeof NewMedicationSchema>;

export const MedicationChangesSchema = z
  .object({
    dose: NameSchema,
    times: DoseTimesSchema.describe('Local times the patient takes it; each gets a reminder text, so none may fall in quiet hours'),
    refillDueOn: CalendarDateSchema.nullable(),
    active: z.boolean().describe('false: stopped; no more reminders or refill questions'),
    reminders: z.boolean(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'send at least one field to change' });

const ADDED = auditName('medication.create');
const CHANGED = auditName('medication.update');

async function patientAndPractice(ctx: ActionContext, patientId: string) {
  const patient = await patientFor(ctx.db.pool, ctx.actor, patientId);
  const practice = await findPractice(ctx.db.pool, patient.practiceId);
  if (!practice) throw notFound('practice');
  return { patient, practice };
}

export async function addMedication(ctx: ActionContext, input: { patientId: string; medication: NewMedicationBody }): Promise<Medication> {
  const { patient, practice } = await patientAndPractice(ctx, input.patientId);
  if (input.medication.reminders) checkDoseTimes(practice, input.medication.times);
  const times = [...input.medication.times].sort();
  return withTransaction(ctx.db.pool, async (tx) => {
    const created = await insertMedication(tx, patient.id, { ...input.medication, times });
    await audit(tx, ctx, ADDED, patient.practiceId, [patient.id]);
    await replanPatient(tx, practice, patient.id, ctx.at);
    return created;
  });
}

/** Changes what is given; fields left out keep their values. */
export async function changeMedication(ctx: ActionContext, input: { patientId: string; medicationId: string; changes: MedicationChanges }): Promise<Medication> {
  const { patient, practice } = await patientAndPractice(ctx, input.patientId);
  const { changes } = input;
  const times = changes.times ? [...changes.times].sort() : undefined;
  return withTransaction(ctx.db.pool, async (tx) => {
    const current = await findMedication(tx, patient.id, input.medicationId);
    if (!current) throw notFound('medication');
    // Only times that will get a reminder text must avoid quiet hours: new times, or the kept ones when reminders are turned on.
    if (changes.reminders ?? current.reminders) checkDoseTimes(practice, changes.times ?? (changes.reminders ? current.times : undefined));
    const changed = await updateMedication(tx, patient.id, input.medicationId, { ...changes, times }, ctx.at);
    if (!changed) throw notFound('medication');
    await audit(tx, ctx, CHANGED, patient.practiceId, [patient.id]);
    await replanPatient(tx, practice, patient.id, ctx.at);
    return changed;
  });
}
