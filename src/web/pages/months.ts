/**
 * The monthly CCM record: the practice's month for billing staff, and one
 * patient's month to review, edit, approve (which locks it), print, and add
 * addenda to; with a form to log staff time. The forms' routes are in
 * month-forms.ts.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { MonthSchema } from '../../actions/index.js';
import { readMonth } from '../../records/index.js';
import { practiceMonth, type PracticeMonthRow } from '../../records/index.js';
import { renderMonthHtml } from '../../documentation/month-html.js';
import { formatDuration, monthLabel } from '../../documentation/narrative.js';
import { html, type Html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { readEntry } from '../context.js';
import { monthForms } from './month-forms.js';
import { monthView, ownMonth, shiftMonth as shift } from './month-page.js';

const ListQuery = z.object({
  month: MonthSchema.optional().catch(undefined),
  status: z.enum(['draft', 'approved', 'needs_review']).optional().catch(undefined),
});

const STATUS_LABELS = { '': 'All', draft: 'Draft', approved: 'Approved', needs_review: 'Needs review' } as const;

/** The print page's only style sheet is inline: the page's CSP allows exactly that one, by its hash. */
function printPolicy(page: string): string {
  const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  return `default-src 'none'; style-src ${styles.join(' ') || "'none'"}; img-src data:; frame-ancestors 'none'; form-action 'none'`;
}

function monthRow(row: PracticeMonthRow, month: string): Html {
  const needsReview = row.needsReview || row.warnings.length > 0;
  return html`<tr>
    <td><a href="/app/patients/${row.patientId}/months/${month}">${row.name}</a></td>
    <td>${formatDuration(row.clinicalStaffSeconds)}</td>
    <td>${formatDuration(row.practitionerSeconds)}</td>
    <td>${row.codes.length ? row.codes.map((c, i) => html`${i > 0 ? ', ' : ''}${c.code} × ${c.units}`) : html`<span class="meta">none</span>`}</td>
    <td>${row.warnings.length}</td>
    <td>${row.status === 'approved' ? html`<span class="badge approved">approved</span>` : 'draft'}${needsReview ? html` <strong class="error">needs review</strong>` : ''}</td>
  </tr>`;
}

export const monthPages: FastifyPluginAsync<PageDeps> = async (app, pageDeps) => {
  const { deps, practiceOf } = pageDeps;
  const { pool } = deps.db;
  const records = { pool, clock: deps.clock };
  const showMonth = monthView(pageDeps);

  app.get('/months', async (request, reply) => {
    const practice = await practiceOf(request);
    const q = ListQuery.parse(request.query ?? {});
    const month = q.month ?? DateTime.fromJSDate(deps.clock.now(), { zone: practice.timezone }).toFormat('yyyy-MM');
    const rows = await practiceMonth(records, practice.id, month, q.status, readEntry(request, 'web.months'));
    const status = q.status ?? '';
    const link = (m: string) => `/app/months?month=${m}${status ? `&status=${status}` : ''}`;
    const body = html`
      <form method="get" action="/app/months" class="card actions" role="search" aria-label="Choose the month">
        <div class="stack"><label for="month">Month</label><input id="month" name="month" type="month" value="${month}" required></div>
        <div class="stack"><label for="status">Status</label><select id="status" name="status">${Object.entries(STATUS_LABELS).map(
          ([value, label]) => html`<option value="${value}"${value === status ? html` selected` : ''}>${label}</option>`,
        )}</select></div>
        <button type="submit">Show</button>
      </form>
      <nav aria-label="Other months" class="actions"><a href="${link(shift(month, -1))}">Previous month</a> <a href="${link(shift(month, 1))}">Next month</a></nav>
      <h2>${monthLabel(month)}${status ? ` · ${STATUS_LABELS[status]}` : ''} <span class="count">${rows.length}</span></h2>
      ${rows.length
        ? html`<div class="table-wrap"><table><thead><tr><th scope="col">Patient</th><th scope="col">Clinical staff</th><th scope="col">Practitioner</th>
            <th scope="col">Suggested codes</th><th scope="col">Warnings</th><th scope="col">Status</th></tr></thead>
            <tbody>${rows.map((row) => monthRow(row, month))}</tbody></table></div>`
        : html`<p class="empty">No patient with staff time${status ? ' and this status' : ''} this month.</p>`}`;
    return reply.type('text/html; charset=utf-8').send(page({ title: 'Months', session: request.staffSession, practiceName: practice.name, current: 'months', body }));
  });

  app.get('/patients/:id/months/:month', async (request, reply) => {
    const { patient, month } = await ownMonth(pool, request);
    return showMonth(request, reply, patient, month);
  });

  app.get('/patients/:id/months/:month/print', async (request, reply) => {
    const { patient, month } = await ownMonth(pool, request);
    const record = await readMonth(records, patient.id, month, readEntry(request, 'web.month.print'));
    const printable = renderMonthHtml(record);
    return reply.type('text/html; charset=utf-8').header('content-security-policy', printPolicy(printable)).send(printable);
  });

  await app.register(monthForms, pageDeps);
};
