/**
 * Adding candidates from a CSV file uploaded with a form: read and added
 * exactly as the API's import does, with a report of what became of each
 * line. Multipart is registered here only, for this route; its fields land on
 * the body so the form's CSRF token is checked like any other.
 */
import type { FastifyPluginAsync } from 'fastify';
import { importCandidates, type CandidateRowResult } from '../../actions/index.js';
import { DomainError } from '../../errors.js';
import { actionContext } from '../context.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { requireSession } from '../session.js';
import type { ShowEnrolment } from './enrolment.js';
import { acceptCsvUpload, UPLOAD_BODY_LIMIT, uploadedText } from './csv-upload.js';
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
  await acceptCsvUpload(app);

  app.post('/enrolment/candidates/import', { bodyLimit: UPLOAD_BODY_LIMIT }, async (request, reply) => {
    if (!request.isMultipart()) throw new DomainError('unsupported_media_type', 'Send the file with the upload form.');
    const practice = await practiceOf(request);
    const body = request.body as Record<string, unknown> | undefined;
    const text = uploadedText(body);
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
