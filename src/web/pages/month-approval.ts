/**
 * Approving a month while something is still waiting for a person (an alert
 * nobody acknowledged, a case not resolved) asks first, and says how many:
 * approval locks the record, and what is done about them afterwards only goes
 * in as an addendum. The server decides: a POST without the confirmation for
 * exactly these counts shows the question again instead of approving, so a
 * new alert arriving while the question is open is asked about too.
 */
import { DateTime } from 'luxon';
import { listAlerts } from '../../store/alerts.js';
import type { Queryable } from '../../store/sql.js';
import { csrfField, html, type Html } from '../html.js';

/** Enough for any patient's unresolved alerts: a patient with more is counted as having this many. */
const ALERTS_LOOKED_AT = 500;

export interface OpenItems {
  /** Alerts nobody acknowledged or resolved yet. */
  alerts: number;
  /** Cases not resolved yet (a case holds a patient's unresolved alerts). */
  caseIds: string[];
}

/** What the confirmation must carry: the counts the user was asked about. */
export const confirmationOf = (items: OpenItems) => `${items.alerts}-${items.caseIds.length}`;
export const needsAsking = (items: OpenItems) => items.alerts > 0 || items.caseIds.length > 0;

/** The patient's alerts and cases still open that were raised by the end of `month` (later ones are another month's). */
export async function openItems(db: Queryable, practiceId: string, patientId: string, month: string, zone: string): Promise<OpenItems> {
  const end = DateTime.fromFormat(month, 'yyyy-MM', { zone }).plus({ months: 1 }).toMillis();
  const unresolved = (await listAlerts(db, { practiceId, patientId, status: 'unresolved', limit: ALERTS_LOOKED_AT })).filter((a) => Date.parse(a.createdAt) < end);
  return {
    alerts: unresolved.filter((a) => a.status === 'open').length,
    caseIds: [...new Set(unresolved.flatMap((a) => (a.caseId ? [a.caseId] : [])))],
  };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The question, in words: "2 alerts nobody has acknowledged and 1 open case". */
export function openItemsText(items: OpenItems): string {
  const parts = [
    items.alerts > 0 ? count(items.alerts, 'alert nobody has acknowledged', 'alerts nobody has acknowledged') : null,
    items.caseIds.length > 0 ? count(items.caseIds.length, 'case not yet resolved', 'cases not yet resolved') : null,
  ].filter((p): p is string => p !== null);
  return parts.join(' and ');
}

/** The confirm step, where the Approve button was: it has the focus, so the page opens on it and it is read out. */
export function approvalQuestion(items: OpenItems, base: string, csrf: string): Html {
  return html`<form method="post" action="${base}/approve" class="card confirm stack">${csrfField(csrf)}
    <p id="approve-question" role="alert" tabindex="-1" autofocus><strong>This patient has ${openItemsText(items)}.</strong>
      Approve the month anyway? Approving locks the record; what is done about them afterwards goes in as an addendum.</p>
    ${items.caseIds.length
      ? html`<p>Look first: ${items.caseIds.map((id, i) => html`${i > 0 ? ', ' : ''}<a href="/app/cases/${id}">the open case${items.caseIds.length > 1 ? ` ${i + 1}` : ''}</a>`)}.</p>`
      : ''}
    <input type="hidden" name="confirm" value="${confirmationOf(items)}">
    <div class="actions"><button type="submit">Approve anyway</button> <a href="${base}">Not now</a></div>
  </form>`;
}
