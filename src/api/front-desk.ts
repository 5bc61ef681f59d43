/**
 * The front desk's texts: a patient's text that needs a person but only the
 * office's work (a new number, when the office opens, what the texts cost).
 * The list the front desk works from, resolving one with what was done, or
 * passing it on to the care team when it turns out to be theirs.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { authorize, passToCareTeam, resolveFrontDeskTextAction } from '../actions/index.js';
import { notFound } from '../errors.js';
import { OFFICE_TOPICS } from '../flows/understand/index.js';
import { findPractice } from '../store/practices.js';
import { listFrontDeskTexts } from '../store/front-desk.js';
import { ActorSchema } from './acting-coordinator.js';
import { actionContext } from './context.js';
import { IdParamsSchema, errorResponses } from './schemas.js';

const PersonSchema = z.object({ id: z.uuid(), name: z.string() });

const FrontDeskTextSchema = z.object({
  id: z.uuid(),
  patient: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), phone: z.string(), language: z.string() }),
  body: z.string(),
  receivedAt: z.string(),
  topics: z.array(z.string()).describe(`The office matters it names: ${OFFICE_TOPICS.join(', ')}`),
  resolvedAt: z.string().nullable(),
  resolvedBy: PersonSchema.nullable(),
  note: z.string().nullable().describe('What was done'),
  passedAlertId: z.uuid().nullable().describe('Passed on to the care team: the alert it raised in the patient\'s case'),
});

export const frontDeskRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.get(
    '/practices/:id/front-desk-texts',
    {
      schema: {
        tags: ['front desk'],
        summary: "Patients' texts for the office: open ones longest waiting first",
        description: 'A new number or address, office hours, parking, billing, records, how and when we text. `total` counts every text of the status.',
        params: IdParamsSchema,
        querystring: z.object({ status: z.enum(['open', 'resolved', 'all']).default('open'), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ data: z.array(FrontDeskTextSchema), total: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => {
      const practiceId = request.params.id;
      authorize(request.principal, practiceId, 'coordinator', 'practice');
      if (!(await findPractice(pool, practiceId))) throw notFound('practice');
      return listFrontDeskTexts(pool, practiceId, { filter: request.query.status, limit: request.query.limit });
    },
  );

  app.post(
    '/front-desk-texts/:id/resolve',
    {
      schema: {
        tags: ['front desk'],
        summary: 'Resolve: someone dealt with the text, and says what was done',
        description: 'Doing it twice is harmless: the first (who, when, note) stays.',
        params: IdParamsSchema,
        body: ActorSchema.extend({ note: z.string().trim().min(1).max(2000).describe('What was done, e.g. "updated the address"') }).meta({ example: { note: 'Updated the mailing address' } }),
        response: { 200: FrontDeskTextSchema, ...errorResponses },
      },
    },
    async (request) => resolveFrontDeskTextAction(actionContext(deps, request), { textId: request.params.id, coordinatorId: request.body.coordinatorId, note: request.body.note }),
  );

  app.post(
    '/front-desk-texts/:id/pass-to-care-team',
    {
      schema: {
        tags: ['front desk'],
        summary: "Pass the text on to the care team: it joins the patient's case",
        description: 'It raises (or joins) a message for the care team, with the text as its evidence. Twice is harmless; a text resolved at the front desk already, 409.',
        params: IdParamsSchema,
        body: ActorSchema.extend({ note: z.string().trim().min(1).max(2000).optional().describe('Why, for the nurse') }).meta({ example: { note: 'She mentions a fall' } }),
        response: { 200: FrontDeskTextSchema, ...errorResponses },
      },
    },
    async (request) => passToCareTeam(actionContext(deps, request), { textId: request.params.id, coordinatorId: request.body.coordinatorId, note: request.body.note }),
  );
};
