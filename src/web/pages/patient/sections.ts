/**
 * The patient page's Summary and Upcoming outreach sections, and the notices
 * a form's redirect names by key (the URL carries only the key, never
 * anything about the patient).
 */
import type { PatientSchedule } from '../../../outreach/index.js';
import { explainChoice } from '../../../planning/index.js';
import type { Coordinator } from '../../../store/coordinators.js';
import type { Medication } from '../../../store/medications.js';
import type { Patient } from '../../../store/patients.js';
import type { Practice } from '../../../store/practices.js';
import { csrfField, html, localTime, type Html } from '../../html.js';
import { formError, invalid, valuesFor, type FailedForm } from '../form-errors.js';

const SCHEDULE_SHOWN = 20;
export const PAUSE_FORM = 'pause';

/** What a form's redirect may report: `?notice=` keys (role=status) and `?error=` keys (role=alert). */
export const NOTICES = {
  paused: 'Automated outreach is paused.',
  resumed: 'Automated outreach is resumed from its next slot.',
  check_in_sent: 'Check-in started: the first text is on its way.',
  check_in_held: "Check-in started. It is quiet hours now, so the first text waits until they end.",
  check_in_call: 'Check-in started: the patient is being called.',
  medication_saved: 'Medication saved; reminders and refill questions are planned again from now.',
  medication_added: 'Medicine added; its reminders and refill question are planned from now.',
  medication_stopped: 'Medicine stopped: no more reminders or refill questions for it. Tick "Active" to restart it.',
  care_plan_saved: 'Care plan saved.',
  consent_saved: 'Consent saved; outreach is planned again to match it.',
  consent_revoked: 'Consent revoked: CCM ends at the end of the month they asked in, and the patient is disenrolled.',
  email_saved: 'Email saved.',
  mrn_saved: 'Medical record number saved.',
  appointment_added: 'Appointment added.',
  appointment_cancelled: 'Appointment cancelled; it stays in the record, marked cancelled.',
} as const;
export const ERRORS = {
  check_in_open: 'A check-in is already open for this patient. Wait for it to end, or cancel it, before starting another.',
  check_in_opted_out: 'The patient opted out of texts (they can reply START to opt back in), so no check-in can start.',
  check_in_disenrolled: 'The patient is disenrolled, so no check-in can start.',
  check_in_no_consent: 'The patient declined consent to CCM outreach, so no check-in can start.',
  check_in_phone_invalid: "The patient's phone number cannot receive texts. Correct it first.",
  check_in_no_medication: 'The patient has no active medication on file, so a medication check-in cannot start.',
  check_in_failed: 'The check-in could not start. Reload the page and try again.',
} as const;
export type NoticeKey = keyof typeof NOTICES;
export type ErrorKey = keyof typeof ERRORS;

/** Back to the patient's page after a form, with what happened as a key. */
export const patientPageAfter = (patientId: string, key: { notice: NoticeKey } | { error: ErrorKey }) =>
  `/app/patients/${patientId}?${'notice' in key ? `notice=${key.notice}` : `error=${key.error}`}`;

