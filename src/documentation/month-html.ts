/**
 * The month as one printable HTML page a coordinator attaches to the chart.
 * Pure and self-contained: inline CSS, no scripts, nothing fetched, so the
 * file reads the same offline and years later. Patient texts and names can
 * hold anything (a reply may be "<script>..."), so every value from the record
 * is escaped by the service's one `html` template (src/html.ts).
 */
import { html, trusted, type Html, type Part } from '../html.js';
import { appointmentWhen } from './appointments.js';
import { activityLabel, formatDuration, monthLabel, toLocal } from './narrative.js';
import { alertPhrase, warningTitle } from './phrases/index.js';
import { plainExplanation } from './phrases/alerts.js';
import { PART_LABELS, answerWords, phq2Words, phq9Words } from './questionnaires.js';
import type { ContactChannel, Interaction, MonthAppointment, MonthRecord, StaffRole } from './types.js';

const ROLE_LABELS: Record<StaffRole, string> = { clinical_staff: 'Clinical staff', practitioner: 'Practitioner' };
const ACTORS: Record<Interaction['actor'], string> = { bot: 'Automated', patient: 'Patient', staff: 'Staff' };
const CHANNELS: Record<ContactChannel, string> = { sms: 'SMS', voice: 'Voice', form: 'Form' };

/** Text whose line breaks mean something (a questionnaire's answers, one per line), with them kept. */
function withLines(text: string): Part[] {
  return text.split('\n').map((line, i) => (i === 0 ? line : html`<br>${line}`));
}

