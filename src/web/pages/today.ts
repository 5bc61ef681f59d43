/**
 * Today: what needs a person, most pressing first. Urgent alerts (new ones
 * arrive without a reload), then elevated reviews with their deadlines, then
 * the call list.
 */
import type { FastifyPluginAsync } from 'fastify';
import { describeReason } from '../../alerts/index.js';
import { callList, type CallListEntry } from '../../alerts/index.js';
import { recordAccess } from '../../store/audit.js';
import { latestAlertSeq, listAlerts, type AlertWithNames } from '../../store/alerts.js';
import { age, html, localTime, type Html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { readEntry } from '../context.js';

const name = (p: { firstName: string; lastName: string }) => `${p.lastName}, ${p.firstName}`;

/** One urgent alert as Today lists it; the live channel sends new ones in this form. */
export function urgentAlertItem(alert: AlertWithNames, zone: string, now: Date): Html {
  return html`<li class="alert urgent" data-alert-id="${alert.id}">
    <a href="/app/alerts/${alert.id}"><strong>${name(alert.patient)}</strong>: ${describeReason(alert.reason)}</a>
    ${alert.patientText ? html`<q class="patient-text">${alert.patientText}</q>` : ''}
    <span class="meta"><time datetime="${alert.createdAt}" title="${localTime(alert.createdAt, zone)}">${age(alert.createdAt, now)}</time>
    · <span class="status status-${alert.status}">${alert.status === 'open' ? 'not yet acknowledged' : `acknowledged by ${alert.acknowledgedByName ?? 'a coordinator'}`}</span></span>
  </li>`;
}

function reviewItem(alert: AlertWithNames, zone: string, now: Date): Html {
  const overdue = alert.reviewDueAt !== null && Date.parse(alert.reviewDueAt) <= now.getTime();
  return html`<li class="alert elevated${overdue ? ' overdue' : ''}">
    <a href="/app/alerts/${alert.id}"><strong>${name(alert.patient)}</strong>: ${describeReason(alert.reason)}</a>
    ${alert.patientText ? html`<q class="patient-text">${alert.patientText}</q>` : ''}
    <span class="meta">${
      alert.reviewDueAt
        ? overdue
          ? html`<strong class="badge overdue">Overdue</strong> since ${localTime(alert.reviewDueAt, zone)}`
          : html`Review by ${localTime(alert.reviewDueAt, zone)}`
        : ''
    }</span>
  </li>`;
}

function callItem(entry: CallListEntry, zone: string): Html {
  return html`<li>
    <a href="/app/patients/${entry.patient.id}"><strong>${name(entry.patient)}</strong></a>
    <span>${entry.reasons.map((r) => r.detail).join('; ')}</span>
    <span class="meta">${entry.lastContactAt ? html`Last heard from ${localTime(entry.lastContactAt, zone)}` : 'Not heard from yet'}
    · prefers ${entry.patient.preferredChannel === 'voice' ? 'calls' : 'texts'}${entry.patient.language === 'es' ? ', Spanish' : ''}</span>
  </li>`;
}

const section = (id: string, title: string, empty: string, items: Html[], after?: string) =>
  html`<section aria-labelledby="${id}-title"><h2 id="${id}-title">${title} <span class="count" data-count>${items.length}</span></h2>
    <ul id="${id}" class="list"${after ? html` data-after="${after}"` : ''}>${items}</ul>${items.length === 0 ? html`<p class="empty" data-empty>${empty}</p>` : ''}</section>`;

export const todayPage: FastifyPluginAsync<PageDeps> = async (app, { deps, practiceOf }) => {
  app.get('/', async (request, reply) => {
    const practice = await practiceOf(request);
    const now = deps.clock.now();
    // Read first: the live channel then reports every urgent alert raised after what this page shows.
    const after = await latestAlertSeq(deps.db.pool, practice.id);
    const unresolved = await listAlerts(deps.db.pool, { practiceId: practice.id, status: 'unresolved', limit: 500 });
    const urgent = unresolved.filter((a) => a.level === 'urgent');
    const reviews = unresolved.filter((a) => a.level === 'elevated').sort((a, b) => (a.reviewDueAt ?? '').localeCompare(b.reviewDueAt ?? ''));
    const calls = (await callList(deps.db.pool, practice, now)).filter((e) => !e.reasons.some((r) => r.code === 'urgent_alert' || r.code === 'alert'));
    const shown = new Set([...unresolved.map((a) => a.patientId), ...calls.map((c) => c.patient.id)]);
    await recordAccess(deps.db.pool, readEntry(request, 'web.today'), [...shown]);
    const zone = practice.timezone;
    const body = html`
      ${section('urgent-alerts', 'Urgent alerts', 'No urgent alerts. New ones appear here as they come in.', urgent.map((a) => urgentAlertItem(a, zone, now)), after)}
      ${section('reviews', 'Reviews due', 'Nothing waiting for review.', reviews.map((a) => reviewItem(a, zone, now)))}
      ${section('call-list', 'Call list', 'Nobody to call today.', calls.map((c) => callItem(c, zone)))}`;
    return reply.type('text/html; charset=utf-8').send(page({ title: 'Today', session: request.staffSession, practiceName: practice.name, current: 'today', liveAlerts: true, body }));
  });
};
