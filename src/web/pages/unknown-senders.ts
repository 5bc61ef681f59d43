/**
 * Texts from unknown numbers in the app: the list (those waiting for a
 * person first), one text's page, and its two forms, link to a patient and
 * resolve, which call the same actions as the API.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { linkText, reviewText, unmatchedTextFor } from '../../actions/index.js';
import { DomainError } from '../../errors.js';
import { formatForReading } from '../../phone.js';
import { recordAccess } from '../../store/audit.js';
import { alertsRestingOn } from '../../store/message-context.js';
import { listNotifications } from '../../store/outbound-log.js';
import { searchPatients } from '../../store/patients.js';
import { listTextsFrom, listUnmatchedTexts } from '../../store/unmatched-texts.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { actionContext, readEntry } from '../context.js';
import { redirect, requireSession } from '../session.js';
import { textPageBody, textUrl, unknownTextItem } from './unknown-text-view.js';

const PER_PAGE = 50;
const textId = (request: FastifyRequest) => (request.params as { id?: string }).id ?? '';
const ListQuery = z.object({ status: z.enum(['to_review', 'reviewed', 'all']).catch('to_review'), after: z.uuid().optional().catch(undefined) });
const TextQuery = z.object({ q: z.string().trim().max(100).optional().catch(undefined) });
const LinkForm = z.object({ patientId: z.string().max(100) });
const ResolveForm = z.object({ note: z.string().trim().min(1).max(2000) });

const FILTERS = [
  ['to_review', 'Waiting for a person'],
  ['reviewed', 'Resolved'],
  ['all', 'All'],
] as const;

export const unknownSenderPages: FastifyPluginAsync<PageDeps> = async (app, { deps, practiceOf }) => {
  const { pool } = deps.db;

  app.get('/unknown-senders', async (request, reply) => {
    const practice = await practiceOf(request);
    const q = ListQuery.parse(request.query ?? {});
    const { data, next } = await listUnmatchedTexts(pool, practice.id, { filter: q.status, limit: PER_PAGE, after: q.after });
    const now = deps.clock.now();
    const body = html`<nav aria-label="Which texts"><ul class="filters">${FILTERS.map(
      ([key, label]) => html`<li><a href="/app/unknown-senders?status=${key}"${key === q.status ? html` aria-current="page"` : ''}>${label}</a></li>`,
    )}</ul></nav>
      ${data.length ? html`<ul class="list">${data.map((t) => unknownTextItem(t, practice.timezone, now))}</ul>` : html`<p class="empty">No texts here.</p>`}
      ${next ? html`<p><a href="/app/unknown-senders?status=${q.status}&amp;after=${next}">Older texts</a></p>` : ''}`;
    return reply.type('text/html; charset=utf-8').send(page({ title: 'Texts from unknown numbers', session: request.staffSession, practiceName: practice.name, current: 'today', body }));
  });

  app.get('/unknown-senders/:id', async (request, reply) => {
    const text = await unmatchedTextFor(actionContext(deps, request), textId(request));
    const practice = await practiceOf(request);
    const session = requireSession(request);
    const q = TextQuery.parse(request.query ?? {}).q;
    const search = q ? { q, found: await searchPatients(pool, practice.id, q, 10) } : null;
    const [filed, earlier, notifications] = [await alertsRestingOn(pool, text.id), await listTextsFrom(pool, practice.id, text.from, text.id, 10), await listNotifications(pool, { messageIds: [text.id] })];
    // The sender is nobody's patient: the practice's row; the patients the page names are read too.
    await recordAccess(pool, readEntry(request, 'web.unknown_sender'), [null, ...(text.linked ? [text.linked.patient.id] : []), ...(search?.found.map((p) => p.id) ?? [])]);
    const body = textPageBody({ text, zone: practice.timezone, filed, earlier, notifications, search, csrf: session.user.staffId ? session.csrfToken : null });
    return reply
      .type('text/html; charset=utf-8')
      .send(page({ title: `Text from ${formatForReading(text.from)}`, session, practiceName: practice.name, current: 'today', body }));
  });

  app.post('/unknown-senders/:id/link', async (request, reply) => {
    const form = LinkForm.safeParse(request.body);
    if (!form.success) throw new DomainError('validation_failed', 'Choose the patient to link the text to.');
    const text = await linkText(actionContext(deps, request), { textId: textId(request), patientId: form.data.patientId });
    return redirect(reply, textUrl(text));
  });

  app.post('/unknown-senders/:id/resolve', async (request, reply) => {
    const text = await unmatchedTextFor(actionContext(deps, request), textId(request));
    const form = ResolveForm.safeParse(request.body);
    if (!form.success) throw new DomainError('validation_failed', 'Write what was done before resolving the text.');
    await reviewText(actionContext(deps, request), { textId: text.id, note: form.data.note });
    return redirect(reply, textUrl(text));
  });
};
