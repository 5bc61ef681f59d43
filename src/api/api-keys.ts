import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './index.js';
import { DomainError, notFound } from '../errors.js';
import { findCoordinator } from '../store/coordinators.js';
import { findPractice } from '../store/practices.js';
import { insertApiKey, listApiKeys, revokeApiKey } from '../store/api-keys.js';
import { authorize, generateToken } from './auth.js';
import { IdParamsSchema, NameSchema, errorResponses } from './schemas.js';

const ApiKeySchema = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  name: z.string(),
  role: z.enum(['admin', 'coordinator']),
  coordinatorId: z.uuid().nullable(),
  tokenPrefix: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

const KeyParamsSchema = z.object({ id: z.uuid('must be a UUID'), keyId: z.uuid('must be a UUID') });

export const apiKeyRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.post(
    '/practices/:id/api-keys',
    {
      schema: {
        tags: ['api keys'],
        summary: 'Create an API key (admin): the token is shown only in this answer',
        description: 'Creates an API key for the practice. The token is in this response only: store it now.',
        params: IdParamsSchema,
        body: z.object({
          name: NameSchema,
          role: z.enum(['admin', 'coordinator']),
          coordinatorId: z
            .uuid('must be a coordinator id')
            .optional()
            .describe('The coordinator the key belongs to: acknowledging or resolving an alert with it is done as them'),
        }).meta({ example: { name: 'Front desk', role: 'coordinator' } }),
        response: { 201: ApiKeySchema.extend({ token: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const practiceId = request.params.id;
      authorize(request.principal, practiceId, 'admin', 'practice');
      if (!(await findPractice(pool, practiceId))) throw notFound('practice');
      const { coordinatorId } = request.body;
      if (coordinatorId && !(await findCoordinator(pool, practiceId, coordinatorId))) {
        throw new DomainError('validation_failed', 'no coordinator with this id works at this practice', 'coordinatorId');
      }
      const { token, prefix, hash } = generateToken();
      const createdBy = request.principal.kind === 'api_key' ? `api_key:${request.principal.keyId}` : 'admin_token';
      const key = await insertApiKey(pool, {
        practiceId,
        name: request.body.name,
        role: request.body.role,
        coordinatorId: coordinatorId ?? null,
        tokenHash: hash,
        tokenPrefix: prefix,
        createdBy,
      });
      return reply.code(201).send({ ...key, token });
    },
  );

  app.get(
    '/practices/:id/api-keys',
    {
      schema: {
        tags: ['api keys'],
        summary: 'The practice\'s API keys (never their tokens)',
        params: IdParamsSchema,
        response: { 200: z.object({ data: z.array(ApiKeySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'admin', 'practice');
      return { data: await listApiKeys(pool, request.params.id) };
    },
  );

  app.delete(
    '/practices/:id/api-keys/:keyId',
    {
      schema: {
        tags: ['api keys'],
        summary: 'Revoke an API key: it stops working at once',
        description: 'Revokes a key at once; the record is kept.',
        params: KeyParamsSchema,
        response: { 200: ApiKeySchema, ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'admin', 'practice');
      const key = await revokeApiKey(pool, request.params.id, request.params.keyId, request.receivedAt);
      if (!key) throw notFound('API key');
      return key;
    },
  );
};
