import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from '../options.js';
import { FILE_CONSENT_FIELDS, importPatients, MAX_IMPORT_FILE_BYTES, type PatientFile } from '../../actions/index.js';
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

const ImportQuerySchema = z.object({
  ignore: z.string().max(2000).optional().describe('Columns to leave out, comma-separated'),
  [FILE_CONSENT_FIELDS.method]: z.string().max(50).optional().describe('For a file without consent columns: how every patient in it consented (verbal/written)'),
  [FILE_CONSENT_FIELDS.recordedAt]: z.string().max(50).optional().describe('... when (2026-11-02 or 11/02/2026)'),
  [FILE_CONSENT_FIELDS.recordedBy]: z.string().max(200).optional().describe('... and who recorded it (staff name and credential)'),
});
type ImportQuery = z.infer<typeof ImportQuerySchema>;

/** What was sent beside the file: as query parameters, or as multipart fields (which win). */
function fileOptions(text: string, sent: Record<string, string | undefined>): PatientFile {
  return {
    text,
    ignore: sent.ignore?.split(',').map((name) => name.trim()).filter(Boolean) ?? [],
    consent: { method: sent[FILE_CONSENT_FIELDS.method], recordedAt: sent[FILE_CONSENT_FIELDS.recordedAt], recordedBy: sent[FILE_CONSENT_FIELDS.recordedBy] },
  };
}

/** The CSV text, sent either as the raw body (text/csv) or as a multipart file upload, with the fields beside it. */
export async function readUpload(request: FastifyRequest, query: ImportQuery): Promise<PatientFile> {
  if (request.isMultipart()) {
    try {
      const fields: Record<string, string | undefined> = { ...query };
      let text: string | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'file') text = (await part.toBuffer()).toString('utf8');
        else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      }
      if (text === undefined) throw new DomainError('bad_request', 'The multipart upload has no file; send it in a field named "file"');
      return fileOptions(text, fields);
    } catch (error) {
      if (error instanceof DomainError || (error as { statusCode?: number }).statusCode === 413) throw error;
      // A missing boundary, a body cut short: the upload itself is malformed.
      throw new DomainError('bad_request', `The multipart upload could not be read (${(error as Error).message}); send the file again`);
    }
  }
  if (typeof request.body !== 'string') {
    throw new DomainError('unsupported_media_type', 'Send the CSV with Content-Type text/csv, or as multipart/form-data');
  }
  return fileOptions(request.body, query);
}

export const patientImportRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 10 }, throwFileSizeLimit: true });
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
          'short, the rows enrolled so far stay, and sending the same file again enrols the rest. A "Patient Name" column ' +
          '("Alvarez, Ruth" or "Ruth Alvarez") may stand for First Name and Last Name. A file without consent columns is ' +
          'refused unless consent is given for the whole file (consentMethod, consentRecordedAt, consentRecordedBy, as query ' +
          'parameters or multipart fields): the sender states that every patient in the file consented that way.',
        params: IdParamsSchema,
        querystring: ImportQuerySchema,
        consumes: ['text/csv', 'multipart/form-data'],
        // Read by readUpload (text/csv or a multipart "file"); described here for the API description.
        body: z.unknown().describe('The CSV file').meta({
          example: 'First Name,Last Name,Phone,Date of Birth,Language,Conditions,Consent,Consent Method,Consent Date,Consented By\nMaria,Gonzalez,(555) 201-0001,3/21/1948,Spanish,hypertension;type 2 diabetes,Yes,verbal,11/02/2026,Jane Doe RN\n',
        }),
        response: { 200: ImportResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const results = await importPatients(actionContext(deps, request), {
        practiceId: request.params.id,
        readFile: () => readUpload(request, request.query),
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
