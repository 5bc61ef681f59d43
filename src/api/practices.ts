import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './index.js';
import { DomainError, notFound } from '../errors.js';
import { findPractice, insertPractice, listPractices, updatePractice } from '../store/practices.js';
import { isPgError, PG_UNIQUE_VIOLATION, withTransaction } from '../store/sql.js';
import { rescheduleDigest, scheduleDigest } from '../bot/digest.js';
import { authorize, requireAdminToken } from './auth.js';
import { IdParamsSchema, NameSchema, PhoneSchema, QuietHoursSchema, TimeOfDaySchema, TimezoneSchema, WeekdaySchema, conflictResponse, errorResponses } from './schemas.js';

const PRACTICE_EXAMPLE = {
  name: 'Riverside Family Medicine',
  timezone: 'America/Chicago',
  phoneNumber: '+15558675310',
  contactPhone: '(555) 123-4567',
  quietHours: { start: '21:00', end: '08:00' },
};
import { FLOW_NAMES } from '../flows/types.js';
import { inQuietHours } from '../outreach/index.js';
import { scheduleNightlyPlan } from '../bot/outreach-plan.js';
import { enqueueJob } from '../store/job-queue.js';
import type { Practice } from '../store/practices.js';
import { EDITABLE_PROMPT_KEYS, practicePromptProblem, type PromptKey } from '../../prompts/index.js';
import { LOCALES } from '../flows/types.js';
import { APCM_CODES, CCM_CODES } from '../documentation/types.js';

const PromptWordingSchema = z
  .object({ en: z.string().trim().min(1).max(1000).optional(), es: z.string().trim().min(1).max(1000).optional() })
  .strict()
  .nullable();

/** The practice's own wording for the prompts it may change; each is checked like the catalog's texts. */
const PracticePromptsSchema = z
  .record(z.string(), PromptWordingSchema)
  .superRefine((prompts, ctx) => {
    for (const [key, wording] of Object.entries(prompts)) {
      if (!EDITABLE_PROMPT_KEYS.includes(key as PromptKey)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `cannot be changed; a practice may change ${EDITABLE_PROMPT_KEYS.join(', ')}` });
        continue;
      }
      for (const locale of LOCALES) {
        const text = wording?.[locale];
        const problem = text === undefined ? null : practicePromptProblem(key as PromptKey, locale, text);
        if (problem) ctx.addIssue({ code: 'custom', path: [key, locale], message: problem });
      }
    }
  })
  .describe('Your own wording for some texts, e.g. {"system.low_sugar": {"en": "...", "es": "..."}}; null goes back to ours');

const NewPracticeSchema = z.object({
  name: NameSchema,
  timezone: TimezoneSchema,
  phoneNumber: PhoneSchema.describe("The practice's Twilio number; inbound texts to it belong to this practice"),
  contactPhone: PhoneSchema.optional().describe('The number patients are told to call; defaults to phoneNumber'),
  quietHours: QuietHoursSchema.optional(),
  digestTime: TimeOfDaySchema.optional().describe("When coordinators get the morning digest, practice-local time (default 07:30)"),
  reviewHours: z.number().int().min(1).max(720).optional().describe('How long an elevated alert may wait for review (default 48)'),
  escalationWaitSeconds: z
    .number()
    .int()
    .min(0)
    .max(3600)
    .optional()
    .describe('How long an urgent escalation waits before calling the next coordinator (default 60)'),
  prompts: PracticePromptsSchema.optional(),
  outreach: z
    .object({
      cadence: z
        .object({
          time: TimeOfDaySchema.describe('Local time of day of the check-ins, in each patient\'s timezone'),
          slots: z
            .array(
              z.object({
                week: z.number().int().min(1).max(5).describe('1-4: the nth such weekday of the month; 5: the last'),
                weekday: WeekdaySchema,
                flow: z.enum(FLOW_NAMES),
              }),
            )
            .max(12)
            .refine((slots) => new Set(slots.map((s) => `${s.week}:${s.weekday}`)).size === slots.length, {
              message: 'two check-ins on the same day of the month; a patient gets one at a time',
            }),
        })
        .describe('The monthly check-ins; default: wellness on the 1st and 3rd Tuesday, symptoms on the 2nd, at 10:00'),
      medicationNamesInTexts: z.boolean().describe('Name medications in texts (default false: "your medicine")'),
      reminderReplyMinutes: z.number().int().min(15).max(720).describe('How long a dose reminder waits for "taken" before the dose counts as missed (default 120)'),
      unreachableAfter: z.number().int().min(2).max(20).describe('Unanswered automated texts in a row that put a patient on the call list (default 5)'),
      nonResponderDay: z.number().int().min(1).max(28).describe('From this day of the month, patients not heard from this month are on the call list (default 20)'),
    })
    .partial()
    .strict()
    .optional(),
  billing: z
    .object({
      model: z.enum(['ccm', 'apcm']).describe('ccm: the time-based CCM codes; apcm: one monthly APCM code instead (never both)'),
      apcmCode: z.enum(APCM_CODES).describe('The APCM level billed when model is apcm'),
      disabledCodes: z.array(z.enum([...CCM_CODES, ...APCM_CODES])).max(9).describe('Codes the practice does not bill; never suggested'),
    })
    .partial()
    .strict()
    .optional()
    .describe('How the practice bills care management (default: CCM codes, none disabled)'),
});

