/** Enrolment campaigns: starting one, the practice's campaigns, and the funnel for a month. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { enrolmentFunnel, startCampaign, StartCampaignSchema } from '../actions/index.js';
import { listCampaigns } from '../store/campaigns.js';
import { actionContext } from './context.js';
import { readablePractice } from './enrolment.js';
import { IdParamsSchema, errorResponses } from './schemas.js';
import { CampaignSchema, CampaignStartSchema, FunnelSchema } from './enrolment-schemas.js';

const FunnelQuerySchema = z.object({
  month: z
    .string()
    .regex(/^(19\d{2}|2[01]\d{2})-(0[1-9]|1[0-2])$/, 'must be a month like 2026-11 (between 1900 and 2199)')
    .optional()
    .describe('YYYY-MM, the practice\'s timezone; default this month'),
  campaignId: z.uuid('must be a campaign id (UUID)').optional().describe('Count one campaign\'s candidates only'),
});

export const campaignRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.post(
    '/practices/:id/campaigns',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Start a campaign: invite candidates by text or call (admin)',
        description:
          'Invites the candidates named (or, with "all_listed", every candidate not invited yet) by text or call, by their preference and ' +
          'number type, outside quiet hours, at most one contact a day and three a week, with reminders after reminderDays (default 3 and 7). ' +
          'A candidate who needs an initiating visit, or was invited before or answered, is skipped, and the answer says why.',
        params: IdParamsSchema,
        body: StartCampaignSchema.meta({ example: { name: 'Diabetes panel, spring', candidateIds: 'all_listed', reminderDays: [3, 7] } }),
        response: { 201: CampaignStartSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await startCampaign(actionContext(deps, request), { practiceId: request.params.id, campaign: request.body })),
  );

  app.get(
    '/practices/:id/campaigns',
    {
      schema: {
        tags: ['enrolment'],
        summary: "The practice's campaigns, newest first",
        params: IdParamsSchema,
        response: { 200: z.object({ data: z.array(CampaignSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const practice = await readablePractice(pool, request, request.params.id);
      return { data: await listCampaigns(pool, practice.id) };
    },
  );

  app.get(
    '/practices/:id/enrolment/funnel',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'The enrolment funnel for a month: invited, reached, interested, consented, declined, opted out, no answer',
        description:
          'Each step is counted in the month it happened (the practice\'s timezone): a candidate invited in March who consents in April counts as ' +
          'invited in March and consented in April. For the practice, or one campaign (campaignId); each campaign\'s own funnel for the month ' +
          'is listed too, with the listed candidates who need an initiating visit first.',
        params: IdParamsSchema,
        querystring: FunnelQuerySchema,
        response: { 200: FunnelSchema, ...errorResponses },
      },
    },
    async (request) => {
      const practice = await readablePractice(pool, request, request.params.id);
      return enrolmentFunnel(pool, practice, request.query, request.receivedAt);
    },
  );
};
