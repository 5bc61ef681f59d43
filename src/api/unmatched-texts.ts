/**
 * Texts from numbers no patient of the practice has: the list a coordinator
 * works from, and marking one read with what was done ("called back, it is
 * Ruth's daughter; added her number").
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { authorize, reviewText } from '../actions/index.js';
import { DomainError, notFound } from '../errors.js';
import { findPractice } from '../store/practices.js';
import { findMessage } from '../store/messages.js';
import { listUnmatchedTexts } from '../store/unmatched-texts.js';
import { ActorSchema } from './acting-coordinator.js';
import { actionContext } from './context.js';
import { IdParamsSchema, errorResponses } from './schemas.js';

const UnmatchedTextSchema = z.object({
  id: z.uuid(),
  from: z.string().describe('The sender, E.164'),
  body: z.string(),
  receivedAt: z.string(),
  reviewNeeded: z.boolean().describe('It says more than a greeting: a person should read it'),
  urgent: z.boolean().describe('It reports an emergency: the on-call coordinators were texted when it came'),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  reviewNote: z.string().nullable(),
});

const ListQuerySchema = z.object({
  status: z
    .enum(['to_review', 'reviewed', 'all'])
    .default('to_review')
    .describe('to_review: texts a person should read and nobody has yet'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.uuid('must be the `next` value of the previous page').optional(),
});

export const unmatchedTextRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.get(
    '/practices/:id/unmatched-texts',
    {
      schema: {
        tags: ['unmatched texts'],
        summary: 'Texts from numbers no patient has, newest first',
        description: 'By default those waiting for a person to read them. Pages: pass `next` back as `after`.',
        params: IdParamsSchema,
        querystring: ListQuerySchema,
        response: { 200: z.object({ data: z.array(UnmatchedTextSchema), next: z.uuid().nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const practiceId = request.params.id;
      authorize(request.principal, practiceId, 'coordinator', 'practice');
      if (!(await findPractice(pool, practiceId))) throw notFound('practice');
      const { status, limit, after } = request.query;
      if (after && (await findMessage(pool, after))?.practiceId !== practiceId) {
        throw new DomainError('validation_failed', "is not the `next` value of a page of this practice's texts", 'after');
      }
      return listUnmatchedTexts(pool, practiceId, { filter: status, limit, after });
    },
  );

  app.post(
    '/unmatched-texts/:id/review',
    {
      schema: {
        tags: ['unmatched texts'],
        summary: 'A coordinator has read the text, and says what was done',
        description: 'Doing it twice is harmless: the first review (who, when, note) stays.',
        params: IdParamsSchema,
        body: ActorSchema.extend({ note: z.string().trim().min(1).max(4000).optional().describe('What was done, e.g. "called back"') }).meta({
          example: { note: "Called back: Ruth Smith's daughter; added her as caregiver" },
        }),
        response: { 200: UnmatchedTextSchema, ...errorResponses },
      },
    },
    async (request) =>
      reviewText(actionContext(deps, request), { textId: request.params.id, coordinatorId: request.body.coordinatorId, note: request.body.note ?? null }),
  );
};
