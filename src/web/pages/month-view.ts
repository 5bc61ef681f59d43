/**
 * One patient's month as the record page shows it: status, codes and warnings
 * first (what billing needs), then the minutes and what they came from, what
 * the patient reported, the alerts, the bot's own activity, the addenda and
 * the note; with the forms that change it while it is a draft.
 */
import { describeReason } from '../../alerts/index.js';
import { appointmentWhen } from '../../documentation/appointments.js';
import { activityLabel, formatDuration, monthLabel } from '../../documentation/narrative.js';
import { PART_LABELS, questionnaireFindings } from '../../documentation/questionnaires.js';
import { TIME_ACTIVITIES, type MonthAppointment, type MonthRecord } from '../../documentation/types.js';
import { staffLabel } from '../../documentation/staff-label.js';
import { html, localDate, localTime, type Html } from '../html.js';
import { addendumForm, draftForms, formsShown, logTimeForm, noteForm, type MonthViewOptions } from './month-view-forms.js';

export type { MonthViewOptions } from './month-view-forms.js';

const ROLE: Record<'clinical_staff' | 'practitioner', string> = { clinical_staff: 'Clinical staff', practitioner: 'Practitioner' };

const section = (id: string, title: string, body: Html | string) => html`<section aria-labelledby="${id}-title"><h2 id="${id}-title">${title}</h2>${body}</section>`;

