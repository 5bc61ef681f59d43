/**
 * A practice's EHR connection, and what was written back to its EHR: the
 * admin's list of write-backs (those that failed first in mind: each keeps
 * the EHR's answer) and sending a failed one again.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { authorize, configureEhrConnection, EhrConnectionSchema, retryEhrWriteBack } from '../actions/index.js';
import { notFound } from '../errors.js';
import { findEhrConnection } from '../store/ehr-connections.js';
import { listWriteBacks } from '../store/ehr-writebacks.js';
import { actionContext } from './context.js';
import { IdParamsSchema, errorResponses } from './schemas.js';

const ConnectionSchema = z.object({
  practiceId: z.uuid(),
  fhirBaseUrl: z.string(),
  tokenUrl: z.string(),
  clientId: z.string(),
  scopes: z.string(),
  keyId: z.string(),
  algorithm: z.enum(['RS384', 'ES384']),
  privateKey: z.union([z.object({ file: z.string() }), z.object({ env: z.string() })]).describe('Where the key is read from; never the key'),
  identifierSystem: z.string(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const CONNECTION_EXAMPLE = {
  fhirBaseUrl: 'https://fhir.example-ehr.com/r4',
  tokenUrl: 'https://fhir.example-ehr.com/oauth2/token',
  clientId: 'ccm-bot-riverside',
  keyId: 'ccm-bot-2026',
  algorithm: 'RS384',
  privateKey: { file: '/etc/ccm-bot/ehr-riverside.pem' },
};

const STATUSES = ['pending', 'sent', 'failed'] as const;

const WriteBackSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  month: z.string(),
  kind: z.enum(['month', 'addendum']),
  status: z.enum(STATUSES).describe('failed: the EHR refused it, a setting needs fixing, or retries ran out; see lastError, then retry'),
  attempts: z.number(),
  lastHttpStatus: z.number().nullable().describe('The EHR\'s last HTTP status; null when it did not answer'),
  lastError: z.string().nullable(),
  documentReference: z.string().nullable().describe('Where the EHR keeps the note (DocumentReference/...), once sent'),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
});

const WriteBackParamsSchema = z.object({ id: z.uuid('must be a UUID'), writeBackId: z.uuid('must be a UUID') });

export const ehrRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.get(
    '/practices/:id/ehr/connection',
    { schema: { tags: ['ehr'], summary: 'The practice\'s EHR connection (admin)', params: IdParamsSchema, response: { 200: ConnectionSchema, ...errorResponses } } },
    async (request) => {
      authorize(request.principal, request.params.id, 'admin', 'practice');
      const connection = await findEhrConnection(pool, request.params.id);
      if (!connection) throw notFound('EHR connection');
      return connection;
    },
  );

  app.put(
    '/practices/:id/ehr/connection',
    {
      schema: {
        tags: ['ehr'],
        summary: 'Connect the practice to its EHR (admin)',
        description:
          'SMART Backend Services: the service signs a client assertion with the private key found where privateKey says (a file or an environment variable, read by this service; the key is never sent here or stored). Approved months are then written back.',
        params: IdParamsSchema,
        body: EhrConnectionSchema.meta({ example: CONNECTION_EXAMPLE }),
        response: { 200: ConnectionSchema, ...errorResponses },
      },
    },
    async (request) => configureEhrConnection(actionContext(deps, request), { practiceId: request.params.id, settings: request.body }),
  );

  app.get(
    '/practices/:id/ehr/write-backs',
    {
      schema: {
        tags: ['ehr'],
        summary: 'Approved months and addenda sent (or to send) to the EHR (admin)',
        description: 'Newest first. ?status=failed lists what needs the admin: the EHR\'s answer is in lastError.',
        params: IdParamsSchema,
        querystring: z.object({ status: z.enum(STATUSES).optional() }),
        response: { 200: z.object({ data: z.array(WriteBackSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'admin', 'practice');
      const rows = await listWriteBacks(pool, request.params.id, request.query.status ?? null);
      return { data: rows.map(({ practiceId: _p, addendumSeq: _s, ...row }) => row) };
    },
  );

  app.post(
    '/practices/:id/ehr/write-backs/:writeBackId/retry',
    {
      schema: {
        tags: ['ehr'],
        summary: 'Send a failed write-back again (admin)',
        description: 'After fixing what lastError names. What the EHR already has is not sent twice (conditional create).',
        params: WriteBackParamsSchema,
        response: { 202: WriteBackSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { practiceId: _p, addendumSeq: _s, ...row } = await retryEhrWriteBack(actionContext(deps, request), {
        practiceId: request.params.id,
        writeBackId: request.params.writeBackId,
      });
      return reply.code(202).send(row);
    },
  );
};
