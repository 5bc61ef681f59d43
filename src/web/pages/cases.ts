/**
 * One patient's case: every reason (the reasons of one event as one), each
 * with the patient's own words, what else they said and its evidence, and
 * the alerts behind it; the patient's phone, the conversation around their
 * words and the texts the care team was sent; acknowledge the whole case, or
 * resolve it with a note.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { describeReason, loadCaseViews, type CaseReason, type CaseView } from '../../alerts/index.js';
import { DomainError } from '../../errors.js';
import { acknowledgeCase, caseFor, resolveCase, textCasePatient } from '../../actions/index.js';
import { CARE_TEAM_TEXT_MAX } from '../../escalation/index.js';
import { recordAccess } from '../../store/audit.js';
import { findCasesWithNames } from '../../store/case-views.js';
import { csrfField, html, localTime, type Html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { actionContext, readEntry } from '../context.js';
import { conversationSection, loadAlertContext, notificationsSection, phoneLink } from './alert-context.js';
import { redirect, requireSession } from '../session.js';

/** The case id in the path ('' when absent: "not found"). */
const caseId = (request: FastifyRequest) => (request.params as { id?: string }).id ?? '';
const ResolveForm = z.object({ note: z.string().trim().min(1, 'write what was done').max(2000) });
const TextForm = z.object({ words: z.string().trim().min(1).max(CARE_TEAM_TEXT_MAX) });

function reasonSection(reason: CaseReason, view: CaseView, zone: string, index: number): Html {
  const alerts = view.alerts.filter((a) => reason.alertIds.includes(a.id));
  return html`<section aria-labelledby="reason-${index}" class="card">
    <h3 id="reason-${index}"><span class="badge level-${reason.level}">${reason.level}</span> ${reason.description}</h3>
    ${reason.words.map((w) => html`<blockquote class="patient-text"><p>${w}</p></blockquote>`)}
    ${reason.alsoSaid.length ? html`<p>Also said:</p><ul>${reason.alsoSaid.map((w) => html`<li><q class="patient-text">${w}</q></li>`)}</ul>` : ''}
    ${reason.evidence.length ? html`<ul>${reason.evidence.map((e) => html`<li>${localTime(e.at, zone)}: ${e.explanation}</li>`)}</ul>` : ''}
    <p class="meta">Alerts: ${alerts.map(
      (a, i) => html`${i > 0 ? ', ' : ''}<a href="/app/alerts/${a.id}">${describeReason(a.reason)}</a> (${a.status})`,
    )}</p>
  </section>`;
}

function actSection(view: CaseView, csrfToken: string): Html {
  const c = view.case;
  return html`<section aria-labelledby="act-title" class="card"><h2 id="act-title">Act</h2>
    ${c.status === 'open' ? html`<div class="actions"><form method="post" action="/app/cases/${c.id}/acknowledge">${csrfField(csrfToken)}<button type="submit">Acknowledge</button></form></div>` : ''}
    <form method="post" action="/app/cases/${c.id}/text" class="stack">${csrfField(csrfToken)}
      <label for="words">Text the patient</label>
      <textarea id="words" name="words" rows="3" required maxlength="${CARE_TEAM_TEXT_MAX}" aria-describedby="words-help"></textarea>
      <p id="words-help" class="meta">Sent from the practice's number and signed with your name; outside their hours it waits for the morning. Sending takes the case.</p>
      <button type="submit">Send text</button>
    </form>
    <form method="post" action="/app/cases/${c.id}/resolve" class="stack">${csrfField(csrfToken)}
      <label for="note">What was done</label>
      <textarea id="note" name="note" rows="3" required maxlength="2000"></textarea>
      <button type="submit">Resolve</button>
    </form></section>`;
}

export const casePages: FastifyPluginAsync<PageDeps> = async (app, { deps, practiceOf }) => {
  const { pool } = deps.db;

  app.get('/cases/:id', async (request, reply) => {
    const found = await caseFor(actionContext(deps, request), caseId(request));
    const [practice, cases] = await Promise.all([practiceOf(request), findCasesWithNames(pool, [found.id])]);
    const [view] = await loadCaseViews(pool, cases, deps.clock.now());
    const c = view!.case;
    const session = requireSession(request);
    const zone = practice.timezone;
    const context = await loadAlertContext(pool, c.patientId, view!.alerts.map((a) => a.id));
    await recordAccess(pool, readEntry(request, 'web.case'), [c.patientId]);
    const body = html`
      <p class="lead"><span class="badge level-${c.level}">${c.level}</span>
        <a href="/app/patients/${c.patientId}">${c.patient.firstName} ${c.patient.lastName}</a>: ${view!.reasons.map((r) => r.description).join('; ')}</p>
      <dl class="facts">
        <dt>Phone</dt><dd>${phoneLink(c.patient.phone)}</dd>
        <dt>Opened</dt><dd>${localTime(c.openedAt, zone)}</dd>
        <dt>Status</dt><dd>${c.status}${c.acknowledgedAt ? html`, acknowledged by ${c.acknowledgedByName ?? 'a coordinator'} at ${localTime(c.acknowledgedAt, zone)}` : ''}</dd>
        ${c.resolvedAt ? html`<dt>Resolved</dt><dd>${localTime(c.resolvedAt, zone)} by ${c.resolvedByName ?? 'a coordinator'}: ${c.resolutionNote}</dd>` : ''}
        ${view!.reviewDueAt ? html`<dt>Review by</dt><dd>${view!.overdue ? html`<strong class="badge overdue">Overdue</strong> ` : ''}${localTime(view!.reviewDueAt, zone)}</dd>` : ''}
      </dl>
      ${c.status !== 'resolved' && session.user.staffId !== null ? actSection(view!, session.csrfToken) : ''}
      <section aria-labelledby="reasons-title"><h2 id="reasons-title">Reasons</h2>
        ${view!.reasons.map((r, i) => reasonSection(r, view!, zone, i))}
      </section>
      ${conversationSection(context.conversation, c.patient, zone)}
      ${notificationsSection(context.notifications, zone)}`;
    return reply.type('text/html; charset=utf-8').send(page({ title: 'Case', session, practiceName: practice.name, current: 'today', body }));
  });

  app.post('/cases/:id/acknowledge', async (request, reply) => {
    const acknowledged = await acknowledgeCase(actionContext(deps, request), { caseId: caseId(request) });
    return redirect(reply, `/app/cases/${acknowledged.id}`);
  });

  app.post('/cases/:id/resolve', async (request, reply) => {
    const found = await caseFor(actionContext(deps, request), caseId(request));
    const form = ResolveForm.safeParse(request.body);
    if (!form.success) throw new DomainError('validation_failed', 'Write what was done before resolving the case.');
    await resolveCase(actionContext(deps, request), { caseId: found.id, note: form.data.note });
    return redirect(reply, `/app/cases/${found.id}`);
  });

  app.post('/cases/:id/text', async (request, reply) => {
    const form = TextForm.safeParse(request.body);
    if (!form.success) throw new DomainError('validation_failed', `Write the text (at most ${CARE_TEAM_TEXT_MAX} characters) before sending it.`);
    const sent = await textCasePatient(actionContext(deps, request), { caseId: caseId(request), words: form.data.words });
    return redirect(reply, `/app/cases/${sent.case.id}`);
  });
};
