import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './index.js';
import { DomainError, notFound } from '../errors.js';
import { insertMedication, listMedications, updateMedication } from '../store/medications.js';
import { findPractice, type Practice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { inQuietHours } from '../outreach/index.js';
import { replanPatient } from '../bot/outreach-plan.js';
import { CalendarDateSchema, IdParamsSchema, NameSchema, TimeOfDaySchema, errorResponses } from './schemas.js';
import { audit, loadPatient } from './patients/access.js';
import { checkDoseTimes } from '../bot/dose-times.js';

const TimesSchema = z
  .array(TimeOfDaySchema)
  .min(1, 'give at least one time of day, like ["08:00"]')
  .max(12)
  .refine((times) => new Set(times).size === times.length, { message: 'must not repeat a time' })
  .describe('Local times the patient takes it; each gets a reminder text, so none may fall in quiet hours');

const NewMedicationSchema = z
  .object({
    name: NameSchema.describe('e.g. lisinopril'),
    dose: NameSchema.describe('e.g. 10 mg'),
    times: TimesSchema,
    refillDueOn: CalendarDateSchema.optional(),
    reminders: z.boolean().default(true).describe('A reminder text at each dose time (default true)'),
  })
  .strict();

const MedicationChangesSchema = z
  .object({
    dose: NameSchema,
    times: TimesSchema,
    refillDueOn: CalendarDateSchema.nullable(),
    active: z.boolean().describe('false: stopped; no more reminders or refill questions'),
    reminders: z.boolean(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'send at least one field to change' });

const MedicationParamsSchema = z.object({ id: z.uuid('must be a UUID'), medicationId: z.uuid('must be a UUID') });

async function practiceOf(db: Queryable, practiceId: string): Promise<Practice> {
  const practice = await findPractice(db, practiceId);
  if (!practice) throw notFound('practice');
  return practice;
}

const MedicationSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  name: z.string(),
  dose: z.string(),
  times: z.array(z.string()),
  refillDueOn: z.string().nullable(),
  active: z.boolean(),
  reminders: z.boolean(),
  createdAt: z.string(),
});

export const medicationRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.post(
    '/patients/:id/medications',
    {
      schema: {
        tags: ['medications'],
        summary: 'Add a medication: reminders at its dose times, a refill question before its refill date',
        params: IdParamsSchema,
        body: NewMedicationSchema.meta({ example: { name: 'lisinopril', dose: '10 mg', times: ['08:00'], refillDueOn: '2026-12-20' } }),
        response: { 201: MedicationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const patient = await loadPatient(pool, request, request.params.id);
      const practice = await practiceOf(pool, patient.practiceId);
      if (request.body.reminders) checkDoseTimes(practice, request.body.times);
      const times = [...request.body.times].sort();
      const medication = await withTransaction(pool, async (tx) => {
        const created = await insertMedication(tx, patient.id, { ...request.body, times });
        await audit(tx, request, 'medication.create', patient.practiceId, [patient.id]);
        await replanPatient(tx, practice, patient.id, request.receivedAt);
        return created;
      });
      return reply.code(201).send(medication);
    },
  );

  app.patch(
    '/patients/:id/medications/:medicationId',
    {
      schema: {
        tags: ['medications'],
        summary: 'Change a dose, its times or the refill date, or stop the medication',
        description: 'Reminders and refill questions are planned again from now.',
        params: MedicationParamsSchema,
        body: MedicationChangesSchema.meta({ example: { refillDueOn: '2027-01-19' } }),
        response: { 200: MedicationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const patient = await loadPatient(pool, request, request.params.id);
      const practice = await practiceOf(pool, patient.practiceId);
      checkDoseTimes(practice, request.body.times);
      const times = request.body.times ? [...request.body.times].sort() : undefined;
      return withTransaction(pool, async (tx) => {
        const changed = await updateMedication(tx, patient.id, request.params.medicationId, { ...request.body, times });
        if (!changed) throw notFound('medication');
        await audit(tx, request, 'medication.update', patient.practiceId, [patient.id]);
        await replanPatient(tx, practice, patient.id, request.receivedAt);
        return changed;
      });
    },
  );

  app.get(
    '/patients/:id/medications',
    {
      schema: {
        tags: ['medications'],
        summary: 'The patient\'s medications',
        params: IdParamsSchema,
        response: { 200: z.object({ data: z.array(MedicationSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const patient = await loadPatient(pool, request, request.params.id);
      const medications = await listMedications(pool, patient.id);
      await audit(pool, request, 'medication.list', patient.practiceId, [patient.id]);
      return { data: medications };
    },
  );
};
