/**
 * Adding appointments from the practice's schedule export, uploaded with a
 * form on the admin page: read and added exactly as the API's appointment
 * import does, with a report of what became of each line. Multipart is
 * registered here only, for this route; its fields land on the body so the
 * form's CSRF token is checked like any other.
 */
import type { FastifyPluginAsync } from 'fastify';
import { importAppointments, type AppointmentRowResult } from '../../actions/index.js';
import { DomainError } from '../../errors.js';
import { actionContext } from '../context.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import { requireSession } from '../session.js';
import type { ImportOptions } from './admin-import.js';
import { acceptCsvUpload, UPLOAD_BODY_LIMIT, uploadedText } from './csv-upload.js';
import { optional } from './forms.js';

const STATUS_WORDS: Record<AppointmentRowResult['status'], string> = {
  imported: 'added',
  existing: 'already on the books (left as it was)',
  failed: 'not added',
};

function report(results: AppointmentRowResult[]) {
  const count = (status: AppointmentRowResult['status']) => results.filter((r) => r.status === status).length;
  return html`
    <p class="lead" role="status">${count('imported')} added, ${count('existing')} already on the books, ${count('failed')} with errors.</p>
    ${results.length
      ? html`<table><thead><tr><th scope="col">Line</th><th scope="col">Result</th><th scope="col">Details</th></tr></thead><tbody>
        ${results.map(
          (r) => html`<tr><td>${r.line}</td><td>${r.status === 'failed' ? html`<strong class="error">${STATUS_WORDS[r.status]}</strong>` : STATUS_WORDS[r.status]}</td>
            <td>${r.errors?.length ? html`<ul>${r.errors.map((e) => html`<li><strong>${e.field}</strong>: ${e.message}</li>`)}</ul>` : ''}${
              r.patientId ? html` <a href="/app/patients/${r.patientId}">Open the patient</a>` : ''
            }</td></tr>`,
        )}</tbody></table>`
      : html`<p class="empty">The file has no rows.</p>`}
    ${count('failed') ? html`<p>Fix the lines with errors and import the file again: appointments already added are left as they are.</p>` : ''}
    <p><a href="/app/admin#appointments">Back to Admin</a></p>`;
}

export const adminAppointmentImport: FastifyPluginAsync<ImportOptions> = async (app, { deps, practiceOf, showProblem }) => {
  await acceptCsvUpload(app);

  app.post('/admin/appointments/import', { bodyLimit: UPLOAD_BODY_LIMIT }, async (request, reply) => {
    if (!request.isMultipart()) throw new DomainError('unsupported_media_type', 'Send the file with the upload form.');
    const practice = await practiceOf(request);
    const body = request.body as Record<string, unknown> | undefined;
    const text = uploadedText(body);
    if (text.trim() === '') return showProblem(request, reply, 'Choose a CSV file with a header row and one row per appointment.', 400);
    const ignore = optional(body, 'ignore')?.split(',').map((name) => name.trim()).filter(Boolean) ?? [];
    let results: AppointmentRowResult[];
    try {
      results = await importAppointments(actionContext(deps, request), { practiceId: practice.id, readFile: async () => ({ text, ignore }) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return showProblem(request, reply, error.message, error.status);
    }
    return reply
      .type('text/html; charset=utf-8')
      .send(page({ title: 'Appointment import report', session: requireSession(request), practiceName: practice.name, current: 'admin', body: report(results) }));
  });
};
