/**
 * Enrolment campaigns: the practice's candidates (patients eligible for CCM,
 * not enrolled yet). Campaigns and the funnel are in enrolment-campaigns.ts,
 * the CSV import in enrolment-import.ts; consent, a no by phone and the call
 * list's "called" in enrolment-consent.ts.
 */
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { addCandidate, authorize, candidateFor, candidatesWithStanding, newCandidateSchema, withStanding } from '../actions/index.js';
import { notFound } from '../errors.js';
import { listCandidateMessages } from '../store/candidate-messages.js';
import { recordAccess } from '../store/audit.js';
import { findPractice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { actionContext } from './context.js';
import { readEntry } from './patients/access.js';
import { IdParamsSchema, conflictResponse, errorResponses } from './schemas.js';
import { CandidateDetailSchema, CandidateSchema } from './enrolment-schemas.js';

const STATES = ['listed', 'invited', 'interested', 'consented', 'declined', 'opted_out', 'no_answer'] as const;

const CANDIDATE_EXAMPLE = {
  firstName: 'Ruth',
  lastName: 'Alvarez',
  phone: '(555) 201-0007',
  phoneType: 'mobile',
  dateOfBirth: '1946-09-02',
  language: 'es',
  preferredChannel: 'sms',
  conditions: ['hypertension', 'type 2 diabetes'],
  billingPractitionerId: '6f1c2b9e-3d4a-4f5b-8c7d-2e1f0a9b8c7d',
  lastVisitOn: '2026-08-14',
};

const ListQuerySchema = z.object({ state: z.enum(STATES).optional().describe('Only candidates in this state') });

/** The practice, if the caller may read it (another practice's answers 404). */
export async function readablePractice(db: Queryable, request: FastifyRequest, id: string) {
  authorize(request.principal, id, 'coordinator', 'practice');
  const practice = await findPractice(db, id);
  if (!practice) throw notFound('practice');
  return practice;
}

/** Reading candidates is reading PHI: one access-log row for the practice (candidates are no patients yet). */
const logCandidateRead = (db: Queryable, request: FastifyRequest, action: string, practiceId: string) => recordAccess(db, readEntry(request, action, practiceId), [null]);

export const enrolmentRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;
  const NewCandidateSchema = newCandidateSchema(deps.clock);


  app.post(
    '/practices/:id/candidates',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Add a candidate: a patient eligible for CCM, not enrolled yet (admin)',
        description:
          'Two or more chronic conditions, the billing practitioner (a staff member with the practitioner role), and the last visit ' +
          '(none, or more than a year ago: the candidate needs an initiating visit first, and no campaign invites them).',
        params: IdParamsSchema,
        body: NewCandidateSchema.meta({ example: CANDIDATE_EXAMPLE }),
        response: { 201: CandidateSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) => {
      const ctx = actionContext(deps, request);
      const candidate = await addCandidate(ctx, { practiceId: request.params.id, candidate: request.body });
      const practice = (await findPractice(pool, candidate.practiceId))!;
      return reply.code(201).send(withStanding(candidate, practice, ctx.at));
    },
  );

  app.get(
    '/practices/:id/candidates',
    {
      schema: {
        tags: ['enrolment'],
        summary: "The practice's candidates, newest first, with each one's state and standing",
        params: IdParamsSchema,
        querystring: ListQuerySchema,
        response: { 200: z.object({ data: z.array(CandidateSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const practice = await readablePractice(pool, request, request.params.id);
      const { state } = request.query;
      const data = await candidatesWithStanding(pool, practice, request.receivedAt, state ? { states: [state] } : {});
      await logCandidateRead(pool, request, 'candidate.list', practice.id);
      return { data };
    },
  );

  app.get(
    '/candidates/:id',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'One candidate, with their standing and their messages',
        params: IdParamsSchema,
        response: { 200: CandidateDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { candidate, practice } = await candidateFor(pool, request.principal, request.params.id);
      await logCandidateRead(pool, request, 'candidate.read', practice.id);
      return { ...withStanding(candidate, practice, request.receivedAt), messages: await listCandidateMessages(pool, candidate.id) };
    },
  );
};
