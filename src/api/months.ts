import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { addAddendum, AddendumSchema, approveMonth, authorize, changeMonth, MonthChangesSchema, MonthSchema } from '../actions/index.js';
import { notFound } from '../errors.js';
import { readMonth } from '../records/index.js';
import { practiceMonth } from '../records/index.js';
import { toFhirBundle } from '../documentation/fhir/index.js';
import { renderMonthHtml } from '../documentation/month-html.js';
import { findPractice } from '../store/practices.js';
import { actionContext } from './context.js';
import { loadPatient, readEntry } from './patients/access.js';
import { MonthRecordSchema, PracticeMonthRowSchema } from './month-schemas.js';
import { conflictResponse, errorResponses } from './schemas.js';

const MonthParamsSchema = z.object({ id: z.uuid('must be a UUID'), month: MonthSchema });

const ApproveSchema = z
  .object({ staffId: z.uuid().optional().describe('Who approves (a coordinator or practitioner); needed unless the API key belongs to one') })
  .strict();

export const monthRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;
  const records = { pool, clock: deps.clock };

  app.get(
    '/patients/:id/months/:month',
    {
      schema: {
        tags: ['documentation'],
        summary: "A patient's monthly CCM record",
        description:
          'The calendar month in the practice\'s timezone: consent, conditions, care plan, every interaction, reported data, alerts, ' +
          'minutes by role and activity (exact seconds), suggested codes with reasons, warnings and approval. Recomputed on every ' +
          'read until approved. Every read is in the access log.',
        params: MonthParamsSchema,
        response: { 200: MonthRecordSchema, ...errorResponses },
      },
    },
    async (request) => {
      const patient = await loadPatient(pool, request, request.params.id);
      return readMonth(records, patient.id, request.params.month, readEntry(request, 'care_month.read', patient.practiceId));
    },
  );

  app.patch(
    '/patients/:id/months/:month',
    {
      schema: {
        tags: ['documentation'],
        summary: 'Record decisions about the month: complexity, care-plan revision, the note',
        description: '409 once the month is approved: add an addendum instead.',
        params: MonthParamsSchema,
        body: MonthChangesSchema.meta({ example: { complex: true, carePlanRevised: true } }),
        response: { 200: MonthRecordSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) => {
      return changeMonth(actionContext(deps, request), { patientId: request.params.id, month: request.params.month, changes: request.body });
    },
  );

  app.post(
    '/patients/:id/months/:month/approve',
    {
      schema: {
        tags: ['documentation'],
        summary: 'Approve and lock the month (a coordinator or practitioner)',
        description: 'The record is frozen as it stands, with who approved and when; later changes become addenda. Nothing is submitted anywhere.',
        params: MonthParamsSchema,
        body: ApproveSchema.meta({ example: { staffId: '0b7f7c1e-4c55-4e8a-9d6e-1f2a3b4c5d6e' } }),
        response: { 200: MonthRecordSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) => {
      return approveMonth(actionContext(deps, request), { patientId: request.params.id, month: request.params.month, staffId: request.body.staffId });
    },
  );

  app.post(
    '/patients/:id/months/:month/addenda',
    {
      schema: {
        tags: ['documentation'],
        summary: 'Add an addendum to an approved month',
        params: MonthParamsSchema,
        body: AddendumSchema.meta({ example: { text: 'Patient called back on Dec 2 about the November BP readings; no change.' } }),
        response: { 201: MonthRecordSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) => {
      const record = await addAddendum(actionContext(deps, request), { patientId: request.params.id, month: request.params.month, text: request.body.text });
      return reply.code(201).send(record);
    },
  );

  app.get(
    '/patients/:id/months/:month/export',
    {
      schema: {
        tags: ['documentation'],
        summary: 'Export the month: a FHIR R4 bundle or a printable page',
        description: 'format=fhir: a Bundle (collection) with Patient, CarePlan, Communications, Observations, Flags, a Composition with the note, and ChargeItems once approved. format=html: a page to attach to the chart.',
        params: MonthParamsSchema,
        querystring: z.object({ format: z.enum(['fhir', 'html']).default('fhir') }),
        response: { 200: z.unknown(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const patient = await loadPatient(pool, request, request.params.id);
      const record = await readMonth(records, patient.id, request.params.month, readEntry(request, `care_month.export_${request.query.format}`, patient.practiceId));
      if (request.query.format === 'html') return reply.type('text/html; charset=utf-8').send(renderMonthHtml(record));
      return reply.type('application/fhir+json').send(JSON.stringify(toFhirBundle(record, { generatedAt: deps.clock.now().toISOString(), baseUrl: deps.config.publicUrl })));
    },
  );

  app.get(
    '/practices/:id/months/:month',
    {
      schema: {
        tags: ['documentation'],
        summary: "The practice's month for billing: every patient with minutes",
        description: 'Minutes, suggested codes, warnings and approval per patient. status=needs_review lists those with warnings.',
        params: MonthParamsSchema,
        querystring: z.object({ status: z.enum(['draft', 'approved', 'needs_review']).optional() }),
        response: { 200: z.object({ data: z.array(PracticeMonthRowSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'coordinator', 'practice');
      if (!(await findPractice(pool, request.params.id))) throw notFound('practice');
      const data = await practiceMonth(records, request.params.id, request.params.month, request.query.status, readEntry(request, 'care_month.list', request.params.id));
      return { data };
    },
  );
};