/** Check-ins at a time inside quiet hours would all wait for the morning: refused. */
export function checkCadenceTime(quietHours: Practice['quietHours'], time: string | undefined): void {
  if (time && inQuietHours(time, quietHours)) {
    throw new DomainError(
      'validation_failed',
      `${time} falls in the practice's quiet hours (${quietHours.start}-${quietHours.end}); choose a time when patients may be texted`,
      'outreach.cadence.time',
    );
  }
}

const PracticeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  phoneNumber: z.string(),
  contactPhone: z.string(),
  quietHours: z.object({ start: z.string(), end: z.string() }),
  digestTime: z.string(),
  reviewHours: z.number(),
  escalationWaitSeconds: z.number(),
  prompts: z.record(z.string(), z.record(z.string(), z.string())),
  outreach: z.object({
    cadence: z.object({ time: z.string(), slots: z.array(z.object({ week: z.number(), weekday: z.string(), flow: z.string() })) }),
    medicationNamesInTexts: z.boolean(),
    reminderReplyMinutes: z.number(),
    unreachableAfter: z.number(),
    nonResponderDay: z.number(),
  }),
  billing: z.object({ model: z.enum(['ccm', 'apcm']), apcmCode: z.string(), disabledCodes: z.array(z.string()) }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const duplicateNumber = (error: unknown) =>
  isPgError(error, PG_UNIQUE_VIOLATION)
    ? new DomainError('conflict', 'another practice already uses this number; each Twilio number belongs to one practice', 'phoneNumber')
    : error;

export const practiceRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.post(
    '/practices',
    {
      schema: {
        tags: ['practices'],
        summary: 'Create a practice (admin token only)',
        description: 'Its Twilio number routes texts and calls to it. Its morning digest and nightly outreach planning are scheduled.',
        body: NewPracticeSchema.meta({ example: PRACTICE_EXAMPLE }),
        response: { 201: PracticeSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) => {
      requireAdminToken(request.principal);
      checkCadenceTime(request.body.quietHours ?? { start: '21:00', end: '08:00' }, request.body.outreach?.cadence?.time);
      const practice = await withTransaction(pool, async (tx) => {
        const created = await insertPractice(tx, request.body);
        await scheduleDigest(tx, created, request.receivedAt);
        await scheduleNightlyPlan(tx, created, request.receivedAt);
        return created;
      }).catch((error) => {
        throw duplicateNumber(error);
      });
      return reply.code(201).send(practice);
    },
  );

  app.get(
    '/practices',
    {
      schema: {
        tags: ['practices'],
        summary: 'The practices this token may see',
        description: 'The admin token sees every practice; a practice API key, its own.',
        response: { 200: z.object({ data: z.array(PracticeSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal.kind === 'admin_token') return { data: await listPractices(pool) };
      const own = await findPractice(pool, principal.practiceId);
      return { data: own ? [own] : [] };
    },
  );

  app.get(
    '/practices/:id',
    { schema: { tags: ['practices'], summary: 'One practice and its settings', params: IdParamsSchema, response: { 200: PracticeSchema, ...errorResponses } } },
    async (request) => {
      authorize(request.principal, request.params.id, 'coordinator', 'practice');
      const practice = await findPractice(pool, request.params.id);
      if (!practice) throw notFound('practice');
      return practice;
    },
  );

  app.patch(
    '/practices/:id',
    {
      schema: {
        tags: ['practices'],
        summary: 'Change a practice\'s settings (admin)',
        description: 'Send only what changes. A new cadence or time zone re-plans future outreach in the background.',
        params: IdParamsSchema,
        body: NewPracticeSchema.partial().meta({ example: { quietHours: { start: '20:00', end: '08:30' }, outreach: { medicationNamesInTexts: true } } }),
        response: { 200: PracticeSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'admin', 'practice');
      const before = await findPractice(pool, request.params.id);
      if (!before) throw notFound('practice');
      checkCadenceTime(request.body.quietHours ?? before.quietHours, request.body.outreach?.cadence?.time ?? before.outreach.cadence.time);
      const practice = await withTransaction(pool, async (tx) => {
        const updated = await updatePractice(tx, request.params.id, request.body);
        // The digests not sent yet move to the new time (or time zone).
        if (updated && (request.body.digestTime || request.body.timezone)) await rescheduleDigest(tx, updated, request.receivedAt);
        // A new cadence: future check-ins are planned again, for the whole panel, in the background.
        if (updated && (request.body.outreach?.cadence || request.body.timezone)) {
          await enqueueJob(tx, 'outreach.plan', { practiceId: updated.id, replan: true }, { runAt: request.receivedAt });
        }
        return updated;
      }).catch((error) => {
        throw duplicateNumber(error);
      });
      if (!practice) throw notFound('practice');
      return practice;
    },
  );
};
