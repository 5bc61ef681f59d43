/**
 * One alert: why, in words and in the patient's own text, the conversation
 * around it, the patient's phone, its evidence, who was called and texted and
 * how it went; acknowledge, resolve with a note, or ring my phone and connect
 * me to the patient.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { describeReason } from '../../alerts/index.js';
import { duration } from '../../documentation/billing.js';
import { DomainError } from '../../errors.js';
import { acknowledgeAlert, alertFor, callPatientAbout, resolveAlert } from '../../actions/index.js';
import { listEvidence } from '../../store/alert-evidence.js';
import { findAlertWithNames, type AlertWithNames } from '../../store/alerts.js';
import { recordAccess } from '../../store/audit.js';
import { listAttempts } from '../../store/escalations.js';
import { listStaff } from '../../store/staff.js';
import { csrfField, html, localTime } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { actionContext, readEntry } from '../context.js';
import { conversationSection, loadAlertContext, notificationsSection, phoneLink } from './alert-context.js';
import { redirect, requireSession } from '../session.js';

/** The alert id in the path ('' when absent: "not found"). */
const alertId = (request: FastifyRequest) => (request.params as { id?: string }).id ?? '';
const ResolveForm = z.object({ note: z.string().trim().min(1, 'write what was done').max(2000) });

export const alertPages: FastifyPluginAsync<PageDeps> = async (app, { deps, practiceOf }) => {
  const { pool } = deps.db;

  /** The alert, if it belongs to the signed-in user's practice (another practice's is "not found"). */
  async function ownAlert(request: FastifyRequest): Promise<AlertWithNames> {
    const alert = await alertFor(actionContext(deps, request), alertId(request));
    return (await findAlertWithNames(pool, alert.id))!;
  }

  app.get('/alerts/:id', async (request, reply) => {
    const alert = await ownAlert(request);
    const practice = await practiceOf(request);
    const session = requireSession(request);
    const zone = practice.timezone;
    const evidence = await listEvidence(pool, alert.id);
    const attempts = await listAttempts(pool, alert.id);
    const staff = new Map((await listStaff(pool, practice.id)).map((s) => [s.id, s.name]));
    const context = await loadAlertContext(pool, alert.patientId, [alert.id]);
    await recordAccess(pool, readEntry(request, 'web.alert'), [alert.patientId]);
    const open = alert.status !== 'resolved';
    const canAct = session.user.staffId !== null;
    const body = html`
      <p class="lead"><span class="badge level-${alert.level}">${alert.level}</span>
        <a href="/app/patients/${alert.patientId}">${alert.patient.firstName} ${alert.patient.lastName}</a>: ${describeReason(alert.reason)}</p>
      <p>Phone: ${phoneLink(alert.patient.phone)}</p>
      ${alert.patientText ? html`<blockquote class="patient-text"><p>${alert.patientText}</p></blockquote>` : ''}
      ${alert.explanation ? html`<p>${alert.explanation}</p>` : ''}
      <dl class="facts">
        <dt>Raised</dt><dd>${localTime(alert.createdAt, zone)}</dd>
        ${alert.caseId ? html`<dt>Case</dt><dd><a href="/app/cases/${alert.caseId}">All of ${alert.patient.firstName} ${alert.patient.lastName}'s reasons, worked as one</a></dd>` : ''}
        <dt>Status</dt><dd>${alert.status}${alert.acknowledgedAt ? html`, acknowledged by ${alert.acknowledgedByName ?? 'a coordinator'} at ${localTime(alert.acknowledgedAt, zone)}` : ''}</dd>
        ${alert.resolvedAt ? html`<dt>Resolved</dt><dd>${localTime(alert.resolvedAt, zone)} by ${alert.resolvedByName ?? 'a coordinator'}: ${alert.resolutionNote}</dd>` : ''}
        ${alert.reviewDueAt && open ? html`<dt>Review by</dt><dd>${localTime(alert.reviewDueAt, zone)}</dd>` : ''}
      </dl>
      ${open && canAct
        ? html`<section aria-labelledby="act-title" class="card"><h2 id="act-title">Act</h2>
          <div class="actions">
            <form method="post" action="/app/alerts/${alert.id}/call">${csrfField(session.csrfToken)}<button type="submit">Call the patient (rings your phone)</button></form>
            ${alert.status === 'open' ? html`<form method="post" action="/app/alerts/${alert.id}/acknowledge">${csrfField(session.csrfToken)}<button type="submit">Acknowledge</button></form>` : ''}
          </div>
          <form method="post" action="/app/alerts/${alert.id}/resolve" class="stack">${csrfField(session.csrfToken)}
            <label for="note">What was done</label>
            <textarea id="note" name="note" rows="3" required maxlength="2000"></textarea>
            <button type="submit">Resolve</button>
          </form></section>`
        : ''}
      ${conversationSection(context.conversation, alert.patient, zone)}
      <section aria-labelledby="evidence-title"><h2 id="evidence-title">Evidence</h2>
        ${evidence.length ? html`<ul class="list">${evidence.map((e) => html`<li>${localTime(e.at, zone)}: ${e.explanation}</li>`)}</ul>` : html`<p class="empty">No further evidence.</p>`}
      </section>
      <section aria-labelledby="calls-title"><h2 id="calls-title">Escalation: calls to the care team</h2>
        ${attempts.length
          ? html`<table><thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Outcome</th></tr></thead><tbody>
            ${attempts.map((a) => html`<tr><td>${localTime(a.startedAt, zone)}</td><td>${a.coordinatorId ? (staff.get(a.coordinatorId) ?? '') : 'everyone'}</td>
              <td>${a.kind === 'final_texts' ? 'texts to everyone' : a.round === 0 ? 'call requested in the app' : `call, round ${a.round}`}</td>
              <td>${a.outcome ?? a.status}${a.bridgeSeconds ? ` (${duration(a.bridgeSeconds)} with the patient)` : ''}</td></tr>`)}
            </tbody></table>`
          : html`<p class="empty">Nobody has been called about it.</p>`}
      </section>
      ${notificationsSection(context.notifications, zone)}`;
    return reply.type('text/html; charset=utf-8').send(page({ title: 'Alert', session, practiceName: practice.name, current: 'today', body }));
  });

  app.post('/alerts/:id/acknowledge', async (request, reply) => {
    const alert = await acknowledgeAlert(actionContext(deps, request), { alertId: alertId(request) });
    return redirect(reply, `/app/alerts/${alert.id}`);
  });

  app.post('/alerts/:id/resolve', async (request, reply) => {
    const alert = await ownAlert(request);
    const form = ResolveForm.safeParse(request.body);
    if (!form.success) throw new DomainError('validation_failed', 'Write what was done before resolving the alert.');
    await resolveAlert(actionContext(deps, request), { alertId: alert.id, note: form.data.note });
    return redirect(reply, `/app/alerts/${alert.id}`);
  });

  app.post('/alerts/:id/call', async (request, reply) => {
    const alert = await callPatientAbout(actionContext(deps, request), { alertId: alertId(request) });
    return redirect(reply, `/app/alerts/${alert.id}`);
  });
};
