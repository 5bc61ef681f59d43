/**
 * Reading a patient's chart in from the practice's EHR by MRN (admins): the
 * preview to review, then the import of what was chosen. Both read the EHR
 * live; a 502 says the EHR did not answer or refused, and nothing is saved.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { ChartImportSchema, importChart, MrnSchema, previewChart } from '../actions/index.js';
import { actionContext } from './context.js';
import { MedicationSchema } from './medications.js';
import { PatientSchema } from './patients/schemas.js';
import { conflictResponse, ErrorSchema, IdParamsSchema, errorResponses } from './schemas.js';

const PreviewSchema = z.object({
  mrn: z.string(),
  existingPatientId: z.uuid().nullable().describe('The practice\'s patient with this MRN; null: importing creates one (without consent)'),
  patient: z.object({
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: z.string().nullable(),
    phone: z.string().nullable().describe('E.164; null when the chart has no phone texts can reach (give one on import)'),
    language: z.enum(['en', 'es']).nullable(),
  }),
  conditions: z.array(
    z.object({
      key: z.string().describe('Send back in conditions[] to import it'),
      icd10: z.string().nullable(),
      display: z.string(),
      importable: z.boolean().describe('false: not ICD-10 coded; listed so it is known, never imported'),
      note: z.string().nullable(),
      onFile: z.boolean().describe('The patient has it already; importing it adds nothing'),
    }),
  ),
  medications: z.array(
    z.object({
      key: z.string().describe('Send back in medications[] to import it'),
      name: z.string(),
      dose: z.string(),
      times: z.array(z.string()),
      onFile: z.boolean(),
    }),
  ),
});

const ImportResultSchema = z.object({
  patient: PatientSchema,
  created: z.boolean(),
  added: z.object({ conditions: z.array(z.string()), medications: z.array(MedicationSchema) }),
});

const IMPORT_EXAMPLE = { mrn: 'E100423', conditions: ['I10', 'E11.9'], medications: ['f3b1c2d4-medication-request-id'] };

const upstream = { 502: ErrorSchema, 409: conflictResponse[409] } as const;

export const ehrChartRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  app.get(
    '/practices/:id/ehr/chart',
    {
      schema: {
        tags: ['ehr'],
        summary: "Read a patient's chart from the EHR by MRN, to review before importing (admin)",
        description: 'Demographics, active conditions (ICD-10 ones importable) and active medications. Nothing is saved.',
        params: IdParamsSchema,
        querystring: z.object({ mrn: MrnSchema }),
        response: { 200: PreviewSchema, ...errorResponses, ...upstream },
      },
    },
    async (request) => {
      const review = await previewChart(actionContext(deps, request), { practiceId: request.params.id, mrn: request.query.mrn });
      const { conditions, medications, ...patient } = review.preview;
      return {
        mrn: review.mrn,
        existingPatientId: review.existingPatientId,
        patient,
        conditions: conditions.map((c) => ({ ...c, onFile: review.onFile.conditions.includes(c.key) })),
        medications: medications.map((m) => ({ ...m, onFile: review.onFile.medications.includes(m.key) })),
      };
    },
  );

  app.post(
    '/practices/:id/ehr/chart/import',
    {
      schema: {
        tags: ['ehr'],
        summary: 'Import the chosen conditions and medications of a chart (admin)',
        description:
          'The chart is read again and only what it holds is saved. A new MRN creates the patient WITHOUT consent: no outreach starts until consent is recorded. ' +
          'An existing patient gets the chosen conditions and medications they lack; importing again adds nothing twice.',
        params: IdParamsSchema,
        body: ChartImportSchema.meta({ example: IMPORT_EXAMPLE }),
        response: {
          200: ImportResultSchema.describe('OK: the patient was on file; what they lacked was added'),
          201: ImportResultSchema.describe('Created: a new patient, without consent yet'),
          ...errorResponses,
          ...upstream,
        },
      },
    },
    async (request, reply) => {
      const result = await importChart(actionContext(deps, request), { practiceId: request.params.id, body: request.body });
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );
};
