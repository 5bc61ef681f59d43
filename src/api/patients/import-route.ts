import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from '../options.js';
import { importPatients, MAX_IMPORT_FILE_BYTES, readPatientCsv } from '../../actions/index.js';
import { DomainError } from '../../errors.js';
import { actionContext } from '../context.js';
import { IdParamsSchema, errorResponses } from '../schemas.js';

const RowResultSchema = z.object({
  line: z.number(),
  status: z.enum(['imported', 'existing', 'failed']),
  patientId: z.uuid().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

const ImportResultSchema = z.object({
  imported: z.number(),
  existing: z.number(),
  failed: z.number(),
  rows: z.array(RowResultSchema),
});

/** The CSV text, sent either as the raw body (text/csv) or as a multipart file upload. */
async function readUpload(request: FastifyRequest): Promise<string> {
  if (request.isMultipart()) {
    try {
      const file = await request.file();
      if (!file) throw new DomainError('bad_request', 'The multipart upload has no file; send it in a field named "file"');
      return (await file.toBuffer()).toString('utf8');
    } catch (error) {
      if (error instanceof DomainError || (error as { statusCode?: number }).statusCode === 413) throw error;
      // A missing boundary, a body cut short: the upload itself is malformed.
      throw new DomainError('bad_request', `The multipart upload could not be read (${(error as Error).message}); send the file again`);
    }
  }
  if (typeof request.body !== 'string') {
    throw new DomainError('unsupported_media_type', 'Send the CSV with Content-Type text/csv, or as multipart/form-data');
  }
  return request.body;
}

export const patientImportRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 5 }, throwFileSizeLimit: true });
  app.addContentTypeParser(['text/csv', 'application/csv', 'text/plain'], { parseAs: 'string', bodyLimit: MAX_IMPORT_FILE_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/practices/:id/patients/import',
    {
      bodyLimit: MAX_IMPORT_FILE_BYTES,
      schema: {
        tags: ['patients'],
        summary: 'Enrol patients from a CSV file',
        description:
          'A CSV file as the body (Content-Type text/csv), or multipart/form-data with a "file" field. Headers are matched ' +
          'loosely: First Name, Last Name, Phone, Date of Birth (1948-03-21 or 3/21/1948), Timezone, Language (Lang, Idioma: ' +
          'English/Spanish), Preferred Channel (sms/voice), Conditions (separated by ;), Consent (granted/declined or Yes/No), ' +
          'Consent Method (verbal/written), Consent Date, Consented By, Coordinator Id. A column it does not know is a 400 ' +
          'naming it (send ?ignore=Col1,Col2 to leave such columns out). Valid rows are imported, bad rows are reported by line; ' +
          'rows whose phone is already enrolled are left as they are. Rows are enrolled in batches of 100: if an import is cut ' +
          'short, the rows enrolled so far stay, and sending the same file again enrols the rest.',
        params: IdParamsSchema,
        querystring: z.object({ ignore: z.string().max(2000).optional().describe('Columns to leave out, comma-separated') }),
        consumes: ['text/csv', 'multipart/form-data'],
        // Read by readUpload (text/csv or a multipart "file"); described here for the API description.
        body: z.unknown().describe('The CSV file').meta({
          example: 'First Name,Last Name,Phone,Date of Birth,Language,Conditions,Consent,Consent Method,Consent Date,Consented By\nMaria,Gonzalez,(555) 201-0001,3/21/1948,Spanish,hypertension;type 2 diabetes,Yes,verbal,11/02/2026,Jane Doe RN\n',
        }),
        response: { 200: ImportResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const ignore = request.query.ignore?.split(',').map((name) => name.trim()).filter(Boolean) ?? [];
      const results = await importPatients(actionContext(deps, request), {
        practiceId: request.params.id,
        readRows: async () => readPatientCsv(await readUpload(request), ignore),
      });
      return {
        imported: results.filter((r) => r.status === 'imported').length,
        existing: results.filter((r) => r.status === 'existing').length,
        failed: results.filter((r) => r.status === 'failed').length,
        rows: results,
      };
    },
  );
};
