import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { notFound } from '../errors.js';
import { describeReason } from '../alerts/index.js';
import { listEvidence } from '../store/alert-evidence.js';
import { findAlertWithNames, listAlerts, type AlertWithNames } from '../store/alerts.js';
import { listCoordinators } from '../store/coordinators.js';
import { listAttempts } from '../store/escalations.js';
import { findPractice } from '../store/practices.js';
import { acknowledgeAlert, alertFor, authorize, resolveAlert } from '../actions/index.js';
import { ActorSchema } from './acting-coordinator.js';
import { actionContext } from './context.js';
import { logRead } from './patients/access.js';
import { IdParamsSchema, errorResponses } from './schemas.js';

const PersonSchema = z.object({ id: z.uuid(), name: z.string() }).nullable();

const AlertSchema = z.object({
  id: z.uuid(),
  patient: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), phone: z.string() }),
  caseId: z.uuid().nullable().describe("The patient's case it belongs to (GET /cases/:id); none for alerts resolved before cases existed"),
  level: z.enum(['urgent', 'elevated']),
  reason: z.string().describe("A stable code: the triage rule's id, or 'red_flag:<category>'"),
  reasonText: z.string().describe('The reason in a few words, e.g. "chest pain"'),
  explanation: z.string().nullable().describe('Why, with values and times: "BP 184/121 on Nov 3 at 09:12 is at or above 180/120"'),
  patientText: z.string().nullable().describe("The patient's own words, when a text raised the alert"),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  createdAt: z.string(),
  reviewDueAt: z.string().nullable().describe('Elevated alerts: when a coordinator should have reviewed it by'),
  overdue: z.boolean(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: PersonSchema,
  resolvedAt: z.string().nullable(),
  resolvedBy: PersonSchema,
  resolutionNote: z.string().nullable(),
});

const AlertDetailSchema = AlertSchema.extend({
  evidence: z.array(z.object({ explanation: z.string(), at: z.string(), observationId: z.string().nullable(), messageId: z.string().nullable() })),
  escalation: z.array(
    z.object({
      step: z.number(),
      round: z.number(),
      kind: z.enum(['call', 'final_texts']),
      coordinator: PersonSchema,
      status: z.string(),
      outcome: z.string().nullable(),
      answeredBy: z.string().nullable(),
      bridgeSeconds: z.number().nullable(),
      startedAt: z.string(),
      endedAt: z.string().nullable(),
    }),
  ),
});

const QueueQuerySchema = z.object({
  status: z.enum(['open', 'acknowledged', 'resolved', 'unresolved']).default('unresolved').describe('unresolved: open or acknowledged'),
  level: z.enum(['urgent', 'elevated']).optional(),
  patientId: z.uuid('must be a patient id').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? 'unknown' } : null);

function present(alert: AlertWithNames) {
  return {
    ...alert,
    reasonText: describeReason(alert.reason),
    overdue: alert.overdueAt !== null,
    acknowledgedBy: person(alert.acknowledgedBy, alert.acknowledgedByName),
    resolvedBy: person(alert.resolvedBy, alert.resolvedByName),
  };
}

export const alertRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  async function detail(request: FastifyRequest, id: string) {
    const alert = (await findAlertWithNames(pool, id))!;
    const [evidence, attempts, coordinators] = await Promise.all([
      listEvidence(pool, id),
      listAttempts(pool, id),
      listCoordinators(pool, alert.practiceId),
    ]);
    const name = (coordinatorId: string | null) => person(coordinatorId, coordinators.find((c) => c.id === coordinatorId)?.name ?? null);
    await logRead(pool, request, 'alert.read', alert.practiceId, [alert.patientId]);
    return {
      ...present(alert),
      evidence,
      escalation: attempts.map((a) => ({ ...a, coordinator: name(a.coordinatorId) })),
    };
  }

  app.get(
    '/practices/:id/alerts',
    {
      schema: {
        tags: ['alerts'],
        summary: "The practice's alert queue",
        description: 'Urgent first, then oldest first. By default every alert not yet resolved.',
        params: IdParamsSchema,
        querystring: QueueQuerySchema,
        response: { 200: z.object({ data: z.array(AlertSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'coordinator', 'practice');
      if (!(await findPractice(pool, request.params.id))) throw notFound('practice');
      const alerts = await listAlerts(pool, { practiceId: request.params.id, ...request.query });
      await logRead(pool, request, 'alert.list', request.params.id, [...new Set(alerts.map((a) => a.patientId))]);
      return { data: alerts.map(present) };
    },
  );

  app.get(
    '/alerts/:id',
    {
      schema: {
        tags: ['alerts'],
        summary: 'One alert: why, its evidence, every escalation attempt, who acted and when',
        params: IdParamsSchema,
        response: { 200: AlertDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      // Another practice's alert does not exist for the caller: 404.
      await alertFor(actionContext(deps, request), request.params.id);
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/alerts/:id/acknowledge',
    {
      schema: {
        tags: ['alerts'],
        summary: 'A coordinator takes the alert: its escalation stops',
        description: 'Doing it twice is harmless: the first acknowledgement (who and when) stays.',
        params: IdParamsSchema,
        body: ActorSchema.meta({ example: { coordinatorId: '6f1c2b9e-2f4e-4a51-9a55-2f0c8f0b6d11' } }),
        response: { 200: AlertDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const alert = await acknowledgeAlert(actionContext(deps, request), { alertId: request.params.id, coordinatorId: request.body.coordinatorId });
      return detail(request, alert.id);
    },
  );

  app.post(
    '/alerts/:id/resolve',
    {
      schema: {
        tags: ['alerts'],
        summary: 'A coordinator closes the alert with a note',
        description: 'Acknowledges it too if nobody had. Doing it twice is harmless: the first resolution stays.',
        params: IdParamsSchema,
        body: ActorSchema.extend({ note: z.string().trim().min(1, 'say what was done').max(4000) }).meta({
          example: { note: 'Called the patient: BP recheck 142/88, no symptoms. Follow up at next visit.' },
        }),
        response: { 200: AlertDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { coordinatorId, note } = request.body;
      const alert = await resolveAlert(actionContext(deps, request), { alertId: request.params.id, coordinatorId, note });
      return detail(request, alert.id);
    },
  );
};