export function noticeBanner(query: { notice?: unknown; error?: unknown }): Html {
  const notice = typeof query.notice === 'string' && Object.hasOwn(NOTICES, query.notice) ? NOTICES[query.notice as NoticeKey] : null;
  const error = typeof query.error === 'string' && Object.hasOwn(ERRORS, query.error) ? ERRORS[query.error as ErrorKey] : null;
  return html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}${error ? html`<p class="error" role="alert">${error}</p>` : ''}`;
}

const LANGUAGES: Record<string, string> = { en: 'English', es: 'Spanish' };
export const languageName = (code: string) => LANGUAGES[code] ?? code;
export const channelName = (channel: string) => (channel === 'voice' ? 'calls' : 'texts');

/** Paused now (a pause with an end that has passed is over). */
export const isPaused = (p: Patient, now: Date) => p.pausedAt !== null && (p.pausedUntil === null || Date.parse(p.pausedUntil) > now.getTime());

export function statusText(p: Patient, zone: string, now: Date): string {
  if (p.status === 'disenrolled') return 'Disenrolled';
  if (isPaused(p, now)) return p.pausedUntil ? `Paused until ${localTime(p.pausedUntil, zone)}` : 'Paused until resumed';
  if (p.unreachableAt) return `Unreachable since ${localTime(p.unreachableAt, zone)}`;
  return 'Enrolled, outreach active';
}

export function summarySection(p: Patient, coordinator: Coordinator | null, zone: string, now: Date): Html {
  return html`<section aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>
    <dl class="facts">
      <dt>Triage</dt><dd><span class="badge triage-${p.triage.level}">${p.triage.level}</span>${p.triage.since ? html` <span class="meta">since ${localTime(p.triage.since, zone)}</span>` : ''}
        ${p.triage.reasons.length ? html`<ul>${p.triage.reasons.map((r) => html`<li>${r}</li>`)}</ul>` : ''}</dd>
      <dt>Status</dt><dd data-status>${statusText(p, zone, now)}</dd>
      <dt>Coordinator</dt><dd>${coordinator?.name ?? 'None assigned'}</dd>
      ${p.lastReplyAt ? html`<dt>Last heard from</dt><dd>${localTime(p.lastReplyAt, zone)}</dd>` : ''}
    </dl>
  </section>`;
}

const BLOCKS: Record<string, string> = {
  disenrolled: 'Nothing is planned: the patient is disenrolled.',
  no_consent: 'Nothing is planned: the patient has not consented to CCM outreach.',
  opted_out: 'Nothing is planned: the patient opted out of texts (they can reply START to opt back in).',
  phone_invalid: "Nothing is planned: the patient's phone number cannot receive texts.",
  paused: 'Nothing is planned: automated outreach is paused.',
  unreachable: 'Nothing is planned: too many contacts went unanswered, so the patient is on the call list instead.',
};

function scheduleWhat(kind: string, flow: string, medicationId: string | null, medications: readonly Medication[]): string {
  const name = medications.find((m) => m.id === medicationId)?.name;
  if (kind === 'reminder') return `Dose reminder${name ? ` (${name})` : ''}`;
  if (kind === 'refill_prompt') return `Refill question${name ? ` (${name})` : ''}`;
  if (kind === 'questionnaire') return 'Questionnaire (a link)';
  if (kind === 'summary') return 'Care-plan summary';
  return `${flow.charAt(0).toUpperCase()}${flow.slice(1)} check-in`;
}

const BY = { sms: 'text', voice: 'call', email: 'email' } as const;

export function outreachSection(
  p: Patient,
  practice: Practice,
  schedule: PatientSchedule,
  medications: readonly Medication[],
  csrf: string,
  now: Date,
  failed?: FailedForm,
): Html {
  const zone = practice.timezone;
  const shown = schedule.items.slice(0, SCHEDULE_SHOWN);
  const table = html`<div class="table-wrap"><table><thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">By</th><th scope="col">Status</th></tr></thead><tbody>
    ${shown.map((i) => html`<tr><td>${localTime(i.at, zone)}</td><td>${scheduleWhat(i.kind, i.flow, i.medicationId, medications)}</td><td>${BY[i.channel]}${i.channelReason ? html`<br><span class="meta" data-why>${explainChoice(i.channelReason)}</span>` : ''}</td><td>${i.status}</td></tr>`)}
    </tbody></table></div>${schedule.items.length > shown.length ? html`<p class="meta">And ${schedule.items.length - shown.length} more in the next weeks.</p>` : ''}`;
  const plan = schedule.reason
    ? html`<p class="empty" data-outreach-reason="${schedule.reason}">${BLOCKS[schedule.reason] ?? 'Nothing is planned.'}</p>${shown.length ? html`<p class="meta">The summary still goes by email:</p>${table}` : ''}`
    : shown.length
      ? table
      : html`<p class="empty">Nothing is planned in the next weeks.</p>`;
  const base = `/app/patients/${p.id}`;
  const pauseForm = isPaused(p, now)
    ? html`<form method="post" action="${base}/resume">${csrfField(csrf)}<button type="submit">Resume outreach</button></form>`
    : html`<form method="post" action="${base}/pause" class="stack">${csrfField(csrf)}
        ${formError(failed, PAUSE_FORM)}
        <label for="pause-until">Pause until (optional; empty: until resumed)</label>
        <input id="pause-until" name="until" type="date" value="${valuesFor(failed, PAUSE_FORM, { until: '' }).until ?? ''}"${invalid(failed, PAUSE_FORM, 'until')}>
        <button type="submit">Pause outreach</button></form>`;
  return html`<section aria-labelledby="outreach-title"><h2 id="outreach-title">Upcoming outreach</h2>
    ${plan}
    <div class="grid">
      <div class="card">${pauseForm}</div>
      <form method="post" action="${base}/check-ins" class="card">${csrfField(csrf)}
        <label for="check-in-flow">Start a check-in now</label>
        <select id="check-in-flow" name="flow">
          <option value="wellness">Wellness</option><option value="medication">Medication</option><option value="symptoms">Symptoms</option>
        </select>
        <button type="submit">Start check-in</button>
      </form>
    </div>
  </section>`;
}
