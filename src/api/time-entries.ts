import { z } from 'zod';
import { DateTime } from 'luxon';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './index.js';
import { DomainError } from '../errors.js';
import { TIME_ACTIVITIES, STAFF_ROLES } from '../documentation/types.js';
import { monthBounds } from '../documentation/billing.js';
import { correctTimeEntry, recordTimeEntry, withdrawTimeEntry, MAX_ENTRY_HOURS } from '../bot/time-entries.js';
import { findPractice } from '../store/practices.js';
import { listTimeEntries } from '../store/time-entries.js';
import { audit, auditEntry, loadPatient, writerLabel } from './patients/access.js';
import { IdParamsSchema, conflictResponse, errorResponses } from './schemas.js';

/** An instant with an offset, or a local date-time read in the practice's timezone. */
const WhenSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/i, 'must be a date-time like 2026-11-03T10:15 (practice time) or 2026-11-03T16:15:00Z')
  .meta({ example: '2026-11-03T10:15' });

const NoteSchema = z.string().trim().max(2000);

export const NewEntrySchema = z
  .object({
    staffId: z.uuid('must be a staff member id (GET /practices/:id/staff)'),
    activity: z.enum(TIME_ACTIVITIES),
    start: WhenSchema,
    end: WhenSchema.optional().describe('Give end or minutes'),
    minutes: z.number().positive().max(MAX_ENTRY_HOURS * 60).optional().describe('Exact minutes (decimals allowed: 12.5); give end or minutes'),
    note: NoteSchema.optional(),
  })
  .strict()
  .refine((b) => (b.end === undefined) !== (b.minutes === undefined), { message: 'give either end or minutes, not both and not neither', path: ['end'] });

const CorrectionSchema = z
  .object({
    staffId: z.uuid(),
    activity: z.enum(TIME_ACTIVITIES),
    start: WhenSchema,
    end: WhenSchema,
    minutes: z.number().positive().max(MAX_ENTRY_HOURS * 60),
    note: NoteSchema.nullable(),
    reason: z.string().trim().min(3).max(500).describe('Why it is corrected: kept with the original'),
  })
  .partial()
  .required({ reason: true })
  .strict()
  .refine((b) => !(b.end !== undefined && b.minutes !== undefined), { message: 'give end or minutes, not both', path: ['end'] });

const WithdrawSchema = z.object({ reason: z.string().trim().min(3).max(500).describe('Why the entry does not count (kept on record)') }).strict();

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

export function toInstant(when: string, zone: string, field: string): Date {
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(when);
  const parsed = hasOffset ? DateTime.fromISO(when, { setZone: true }) : DateTime.fromISO(when, { zone });
  if (!parsed.isValid) throw new DomainError('validation_failed', `${when} is not a real date and time`, field);
  return parsed.toJSDate();
}

export const timeEntryRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;
  const records = { pool, clock: deps.clock };

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
      const patient = await loadPatient(pool, request, request.params.id);
      const zone = (await findPractice(pool, patient.practiceId))!.timezone;
      const b = request.body;
      const start = toInstant(b.start, zone, 'start');
      const end = b.end !== undefined ? toInstant(b.end, zone, 'end') : new Date(start.getTime() + Math.round(b.minutes! * 60) * 1000);
      const entry = await recordTimeEntry(records, patient.id, { staffId: b.staffId, activity: b.activity, start, end, note: b.note ?? null }, {
        by: writerLabel(request),
        audit: auditEntry(request, 'time_entry.create', patient.practiceId),
      });
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
      await audit(pool, request, 'time_entry.list', patient.practiceId, [patient.id]);
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
    async (request) => {
      const patient = await loadPatient(pool, request, request.params.id);
      const zone = (await findPractice(pool, patient.practiceId))!.timezone;
      const b = request.body;
      const start = b.start !== undefined ? toInstant(b.start, zone, 'start') : undefined;
      const end = b.end !== undefined ? toInstant(b.end, zone, 'end') : undefined;
      return correctTimeEntry(
        records,
        patient.id,
        request.params.entryId,
        {
          ...(b.staffId !== undefined ? { staffId: b.staffId } : {}),
          ...(b.activity !== undefined ? { activity: b.activity } : {}),
          ...(start ? { start } : {}),
          ...(end ? { end } : {}),
          ...(b.minutes !== undefined ? { seconds: Math.round(b.minutes * 60) } : {}),
          ...(b.note !== undefined ? { note: b.note } : {}),
          reason: b.reason,
        },
        { by: writerLabel(request), audit: auditEntry(request, 'time_entry.correct', patient.practiceId) },
      );
    },
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
    async (request) => {
      const patient = await loadPatient(pool, request, request.params.id);
      return withdrawTimeEntry(records, patient.id, request.params.entryId, request.body.reason, {
        by: writerLabel(request),
        audit: auditEntry(request, 'time_entry.withdraw', patient.practiceId),
      });
    },
  );
};
