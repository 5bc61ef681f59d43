/**
 * Texts from numbers no patient of the practice has: the list a coordinator
 * works from, linking one to the patient it is about ("this is Ruth's
 * daughter"), and resolving it with what was done ("called back; added her
 * number").
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { authorize, linkText, reviewText } from '../actions/index.js';
import { readUnknownText } from '../alerts/index.js';
import { DomainError, notFound } from '../errors.js';
import { findPractice } from '../store/practices.js';
import { findMessage } from '../store/messages.js';
import { listUnmatchedTexts, type UnmatchedText } from '../store/unmatched-texts.js';
import { ActorSchema } from './acting-coordinator.js';
import { actionContext } from './context.js';
import { IdParamsSchema, errorResponses } from './schemas.js';

const PersonSchema = z.object({ id: z.uuid(), name: z.string() });

const UnmatchedTextSchema = z.object({
  id: z.uuid(),
  from: z.string().describe('The sender, E.164'),
  body: z.string(),
  receivedAt: z.string(),
  reviewNeeded: z.boolean().describe('It says more than a greeting: a person should read it'),
  urgent: z.boolean().describe('It reports an emergency: the on-call coordinators were texted when it came'),
  reading: z
    .object({
      emergency: z.string().nullable().describe('The emergency it reports, in words ("chest pain"), if any'),
      mentions: z.array(z.string()).describe('What else it mentions: "a fall", "a request to be called", "blood sugar 45"'),
    })
    .describe('What the service read in it'),
  reviewedAt: z.string().nullable(),
  reviewedBy: PersonSchema.nullable(),
  reviewNote: z.string().nullable(),
  linked: z
    .object({ patient: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }), at: z.string(), by: PersonSchema })
    .nullable()
    .describe('The patient a coordinator said it is about'),
});

const present = (text: UnmatchedText) => {
  const { emergency, mentions } = readUnknownText(text.body);
  return { ...text, reading: { emergency: emergency?.words ?? null, mentions } };
};

const ListQuerySchema = z.object({
  status: z
    .enum(['to_review', 'reviewed', 'all'])
    .default('to_review')
    .describe('to_review: texts a person should read and nobody has resolved yet'),
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
      const page = await listUnmatchedTexts(pool, practiceId, { filter: status, limit, after });
      return { data: page.data.map(present), next: page.next };
    },
  );

  app.post(
    '/unmatched-texts/:id/review',
    {
      schema: {
        tags: ['unmatched texts'],
        summary: 'Resolve: a coordinator has read the text, and says what was done',
        description: 'Doing it twice is harmless: the first review (who, when, note) stays. The app calls this "Resolve".',
        params: IdParamsSchema,
        body: ActorSchema.extend({ note: z.string().trim().min(1).max(4000).optional().describe('What was done, e.g. "called back"') }).meta({
          example: { note: "Called back: Ruth Smith's daughter; added her as caregiver" },
        }),
        response: { 200: UnmatchedTextSchema, ...errorResponses },
      },
    },
    async (request) =>
      present(await reviewText(actionContext(deps, request), { textId: request.params.id, coordinatorId: request.body.coordinatorId, note: request.body.note ?? null })),
  );

  app.post(
    '/unmatched-texts/:id/link',
    {
      schema: {
        tags: ['unmatched texts'],
        summary: 'Link the text to the patient it is about',
        description:
          "It joins the patient's record; one that needed a person joins their case as evidence (an urgent one raises or joins an urgent alert, acknowledged by the coordinator who links it). Linking again to the same patient is harmless; to another patient, 409.",
        params: IdParamsSchema,
        body: ActorSchema.extend({ patientId: z.uuid('must be a patient id') }).meta({ example: { patientId: '0d3c1f0e-7a7b-4c1e-9d59-2f3c8e0b6a21' } }),
        response: { 200: UnmatchedTextSchema, ...errorResponses },
      },
    },
    async (request) =>
      present(await linkText(actionContext(deps, request), { textId: request.params.id, patientId: request.body.patientId, coordinatorId: request.body.coordinatorId })),
  );
};
