/**
 * A patient's case: all their unresolved alerts worked as one. Listed for a
 * practice, read with every reason's evidence and the patient's words, and
 * acknowledged or resolved as one (through the same actions as the web app).
 */
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { loadCaseViews } from '../alerts/index.js';
import { acknowledgeCase, authorize, caseFor, resolveCase, textCasePatient } from '../actions/index.js';
import { CARE_TEAM_TEXT_MAX } from '../escalation/index.js';
import { notFound } from '../errors.js';
import { findCasesWithNames, listCases } from '../store/case-views.js';
import { findPractice } from '../store/practices.js';
import { ActorSchema } from './acting-coordinator.js';
import { CaseDetailSchema, CaseQuerySchema, CaseSchema, presentCase, presentCaseDetail } from './case-schemas.js';
import { actionContext } from './context.js';
import { logRead } from './patients/access.js';
import { IdParamsSchema, errorResponses } from './schemas.js';

/** The text as queued ('pending' until the send job hands it to Twilio), and the case it took. */
const TextedSchema = z.object({
  text: z.object({ id: z.uuid(), body: z.string(), status: z.string(), createdAt: z.string(), repeated: z.boolean() }),
  case: CaseDetailSchema,
});

export const caseRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  async function detail(request: FastifyRequest, id: string) {
    const [view] = await loadCaseViews(pool, await findCasesWithNames(pool, [id]), deps.clock.now());
    await logRead(pool, request, 'case.read', view!.case.practiceId, [view!.case.patientId]);
    return presentCaseDetail(view!);
  }

  app.get(
    '/practices/:id/cases',
    {
      schema: {
        tags: ['cases'],
        summary: "The practice's cases: one per patient with unresolved alerts",
        description: 'Urgent first, then the longest open. By default every case not yet resolved.',
        params: IdParamsSchema,
        querystring: CaseQuerySchema,
        response: { 200: z.object({ data: z.array(CaseSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'coordinator', 'practice');
      if (!(await findPractice(pool, request.params.id))) throw notFound('practice');
      const cases = await listCases(pool, { practiceId: request.params.id, ...request.query });
      const views = await loadCaseViews(pool, cases, deps.clock.now());
      await logRead(pool, request, 'case.list', request.params.id, [...new Set(cases.map((c) => c.patientId))]);
      return { data: views.map(presentCase) };
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'One case: each reason with its evidence and the patient\'s words, every alert, who acted and when',
        params: IdParamsSchema,
        response: { 200: CaseDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      // Another practice's case does not exist for the caller: 404.
      await caseFor(actionContext(deps, request), request.params.id);
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/cases/:id/acknowledge',
    {
      schema: {
        tags: ['cases'],
        summary: 'A coordinator takes the whole case: every open alert in it is acknowledged and stops escalating',
        description: 'Doing it twice is harmless: the first acknowledgements (who and when) stay. A new alert later puts the case back to open.',
        params: IdParamsSchema,
        body: ActorSchema.meta({ example: { coordinatorId: '6f1c2b9e-2f4e-4a51-9a55-2f0c8f0b6d11' } }),
        response: { 200: CaseDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const acknowledged = await acknowledgeCase(actionContext(deps, request), { caseId: request.params.id, coordinatorId: request.body.coordinatorId });
      return detail(request, acknowledged.id);
    },
  );

  app.post(
    '/cases/:id/resolve',
    {
      schema: {
        tags: ['cases'],
        summary: 'A coordinator closes the case with a note: every alert in it is resolved',
        description: 'Acknowledges them too where nobody had. Doing it twice is harmless: the first resolution stays. A later alert opens a new case.',
        params: IdParamsSchema,
        body: ActorSchema.extend({ note: z.string().trim().min(1, 'say what was done').max(4000) }).meta({
          example: { note: 'Called the patient: the fall was on Monday, the cut is dressed, daughter staying with her. GP visit booked.' },
        }),
        response: { 200: CaseDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { coordinatorId, note } = request.body;
      const resolved = await resolveCase(actionContext(deps, request), { caseId: request.params.id, coordinatorId, note });
      return detail(request, resolved.id);
    },
  );

  app.post(
    '/cases/:id/text',
    {
      schema: {
        tags: ['cases'],
        summary: "A coordinator texts the case's patient: an answer the bot could not give, signed with her name",
        description:
          "Sent from the practice's number through the send queue: outside the patient's hours it waits for the morning; it is in the patient's transcript, and their answer comes back like any text. " +
          'It takes the case (every open alert is acknowledged). 409 when the patient stopped texts, has a phone that cannot take them, or is no longer enrolled. ' +
          'The same words again within 10 minutes are the same text: the first is returned with 200 and `repeated: true`, nothing is sent twice.',
        params: IdParamsSchema,
        body: ActorSchema.extend({ words: z.string().trim().min(1, 'write the text').max(CARE_TEAM_TEXT_MAX) }).meta({
          example: { words: 'No charge for these texts. Your plan covers the care program; reply here any time.' },
        }),
        response: {
          200: TextedSchema,
          201: TextedSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { coordinatorId, words } = request.body;
      const sent = await textCasePatient(actionContext(deps, request), { caseId: request.params.id, coordinatorId, words });
      const { id, body, status, createdAt } = sent.message;
      return reply.code(sent.repeated ? 200 : 201).send({ text: { id, body, status, createdAt, repeated: sent.repeated }, case: await detail(request, sent.case.id) });
    },
  );
};
