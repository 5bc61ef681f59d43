import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { addMedication, changeMedication, MedicationChangesSchema, NewMedicationSchema } from '../actions/index.js';
import { listMedications } from '../store/medications.js';
import { actionContext } from './context.js';
import { logRead, loadPatient } from './patients/access.js';
import { IdParamsSchema, errorResponses } from './schemas.js';

const MedicationParamsSchema = z.object({ id: z.uuid('must be a UUID'), medicationId: z.uuid('must be a UUID') });

export const MedicationSchema = z.object({
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
      const medication = await addMedication(actionContext(deps, request), { patientId: request.params.id, medication: request.body });
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
    async (request) =>
      changeMedication(actionContext(deps, request), { patientId: request.params.id, medicationId: request.params.medicationId, changes: request.body }),
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
      await logRead(pool, request, 'medication.list', patient.practiceId, [patient.id]);
      return { data: medications };
    },
  );
};