/** Blank lines separate paragraphs; single line breaks inside one are kept. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .filter((p) => p.trim().length > 0)
    .map((p) => html`<p>${p.trim().split('\n').map((line, i) => (i === 0 ? line : html`<br>${line}`))}</p>`);

function banner(record: MonthRecord, zone: string): Html {
  if (record.status === 'approved') {
    const by = record.approval ? html` by ${record.approval.approvedBy} on ${localDate(record.approval.approvedAt, zone)}` : '';
    return html`<p class="card notice" role="status"><span class="badge approved">approved</span> Approved${by}. The record is locked; later changes are added as addenda.</p>`;
  }
  return html`<p class="card" role="status"><strong>Draft</strong>: not yet approved. It is recomputed on every visit until it is approved.${
    record.needsReview ? html` <strong class="error">Needs review before billing.</strong>` : ''
  }</p>`;
}

function codes(record: MonthRecord): Html {
  const table = record.codes.length
    ? html`<table><thead><tr><th scope="col">Code</th><th scope="col">Units</th><th scope="col">Why</th></tr></thead><tbody>${record.codes.map(
        (c) => html`<tr><td><strong>${c.code}</strong></td><td>${c.units}</td><td>${c.reason}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="empty">No code suggested.</p>`;
  return html`${table}${record.codeExplanation ? html`<p>${record.codeExplanation}</p>` : ''}`;
}

function warnings(record: MonthRecord): Html {
  return record.warnings.length
    ? html`<ul>${record.warnings.map((w) => html`<li>${w.message}</li>`)}</ul>`
    : html`<p class="empty">No warnings.</p>`;
}

function minutes(record: MonthRecord, zone: string): Html {
  const t = record.time;
  const activities = TIME_ACTIVITIES.filter((a) => (t.byActivity[a] ?? 0) > 0);
  const entries = [...t.entries].sort((a, b) => a.start.localeCompare(b.start));
  return html`<dl class="facts">
      <dt>${ROLE.clinical_staff}</dt><dd>${formatDuration(t.clinicalStaffSeconds)}</dd>
      <dt>${ROLE.practitioner}</dt><dd>${formatDuration(t.practitionerSeconds)}</dd>
      ${activities.map((a) => html`<dt>${activityLabel(a)}</dt><dd>${formatDuration(t.byActivity[a])}</dd>`)}
    </dl>
    <h3>Time entries</h3>
    ${entries.length
      ? html`<div class="table-wrap"><table><thead><tr><th scope="col">When</th><th scope="col">Staff</th><th scope="col">Activity</th><th scope="col">Duration</th><th scope="col">Counted</th><th scope="col">Source</th></tr></thead><tbody>
        ${entries.map(
          (e) => html`<tr><td>${localTime(e.start, zone)}</td><td>${staffLabel({ name: e.staffName, credential: e.credential })} (${ROLE[e.staffRole]})</td>
            <td>${activityLabel(e.activity)}${e.note ? html`<br><span class="meta">${e.note}</span>` : ''}</td>
            <td>${formatDuration((Date.parse(e.end) - Date.parse(e.start)) / 1000)}</td>
            <td>${formatDuration(e.countedSeconds)}${e.excludedBecause ? html`<br><span class="meta">${e.excludedBecause}</span>` : ''}</td>
            <td>${e.source === 'captured' ? `captured${e.capturedFrom ? ` (${e.capturedFrom})` : ''}` : 'logged'}</td></tr>`,
        )}</tbody></table></div>`
      : html`<p class="empty">No staff time recorded this month.</p>`}`;
}

function reported(record: MonthRecord, zone: string): Html {
  const bp = record.reported.bloodPressure;
  const readings = [...bp.readings].sort((a, b) => a.at.localeCompare(b.at));
  const adherence = record.reported.adherence;
  return html`<h3>Blood pressure</h3>
    ${readings.length
      ? html`<ul>${readings.map((r) => html`<li>${r.systolic}/${r.diastolic} on ${localTime(r.at, zone)}</li>`)}</ul>
        <p>${bp.average ? `Average ${bp.average.systolic}/${bp.average.diastolic}. ` : ''}${bp.trend ? `Trend: ${bp.trend}.` : ''}</p>`
      : html`<p class="empty">No readings.</p>`}
    <h3>Medication adherence</h3>
    ${adherence.length
      ? html`<table><thead><tr><th scope="col">Medication</th><th scope="col">Doses reported</th><th scope="col">Taken</th><th scope="col">Missed</th></tr></thead><tbody>${adherence.map(
          (m) => html`<tr><td>${m.name}</td><td>${m.dosesReported}</td><td>${m.taken}${m.percent === null ? '' : ` (${m.percent}%)`}</td><td>${m.missed}</td></tr>`,
        )}</tbody></table>`
      : html`<p class="empty">No doses reported.</p>`}
    ${questionnaires(record, zone)}
    ${record.reported.other.length || record.reported.pain.length
      ? html`<h3>Other reports</h3><ul>
        ${record.reported.pain.map((p) => html`<li>Pain ${p.score}/10 on ${localTime(p.at, zone)}</li>`)}
        ${record.reported.other.map((o) => html`<li>${o.description} (${localTime(o.at, zone)})</li>`)}</ul>`
      : ''}`;
}

/** Each questionnaire answered: when, which parts, and what it scored. */
function questionnaires(record: MonthRecord, zone: string): Html | string {
  const answered = [...(record.questionnaires ?? [])].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  if (answered.length === 0) return '';
  return html`<h3>Questionnaires answered</h3><ul>${answered.map((q) => {
    const findings = questionnaireFindings(q);
    const parts = q.partsAnswered.length ? q.partsAnswered.map((part) => PART_LABELS[part]).join(', ') : 'no question answered';
    return html`<li>${localTime(q.submittedAt, zone)}: ${parts}${findings.length ? html`<br><span class="meta">${findings.join('; ')}</span>` : ''}</li>`;
  })}</ul>`;
}

function alerts(record: MonthRecord, zone: string): Html {
  if (!record.alerts.length) return html`<p class="empty">No alerts this month.</p>`;
  return html`<ul class="list">${[...record.alerts]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map(
      (a) => html`<li class="alert ${a.level}"><span><span class="badge level-${a.level}">${a.level}</span> <a href="/app/alerts/${a.id}">${describeReason(a.reason)}</a></span>
        <span class="meta">Raised ${localTime(a.createdAt, zone)}${a.acknowledgedAt ? `; acknowledged by ${a.acknowledgedBy ?? 'a coordinator'} ${localTime(a.acknowledgedAt, zone)}` : ''}${
          a.resolvedAt ? `; resolved by ${a.resolvedBy ?? 'a coordinator'} ${localTime(a.resolvedAt, zone)}` : '; not resolved'
        }</span>${a.resolutionNote ? html`<span>${a.resolutionNote}</span>` : ''}</li>`,
    )}</ul>`;
}