/** "5:07": minutes and seconds, never rounded up. */
function minSec(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** A calendar date, not an instant: no zone shifts it. */
function birthDate(value: string | null): string {
  if (!value) return 'not recorded';
  const parsed = toLocal(value, 'utc');
  return parsed.isValid ? parsed.toFormat('MM/dd/yyyy') : value;
}

/** A table, or a short line saying there is nothing, so an empty section still reads as checked. */
function table(headers: string[], rows: Part[][], empty: string): Html {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<table><thead><tr>${headers.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows.map(
    (row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`,
  )}</tbody></table>`;
}

function section(title: string, ...body: Part[]): Html {
  return html`<section><h2>${title}</h2>${body}</section>`;
}

function list(items: string[]): Html | false {
  return items.length > 0 && html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;
}

const CSS = `
body{font:11pt/1.4 Georgia,"Times New Roman",serif;color:#111;margin:2em auto;max-width:60em;padding:0 1em}
h1{font-size:16pt;margin:.2em 0}h2{font-size:13pt;border-bottom:1px solid #999;margin:1.4em 0 .4em}h3{font-size:11pt;margin:.8em 0 .2em}
table{border-collapse:collapse;width:100%;margin:.4em 0;font-size:9.5pt}th,td{border:1px solid #bbb;padding:3px 5px;text-align:left;vertical-align:top}
th{background:#eee}dl{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:.4em 0}dt{font-weight:bold}dd{margin:0}
.banner{padding:.5em 1em;margin-bottom:1em;font-weight:bold;border:2px solid}.banner-draft{color:#a00;border-color:#a00;background:#fee}
.banner-approved{color:#060;border-color:#060;background:#efe}.review{color:#a00;font-weight:bold}.empty,.muted{color:#555;font-style:italic}
.addendum{border-left:4px solid #555;padding:.2em 1em;margin:.6em 0;background:#f6f6f6}
body.draft::before{content:"DRAFT";position:fixed;top:35%;left:15%;font-size:120pt;color:rgba(170,0,0,.07);transform:rotate(-30deg);z-index:-1}
@media print{body{margin:0;max-width:none}section{break-inside:auto}tr,.addendum{break-inside:avoid}thead{display:table-header-group}
.banner,th,.addendum,body.draft::before{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
@page{margin:1.5cm}
`;

export function renderMonthHtml(record: MonthRecord): string {
  const zone = record.practice.timezone;
  // Times carry the zone abbreviation (EST/EDT) because a month can span a clock change.
  const when = (value: string) => {
    const local = toLocal(value, zone);
    return local.isValid ? local.toFormat('LLL d, yyyy, h:mm a ZZZZ') : value;
  };
  const date = (value: string) => {
    const local = toLocal(value, zone);
    return local.isValid ? local.toFormat('LLL d, yyyy') : value;
  };
  const { patient, practice, consent, carePlan, reported } = record;
  const patientName = `${patient.firstName} ${patient.lastName}`;
  const lastDay = toLocal(record.period.end, zone).minus({ milliseconds: 1 }).toISO() ?? record.period.end;

  const banner =
    record.status === 'draft'
      ? html`<div class="banner banner-draft">DRAFT: not yet approved. Review before billing or filing.</div>`
      : html`<div class="banner banner-approved">${
          record.approval ? `Approved by ${record.approval.approvedBy} on ${when(record.approval.approvedAt)}` : 'Approved'
        }</div>`;

  const header = html`<header>${banner}<h1>Chronic care management: ${monthLabel(record.month)}</h1><dl>
<dt>Patient</dt><dd>${patientName}</dd>
<dt>Date of birth</dt><dd>${birthDate(patient.dateOfBirth)}</dd>
<dt>Patient phone</dt><dd>${patient.phone}</dd>
<dt>Language</dt><dd>${patient.language === 'es' ? 'Spanish' : 'English'}</dd>
<dt>Practice</dt><dd>${practice.name} (${practice.phone})</dd>
<dt>Period</dt><dd>${date(record.period.start)} to ${date(lastDay)} (${zone})</dd>
<dt>Status</dt><dd>${record.status === 'draft' ? 'Draft' : 'Approved'}${record.needsReview ? html` <span class="review">Needs review before billing</span>` : ''}</dd>
</dl></header>`;

  const consentSection = section(
    'Consent',
    html`<p>${consent.status === 'granted' ? 'Granted' : 'Declined'} (${consent.method}), recorded ${when(consent.recordedAt)} by ${consent.recordedBy}.</p>`,
  );

  const conditions = section(
    'Conditions',
    table(
      ['Condition', 'ICD-10', 'Under the care plan'],
      record.conditions.map((c) => [c.name, c.icd10 ?? '', c.underCarePlan ? 'Yes' : 'No']),
      'No conditions recorded.',
    ),
  );

  const carePlanSection = section(
    'Care plan',
    html`<p>Status: ${carePlan.status === 'none' ? 'no care plan on file' : carePlan.status}${
      carePlan.establishedOn ? `; established ${date(carePlan.establishedOn)}` : ''
    }${carePlan.revisedOn ? `; revised ${date(carePlan.revisedOn)}` : ''}.</p>`,
    record.carePlanRevised && html`<p>Established or substantially revised this month.</p>`,
    record.complex && html`<p>Moderate or high complexity decision-making this month.</p>`,
    carePlan.goals.length > 0 && html`<h3>Goals</h3>${list(carePlan.goals)}`,
    carePlan.interventions.length > 0 && html`<h3>Interventions</h3>${list(carePlan.interventions)}`,
    carePlan.reviewSchedule && html`<p>Review schedule: ${carePlan.reviewSchedule}</p>`,
  );

  const appointmentRows = (items: MonthAppointment[]) =>
    items.map((a) => [appointmentWhen(a), a.withWhom, a.location, a.purpose ?? '', a.status === 'cancelled' ? 'Cancelled' : 'Scheduled']);
  const kept = record.appointments;
  const appointments =
    kept &&
    section(
      'Appointments',
      html`<h3>This month</h3>`,
      table(['When', 'With', 'Where', 'Purpose', 'Status'], appointmentRows(kept.inMonth), 'No appointments this month.'),
      html`<h3>Upcoming, as of ${when(kept.asOf)}</h3>`,
      table(['When', 'With', 'Where', 'Purpose', 'Status'], appointmentRows(kept.upcoming), 'No upcoming appointment on file.'),
    );

  // Blank lines separate paragraphs; single line breaks inside one are kept.
  const paragraphs = record.note.text.split(/\n\s*\n/).filter((p) => p.trim().length > 0);
  const note = section(
    'Note',
    html`<p class="muted">${record.note.edited ? 'Edited by staff.' : 'Drafted from the record; not edited.'}</p>`,
    paragraphs.map((p) => html`<p>${withLines(p.trim())}</p>`),
  );

  const entries = [...record.time.entries].sort((a, b) => a.start.localeCompare(b.start));
  const bot = record.botActivity;
  const minutes = section(
    'Staff time',
    table(
      ['Date', 'Staff', 'Credential', 'Role', 'Activity', 'Duration', 'Counted', 'Source'],
      entries.map((e) => [
        when(e.start),
        e.staffName,
        e.credential ?? '',
        ROLE_LABELS[e.staffRole],
        html`${activityLabel(e.activity)}${e.note ? html`<br><span class="muted">${e.note}</span>` : ''}`,
        minSec((Date.parse(e.end) - Date.parse(e.start)) / 1000),
        html`${minSec(e.countedSeconds)}${e.excludedBecause ? html`<br><span class="muted">${e.excludedBecause}</span>` : ''}`,
        e.source === 'captured' && e.capturedFrom ? `captured (${e.capturedFrom})` : e.source,
      ]),
      'No staff time recorded this month.',
    ),
    html`<h3>Totals by role</h3>`,
    table(
      ['Role', 'Counted (m:s)', 'Counted'],
      [
        [ROLE_LABELS.clinical_staff, minSec(record.time.clinicalStaffSeconds), formatDuration(record.time.clinicalStaffSeconds)],
        [ROLE_LABELS.practitioner, minSec(record.time.practitionerSeconds), formatDuration(record.time.practitionerSeconds)],
      ],
      '',
    ),
    html`<p>Automated outreach (listed, never counted): texts ${bot.textsSent} sent, ${bot.textsReceived} received; calls: ${bot.calls}${
      bot.questionnairesSent || bot.questionnairesAnswered ? `; questionnaires: ${bot.questionnairesSent ?? 0} sent, ${bot.questionnairesAnswered ?? 0} answered` : ''
    }.</p>`,
  );

  const codes = section(
    'Suggested billing codes',
    table(['Code', 'Units', 'Reason'], record.codes.map((c) => [c.code, c.units, c.reason]), 'No code suggested.'),
    record.codeExplanation && html`<p>${record.codeExplanation}</p>`,
    html`<h3>Warnings</h3>`,
    record.warnings.length > 0
      ? html`<ul>${record.warnings.map((w) => html`<li><strong>${warningTitle(w.code)}</strong>: ${w.message}</li>`)}</ul>`
      : html`<p class="empty">No warnings.</p>`,
  );

  const bp = reported.bloodPressure;
  const byTime = <T extends { at: string }>(items: T[]) => [...items].sort((a, b) => a.at.localeCompare(b.at));
  const reportedSection = section(
    'Reported by the patient',
    html`<h3>Blood pressure</h3>`,
    table(['Time', 'Reading'], byTime(bp.readings).map((r) => [when(r.at), `${r.systolic}/${r.diastolic}`]), 'No readings.'),
    (bp.average || bp.trend) &&
      html`<p>${bp.average ? `Average ${bp.average.systolic}/${bp.average.diastolic}. ` : ''}${bp.trend ? `Trend: ${bp.trend}.` : ''}</p>`,
    html`<h3>Pain</h3>`,
    table(['Time', 'Score'], byTime(reported.pain).map((p) => [when(p.at), `${p.score}/10`]), 'No pain scores.'),
    html`<h3>Medication adherence</h3>`,
    table(
      ['Medication', 'Doses reported', 'Taken', 'Missed', 'Taken (%)'],
      reported.adherence.map((m) => [m.name, m.dosesReported, m.taken, m.missed, m.percent === null ? '' : `${m.percent}%`]),
      'No doses reported.',
    ),
    html`<h3>Refills</h3>`,
    table(
      ['Time', 'Medication', 'Outcome'],
      byTime(reported.refills).map((r) => [when(r.at), r.name, r.outcome === 'needs_refill' ? 'Needs refill' : 'Has refills']),
      'No refill checks.',
    ),
    html`<h3>Other reports</h3>`,
    table(['Time', 'Report'], byTime(reported.other).map((o) => [when(o.at), o.description]), 'Nothing else reported.'),
  );

  const answered = byTime((record.questionnaires ?? []).map((q) => ({ ...q, at: q.submittedAt })));
  const questionnaires = section(
    'Questionnaires answered',
    table(
      ['Answered', 'Parts answered', 'Self-rated health', 'PHQ-2', 'PHQ-9'],
      answered.map((q) => [
        when(q.submittedAt),
        q.partsAnswered.length > 0 ? q.partsAnswered.map((part) => PART_LABELS[part]).join(', ') : 'none',
        q.selfRatedHealth ? answerWords(q.selfRatedHealth.answer) : '',
        q.phq2 === null ? '' : phq2Words(q.phq2),
        html`${q.phq9 ? phq9Words(q.phq9) : ''}${
          q.selfHarmAnswer ? html`<br><strong>Item 9 (thoughts of being better off dead or of self-harm): ${q.selfHarmAnswer}</strong>` : ''
        }`,
      ]),
      'No questionnaire answered this month.',
    ),
  );

  // The reason in words; the explanation under it unless it is what the words already are.
  const alertCell = (a: MonthRecord['alerts'][number]) => {
    const phrase = alertPhrase(a);
    const explanation = plainExplanation(a.explanation);
    const shown = explanation && !phrase.includes(explanation) ? explanation : null;
    return html`${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}${shown ? html`<br><span class="muted">${shown}</span>` : ''}`;
  };
  const handled = (by: string | null, at: string | null) => (at ? `${by ?? ''}${by ? ', ' : ''}${when(at)}` : 'no');
  const alertsSection = section(
    'Alerts',
    table(
      ['Raised', 'Level', 'Reason', 'Acknowledged', 'Resolved', 'Resolution'],
      [...record.alerts]
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((a) => [
          when(a.createdAt),
          a.level,
          alertCell(a),
          handled(a.acknowledgedBy, a.acknowledgedAt),
          handled(a.resolvedBy, a.resolvedAt),
          a.resolutionNote ?? '',
        ]),
      'No alerts this month.',
    ),
  );

  const log = section(
    'Interaction log',
    table(
      ['Time', 'Who', 'Channel', 'Type', 'Summary'],
      byTime(record.interactions).map((i) => [
        when(i.at),
        ACTORS[i.actor],
        [i.channel ? CHANNELS[i.channel] : '', i.direction ?? ''].filter(Boolean).join(', '),
        i.type.replace('_', ' '),
        withLines(i.summary),
      ]),
      'No interactions this month.',
    ),
  );

  // Addenda come after the approved record and never change it: each is set apart and labelled.
  const addenda =
    record.addenda.length > 0 &&
    section(
      'Addenda',
      byTime(record.addenda).map(
        (a) => html`<div class="addendum"><h3>Addendum, ${when(a.at)}, by ${a.by}</h3><p>${a.text}</p></div>`,
      ),
    );

  const title = `CCM ${monthLabel(record.month)}: ${patientName}, ${practice.name}`;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>${trusted(CSS)}</style>
</head>
<body class="${record.status}">
${header}
<main>
${consentSection}
${conditions}
${carePlanSection}
${appointments}
${note}
${minutes}
${codes}
${reportedSection}
${questionnaires}
${alertsSection}
${log}
${addenda}
</main>
<footer><p class="muted">Times are in the practice's timezone (${zone}).</p></footer>
</body>
</html>
`;
  return page.value;
}
