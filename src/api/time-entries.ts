import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { correctTime, CorrectionSchema, logTime, NewEntrySchema, withdrawTime, WithdrawSchema } from '../actions/index.js';
import { TIME_ACTIVITIES, STAFF_ROLES } from '../documentation/types.js';
import { monthBounds } from '../documentation/billing.js';
import { findPractice } from '../store/practices.js';
import { listTimeEntries } from '../store/time-entries.js';
import { actionContext } from './context.js';
import { logRead, loadPatient } from './patients/access.js';
import { IdParamsSchema, conflictResponse, errorResponses } from './schemas.js';

const TimeEntrySchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  staffId: z.uuid(),
  staffName: z.string(),
  staffRole: z.enum(STAFF_ROLES),
  credential: z.string().nullable(),
  activity: z.enum(TIME_ACTIVITIES),
  start: z.string(),
  end: z.string(),
  seconds: z.number().int(),
  note: z.string().nullable(),
  source: z.enum(['manual', 'captured']),
  capturedFrom: z.string().nullable(),
  correctsId: z.string().nullable(),
  supersededAt: z.string().nullable(),
  supersededBy: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

const EntryParamsSchema = z.object({ id: z.uuid('must be a UUID'), entryId: z.uuid('must be a UUID') });

export const timeEntryRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.post(
    '/patients/:id/time-entries',
    {
      schema: {
        tags: ['documentation'],
        summary: 'Log staff time on a patient',
        description:
          'Start and end (or start and minutes). Local times without an offset are read in the practice\'s timezone. ' +
          'Only staff time counts toward CCM codes; the bot\'s texts and calls never do. 409 names the entry an overlapping one collides with.',
        params: IdParamsSchema,
        body: NewEntrySchema.meta({
          example: { staffId: '0b7f7c1e-4c55-4e8a-9d6e-1f2a3b4c5d6e', activity: 'call', start: '2026-11-03T10:15', minutes: 18, note: 'Reviewed BP log' },
        }),
        response: { 201: TimeEntrySchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) => {
      const entry = await logTime(actionContext(deps, request), { patientId: request.params.id, entry: request.body });
      return reply.code(201).send(entry);
    },
  );

  app.get(
    '/patients/:id/time-entries',
    {
      schema: {
        tags: ['documentation'],
        summary: "A patient's time entries, corrected and withdrawn ones included",
        params: IdParamsSchema,
        querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-11').optional() }),
        response: { 200: z.object({ data: z.array(TimeEntrySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const patient = await loadPatient(pool, request, request.params.id);
      const zone = (await findPractice(pool, patient.practiceId))!.timezone;
      const month = request.query.month;
      const bounds = month ? monthBounds(month, zone) : undefined;
      const range = bounds ? { from: bounds.start, to: bounds.end } : undefined;
      const data = await listTimeEntries(pool, patient.id, range);
      await logRead(pool, request, 'time_entry.list', patient.practiceId, [patient.id]);
      return { data };
    },
  );

  app.patch(
    '/patients/:id/time-entries/:entryId',
    {
      schema: {
        tags: ['documentation'],
        summary: 'Correct a time entry',
        description: 'A new entry replaces it; the original stays on record, superseded. In an approved month the correction is an addendum.',
        params: EntryParamsSchema,
        body: CorrectionSchema.meta({ example: { minutes: 25, reason: 'call ran longer than logged' } }),
        response: { 200: TimeEntrySchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) =>
      correctTime(actionContext(deps, request), { patientId: request.params.id, entryId: request.params.entryId, correction: request.body }),
  );

  app.post(
    '/patients/:id/time-entries/:entryId/withdraw',
    {
      schema: {
        tags: ['documentation'],
        summary: 'Withdraw a time entry logged by mistake',
        description: 'It stays on record with the reason and no longer counts.',
        params: EntryParamsSchema,
        body: WithdrawSchema.meta({ example: { reason: 'logged on the wrong patient' } }),
        response: { 200: TimeEntrySchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) =>
      withdrawTime(actionContext(deps, request), { patientId: request.params.id, entryId: request.params.entryId, reason: request.body.reason }),
  );
};
