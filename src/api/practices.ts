import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { authorize, changePracticeSettings, createPractice, NewPracticeSchema, PracticeChangesSchema } from '../actions/index.js';
import { notFound } from '../errors.js';
import { findPractice, listPractices } from '../store/practices.js';
import { actionContext } from './context.js';
import { IdParamsSchema, conflictResponse, errorResponses } from './schemas.js';

const PRACTICE_EXAMPLE = {
  name: 'Riverside Family Medicine',
  timezone: 'America/Chicago',
  phoneNumber: '+15558675310',
  contactPhone: '(555) 123-4567',
  quietHours: { start: '21:00', end: '08:00' },
};

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
    questionnaire: z.object({ parts: z.array(z.string()) }),
  }),
  billing: z.object({ model: z.enum(['ccm', 'apcm']), apcmCode: z.string(), disabledCodes: z.array(z.string()) }),
  mrnSystem: z.string().nullable().describe("The system URI of the practice's MRNs in FHIR; null: the default under PUBLIC_URL"),
  createdAt: z.string(),
  updatedAt: z.string(),
});

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
    async (request, reply) => reply.code(201).send(await createPractice(actionContext(deps, request), request.body)),
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
        body: PracticeChangesSchema.meta({ example: { quietHours: { start: '20:00', end: '08:30' }, outreach: { medicationNamesInTexts: true } } }),
        response: { 200: PracticeSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) => changePracticeSettings(actionContext(deps, request), { practiceId: request.params.id, changes: request.body }),
  );
};
