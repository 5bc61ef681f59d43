import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { addCoordinator, authorize, changeCoordinator, CoordinatorChangesSchema, NewCoordinatorSchema } from '../actions/index.js';
import { notFound } from '../errors.js';
import { findPractice } from '../store/practices.js';
import { COORDINATOR_ROLES, listCoordinators } from '../store/coordinators.js';
import { actionContext } from './context.js';
import { IdParamsSchema, conflictResponse, errorResponses } from './schemas.js';

const CoordinatorParamsSchema = z.object({ id: z.uuid('must be a UUID'), coordinatorId: z.uuid('must be a UUID') });

export const CoordinatorSchema = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  name: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  role: z.enum(COORDINATOR_ROLES),
  npi: z.string().nullable().describe('National Provider Identifier'),
  onCallOrder: z.number().nullable(),
  active: z.boolean(),
  receivesDigest: z.boolean(),
  createdAt: z.string(),
});

export const coordinatorRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.post(
    '/practices/:id/coordinators',
    {
      schema: {
        tags: ['coordinators'],
        summary: 'Add a coordinator (admin)',
        params: IdParamsSchema,
        body: NewCoordinatorSchema.meta({ example: { name: 'Nora Nurse', phone: '(555) 300-0001', role: 'nurse', onCallOrder: 1 } }),
        response: { 201: CoordinatorSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) => {
      const coordinator = await addCoordinator(actionContext(deps, request), { practiceId: request.params.id, coordinator: request.body });
      return reply.code(201).send(coordinator);
    },
  );

  app.patch(
    '/practices/:id/coordinators/:coordinatorId',
    {
      schema: {
        tags: ['coordinators'],
        summary: 'Change a coordinator (admin)',
        description: 'Changes a coordinator: on-call order, active, the morning digest, contact details.',
        params: CoordinatorParamsSchema,
        body: CoordinatorChangesSchema.meta({ example: { onCallOrder: 2, receivesDigest: false } }),
        response: { 200: CoordinatorSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) =>
      changeCoordinator(actionContext(deps, request), { practiceId: request.params.id, coordinatorId: request.params.coordinatorId, changes: request.body }),
  );

  app.get(
    '/practices/:id/coordinators',
    {
      schema: {
        tags: ['coordinators'],
        summary: 'The practice\'s coordinators',
        params: IdParamsSchema,
        response: { 200: z.object({ data: z.array(CoordinatorSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'coordinator', 'practice');
      if (!(await findPractice(pool, request.params.id))) throw notFound('practice');
      return { data: await listCoordinators(pool, request.params.id) };
    },
  );
};
