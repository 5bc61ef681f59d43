import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './index.js';
import { DomainError, notFound } from '../errors.js';
import { STAFF_ROLES } from '../documentation/types.js';
import { findPractice } from '../store/practices.js';
import { isPgError, PG_UNIQUE_VIOLATION } from '../store/sql.js';
import { insertStaff, listStaff } from '../store/staff.js';
import { authorize } from './auth.js';
import { IdParamsSchema, NameSchema, PhoneSchema, conflictResponse, errorResponses } from './schemas.js';

const NewStaffSchema = z.object({
  name: NameSchema,
  role: z.enum(STAFF_ROLES).describe('clinical_staff (RN, LPN, MA, ...) or practitioner (MD, DO, NP, PA): practitioner time counts toward 99491/99437'),
  credential: z.string().trim().min(1).max(20).describe('As it appears in the record: RN, MA, MD, DO, NP, PA, ...'),
  phone: PhoneSchema.optional().describe('Optional; staff added here are not called for urgent alerts (add coordinators for that)'),
  email: z.email().optional(),
});

const StaffSchema = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  credential: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  coordinator: z.boolean().describe('Also a coordinator (reachable by phone for alerts and digests)'),
  active: z.boolean(),
  createdAt: z.string(),
});

/** Staff members whose time is documented: the practice's coordinators and its practitioners. */
export const staffRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.post(
    '/practices/:id/staff',
    {
      schema: {
        tags: ['documentation'],
        summary: 'Add a staff member (admin)',
        description: 'A practitioner or clinical staff member whose time on patients is logged. Coordinators are staff already.',
        params: IdParamsSchema,
        body: NewStaffSchema.meta({ example: { name: 'Dr. Alan Grant', role: 'practitioner', credential: 'MD' } }),
        response: { 201: StaffSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) => {
      const practiceId = request.params.id;
      authorize(request.principal, practiceId, 'admin', 'practice');
      if (!(await findPractice(pool, practiceId))) throw notFound('practice');
      const staff = await insertStaff(pool, { practiceId, ...request.body }).catch((error) => {
        throw isPgError(error, PG_UNIQUE_VIOLATION) ? new DomainError('conflict', 'a staff member of this practice already has this phone number', 'phone') : error;
      });
      return reply.code(201).send(staff);
    },
  );

  app.get(
    '/practices/:id/staff',
    {
      schema: {
        tags: ['documentation'],
        summary: "The practice's staff: coordinators and practitioners",
        params: IdParamsSchema,
        response: { 200: z.object({ data: z.array(StaffSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'coordinator', 'practice');
      if (!(await findPractice(pool, request.params.id))) throw notFound('practice');
      return { data: await listStaff(pool, request.params.id) };
    },
  );
};
