import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './index.js';
import { insertMedication, listMedications } from '../store/medications.js';
import { withTransaction } from '../store/sql.js';
import { CalendarDateSchema, IdParamsSchema, NameSchema, TimeOfDaySchema, errorResponses } from './schemas.js';
import { audit, loadPatient } from './patients/access.js';

const NewMedicationSchema = z
  .object({
    name: NameSchema.describe('e.g. lisinopril'),
    dose: NameSchema.describe('e.g. 10 mg'),
    times: z
      .array(TimeOfDaySchema)
      .min(1, 'give at least one time of day, like ["08:00"]')
      .max(12)
      .refine((times) => new Set(times).size === times.length, { message: 'must not repeat a time' }),
    refillDueOn: CalendarDateSchema.optional(),
  })
  .strict();

const MedicationSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  name: z.string(),
  dose: z.string(),
  times: z.array(z.string()),
  refillDueOn: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const medicationRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.post(
    '/patients/:id/medications',
    {
      schema: {
        tags: ['medications'],
        params: IdParamsSchema,
        body: NewMedicationSchema,
        response: { 201: MedicationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const patient = await loadPatient(pool, request, request.params.id);
      const times = [...request.body.times].sort();
      const medication = await withTransaction(pool, async (tx) => {
        const created = await insertMedication(tx, patient.id, { ...request.body, times });
        await audit(tx, request, 'medication.create', patient.practiceId, [patient.id]);
        return created;
      });
      return reply.code(201).send(medication);
    },
  );

  app.get(
    '/patients/:id/medications',
    {
      schema: {
        tags: ['medications'],
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
