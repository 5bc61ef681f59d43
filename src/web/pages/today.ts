/**
 * Today: what needs a person, most pressing first, one card per patient
 * (their case, however many alerts it holds). Urgent cases (new ones arrive,
 * and changed ones update, without a reload), then elevated ones by review
 * deadline, then the call list.
 */
import type { FastifyPluginAsync } from 'fastify';
import { callList, loadCaseViews, type CallListEntry, type CaseView } from '../../alerts/index.js';
import { recordAccess } from '../../store/audit.js';
import { latestAlertSeq } from '../../store/alerts.js';
import { listCases } from '../../store/case-views.js';
import { html, localTime, type Html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { readEntry } from '../context.js';
import { caseCard } from './case-card.js';

const name = (p: { firstName: string; lastName: string }) => `${p.lastName}, ${p.firstName}`;

function callItem(entry: CallListEntry, zone: string): Html {
  return html`<li>
    <a href="/app/patients/${entry.patient.id}"><strong>${name(entry.patient)}</strong></a>
    <span>${entry.reasons.map((r) => r.detail).join('; ')}</span>
    <span class="meta">${entry.lastContactAt ? html`Last heard from ${localTime(entry.lastContactAt, zone)}` : 'Not heard from yet'}
    · prefers ${entry.patient.preferredChannel === 'voice' ? 'calls' : 'texts'}${entry.patient.language === 'es' ? ', Spanish' : ''}</span>
  </li>`;
}

/** Elevated cases: the nearest review deadline first; those reviewed already (no deadline) after, longest open first. */
const byDeadline = (a: CaseView, b: CaseView) =>
  (a.reviewDueAt ?? '\uffff').localeCompare(b.reviewDueAt ?? '\uffff') || a.case.openedAt.localeCompare(b.case.openedAt);

const section = (id: string, title: string, empty: string, items: Html[], after?: string) =>
  html`<section aria-labelledby="${id}-title"><h2 id="${id}-title">${title} <span class="count" data-count>${items.length}</span></h2>
    <ul id="${id}" class="list"${after ? html` data-after="${after}"` : ''}>${items}</ul>${items.length === 0 ? html`<p class="empty" data-empty>${empty}</p>` : ''}</section>`;

export const todayPage: FastifyPluginAsync<PageDeps> = async (app, { deps, practiceOf }) => {
  app.get('/', async (request, reply) => {
    const practice = await practiceOf(request);
    const now = deps.clock.now();
    // Read first: the live channel then reports every urgent case with an alert raised after what this page shows.
    const after = await latestAlertSeq(deps.db.pool, practice.id);
    const cases = await loadCaseViews(deps.db.pool, await listCases(deps.db.pool, { practiceId: practice.id, status: 'unresolved', limit: 500 }), now);
    const urgent = cases.filter((v) => v.case.level === 'urgent');
    const reviews = cases.filter((v) => v.case.level === 'elevated').sort(byDeadline);
    const calls = (await callList(deps.db.pool, practice, now)).filter((e) => !e.reasons.some((r) => r.code === 'urgent_alert' || r.code === 'alert'));
    const shown = new Set([...cases.map((v) => v.case.patientId), ...calls.map((c) => c.patient.id)]);
    await recordAccess(deps.db.pool, readEntry(request, 'web.today'), [...shown]);
    const zone = practice.timezone;
    const body = html`
      ${section('urgent-cases', 'Urgent', 'No urgent cases. New ones appear here as they come in.', urgent.map((v) => caseCard(v, zone, now)), after)}
      ${section('review-cases', 'Reviews due', 'Nothing waiting for review.', reviews.map((v) => caseCard(v, zone, now)))}
      ${section('call-list', 'Call list', 'Nobody to call today.', calls.map((c) => callItem(c, zone)))}`;
    return reply.type('text/html; charset=utf-8').send(page({ title: 'Today', session: request.staffSession, practiceName: practice.name, current: 'today', liveAlerts: true, body }));
  });
};
