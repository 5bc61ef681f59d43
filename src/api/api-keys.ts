import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { authorize, createApiKey, NewApiKeySchema, revokeKey } from '../actions/index.js';
import { listApiKeys } from '../store/api-keys.js';
import { actionContext } from './context.js';
import { IdParamsSchema, errorResponses } from './schemas.js';

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
        body: NewApiKeySchema.meta({ example: { name: 'Front desk', role: 'coordinator' } }),
        response: { 201: ApiKeySchema.extend({ token: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const key = await createApiKey(actionContext(deps, request), { practiceId: request.params.id, key: request.body });
      return reply.code(201).send(key);
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
    async (request) => revokeKey(actionContext(deps, request), { practiceId: request.params.id, keyId: request.params.keyId }),
  );
};
