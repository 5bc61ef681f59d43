import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from '../options.js';
import { authorize, changePatient, enrolPatient, newPatientSchema, patchPatientSchema } from '../../actions/index.js';
import { DomainError, notFound } from '../../errors.js';
import { findPractice } from '../../store/practices.js';
import { findPatient, listPatients } from '../../store/patients.js';
import { listAccess } from '../../store/audit.js';
import { actionContext } from '../context.js';
import { IdParamsSchema, conflictResponse, errorResponses } from '../schemas.js';
import { logRead, loadPatient } from './access.js';
import { PatientSchema } from './schemas.js';

const PATIENT_EXAMPLE = {
  firstName: 'Maria',
  lastName: 'Gonzalez',
  phone: '(555) 201-0001',
  dateOfBirth: '1948-03-21',
  mrn: 'E100423',
  language: 'es',
  preferredChannel: 'sms',
  conditions: ['hypertension', 'type 2 diabetes'],
  consent: { status: 'granted', method: 'verbal', recordedAt: '2026-11-02T15:04:00Z', recordedBy: 'Jane Doe, RN' },
};

const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.uuid('must be the `next` value of the previous page').optional(),
});

const AccessLogSchema = z.object({
  data: z.array(
    z.object({
      at: z.string(),
      actorKind: z.enum(['admin_token', 'api_key', 'user']).describe('user: a staff member signed in to the web app'),
      actorId: z.string().nullable(),
      action: z.string(),
    }),
  ),
});

export const patientRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;
  const NewPatientSchema = newPatientSchema(deps.clock);
  const PatchPatientSchema = patchPatientSchema(deps.clock);

  app.post(
    '/practices/:id/patients',
    {
      schema: {
        tags: ['patients'],
        summary: 'Enrol a patient',
        params: IdParamsSchema,
        body: NewPatientSchema.meta({ example: PATIENT_EXAMPLE }),
        response: { 201: PatientSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) => {
      const patient = await enrolPatient(actionContext(deps, request), { practiceId: request.params.id, patient: request.body });
      return reply.code(201).send(patient);
    },
  );

  app.get(
    '/practices/:id/patients',
    {
      schema: {
        tags: ['patients'],
        summary: 'The practice\'s patients, a page at a time',
        description: 'Patients in enrolment order, a page at a time; pass `next` back as `after`.',
        params: IdParamsSchema,
        querystring: ListQuerySchema,
        response: { 200: z.object({ data: z.array(PatientSchema), next: z.string().nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const practiceId = request.params.id;
      authorize(request.principal, practiceId, 'coordinator', 'practice');
      if (!(await findPractice(pool, practiceId))) throw notFound('practice');
      const { after } = request.query;
      if (after && (await findPatient(pool, after))?.practiceId !== practiceId) {
        // Said the same way whether the id exists elsewhere or not at all.
        throw new DomainError('validation_failed', "is not the `next` value of a page of this practice's patients", 'after');
      }
      const page = await listPatients(pool, practiceId, request.query);
      await logRead(pool, request, 'patient.list', practiceId, page.patients.map((p) => p.id));
      return { data: page.patients, next: page.next };
    },
  );

  app.get(
    '/patients/:id',
    { schema: { tags: ['patients'], summary: 'One patient, with their triage level and why', params: IdParamsSchema, response: { 200: PatientSchema, ...errorResponses } } },
    async (request) => {
      const patient = await loadPatient(pool, request, request.params.id);
      await logRead(pool, request, 'patient.read', patient.practiceId, [patient.id]);
      return patient;
    },
  );

  app.patch(
    '/patients/:id',
    {
      schema: {
        tags: ['patients'],
        summary: 'Change a patient: details, consent, language, channel, contact window, or disenrol',
        params: IdParamsSchema,
        body: PatchPatientSchema.meta({ example: { language: 'es', contactWindow: { days: ['monday', 'thursday'], start: '09:00', end: '12:00' } } }),
        response: { 200: PatientSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) => changePatient(actionContext(deps, request), { patientId: request.params.id, changes: request.body }),
  );

  app.get(
    '/patients/:id/access-log',
    {
      schema: {
        tags: ['patients'],
        summary: 'Who read or changed this patient\'s record (admin)',
        description: "Who read or changed this patient's record through the API (admin keys only).",
        params: IdParamsSchema,
        response: { 200: AccessLogSchema, ...errorResponses },
      },
    },
    async (request) => {
      const patient = await loadPatient(pool, request, request.params.id, 'admin');
      return { data: await listAccess(pool, patient.id) };
    },
  );
};
