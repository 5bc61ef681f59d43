import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './index.js';
import { setCarePlan } from '../bot/care-plan.js';
import { findCarePlan } from '../store/care-plans.js';
import { notFound } from '../errors.js';
import { audit, auditEntry, loadPatient, writerLabel } from './patients/access.js';
import { IdParamsSchema, errorResponses } from './schemas.js';

const Line = z.string().trim().min(1).max(500);

const CarePlanInputSchema = z
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
    async (request) => {
      const patient = await loadPatient(pool, request, request.params.id);
      return setCarePlan({ pool, clock: deps.clock }, patient.id, request.body, {
        by: writerLabel(request),
        audit: auditEntry(request, 'care_plan.write', patient.practiceId),
      });
    },
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
      await audit(pool, request, 'care_plan.read', patient.practiceId, [patient.id]);
      if (!plan) throw notFound('care plan');
      return plan;
    },
  );
};
