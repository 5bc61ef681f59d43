import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { CarePlanInputSchema, writeCarePlan } from '../actions/index.js';
import { findCarePlan } from '../store/care-plans.js';
import { notFound } from '../errors.js';
import { actionContext } from './context.js';
import { logRead, loadPatient } from './patients/access.js';
import { IdParamsSchema, errorResponses } from './schemas.js';

const CarePlanSchema = z.object({
  status: z.enum(['draft', 'active']),
  problems: z.array(z.object({ condition: z.string(), icd10: z.string().nullable() })),
  goals: z.array(z.string()),
  interventions: z.array(z.string()),
  reviewSchedule: z.string().nullable(),
  establishedOn: z.string().nullable(),
  revisedOn: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const carePlanRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.put(
    '/patients/:id/care-plan',
    {
      schema: {
        tags: ['documentation'],
        summary: "Write the patient's care plan",
        description: 'Replaces the plan. When it is first made active its establishment date is kept; substantialRevision records a revision date.',
        params: IdParamsSchema,
        body: CarePlanInputSchema.meta({
          example: {
            status: 'active',
            problems: [{ condition: 'hypertension' }, { condition: 'type 2 diabetes', icd10: 'E11.9' }],
            goals: ['BP under 140/90', 'A1c under 7.5%'],
            interventions: ['Home BP log twice weekly', 'Monthly check-in'],
            reviewSchedule: 'every 3 months',
          },
        }),
        response: { 200: CarePlanSchema, ...errorResponses },
      },
    },
    async (request) => writeCarePlan(actionContext(deps, request), { patientId: request.params.id, plan: request.body }),
  );

  app.get(
    '/patients/:id/care-plan',
    {
      schema: {
        tags: ['documentation'],
        summary: "The patient's care plan",
        params: IdParamsSchema,
        response: { 200: CarePlanSchema, ...errorResponses },
      },
    },
    async (request) => {
      const patient = await loadPatient(pool, request, request.params.id);
      const plan = await findCarePlan(pool, patient.id);
      await logRead(pool, request, 'care_plan.read', patient.practiceId, [patient.id]);
      if (!plan) throw notFound('care plan');
      return plan;
    },
  );
};