function appointmentList(items: MonthAppointment[], empty: string): Html {
  if (!items.length) return html`<p class="empty">${empty}</p>`;
  return html`<ul>${items.map(
    (a) => html`<li>${appointmentWhen(a)} with ${a.withWhom}, ${a.location}${a.purpose ? html` <span class="meta">(${a.purpose})</span>` : ''}${
      a.status === 'cancelled' ? html` <span class="badge">cancelled</span>` : ''
    }</li>`,
  )}</ul>`;
}

/** The month's appointments and those to come; nothing for a month approved before appointments were kept. */
function appointments(record: MonthRecord, zone: string): Html | string {
  const kept = record.appointments;
  if (!kept) return '';
  return section(
    'appointments',
    'Appointments',
    html`<h3>This month</h3>${appointmentList(kept.inMonth, 'No appointments this month.')}
      <h3>Upcoming, as of ${localTime(kept.asOf, zone)}</h3>${appointmentList(kept.upcoming, 'No upcoming appointment on file.')}`,
  );
}

export function monthBody(o: MonthViewOptions): Html {
  const { record } = o;
  const zone = record.practice.timezone;
  const p = record.patient;
  const base = `/app/patients/${p.id}/months/${record.month}`;
  const bot = record.botActivity;
  return html`
    <p class="lead"><a href="/app/patients/${p.id}">${p.firstName} ${p.lastName}</a> · ${monthLabel(record.month)}</p>
    <nav aria-label="Months of this patient" class="actions">
      <a href="/app/patients/${p.id}/months/${o.prevMonth}">Previous month</a>
      <a href="/app/patients/${p.id}/months/${o.nextMonth}">Next month</a>
      <a href="/app/months?month=${record.month}">All patients this month</a>
      <a href="${base}/print">Print</a>
    </nav>
    ${banner(record, zone)}
    ${o.failed && !formsShown(record).includes(o.failed.form) ? html`<p class="card error" role="alert" tabindex="-1" autofocus>${o.failed.message}</p>` : ''}
    ${section('codes', 'Suggested codes', codes(record))}
    ${section('warnings', `Warnings (${record.warnings.length})`, warnings(record))}
    ${section('minutes', 'Minutes', html`${minutes(record, zone)}${logTimeForm(o)}`)}
    ${section('reported', 'Reported by the patient', reported(record, zone))}
    ${section('alerts', 'Alerts handled', alerts(record, zone))}
    ${appointments(record, zone)}
    ${section('bot', 'Bot activity (not billed)', html`<p>Automated texts: ${bot.textsSent} sent, ${bot.textsReceived} received. Automated calls: ${bot.calls}.${
      bot.questionnairesSent || bot.questionnairesAnswered ? ` Questionnaires: ${bot.questionnairesSent ?? 0} sent, ${bot.questionnairesAnswered ?? 0} answered.` : ''
    } None of it counts as minutes.</p>`)}
    ${section(
      'addenda',
      'Addenda',
      record.addenda.length
        ? html`<ul class="list">${record.addenda.map((a) => html`<li><span class="meta">${localTime(a.at, zone)}, by ${a.by}</span><span>${a.text}</span></li>`)}</ul>`
        : html`<p class="empty">No addenda.</p>`,
    )}
    ${section(
      'note-shown',
      'Note',
      record.status === 'draft'
        ? noteForm(o, base)
        : html`<p class="meta">${record.note.edited ? 'Edited by staff.' : 'Drafted from the record.'}</p><div class="card">${paragraphs(record.note.text)}</div>`,
    )}
    ${record.status === 'draft' ? draftForms(o, base) : addendumForm(o, base)}`;
}
