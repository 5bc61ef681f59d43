import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { addLogin, authorize, NewUserSchema, USER_ROLES } from '../actions/index.js';
import { notFound } from '../errors.js';
import { findPractice } from '../store/practices.js';
import { listUsers } from '../store/users.js';
import { actionContext } from './context.js';
import { IdParamsSchema, conflictResponse, errorResponses } from './schemas.js';

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
      const user = await addLogin(actionContext(deps, request), { practiceId: request.params.id, login: request.body });
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
