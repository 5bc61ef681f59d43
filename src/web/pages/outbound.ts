/**
 * The outbound log: every text the service sent, to patients and to the care
 * team (alerts, digests, texts about unknown numbers), newest first, 50 a
 * page, with whom it went to and how it stands, so a coordinator can see
 * that a text went (or why it did not).
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { recordAccess } from '../../store/audit.js';
import { listOutbound, type SentText } from '../../store/outbound-log.js';
import { html, localTime, type Html } from '../html.js';
import { page } from '../layout.js';
import type { PageDeps } from '../page-deps.js';
import { readEntry } from '../context.js';
import { kindWords, recipient, statusWords } from './alert-context.js';

export const SENT_PER_PAGE = 50;
const Query = z.object({ to: z.enum(['all', 'patient', 'coordinator']).catch('all'), before: z.uuid().optional().catch(undefined) });

const FILTERS = [
  ['all', 'Everyone'],
  ['patient', 'Patients'],
  ['coordinator', 'Care team'],
] as const;

/** What a text to the care team was about: its alert, or the text from an unknown number. */
function about(t: SentText): Html | string {
  if (t.aboutAlertId) return html`<a href="/app/alerts/${t.aboutAlertId}">the alert</a>${t.patient ? ` about ${t.patient.firstName} ${t.patient.lastName}` : ''}`;
  if (t.aboutMessageId) return html`<a href="/app/unknown-senders/${t.aboutMessageId}">a text from an unknown number</a>`;
  return '';
}

function row(t: SentText, zone: string): Html {
  const to =
    t.audience === 'patient' && t.patient ? html`<a href="/app/patients/${t.patient.id}">${t.patient.lastName}, ${t.patient.firstName}</a>` : recipient(t);
  return html`<tr><td>${localTime(t.at, zone)}</td><td>${to}${t.audience === 'coordinator' ? html` <span class="meta">(care team)</span>` : ''}</td>
    <td>${kindWords(t.kind)}${t.audience === 'coordinator' && about(t) ? html`<br><span class="meta">about ${about(t)}</span>` : ''}</td>
    <td>${statusWords(t)}</td><td>${t.body}</td></tr>`;
}

export const outboundPages: FastifyPluginAsync<PageDeps> = async (app, { deps, practiceOf }) => {
  app.get('/outbound', async (request, reply) => {
    const practice = await practiceOf(request);
    const q = Query.parse(request.query ?? {});
    const { data, next } = await listOutbound(deps.db.pool, practice.id, { audience: q.to, limit: SENT_PER_PAGE, before: q.before });
    const patients = [...new Set(data.flatMap((t) => (t.patient ? [t.patient.id] : [])))];
    await recordAccess(deps.db.pool, readEntry(request, 'web.outbound'), patients.length ? patients : [null]);
    const body = html`<p>Every text ccm-bot sent for the practice, newest first: check-ins and replies to patients, alerts and digests to the care team.</p>
      <nav aria-label="Sent to"><ul class="filters">${FILTERS.map(
        ([key, label]) => html`<li><a href="/app/outbound?to=${key}"${key === q.to ? html` aria-current="page"` : ''}>${label}</a></li>`,
      )}</ul></nav>
      ${
        data.length
          ? html`<div class="table-wrap"><table><thead><tr><th scope="col">When</th><th scope="col">To</th><th scope="col">What</th><th scope="col">Status</th><th scope="col">Text</th></tr></thead>
            <tbody>${data.map((t) => row(t, practice.timezone))}</tbody></table></div>`
          : html`<p class="empty">Nothing sent${q.before ? ' before these' : ' yet'}.</p>`
      }
      ${next ? html`<p><a href="/app/outbound?to=${q.to}&amp;before=${next}">Older texts</a></p>` : ''}`;
    return reply.type('text/html; charset=utf-8').send(page({ title: 'Sent texts', session: request.staffSession, practiceName: practice.name, current: 'outbound', body }));
  });
};
