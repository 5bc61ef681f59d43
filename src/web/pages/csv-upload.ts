/**
 * The app's CSV uploads (patients, appointments, candidates): one file in a
 * multipart form, no larger than an import takes, and a broken or oversized
 * upload said in words on the workspace's error page.
 */
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance } from 'fastify';
import { MAX_IMPORT_FILE_BYTES } from '../../actions/index.js';
import { DomainError } from '../../errors.js';

/** Room for the form's other fields beside the file. */
export const UPLOAD_BODY_LIMIT = MAX_IMPORT_FILE_BYTES + 64 * 1024;

/** Registers multipart for one file on this plugin's routes, and words its errors. */
export async function acceptCsvUpload(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 10 }, throwFileSizeLimit: true });
  app.setErrorHandler((error: FastifyError | DomainError) => {
    if (error instanceof DomainError || (error as FastifyError).validation) throw error;
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 413) throw new DomainError('payload_too_large', `The file is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB; split it into smaller files.`);
    if (status >= 400 && status < 500) throw new DomainError('bad_request', 'The upload could not be read; choose the file and send it again.');
    throw error;
  });
}

/** The uploaded file's text; '' when the form carried none. */
export function uploadedText(body: Record<string, unknown> | undefined): string {
  const file = body?.file;
  return Buffer.isBuffer(file) ? file.toString('utf8') : typeof file === 'string' ? file : '';
}
