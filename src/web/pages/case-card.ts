/**
 * One patient's case as Today shows it, a card per patient whatever number
 * of alerts they raised: level, name, the reasons in words, their latest
 * words, their phone, how long it has been open, its status and review
 * deadline. The live channel sends new and changed urgent cases in this form.
 */
import type { CaseView } from '../../alerts/index.js';
import { age, html, localTime, type Html } from '../html.js';
import { phoneLink } from './alert-context.js';

const name = (p: { firstName: string; lastName: string }) => `${p.lastName}, ${p.firstName}`;

function statusText(view: CaseView): string {
  const c = view.case;
  if (c.status === 'open') return 'not yet acknowledged';
  if (c.status === 'acknowledged') return `acknowledged by ${c.acknowledgedByName ?? 'a coordinator'}`;
  return `resolved by ${c.resolvedByName ?? 'a coordinator'}`;
}

function deadline(view: CaseView, zone: string): Html | string {
  if (!view.reviewDueAt) return '';
  return view.overdue
    ? html` · <strong class="badge overdue">Overdue</strong> since ${localTime(view.reviewDueAt, zone)}`
    : html` · Review by ${localTime(view.reviewDueAt, zone)}`;
}

export function caseCard(view: CaseView, zone: string, now: Date): Html {
  const c = view.case;
  // The version tells the page a card it already shows from news: the live channel may send a card again.
  return html`<li class="case ${c.level}${view.overdue ? ' overdue' : ''}" data-case-id="${c.id}" data-version="${view.alerts.length}-${c.status}">
    <span><span class="badge level-${c.level}">${c.level}</span>
    <a href="/app/cases/${c.id}"><strong>${name(c.patient)}</strong>: ${view.reasons.map((r) => r.description).join('; ')}</a></span>
    ${view.latestWords ? html`<q class="patient-text">${view.latestWords.text}</q>` : ''}
    <span class="meta">${phoneLink(c.patient.phone)} · <time datetime="${c.openedAt}" title="${localTime(c.openedAt, zone)}">${age(c.openedAt, now)}</time>
    · <span class="status status-${c.status}">${statusText(view)}</span>${deadline(view, zone)}</span>
  </li>`;
}
