/**
 * The monthly CCM record: the practice's month for billing staff, and one
 * patient's month to review, edit, approve (which locks it), print, and add
 * addenda to; with a form to log staff time.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { addAddendum, AddendumSchema, approveMonth, changeMonth, logTime, MonthChangesSchema, MonthSchema, NewEntrySchema } from '../../actions/index.js';
import { currentRecord, readMonth } from '../../records/index.js';
import { practiceMonth, type PracticeMonthRow } from '../../records/index.js';
import { renderMonthHtml } from '../../documentation/month-html.js';
import { formatDuration, monthLabel } from '../../documentation/narrative.js';
import { DomainError } from '../../errors.js';
import { html, type Html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { actionContext, readEntry } from '../context.js';
import { redirect, requireSession } from '../session.js';
import { actingStaff, field, optional, ownPatient, problems, ticked } from './forms.js';
import { monthBody } from './month-view.js';

const MonthParams = z.object({ id: z.uuid(), month: MonthSchema });
const PatientParams = z.object({ id: z.uuid() });
const ListQuery = z.object({
  month: MonthSchema.optional().catch(undefined),
  status: z.enum(['draft', 'approved', 'needs_review']).optional().catch(undefined),
});

const STATUS_LABELS = { '': 'All', draft: 'Draft', approved: 'Approved', needs_review: 'Needs review' } as const;

const shift = (month: string, months: number) => DateTime.fromFormat(month, 'yyyy-MM', { zone: 'utc' }).plus({ months }).toFormat('yyyy-MM');

/** Browsers send a textarea's line breaks as CRLF; the record keeps LF. */
const lf = (text: string) => text.replace(/\r\n?/g, '\n');

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

export const monthPages: FastifyPluginAsync<PageDeps> = async (app, { deps, practiceOf }) => {
  const { pool } = deps.db;
  const records = { pool, clock: deps.clock };

  async function ownMonth(request: FastifyRequest) {
    const parsed = MonthParams.safeParse(request.params);
    if (!parsed.success) throw new DomainError('not_found', 'There is no such month: months are written like 2026-11.');
    const patient = await ownPatient(pool, request, parsed.data.id);
    return { patient, month: parsed.data.month, url: `/app/patients/${patient.id}/months/${parsed.data.month}` };
  }

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
    const { patient, month } = await ownMonth(request);
    const practice = await practiceOf(request);
    const session = requireSession(request);
    const record = await readMonth(records, patient.id, month, readEntry(request, 'web.month'));
    const body = monthBody({ record, csrfToken: session.csrfToken, canAct: session.user.staffId !== null, prevMonth: shift(month, -1), nextMonth: shift(month, 1) });
    const title = `${monthLabel(month)}: ${patient.firstName} ${patient.lastName}`;
    return reply.type('text/html; charset=utf-8').send(page({ title, session, practiceName: practice.name, current: 'months', body }));
  });

  app.get('/patients/:id/months/:month/print', async (request, reply) => {
    const { patient, month } = await ownMonth(request);
    const record = await readMonth(records, patient.id, month, readEntry(request, 'web.month.print'));
    const printable = renderMonthHtml(record);
    return reply.type('text/html; charset=utf-8').header('content-security-policy', printPolicy(printable)).send(printable);
  });

  app.post('/patients/:id/months/:month/note', async (request, reply) => {
    const { patient, month, url } = await ownMonth(request);
    const text = lf(field(request.body, 'note')).trim();
    const form = MonthChangesSchema.safeParse({ note: text === '' ? null : text });
    if (!form.success) throw new DomainError('validation_failed', `The note was not saved: ${problems(form.error)}`);
    // The drafted note sent back unchanged stays a draft, so it keeps following the record.
    const current = await currentRecord(pool, patient, month);
    if (current.status === 'draft' && !current.note.edited && form.data.note === current.note.text.trim()) return redirect(reply, url);
    await changeMonth(actionContext(deps, request), { patientId: patient.id, month, changes: { note: form.data.note ?? null } });
    return redirect(reply, url);
  });

  app.post('/patients/:id/months/:month/decisions', async (request, reply) => {
    const { patient, month, url } = await ownMonth(request);
    const decisions = { complex: ticked(request.body, 'complex'), carePlanRevised: ticked(request.body, 'carePlanRevised') };
    await changeMonth(actionContext(deps, request), { patientId: patient.id, month, changes: decisions });
    return redirect(reply, url);
  });

  app.post('/patients/:id/months/:month/approve', async (request, reply) => {
    const { patient, month, url } = await ownMonth(request);
    await approveMonth(actionContext(deps, request), { patientId: patient.id, month });
    return redirect(reply, url);
  });

  app.post('/patients/:id/months/:month/addenda', async (request, reply) => {
    const { patient, month, url } = await ownMonth(request);
    const form = AddendumSchema.safeParse({ text: lf(field(request.body, 'text')) });
    if (!form.success) throw new DomainError('validation_failed', `The addendum was not added: ${problems(form.error)}`);
    await addAddendum(actionContext(deps, request), { patientId: patient.id, month, text: form.data.text });
    return redirect(reply, url);
  });

  app.post('/patients/:id/time-entries', async (request, reply) => {
    const params = PatientParams.safeParse(request.params);
    if (!params.success) throw new DomainError('not_found', 'patient was not found');
    const patient = await ownPatient(pool, request, params.data.id);
    const staffId = actingStaff(request, 'log time');
    const minutes = field(request.body, 'minutes').trim();
    const form = NewEntrySchema.safeParse({
      staffId,
      activity: field(request.body, 'activity'),
      start: field(request.body, 'start').trim(),
      minutes: minutes === '' ? undefined : Number(minutes),
      note: optional(request.body, 'note'),
    });
    if (!form.success) throw new DomainError('validation_failed', `The time was not logged: ${problems(form.error)}`);
    const entry = await logTime(actionContext(deps, request), { patientId: patient.id, entry: form.data });
    const zone = (await practiceOf(request)).timezone;
    const month = DateTime.fromISO(entry.start, { zone }).toFormat('yyyy-MM');
    return redirect(reply, `/app/patients/${patient.id}/months/${month}`);
  });
};
