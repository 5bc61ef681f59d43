/**
 * Reading a patient's chart in from the EHR by MRN, in the web app: the
 * admin types the MRN, reviews what the EHR holds (ICD-10 conditions and
 * active medications, each with a checkbox; what cannot be imported listed
 * with why), and imports what they ticked, through the same actions as the
 * API. The review is a GET: reading saves nothing.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ChartImportSchema, importChart, previewChart, type ChartReview } from '../../actions/index.js';
import { DomainError } from '../../errors.js';
import { formatForReading } from '../../phone.js';
import { actionContext } from '../context.js';
import { csrfField, html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { redirect, requireSession } from '../session.js';
import { optional, problems } from './forms.js';

export interface ChartOptions extends PageDeps {
  /** The admin page again, with the MRN form's problem. */
  showProblem(request: FastifyRequest, reply: FastifyReply, message: string, status: number): Promise<unknown>;
}

/** A checkbox group arrives as one value or several. */
const values = (body: unknown, name: string): string[] => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
};

function review(r: ChartReview, csrf: string, problem?: string) {
  const p = r.preview;
  const onFile = html`<span class="meta">(on file already)</span>`;
  return html`
    ${problem ? html`<p class="error" role="alert">Not imported: ${problem}</p>` : ''}
    <form method="post" action="/app/admin/ehr/chart/import" class="card">${csrfField(csrf)}
      <input type="hidden" name="mrn" value="${r.mrn}">
      <h2>${p.firstName} ${p.lastName}</h2>
      <dl>
        <dt>Born</dt><dd>${p.dateOfBirth ?? 'not in the chart'}</dd>
        <dt>Phone</dt><dd>${p.phone ? formatForReading(p.phone) : 'none in the chart that texts can reach'}</dd>
        <dt>Language</dt><dd>${p.language === 'es' ? 'Spanish' : p.language === 'en' ? 'English' : 'not in the chart (English)'}</dd>
      </dl>
      ${r.existingPatientId
        ? html`<p>This MRN is <a href="/app/patients/${r.existingPatientId}">a patient of the practice already</a>: what they lack of what you tick is added.</p>`
        : html`<p>No patient of the practice has this MRN: importing enrols them <strong>without consent</strong>. Nothing is sent until consent is recorded on their page.</p>
          ${p.phone ? '' : html`<label for="chart-phone">Mobile phone (the chart has none)</label><input id="chart-phone" name="phone" required>`}`}
      <fieldset><legend>Active conditions</legend>
        ${p.conditions.length
          ? p.conditions.map((c) =>
              c.importable
                ? html`<label><input type="checkbox" name="conditions" value="${c.key}" checked> ${c.display} (${c.icd10}) ${r.onFile.conditions.includes(c.key) ? onFile : ''}</label>`
                : html`<p class="meta">${c.display}: ${c.note}, not imported</p>`,
            )
          : html`<p class="empty">None active in the chart.</p>`}
      </fieldset>
      <fieldset><legend>Active medications</legend>
        ${p.medications.length
          ? p.medications.map(
              (m) => html`<label><input type="checkbox" name="medications" value="${m.key}" checked> ${m.name}: ${m.dose}${m.times.length ? ` at ${m.times.join(', ')}` : ''} ${r.onFile.medications.includes(m.key) ? onFile : ''}</label>`,
            )
          : html`<p class="empty">None active in the chart.</p>`}
      </fieldset>
      <button type="submit">Import what is ticked</button>
    </form>
    <p><a href="/app/admin#ehr">Back to Admin</a></p>`;
}

export const adminChart: FastifyPluginAsync<ChartOptions> = async (app, { deps, practiceOf, showProblem }) => {
  async function showReview(request: FastifyRequest, reply: FastifyReply, mrn: string, problem?: { message: string; status: number }) {
    const practice = await practiceOf(request);
    const session = requireSession(request);
    let found: ChartReview;
    try {
      found = await previewChart(actionContext(deps, request), { practiceId: practice.id, mrn });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'forbidden') throw error;
      return showProblem(request, reply, error.message, error.status);
    }
    return reply
      .code(problem?.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(page({ title: 'Review the chart', session, practiceName: practice.name, current: 'admin', body: review(found, session.csrfToken, problem?.message) }));
  }

  app.get('/admin/ehr/chart', async (request, reply) => {
    const mrn = optional(request.query, 'mrn');
    if (!mrn) return showProblem(request, reply, 'Type the medical record number as the EHR shows it.', 400);
    return showReview(request, reply, mrn);
  });

  app.post('/admin/ehr/chart/import', async (request, reply) => {
    const practice = await practiceOf(request);
    const parsed = ChartImportSchema.safeParse({
      mrn: optional(request.body, 'mrn'),
      conditions: values(request.body, 'conditions'),
      medications: values(request.body, 'medications'),
      phone: optional(request.body, 'phone'),
    });
    if (!parsed.success) return showReview(request, reply, optional(request.body, 'mrn') ?? '', { message: problems(parsed.error), status: 400 });
    try {
      const result = await importChart(actionContext(deps, request), { practiceId: practice.id, body: parsed.data });
      return redirect(reply, `/app/patients/${result.patient.id}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'forbidden') throw error;
      return showReview(request, reply, parsed.data.mrn, { message: error.message, status: error.status });
    }
  });
};
