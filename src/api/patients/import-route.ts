import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from '../index.js';
import { DomainError, notFound } from '../../errors.js';
import { recordAccess } from '../../store/audit.js';
import { findPractice } from '../../store/practices.js';
import { findPatientByPhone } from '../../store/patients.js';
import { withTransaction, type Queryable } from '../../store/sql.js';
import { authorize } from '../auth.js';
import { IdParamsSchema, errorResponses } from '../schemas.js';
import { newPatientSchema, type NewPatientBody } from './schemas.js';
import { insertEnrolment, toPatientFields } from './enrollment.js';
import { readPatientCsv, type CsvRow } from './csv-rows.js';
import { auditEntry } from './access.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const RowResultSchema = z.object({
  line: z.number(),
  status: z.enum(['imported', 'existing', 'failed']),
  patientId: z.uuid().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type RowResult = z.infer<typeof RowResultSchema>;

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

export interface ImportContext {
  practiceId: string;
  schema: z.ZodType<NewPatientBody>;
  /** Phones already seen in this file, with their line. */
  seen: Map<string, number>;
  at: Date;
}

/**
 * Enrolls one row. A phone number the practice already has is reported as
 * `existing` and left untouched, so the same file can be imported again
 * (after fixing its bad rows) without creating duplicates.
 */
export async function importRow(tx: Queryable, row: CsvRow, { practiceId, schema, seen, at }: ImportContext): Promise<RowResult> {
  const parsed = schema.safeParse(row.body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
    return { line: row.line, status: 'failed', errors };
  }
  const firstLine = seen.get(parsed.data.phone);
  if (firstLine !== undefined) {
    return { line: row.line, status: 'failed', errors: [{ field: 'phone', message: `same phone as line ${firstLine}` }] };
  }
  seen.set(parsed.data.phone, row.line);
  const existing = await findPatientByPhone(tx, practiceId, parsed.data.phone);
  if (existing) return { line: row.line, status: 'existing', patientId: existing.id };
  try {
    const patient = await insertEnrolment(tx, practiceId, toPatientFields(parsed.data), at);
    return { line: row.line, status: 'imported', patientId: patient.id };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { line: row.line, status: 'failed', errors: [{ field: error.field ?? 'row', message: error.detail }] };
  }
}

export const patientImportRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;
  const NewPatientSchema = newPatientSchema(deps.clock);
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 }, throwFileSizeLimit: true });
  app.addContentTypeParser(['text/csv', 'application/csv', 'text/plain'], { parseAs: 'string', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/practices/:id/patients/import',
    {
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags: ['patients'],
        summary: 'Enrol patients from a CSV file',
        description:
          'A CSV file as the body (Content-Type text/csv), or multipart/form-data with a "file" field. Headers are matched ' +
          'loosely: First Name, Last Name, Phone, Date of Birth (1948-03-21 or 3/21/1948), Timezone, Language (Lang, Idioma: ' +
          'English/Spanish), Preferred Channel (sms/voice), Conditions (separated by ;), Consent (granted/declined or Yes/No), ' +
          'Consent Method (verbal/written), Consent Date, Consented By, Coordinator Id. A column it does not know is a 400 ' +
          'naming it (send ?ignore=Col1,Col2 to leave such columns out). Valid rows are imported, bad rows are reported by line; ' +
          'rows whose phone is already enrolled are left as they are. One transaction: if it cannot finish, no row is enrolled.',
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
      const practiceId = request.params.id;
      authorize(request.principal, practiceId, 'admin', 'practice');
      if (!(await findPractice(pool, practiceId))) throw notFound('practice');
      const ignore = request.query.ignore?.split(',').map((name) => name.trim()).filter(Boolean) ?? [];
      const rows = readPatientCsv(await readUpload(request), ignore);
      const context: ImportContext = { practiceId, schema: NewPatientSchema, seen: new Map(), at: request.receivedAt };
      const results = await withTransaction(pool, async (tx) => {
        const results: RowResult[] = [];
        for (const row of rows) results.push(await importRow(tx, row, context));
        const imported = results.flatMap((r) => (r.status === 'imported' ? [r.patientId!] : []));
        await recordAccess(tx, auditEntry(request, 'patient.create', practiceId), imported);
        return results;
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
