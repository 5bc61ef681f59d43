import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './index.js';
import { notFound } from '../errors.js';
import { createLogin } from '../bot/staff-sign-in.js';
import { findPractice } from '../store/practices.js';
import { listUsers } from '../store/users.js';
import { authorize } from './auth.js';
import { writerLabel } from './patients/access.js';
import { IdParamsSchema, NameSchema, conflictResponse, errorResponses } from './schemas.js';

export const USER_ROLES = ['admin', 'coordinator', 'practitioner'] as const;

export const NewUserSchema = z
  .object({
    name: NameSchema,
    email: z.email('must be an email address').max(200),
    role: z.enum(USER_ROLES).describe('admin: manages the practice; coordinator: the day\'s work; practitioner: also approves months'),
    password: z.string().describe('At least 12 characters; not a common password, not the email'),
    staffId: z.uuid().optional().describe('The staff member this login acts as (GET /practices/:id/staff); made for coordinators and practitioners when left out'),
    credential: z.string().trim().min(1).max(20).optional().describe('RN, MA, MD, NP, ... for the staff record made with the login'),
  })
  .strict();

const UserSchema = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  staffId: z.uuid().nullable(),
  name: z.string(),
  email: z.string(),
  role: z.enum(USER_ROLES),
  active: z.boolean(),
  createdAt: z.string(),
});

/** Logins for the web app at /app. */
export const userRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.post(
    '/practices/:id/users',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Create a login for the web app (admin)',
        description: 'Staff sign in at /app/login with this email and password. The password is stored only as an scrypt hash.',
        params: IdParamsSchema,
        body: NewUserSchema.meta({ example: { name: 'Nora Nurse', email: 'nora@riverside.example', role: 'coordinator', password: 'correct horse battery staple' } }),
        response: { 201: UserSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) => {
      authorize(request.principal, request.params.id, 'admin', 'practice');
      if (!(await findPractice(pool, request.params.id))) throw notFound('practice');
      const user = await createLogin({ pool, clock: deps.clock }, { ...request.body, practiceId: request.params.id, createdBy: writerLabel(request) });
      return reply.code(201).send(user);
    },
  );

  app.get(
    '/practices/:id/users',
    {
      schema: {
        tags: ['workspace'],
        summary: "The practice's logins (admin)",
        params: IdParamsSchema,
        response: { 200: z.object({ data: z.array(UserSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'admin', 'practice');
      if (!(await findPractice(pool, request.params.id))) throw notFound('practice');
      return { data: await listUsers(pool, request.params.id) };
    },
  );
};
