import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './index.js';
import { DomainError, notFound } from '../errors.js';
import { findPractice, insertPractice, updatePractice } from '../store/practices.js';
import { isPgError, PG_UNIQUE_VIOLATION } from '../store/sql.js';
import { authorize, requireAdminToken } from './auth.js';
import { IdParamsSchema, NameSchema, PhoneSchema, QuietHoursSchema, TimezoneSchema, errorResponses } from './schemas.js';

const NewPracticeSchema = z.object({
  name: NameSchema,
  timezone: TimezoneSchema,
  phoneNumber: PhoneSchema.describe("The practice's Twilio number; inbound texts to it belong to this practice"),
  contactPhone: PhoneSchema.optional().describe('The number patients are told to call; defaults to phoneNumber'),
  quietHours: QuietHoursSchema.optional(),
});

const PracticeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  phoneNumber: z.string(),
  contactPhone: z.string(),
  quietHours: z.object({ start: z.string(), end: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const duplicateNumber = (error: unknown) =>
  isPgError(error, PG_UNIQUE_VIOLATION)
    ? new DomainError('conflict', 'another practice already uses this number; each Twilio number belongs to one practice', 'phoneNumber')
    : error;

export const practiceRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.post(
    '/practices',
    { schema: { tags: ['practices'], body: NewPracticeSchema, response: { 201: PracticeSchema, ...errorResponses } } },
    async (request, reply) => {
      requireAdminToken(request.principal);
      const practice = await insertPractice(pool, request.body).catch((error) => {
        throw duplicateNumber(error);
      });
      return reply.code(201).send(practice);
    },
  );

  app.get(
    '/practices/:id',
    { schema: { tags: ['practices'], params: IdParamsSchema, response: { 200: PracticeSchema, ...errorResponses } } },
    async (request) => {
      authorize(request.principal, request.params.id, 'coordinator', 'practice');
      const practice = await findPractice(pool, request.params.id);
      if (!practice) throw notFound('practice');
      return practice;
    },
  );

  app.patch(
    '/practices/:id',
    {
      schema: {
        tags: ['practices'],
        params: IdParamsSchema,
        body: NewPracticeSchema.partial(),
        response: { 200: PracticeSchema, ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'admin', 'practice');
      const practice = await updatePractice(pool, request.params.id, request.body).catch((error) => {
        throw duplicateNumber(error);
      });
      if (!practice) throw notFound('practice');
      return practice;
    },
  );
};
