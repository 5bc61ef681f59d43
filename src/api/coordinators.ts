import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './index.js';
import { DomainError, notFound } from '../errors.js';
import { findPractice } from '../store/practices.js';
import { COORDINATOR_ROLES, insertCoordinator, listCoordinators, updateCoordinator } from '../store/coordinators.js';
import { isPgError, PG_UNIQUE_VIOLATION } from '../store/sql.js';
import { authorize } from './auth.js';
import { IdParamsSchema, NameSchema, PhoneSchema, conflictResponse, errorResponses } from './schemas.js';

export const NewCoordinatorSchema = z.object({
  name: NameSchema,
  phone: PhoneSchema.describe('Where urgent alerts ring and texts go'),
  email: z.email().optional(),
  role: z.enum(COORDINATOR_ROLES).default('care_coordinator'),
  onCallOrder: z.number().int().min(1).max(1000).optional().describe('1 is called first for urgent alerts; leave out if not on call'),
  receivesDigest: z.boolean().optional().describe('Whether they get the morning digest text (default true)'),
});

export const CoordinatorChangesSchema = z
  .object({
    name: NameSchema,
    phone: PhoneSchema,
    email: z.email().nullable(),
    role: z.enum(COORDINATOR_ROLES),
    onCallOrder: z.number().int().min(1).max(1000).nullable().describe('null takes them off call'),
    active: z.boolean().describe('false: no longer called, texted or listed as on call'),
    receivesDigest: z.boolean(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'send at least one field to change' });

const CoordinatorParamsSchema = z.object({ id: z.uuid('must be a UUID'), coordinatorId: z.uuid('must be a UUID') });

export const phoneTaken = (error: unknown) =>
  isPgError(error, PG_UNIQUE_VIOLATION) ? new DomainError('conflict', 'a coordinator of this practice already has this phone number', 'phone') : error;

export const CoordinatorSchema = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  name: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  role: z.enum(COORDINATOR_ROLES),
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
      const practiceId = request.params.id;
      authorize(request.principal, practiceId, 'admin', 'practice');
      if (!(await findPractice(pool, practiceId))) throw notFound('practice');
      const coordinator = await insertCoordinator(pool, { practiceId, ...request.body }).catch((error) => {
        throw phoneTaken(error);
      });
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
    async (request) => {
      authorize(request.principal, request.params.id, 'admin', 'practice');
      const coordinator = await updateCoordinator(pool, request.params.id, request.params.coordinatorId, request.body).catch((error) => {
        throw phoneTaken(error);
      });
      if (!coordinator) throw notFound('coordinator');
      return coordinator;
    },
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
