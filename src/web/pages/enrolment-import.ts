/**
 * Adding candidates from a CSV file uploaded with a form: read and added
 * exactly as the API's import does, with a report of what became of each
 * line. Multipart is registered here only, for this route; its fields land on
 * the body so the form's CSRF token is checked like any other.
 */
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { importCandidates, MAX_IMPORT_FILE_BYTES, type CandidateRowResult } from '../../actions/index.js';
import { DomainError } from '../../errors.js';
import { actionContext } from '../context.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { requireSession } from '../session.js';
import type { ShowEnrolment } from './enrolment.js';
import { optional } from './forms.js';

const STATUS_WORDS: Record<CandidateRowResult['status'], string> = { imported: 'added', existing: 'already listed or enrolled (left as it was)', failed: 'not added' };

function report(results: CandidateRowResult[]) {
  const count = (status: CandidateRowResult['status']) => results.filter((r) => r.status === status).length;
  const link = (r: CandidateRowResult) =>
    r.candidateId ? html`<a href="/app/enrolment/candidates/${r.candidateId}">Open the candidate</a>` : r.patientId ? html`<a href="/app/patients/${r.patientId}">Open the patient</a>` : '';
  return html`
    <p class="lead" role="status">${count('imported')} added, ${count('existing')} already listed or enrolled, ${count('failed')} with errors.</p>
    ${results.length
      ? html`<table><thead><tr><th scope="col">Line</th><th scope="col">Result</th><th scope="col">Details</th></tr></thead><tbody>
        ${results.map(
          (r) => html`<tr><td>${r.line}</td><td>${r.status === 'failed' ? html`<strong class="error">${STATUS_WORDS[r.status]}</strong>` : STATUS_WORDS[r.status]}</td>
            <td>${r.errors?.length ? html`<ul>${r.errors.map((e) => html`<li><strong>${e.field}</strong>: ${e.message}</li>`)}</ul>` : link(r)}</td></tr>`,
        )}</tbody></table>`
      : html`<p class="empty">The file has no rows.</p>`}
    ${count('failed') ? html`<p>Fix the lines with errors and upload the file again: lines already added are left as they are.</p>` : ''}
    <p><a href="/app/enrolment">Back to Enrolment</a></p>`;
}

export const candidateImport: FastifyPluginAsync<PageDeps & { show: ShowEnrolment }> = async (app, { deps, practiceOf, show }) => {
  await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 10 }, throwFileSizeLimit: true });

  // A broken or oversized upload is said in words; anything else goes to the workspace's error page.
  app.setErrorHandler((error: FastifyError | DomainError, _request, _reply) => {
    if (error instanceof DomainError || (error as FastifyError).validation) throw error;
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 413) throw new DomainError('payload_too_large', `The file is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB; split it into smaller files.`);
    if (status >= 400 && status < 500) throw new DomainError('bad_request', 'The upload could not be read; choose the file and send it again.');
    throw error;
  });

  app.post('/enrolment/candidates/import', { bodyLimit: MAX_IMPORT_FILE_BYTES + 64 * 1024 }, async (request, reply) => {
    if (!request.isMultipart()) throw new DomainError('unsupported_media_type', 'Send the file with the upload form.');
    const practice = await practiceOf(request);
    const body = request.body as Record<string, unknown> | undefined;
    const file = body?.file;
    const text = Buffer.isBuffer(file) ? file.toString('utf8') : typeof file === 'string' ? file : '';
    if (text.trim() === '') return show(request, reply, { importProblem: { message: 'Choose a CSV file with a header row and one row per candidate.', status: 400 } });
    const ignore = optional(body, 'ignore')?.split(',').map((name) => name.trim()).filter(Boolean) ?? [];
    let results: CandidateRowResult[];
    try {
      results = await importCandidates(actionContext(deps, request), {
        practiceId: practice.id,
        readFile: async () => ({ text, ignore, billingPractitionerId: optional(body, 'billingPractitionerId') }),
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'forbidden' || error.code === 'not_found') throw error;
      return show(request, reply, { importProblem: { message: error.message, status: error.status } });
    }
    return reply
      .type('text/html; charset=utf-8')
      .send(page({ title: 'Candidate list report', session: requireSession(request), practiceName: practice.name, current: 'enrolment', body: report(results) }));
  });
};
