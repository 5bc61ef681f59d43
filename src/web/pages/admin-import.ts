/**
 * Enrolling patients from a CSV file uploaded with a form: the rows are read
 * and enrolled exactly as the API's import does, and the report says what
 * became of each line. Multipart is registered here only, for this route; its
 * fields land on the body so the form's CSRF token is checked like any other.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { FILE_CONSENT_FIELDS, importPatients, type RowResult } from '../../actions/index.js';
import { DomainError } from '../../errors.js';
import { actionContext } from '../context.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { requireSession } from '../session.js';
import { acceptCsvUpload, UPLOAD_BODY_LIMIT, uploadedText } from './csv-upload.js';
import { optional } from './forms.js';

export interface ImportOptions extends PageDeps {
  /** The admin page again, with the import form's problem. */
  showProblem(request: FastifyRequest, reply: FastifyReply, message: string, status: number): Promise<unknown>;
}

const STATUS_WORDS: Record<RowResult['status'], string> = { imported: 'enrolled', existing: 'already enrolled (left as it was)', failed: 'not enrolled' };

function report(results: RowResult[]) {
  const count = (status: RowResult['status']) => results.filter((r) => r.status === status).length;
  return html`
    <p class="lead" role="status">${count('imported')} enrolled, ${count('existing')} already enrolled, ${count('failed')} with errors.</p>
    ${results.length
      ? html`<table><thead><tr><th scope="col">Line</th><th scope="col">Result</th><th scope="col">Details</th></tr></thead><tbody>
        ${results.map(
          (r) => html`<tr><td>${r.line}</td><td>${r.status === 'failed' ? html`<strong class="error">${STATUS_WORDS[r.status]}</strong>` : STATUS_WORDS[r.status]}</td>
            <td>${r.errors?.length
              ? html`<ul>${r.errors.map((e) => html`<li><strong>${e.field}</strong>: ${e.message}</li>`)}</ul>`
              : r.patientId
                ? html`<a href="/app/patients/${r.patientId}">Open the patient</a>`
                : ''}</td></tr>`,
        )}</tbody></table>`
      : html`<p class="empty">The file has no rows.</p>`}
    ${count('failed') ? html`<p>Fix the lines with errors and import the file again: lines already enrolled are left as they are.</p>` : ''}
    <p><a href="/app/admin#import">Back to Admin</a></p>`;
}

export const adminImport: FastifyPluginAsync<ImportOptions> = async (app, { deps, practiceOf, showProblem }) => {
  await acceptCsvUpload(app);

  app.post('/admin/import', { bodyLimit: UPLOAD_BODY_LIMIT }, async (request, reply) => {
    if (!request.isMultipart()) throw new DomainError('unsupported_media_type', 'Send the file with the upload form.');
    const practice = await practiceOf(request);
    const body = request.body as Record<string, unknown> | undefined;
    const text = uploadedText(body);
    if (text.trim() === '') return showProblem(request, reply, 'Choose a CSV file with a header row and one row per patient.', 400);
    const ignore = optional(body, 'ignore')?.split(',').map((name) => name.trim()).filter(Boolean) ?? [];
    // Consent for the whole file, for a file without consent columns (the action checks all of it).
    const consent = {
      method: optional(body, FILE_CONSENT_FIELDS.method),
      recordedAt: optional(body, FILE_CONSENT_FIELDS.recordedAt),
      recordedBy: optional(body, FILE_CONSENT_FIELDS.recordedBy),
    };
    let results: RowResult[];
    try {
      results = await importPatients(actionContext(deps, request), { practiceId: practice.id, readFile: async () => ({ text, ignore, consent }) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return showProblem(request, reply, error.message, error.status);
    }
    return reply
      .type('text/html; charset=utf-8')
      .send(page({ title: 'Import report', session: requireSession(request), practiceName: practice.name, current: 'admin', body: report(results) }));
  });
};
