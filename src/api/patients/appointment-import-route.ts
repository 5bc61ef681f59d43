/** Appointments from a CSV file: the practice's schedule export, sent as the patient import is. */
import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from '../options.js';
import { importAppointments, MAX_IMPORT_FILE_BYTES } from '../../actions/index.js';
import { actionContext } from '../context.js';
import { IdParamsSchema, errorResponses } from '../schemas.js';
import { readUpload } from './import-route.js';

const RowResultSchema = z.object({
  line: z.number(),
  status: z.enum(['imported', 'existing', 'failed']),
  patientId: z.uuid().optional(),
  appointmentId: z.uuid().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

const ImportResultSchema = z.object({ imported: z.number(), existing: z.number(), failed: z.number(), rows: z.array(RowResultSchema) });

const ImportQuerySchema = z.object({ ignore: z.string().max(2000).optional().describe('Columns to leave out, comma-separated') });

export const appointmentImportRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 10 }, throwFileSizeLimit: true });
  app.addContentTypeParser(['text/csv', 'application/csv', 'text/plain'], { parseAs: 'string', bodyLimit: MAX_IMPORT_FILE_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/practices/:id/appointments/import',
    {
      bodyLimit: MAX_IMPORT_FILE_BYTES,
      schema: {
        tags: ['appointments'],
        summary: "Add appointments from a CSV file (the practice's schedule export)",
        description:
          'A CSV file as the body (Content-Type text/csv), or multipart/form-data with a "file" field; admins only. Headers are matched ' +
          'loosely: Patient Id or Phone (the number the patient is enrolled with) finds the patient; Appointment (2027-01-08 09:30 or ' +
          '1/8/2027 9:30 AM, on the patient\'s clock; or an ISO time with its offset), or Date and Time columns; With (Provider, Doctor); ' +
          'Location (Where, Clinic); Purpose (Reason, Visit Type), optional. Patient Name columns may stay, for people reading the file; ' +
          'they are not read. Another column is a 400 naming it (send ?ignore=Col1,Col2 to leave such columns out). Valid rows are ' +
          'added, bad rows reported by line; a row already on the books (same patient, start and person) is reported as existing, ' +
          'so the same file can be sent again. Times in the past are refused.',
        params: IdParamsSchema,
        querystring: ImportQuerySchema,
        consumes: ['text/csv', 'multipart/form-data'],
        body: z.unknown().describe('The CSV file').meta({
          example: 'Phone,Patient Name,Appointment,With,Location,Purpose\n(555) 201-0001,"Gonzalez, Maria",1/8/2027 9:30 AM,Dr. Patel,"Maple Family Medicine, 2nd floor",blood pressure follow-up\n',
        }),
        response: { 200: ImportResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const results = await importAppointments(actionContext(deps, request), {
        practiceId: request.params.id,
        readFile: async () => {
          const { text, ignore } = await readUpload(request, request.query);
          return { text, ignore };
        },
      });
      const count = (status: string) => results.filter((r) => r.status === status).length;
      return { imported: count('imported'), existing: count('existing'), failed: count('failed'), rows: results };
    },
  );
};
