import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './index.js';
import { DomainError, notFound } from '../errors.js';
import { findPractice } from '../store/practices.js';
import { COORDINATOR_ROLES, insertCoordinator, listCoordinators } from '../store/coordinators.js';
import { isPgError, PG_UNIQUE_VIOLATION } from '../store/sql.js';
import { authorize } from './auth.js';
import { IdParamsSchema, NameSchema, PhoneSchema, errorResponses } from './schemas.js';

const NewCoordinatorSchema = z.object({
  name: NameSchema,
  phone: PhoneSchema.describe('Where urgent alerts ring and texts go'),
  email: z.email().optional(),
  role: z.enum(COORDINATOR_ROLES).default('care_coordinator'),
  onCallOrder: z.number().int().min(1).max(1000).optional().describe('1 is called first for urgent alerts; leave out if not on call'),
});

export const CoordinatorSchema = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  name: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  role: z.enum(COORDINATOR_ROLES),
  onCallOrder: z.number().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const coordinatorRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.post(
    '/practices/:id/coordinators',
    {
      schema: {
        tags: ['coordinators'],
        params: IdParamsSchema,
        body: NewCoordinatorSchema,
        response: { 201: CoordinatorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const practiceId = request.params.id;
      authorize(request.principal, practiceId, 'admin', 'practice');
      if (!(await findPractice(pool, practiceId))) throw notFound('practice');
      const coordinator = await insertCoordinator(pool, { practiceId, ...request.body }).catch((error) => {
        if (isPgError(error, PG_UNIQUE_VIOLATION)) {
          throw new DomainError('conflict', 'a coordinator of this practice already has this phone number', 'phone');
        }
        throw error;
      });
      return reply.code(201).send(coordinator);
    },
  );

  app.get(
    '/practices/:id/coordinators',
    {
      schema: {
        tags: ['coordinators'],
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
