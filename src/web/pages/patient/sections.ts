/**
 * The patient page's Summary, Medicines and Upcoming outreach sections, and
 * the notices a form's redirect names by key (the URL carries only the key,
 * never anything about the patient).
 */
import type { PatientSchedule } from '../../../outreach/index.js';
import type { Coordinator } from '../../../store/coordinators.js';
import type { Medication } from '../../../store/medications.js';
import type { StoredObservation } from '../../../store/observations.js';
import type { Patient } from '../../../store/patients.js';
import type { Practice } from '../../../store/practices.js';
import { csrfField, html, localDate, localTime, type Html } from '../../html.js';

export const ADHERENCE_DAYS = 30;
const SCHEDULE_SHOWN = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What a form's redirect may report: `?notice=` keys (role=status) and `?error=` keys (role=alert). */
export const NOTICES = {
  paused: 'Automated outreach is paused.',
  resumed: 'Automated outreach is resumed from its next slot.',
  check_in_sent: 'Check-in started: the first text is on its way.',
  check_in_held: "Check-in started. It is quiet hours now, so the first text waits until they end.",
  check_in_call: 'Check-in started: the patient is being called.',
  medication_saved: 'Medication saved; reminders and refill questions are planned again from now.',
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
  const c = p.consent;
  return html`<section aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>
    <dl class="facts">
      <dt>Triage</dt><dd><span class="badge triage-${p.triage.level}">${p.triage.level}</span>${p.triage.since ? html` <span class="meta">since ${localTime(p.triage.since, zone)}</span>` : ''}
        ${p.triage.reasons.length ? html`<ul>${p.triage.reasons.map((r) => html`<li>${r}</li>`)}</ul>` : ''}</dd>
      <dt>Status</dt><dd data-status>${statusText(p, zone, now)}</dd>
      <dt>Consent</dt><dd>${c.status === 'granted' ? 'Granted' : 'Declined'}, ${c.method}, on ${localDate(c.recordedAt, zone)} (recorded by ${c.recordedBy})</dd>
      <dt>Texts</dt><dd>${p.smsOptedOutAt ? html`<strong>Opted out</strong> on ${localTime(p.smsOptedOutAt, zone)}` : 'Not opted out'}${p.phoneInvalidAt ? html`; <strong>the number cannot receive texts</strong>` : ''}</dd>
      <dt>Phone</dt><dd>${p.phone}</dd>
      <dt>Language</dt><dd>${languageName(p.language)}</dd>
      <dt>Prefers</dt><dd>${channelName(p.preferredChannel)}</dd>
      <dt>Conditions</dt><dd>${p.conditions.length ? p.conditions.join(', ') : 'None on file'}</dd>
      <dt>Coordinator</dt><dd>${coordinator?.name ?? 'None assigned'}</dd>
      ${p.lastReplyAt ? html`<dt>Last heard from</dt><dd>${localTime(p.lastReplyAt, zone)}</dd>` : ''}
    </dl>
  </section>`;
}

/** Doses taken / reported in the last 30 days, per medication. */
function adherence(observations: readonly StoredObservation[], medicationId: string, now: Date): { taken: number; reported: number } {
  const since = now.getTime() - ADHERENCE_DAYS * DAY_MS;
  const doses = observations.filter((o) => o.kind === 'medication_adherence' && o.value.medicationId === medicationId && Date.parse(o.observedAt) >= since);
  return { taken: doses.filter((o) => o.value.taken === true).length, reported: doses.length };
}

function medicationItem(m: Medication, patientId: string, observations: readonly StoredObservation[], csrf: string, now: Date): Html {
  const a = adherence(observations, m.id, now);
  const id = (field: string) => `med-${m.id}-${field}`;
  return html`<li class="medication${m.active ? '' : ' stopped'}">
    <strong>${m.name}</strong> ${m.dose}${m.active ? '' : html` <span class="badge">stopped</span>`}
    <span class="meta">At ${m.times.join(', ')} · reminders ${m.reminders ? 'on' : 'off'} · refill ${m.refillDueOn ? `due ${m.refillDueOn}` : 'date not set'}
      · last ${ADHERENCE_DAYS} days: ${a.reported ? `${a.taken} of ${a.reported} reported doses taken` : 'no doses reported'}</span>
    <details><summary>Edit ${m.name}</summary>
      <form method="post" action="/app/patients/${patientId}/medications/${m.id}" class="stack">${csrfField(csrf)}
        <label for="${id('dose')}">Dose</label><input id="${id('dose')}" name="dose" required maxlength="200" value="${m.dose}">
        <label for="${id('times')}">Times (24-hour, comma-separated)</label><input id="${id('times')}" name="times" required value="${m.times.join(', ')}">
        <label for="${id('refill')}">Refill due</label><input id="${id('refill')}" name="refillDueOn" type="date" value="${m.refillDueOn ?? ''}">
        <label><input type="checkbox" name="active"${m.active ? html` checked` : ''}> Active</label>
        <label><input type="checkbox" name="reminders"${m.reminders ? html` checked` : ''}> Reminder texts</label>
        <button type="submit">Save</button>
      </form>
    </details>
  </li>`;
}

export function medicinesSection(patientId: string, medications: readonly Medication[], observations: readonly StoredObservation[], csrf: string, now: Date): Html {
  return html`<section aria-labelledby="medicines-title"><h2 id="medicines-title">Medicines</h2>
    ${medications.length
      ? html`<ul class="list">${medications.map((m) => medicationItem(m, patientId, observations, csrf, now))}</ul>`
      : html`<p class="empty">No medications on file.</p>`}
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
  return `${flow.charAt(0).toUpperCase()}${flow.slice(1)} check-in`;
}

export function outreachSection(p: Patient, practice: Practice, schedule: PatientSchedule, medications: readonly Medication[], csrf: string, now: Date): Html {
  const zone = practice.timezone;
  const shown = schedule.items.slice(0, SCHEDULE_SHOWN);
  const table = html`<div class="table-wrap"><table><thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">By</th><th scope="col">Status</th></tr></thead><tbody>
    ${shown.map((i) => html`<tr><td>${localTime(i.at, zone)}</td><td>${scheduleWhat(i.kind, i.flow, i.medicationId, medications)}</td><td>${i.channel === 'voice' ? 'call' : 'text'}</td><td>${i.status}</td></tr>`)}
    </tbody></table></div>${schedule.items.length > shown.length ? html`<p class="meta">And ${schedule.items.length - shown.length} more in the next weeks.</p>` : ''}`;
  const plan = schedule.reason
    ? html`<p class="empty" data-outreach-reason="${schedule.reason}">${BLOCKS[schedule.reason] ?? 'Nothing is planned.'}</p>`
    : shown.length
      ? table
      : html`<p class="empty">Nothing is planned in the next weeks.</p>`;
  const base = `/app/patients/${p.id}`;
  const pauseForm = isPaused(p, now)
    ? html`<form method="post" action="${base}/resume">${csrfField(csrf)}<button type="submit">Resume outreach</button></form>`
    : html`<form method="post" action="${base}/pause" class="stack">${csrfField(csrf)}
        <label for="pause-until">Pause until (optional; empty: until resumed)</label>
        <input id="pause-until" name="until" type="date">
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
