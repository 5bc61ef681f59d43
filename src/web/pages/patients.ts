/**
 * Patients: the practice's panel, 50 at a time, and one patient's page: who
 * they are and how they stand, their readings charted against the practice's
 * thresholds, their medicines, care plan and consent, what outreach is
 * planned, and everything said and done, newest first (patient/view.ts). The
 * forms' routes are in patient/actions.ts, medicine-routes.ts and
 * record-routes.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { recordAccess } from '../../store/audit.js';
import { listPatients, searchPatients, type Patient } from '../../store/patients.js';
import { html, type Html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { readEntry } from '../context.js';
import { patientActions } from './patient/actions.js';
import { ownPatient } from './forms.js';
import { medicineRoutes } from './patient/medicine-routes.js';
import { appointmentRoutes } from './patient/appointment-routes.js';
import { recordRoutes } from './patient/record-routes.js';
import { channelName, isPaused, languageName } from './patient/sections.js';
import { patientView } from './patient/view.js';

export const PATIENTS_PER_PAGE = 50;
const ListQuery = z.object({ after: z.uuid().optional(), q: z.string().max(100).optional() });

function marks(p: Patient, now: Date): Html {
  const shown = [
    p.status === 'disenrolled' ? 'disenrolled' : null,
    p.smsOptedOutAt ? 'opted out' : null,
    p.phoneInvalidAt ? 'number cannot text' : null,
    p.emailBouncedAt ? 'email bounced' : null,
    isPaused(p, now) ? 'paused' : null,
    p.unreachableAt ? 'unreachable' : null,
  ].filter((m): m is string => m !== null);
  return html`${shown.map((m, i) => html`${i ? ' ' : ''}<span class="mark mark-${m.replace(/ /g, '-')}">${m}</span>`)}`;
}

function patientRow(p: Patient, now: Date): Html {
  return html`<tr>
    <th scope="row"><a href="/app/patients/${p.id}">${p.lastName}, ${p.firstName}</a></th>
    <td><span class="badge triage-${p.triage.level}">${p.triage.level}</span></td>
    <td>${channelName(p.preferredChannel)}</td>
    <td>${languageName(p.language)}</td>
    <td>${marks(p, now)}</td>
  </tr>`;
}

export const patientPages: FastifyPluginAsync<PageDeps> = async (app, pageDeps) => {
  const { deps, practiceOf } = pageDeps;
  const { pool } = deps.db;

  app.get('/patients', async (request, reply) => {
    const practice = await practiceOf(request);
    const query = ListQuery.safeParse(request.query);
    const after = query.success ? query.data.after : undefined;
    const q = query.success ? (query.data.q?.trim() ?? '') : '';
    const { patients, next } = q
      ? { patients: await searchPatients(pool, practice.id, q, PATIENTS_PER_PAGE), next: null }
      : await listPatients(pool, practice.id, { limit: PATIENTS_PER_PAGE, after });
    await recordAccess(pool, readEntry(request, 'web.patients'), patients.map((p) => p.id));
    const now = deps.clock.now();
    const body = html`
      <form method="get" action="/app/patients" role="search" class="actions" aria-label="Find a patient">
        <label for="q">Find a patient</label>
        <input id="q" name="q" type="search" value="${q}" placeholder="Name or phone" autocomplete="off">
        <button type="submit">Find</button>${q ? html` <a href="/app/patients">All patients</a>` : ''}
      </form>
      ${patients.length
        ? html`<div class="table-wrap"><table class="patients">
            <thead><tr><th scope="col">Patient</th><th scope="col">Triage</th><th scope="col">Prefers</th><th scope="col">Language</th><th scope="col">Marks</th></tr></thead>
            <tbody>${patients.map((p) => patientRow(p, now))}</tbody></table></div>`
        : html`<p class="empty">${q ? 'No patient matches.' : after ? 'No more patients.' : 'No patients enrolled yet.'}</p>`}
      <nav aria-label="Pages" class="actions">
        ${after ? html`<a href="/app/patients">First page</a>` : ''}
        ${next ? html`<a href="/app/patients?after=${next}" rel="next">Next ${PATIENTS_PER_PAGE} patients</a>` : ''}
      </nav>`;
    return reply.type('text/html; charset=utf-8').send(page({ title: 'Patients', session: request.staffSession, practiceName: practice.name, current: 'patients', body }));
  });

  const showPatient = patientView(pageDeps);
  app.get('/patients/:id', async (request, reply) => showPatient(request, reply, await ownPatient(pool, request)));

  await app.register(patientActions, pageDeps);
  await app.register(medicineRoutes, pageDeps);
  await app.register(appointmentRoutes, pageDeps);
  await app.register(recordRoutes, pageDeps);
};
