/** Candidates from a CSV file: the practice's list of patients eligible for CCM, sent as the patient import is. */
import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { importCandidates, MAX_IMPORT_FILE_BYTES } from '../actions/index.js';
import { actionContext } from './context.js';
import { readUpload } from './patients/import-route.js';
import { IdParamsSchema, errorResponses } from './schemas.js';
import { CandidateImportSchema } from './enrolment-schemas.js';

const ImportQuerySchema = z.object({
  ignore: z.string().max(2000).optional().describe('Columns to leave out, comma-separated'),
  billingPractitionerId: z.string().max(100).optional().describe('For a file without a Billing Practitioner column: the practitioner (id) of every row'),
});

export const candidateImportRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 10 }, throwFileSizeLimit: true });
  app.addContentTypeParser(['text/csv', 'application/csv', 'text/plain'], { parseAs: 'string', bodyLimit: MAX_IMPORT_FILE_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/practices/:id/candidates/import',
    {
      bodyLimit: MAX_IMPORT_FILE_BYTES,
      schema: {
        tags: ['enrolment'],
        summary: 'Add candidates from a CSV file: the practice\'s list of patients eligible for CCM (admin)',
        description:
          'A CSV file as the body (Content-Type text/csv), or multipart/form-data with a "file" field. Headers are matched loosely, as in the ' +
          'patient import: First Name, Last Name (or one Patient Name), Phone, Phone Type (mobile/landline), Conditions (two or more, separated ' +
          'by ;), Billing Practitioner (their name as the staff list has it, or their id; or billingPractitionerId for the whole file), Last Visit ' +
          '(1/8/2026 or 2026-01-08; an empty cell: never seen), Date of Birth, MRN, Email, Language, Preferred Channel, Timezone. Another column ' +
          'is a 400 naming it (send ?ignore=Col1,Col2 to leave such columns out). Good rows are added, bad rows reported by line and column; ' +
          'a phone the practice already lists or has enrolled is reported as existing, so the same file can be sent again.',
        params: IdParamsSchema,
        querystring: ImportQuerySchema,
        consumes: ['text/csv', 'multipart/form-data'],
        body: z.unknown().describe('The CSV file').meta({
          example:
            'Patient Name,Phone,Phone Type,Conditions,Billing Practitioner,Last Visit,Language\n' +
            '"Alvarez, Ruth",(555) 201-0007,mobile,hypertension;type 2 diabetes,"Alan Grant, MD",8/14/2026,Spanish\n',
        }),
        response: { 200: CandidateImportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const results = await importCandidates(actionContext(deps, request), {
        practiceId: request.params.id,
        readFile: async () => {
          const { text, ignore } = await readUpload(request, request.query);
          return { text, ignore, billingPractitionerId: request.query.billingPractitionerId };
        },
      });
      const count = (status: string) => results.filter((r) => r.status === status).length;
      return { imported: count('imported'), existing: count('existing'), failed: count('failed'), rows: results };
    },
  );
};
