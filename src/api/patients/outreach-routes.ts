/**
 * A patient's outreach: what is planned and why not, and pausing it.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from '../options.js';
import { InstantSchema, pausePatient, resumePatient } from '../../actions/index.js';
import { findPractice } from '../../store/practices.js';
import { explainChoice } from '../../planning/index.js';
import { patientSchedule, SCHEDULE_DAYS } from '../../outreach/index.js';
import { actionContext } from '../context.js';
import { IdParamsSchema, errorResponses } from '../schemas.js';
import { logRead, loadPatient } from './access.js';
import { PatientSchema } from './schemas.js';

const ScheduleSchema = z.object({
  timezone: z.string(),
  reason: z
    .enum(['disenrolled', 'no_consent', 'opted_out', 'phone_invalid', 'paused', 'unreachable'])
    .nullable()
    .describe('Why the service contacts the patient by itself no more; null when it does'),
  items: z.array(
    z.object({
      at: z.string().describe('ISO time with the patient\'s UTC offset'),
      kind: z.enum(['check_in', 'reminder', 'refill_prompt', 'questionnaire', 'summary']),
      flow: z.string(),
      medicationId: z.string().nullable(),
      channel: z.enum(['sms', 'voice', 'email']).describe('voice: a call; email: the summary'),
      why: z
        .string()
        .nullable()
        .describe("Why this channel and hour, for the month's touchpoints: the practice's sequence learns each patient's (or is fixed)"),
      status: z.string().describe('planned; or for a contact already due: started, skipped, late, cancelled'),
    }),
  ),
});

export const patientOutreachRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.get(
    '/patients/:id/schedule',
    {
      schema: {
        tags: ['outreach'],
        summary: `What the service plans to send the patient in the next ${SCHEDULE_DAYS} days, or why nothing`,
        params: IdParamsSchema,
        response: { 200: ScheduleSchema, ...errorResponses },
      },
    },
    async (request) => {
      const patient = await loadPatient(pool, request, request.params.id);
      const practice = (await findPractice(pool, patient.practiceId))!;
      await logRead(pool, request, 'patient.schedule', patient.practiceId, [patient.id]);
      const schedule = await patientSchedule(pool, practice, patient, request.receivedAt);
      return { ...schedule, items: schedule.items.map(({ channelReason, ...item }) => ({ ...item, why: channelReason ? explainChoice(channelReason) : null })) };
    },
  );

  app.post(
    '/patients/:id/pause',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Pause automated outreach (a hospital stay, a trip)',
        description: 'Without `until` the pause lasts until resumed. A person can still start a check-in.',
        params: IdParamsSchema,
        body: z.object({ until: InstantSchema.optional() }).strict().default({}).meta({ example: { until: '2026-12-10T12:00:00Z' } }),
        response: { 200: PatientSchema, ...errorResponses },
      },
    },
    async (request) =>
      pausePatient(actionContext(deps, request), { patientId: request.params.id, until: request.body.until ? new Date(request.body.until) : null }),
  );

  app.post(
    '/patients/:id/resume',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Resume automated outreach from its next slot',
        params: IdParamsSchema,
        response: { 200: PatientSchema, ...errorResponses },
      },
    },
    async (request) => resumePatient(actionContext(deps, request), { patientId: request.params.id }),
  );
};
