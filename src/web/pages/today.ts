/**
 * Today: what needs a person, most pressing first, one card per patient
 * (their case, however many alerts it holds). Urgent cases (new ones arrive,
 * and changed ones update, without a reload), texts from unknown numbers
 * waiting for a person (urgent ones first), elevated cases by review
 * deadline, then the call list: the same list, in the same order, as
 * GET /practices/:id/call-list and the morning digest's count, followed by
 * the candidates an enrolment campaign left for a person (the API's
 * `invitations`), each marked as an invitation and linked to their page;
 * last, patients' texts for the front desk (a new number, office hours).
 */
import type { FastifyPluginAsync } from 'fastify';
import { callList, invitationCalls, loadCaseViews, type CallListEntry, type CaseView, type InvitationCallEntry } from '../../alerts/index.js';
import { recordAccess } from '../../store/audit.js';
import { latestAlertSeq } from '../../store/alerts.js';
import { listCases } from '../../store/case-views.js';
import { listTextsToRead } from '../../store/unmatched-texts.js';
import { listFrontDeskTexts } from '../../store/front-desk.js';
import { html, localTime, type Html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { readEntry } from '../context.js';
import { phoneLink } from './alert-context.js';
import { caseCard } from './case-card.js';
import { unknownTextItem } from './unknown-text-view.js';
import { frontDeskItem } from './front-desk.js';

/** Texts from unknown numbers shown on Today; the rest are a link away. */
const TEXTS_SHOWN = 20;

const name = (p: { firstName: string; lastName: string }) => `${p.lastName}, ${p.firstName}`;

function callItem(entry: CallListEntry, zone: string, caseId: string | undefined): Html {
  return html`<li>
    <a href="/app/patients/${entry.patient.id}"><strong>${name(entry.patient)}</strong></a>
    <span>${entry.reasons.map((r) => r.detail).join('; ')}${caseId ? html` · <a href="/app/cases/${caseId}">their case</a>` : ''}</span>
    <span class="meta">${phoneLink(entry.patient.phone)} · ${entry.lastContactAt ? html`Last heard from ${localTime(entry.lastContactAt, zone)}` : 'Not heard from yet'}
    · prefers ${entry.patient.preferredChannel === 'voice' ? 'calls' : 'texts'}${entry.patient.language === 'es' ? ', Spanish' : ''}</span>
  </li>`;
}

/** A candidate to call about joining CCM: marked, so nobody mistakes them for an enrolled patient. */
function invitationItem(entry: InvitationCallEntry, zone: string): Html {
  const c = entry.candidate;
  return html`<li data-invitation>
    <span class="badge">invitation</span> <a href="/app/enrolment/candidates/${c.id}"><strong>${name(c)}</strong></a>
    <span>${entry.reason.detail}</span>
    <span class="meta">${phoneLink(c.phone)} · on the list since ${localTime(entry.reason.since, zone)}
    · prefers ${c.preferredChannel === 'voice' ? 'calls' : 'texts'}${c.language === 'es' ? ', Spanish' : ''}</span>
  </li>`;
}

/** Elevated cases: the nearest review deadline first; those reviewed already (no deadline) after, longest open first. */
const byDeadline = (a: CaseView, b: CaseView) =>
  (a.reviewDueAt ?? '\uffff').localeCompare(b.reviewDueAt ?? '\uffff') || a.case.openedAt.localeCompare(b.case.openedAt);

const section = (id: string, title: string, empty: string, items: Html[], o: { after?: string; count?: number; more?: Html } = {}) =>
  html`<section aria-labelledby="${id}-title"><h2 id="${id}-title">${title} <span class="count" data-count>${o.count ?? items.length}</span></h2>
    <ul id="${id}" class="list"${o.after ? html` data-after="${o.after}"` : ''}>${items}</ul>${items.length === 0 ? html`<p class="empty" data-empty>${empty}</p>` : ''}${o.more ?? ''}</section>`;

export const todayPage: FastifyPluginAsync<PageDeps> = async (app, { deps, practiceOf }) => {
  const { pool } = deps.db;
  app.get('/', async (request, reply) => {
    const practice = await practiceOf(request);
    // The instant the request arrived, as the API's call list takes it: both read one list at one time.
    const now = request.receivedAt;
    // Read first: the live channel then reports every urgent case with an alert raised after what this page shows.
    const after = await latestAlertSeq(pool, practice.id);
    const cases = await loadCaseViews(pool, await listCases(pool, { practiceId: practice.id, status: 'unresolved', limit: 500 }), now);
    const urgent = cases.filter((v) => v.case.level === 'urgent');
    const reviews = cases.filter((v) => v.case.level === 'elevated').sort(byDeadline);
    const texts = await listTextsToRead(pool, practice.id, TEXTS_SHOWN);
    // The whole call list: a patient whose case is above is still someone to call today.
    const calls = await callList(pool, practice, now);
    const invitations = await invitationCalls(pool, practice);
    const office = await listFrontDeskTexts(pool, practice.id, { filter: 'open', limit: TEXTS_SHOWN });
    const caseOf = new Map(cases.map((v) => [v.case.patientId, v.case.id]));
    const linked = texts.data.flatMap((t) => (t.linked ? [t.linked.patient.id] : []));
    const shown = new Set([...cases.map((v) => v.case.patientId), ...calls.map((c) => c.patient.id), ...linked, ...office.data.map((t) => t.patient.id)]);
    await recordAccess(pool, readEntry(request, 'web.today'), [...shown]);
    // Candidates are no patients yet: their names and numbers are read for the practice.
    if (invitations.length > 0) await recordAccess(pool, readEntry(request, 'web.today'), [null]);
    const zone = practice.timezone;
    const csrf = request.staffSession?.user.staffId ? request.staffSession.csrfToken : null;
    const moreTexts =
      texts.total > texts.data.length
        ? html`<p><a href="/app/unknown-senders">All ${texts.total} texts waiting</a></p>`
        : html`<p class="meta"><a href="/app/unknown-senders?status=all">Every text from an unknown number</a></p>`;
    const body = html`
      ${section('urgent-cases', 'Urgent', 'No urgent cases. New ones appear here as they come in.', urgent.map((v) => caseCard(v, zone, now)), { after })}
      ${section('unknown-texts', 'Texts from unknown numbers', 'No text from an unknown number is waiting for a person.', texts.data.map((t) => unknownTextItem(t, zone, now)), { count: texts.total, more: moreTexts })}
      ${section('review-cases', 'Reviews due', 'Nothing waiting for review.', reviews.map((v) => caseCard(v, zone, now)))}
      ${section('call-list', 'Call list', 'Nobody to call today.', [...calls.map((c) => callItem(c, zone, caseOf.get(c.patient.id))), ...invitations.map((i) => invitationItem(i, zone))])}
      ${section('front-desk', 'For the front desk', 'No text waits for the front desk.', office.data.map((t) => frontDeskItem(t, zone, now, csrf)), { count: office.total })}`;
    return reply.type('text/html; charset=utf-8').send(page({ title: 'Today', session: request.staffSession, practiceName: practice.name, current: 'today', liveAlerts: true, body }));
  });
};
