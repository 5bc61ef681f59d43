import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { addStaffMember, authorize, NewStaffSchema } from '../actions/index.js';
import { notFound } from '../errors.js';
import { STAFF_ROLES } from '../documentation/types.js';
import { findPractice } from '../store/practices.js';
import { listStaff } from '../store/staff.js';
import { actionContext } from './context.js';
import { IdParamsSchema, conflictResponse, errorResponses } from './schemas.js';

const StaffSchema = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  credential: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  npi: z.string().nullable().describe('National Provider Identifier'),
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
      const staff = await addStaffMember(actionContext(deps, request), { practiceId: request.params.id, staff: request.body });
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
