/**
 * The report as one self-contained HTML page: tables and inline SVG bar
 * charts, no scripts, no external assets. Every piece of text goes through
 * `esc`. Deterministic for a seed (no wall time), like the report itself.
 */
import { ARTICLE_TRIAGE, ARTICLE_WORKLOAD, showFigure, type Figure } from './article.js';
import { deliveryRows, latencyRows, patientModelRows, questionnaireRows, showMinutes, workloadNotes, workloadRows } from './format.js';
import { ARTICLE_QUESTIONNAIRE_RESPONSE } from './report-questionnaire.js';
import type { Report } from './report.js';
import { COMPARISON_NOTES, comparisonRows } from './report-sequence.js';

const esc = (value: unknown): string =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Bar {
  label: string;
  /** A point value, or the article's range [low, high] (drawn as a band). */
  value: Figure;
  /** What is written beside the bar. */
  text: string;
  /** ccm-bot's own bar (drawn darker). */
  ours?: boolean;
}

const WIDTH = 640;
const LABEL = 190;
const AREA = 330;
const ROW = 26;

/** A horizontal bar chart; a bar with no figure is left empty, labelled. */
function barChart(title: string, bars: Bar[]): string {
  const top = (f: Figure) => (f === null ? 0 : typeof f === 'number' ? f : f[1]);
  const max = Math.max(1e-9, ...bars.map((b) => top(b.value)));
  const x = (v: number) => LABEL + (AREA * v) / max;
  const height = bars.length * ROW + 8;
  const rows = bars.map((b, i) => {
    const y = 4 + i * ROW;
    const shape =
      b.value === null
        ? ''
        : typeof b.value === 'number'
          ? `<rect x="${LABEL}" y="${y + 4}" width="${(x(b.value) - LABEL).toFixed(1)}" height="${ROW - 10}" class="${b.ours ? 'ours' : 'theirs'}"/>`
          : `<rect x="${x(b.value[0]).toFixed(1)}" y="${y + 4}" width="${Math.max(2, x(b.value[1]) - x(b.value[0])).toFixed(1)}" height="${ROW - 10}" class="range"/>`;
    const end = b.value === null ? LABEL : x(top(b.value));
    return `<text x="${LABEL - 8}" y="${y + ROW / 2 + 3}" text-anchor="end">${esc(b.label)}</text>${shape}<text x="${(end + 6).toFixed(1)}" y="${y + ROW / 2 + 3}">${esc(b.text)}</text>`;
  });
  return `<figure><svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${rows.join('')}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

/** A table; with no headings, the first column heads each row. */
const table = (head: string[], rows: string[][]) =>
  `<table>${head.length ? `<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` : ''}<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;

/** Manual, automated (the article) and ccm-bot, one chart. */
function comparison(title: string, article: { manual: Figure; automated: Figure }, ours: number | null, percent = false): string {
  const show = (f: Figure) => showFigure(f, percent);
  return barChart(title, [
    { label: 'manual (article)', value: article.manual, text: show(article.manual) },
    { label: 'automated (article)', value: article.automated, text: article.automated === null ? 'not given' : show(article.automated) },
    { label: 'ccm-bot (simulated)', value: ours, text: ours === null ? '-' : percent ? `${(ours * 100).toFixed(1)}%` : String(ours), ours: true },
  ]);
}

function workloadSection(r: Report): string {
  const w = r.workload;
  const a = ARTICLE_WORKLOAD;
  return `<section><h2>Workload: the article's table and ccm-bot</h2>
${table(['', 'manual (article)', 'automated (article)', 'ccm-bot (simulated)'], workloadRows(r))}
<ul class="notes">${workloadNotes(r).map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
<div class="charts">
${comparison('Calls attempted per working day', a.callsAttemptedPerDay, w.calls.attemptedPerDay)}
${comparison('Hours of outreach per working day', a.outreachHoursPerDay, w.hoursPerDay.outreach)}
${comparison('Contact completion', a.contactCompletion, w.contact.rate, true)}
${comparison('Patients per coordinator', a.patientsPerCoordinator, w.patientsPerCoordinator.atOutreachShare)}
${comparison('Documentation minutes per patient a month', a.documentationMinutesPerPatientMonth, w.documentation.minutesPerPatientMonth)}
${barChart('Her time in the run, minutes', Object.entries(w.minutesByKind).map(([k, m]) => ({ label: k, value: m, text: `${Math.round(m)} min`, ours: true })))}
</div></section>`;
}

/** latencyRows' labels, short enough for a chart. */
const SHORT_LATENCY = ['any concern: opened', 'urgent: on-call ring', 'urgent: acknowledged', 'urgent: opened', 'elevated: opened'];

function latencySection(r: Report): string {
  const rows = latencyRows(r);
  return `<section><h2>Time from a concern written to a person acting on it</h2>
${table(['', 'median', 'p95', 'measured', 'not yet opened'], rows.map(([label, s]) => [label, showMinutes(s.medianMinutes), showMinutes(s.p95Minutes), String(s.n), String(s.waiting)]))}
<p class="notes">She works office hours; urgent alerts ring the on-call phone at once, day or night. On the premises and not on a call she answers and acknowledges by key; out of hours the ring goes unanswered and the case waits for her morning.</p>
${barChart('Median time (bar length in hours)', rows.map(([, s], i) => ({ label: SHORT_LATENCY[i]!, value: s.medianMinutes === null ? null : s.medianMinutes / 60, text: showMinutes(s.medianMinutes), ours: true })))}
</section>`;
}

function questionnaireSection(r: Report): string {
  const f = r.questionnaire;
  const share = (n: number) => (f.sent === 0 ? null : n / f.sent);
  const bar = (label: string, n: number) => ({ label, value: share(n), text: f.sent === 0 ? '-' : `${n} (${((100 * n) / f.sent).toFixed(1)}%)`, ours: true });
  return `<section><h2>The week-2 questionnaire (a form by link)</h2>
${table([], questionnaireRows(r))}
<p class="notes">A patient handed the link (or its reminder) opens it with the profile's chance, the article's ${Math.round(ARTICLE_QUESTIONNAIRE_RESPONSE * 100)}% scaled by their engagement; some leave part-way and some come back (simulate/profile.ts). The chance is per text, so the reminder's second chance lifts the completion rate above it and those who leave lower it. Opened, completed and lapsed are the service's own records of each link.</p>
${barChart('Of the questionnaires sent', [
  bar('opened', f.opened),
  bar('completed', f.completed),
  { label: 'completed (article)', value: ARTICLE_QUESTIONNAIRE_RESPONSE, text: `${Math.round(ARTICLE_QUESTIONNAIRE_RESPONSE * 100)}% (NCQA)` },
  bar('left part-way', f.leftPartWay),
  bar('lapsed', f.lapsed),
])}
</section>`;
}

function triageSection(r: Report): string {
  const levels = ['urgent', 'elevated', 'routine', 'stable'] as const;
  const bars = levels.flatMap((level) => [
    { label: `${level}: ccm-bot`, value: r.triage[level] / Math.max(1, r.patients), text: `${r.triage[level]} (${((100 * r.triage[level]) / Math.max(1, r.patients)).toFixed(1)}%)`, ours: true },
    { label: `${level}: article`, value: ARTICLE_TRIAGE[level], text: showFigure(ARTICLE_TRIAGE[level], true) },
  ]);
  return `<section><h2>Triage at the end of the run</h2>${barChart('Share of the panel at each level', bars)}</section>`;
}

function billingSection(r: Report): string {
  const rows = r.billing.months.map((m) => [
    m.month,
    String(m.daysInRun),
    String(m.patientsWithTime),
    String(m.billable),
    Object.entries(m.codes).map(([c, n]) => `${c} x${n}`).join(', ') || 'none',
    String(m.needsReview),
    String(m.approved),
    String(m.staffMinutesPerPatient),
  ]);
  const codes = r.billing.months.flatMap((m) => Object.entries(m.codes).map(([c, n]) => ({ label: `${m.month} ${c}`, value: n, text: `x${n}`, ours: true })));
  return `<section><h2>Billing (the service's own month)</h2>
${table(['month', 'days in the run', 'patients with staff time', 'billable', 'codes (units)', 'to review', 'approved', 'staff min a patient'], rows)}
<p class="notes">Counted minutes she did not spend on that patient (captured handling time): ${esc(r.billing.unworkedMinutes)} min in ${esc(r.billing.unworkedEntries)} entries.</p>
${codes.length ? barChart('Codes suggested, units', codes) : ''}
</section>`;
}

/** The cadence's touchpoints under this run's sequence, or beside the other sequence's on the same panel (`compared`: fixed, learned). */
function sequenceSection(r: Report, compared?: readonly Report[]): string {
  const runs = compared ?? [r];
  const share = (n: number, of: number) => (of === 0 ? null : n / of);
  const bars = runs.flatMap((x) => [
    { label: `${x.sequence.sequence}: touchpoints answered`, value: share(x.sequence.touchpoints.answered, x.sequence.touchpoints.sent), text: `${x.sequence.touchpoints.answered} of ${x.sequence.touchpoints.sent}`, ours: true },
    { label: `${x.sequence.sequence}: patient-months`, value: share(x.sequence.patientMonths.answered, x.sequence.patientMonths.withTouchpoint), text: `${x.sequence.patientMonths.answered} of ${x.sequence.patientMonths.withTouchpoint}`, ours: true },
  ]);
  return `<section><h2>The month's sequence${compared ? ': fixed and learned on the same seeded panel' : ` (${esc(r.sequence.sequence)})`}</h2>
${table(['', ...runs.map((x) => `${x.sequence.sequence} (practice: ${x.sequence.setting ?? 'not reported'})`)], comparisonRows(runs.map((x) => x.sequence)))}
<ul class="notes">${COMPARISON_NOTES.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
${barChart('Share answered', bars)}
</section>`;
}

export function renderHtml(r: Report, compared?: readonly Report[]): string {
  const title = `ccm-bot panel simulation: ${r.patients} patients x ${r.days} days, seed ${r.seed}`;
  const summary = table(
    [],
    [
      ['profile', r.profile.length ? r.profile.join(', ') : 'default (simulate/profile.ts)'],
      ['texts to patients', `${r.texts.toPatients} (${r.texts.perPatient} a patient, at most ${r.texts.maxPerPatient})`],
      ['texts to the team', String(r.texts.toCoordinators)],
      ...deliveryRows(r),
      ['calls', `${r.calls.toPatients} check-in calls to patients (answered ${r.calls.checkIn.human ?? 0}, voicemail ${r.calls.checkIn.machine ?? 0}, no answer ${r.calls.checkIn.no_answer ?? 0}, busy ${r.calls.checkIn.busy ?? 0}; ${r.calls.callbacks} called back); the on-call coordinator's phone rung ${r.calls.toCoordinators} times (answered ${r.calls.rings.human ?? 0}, ${r.calls.ringsAcknowledged} acknowledged by key)`],
      ['questions answered', `${r.answered.answered} of ${r.answered.questions}`],
      ...patientModelRows(r),
      ['patients wrote', `${r.written.total} texts, ${r.written.concerning} concerning (${r.written.urgent} urgent)`],
      ['alerts', `${r.alerts.urgent} urgent, ${r.alerts.elevated} elevated; ${r.alerts.cases} cases for ${r.alerts.patientsWithCase} patients`],
      ['concerning texts that reached nobody', r.reachedNobody.length ? `${r.reachedNobody.length}: ${r.reachedNobody.join(', ')}` : '0'],
    ],
  );
  const invariants = r.invariants
    .map((i) => `<li class="${i.violations ? 'fail' : 'ok'}">${i.violations ? 'FAIL' : 'ok'}: ${esc(i.name)}${i.violations ? ` (${esc(i.violations)})<ul>${i.examples.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>` : ''}</li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:980px;padding:0 1rem;color:#1b1f24}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.notes{color:#57606a;font-size:.9rem}.charts{display:flex;flex-wrap:wrap;gap:1rem}
figure{margin:.5rem 0}figcaption{font-size:.85rem;color:#57606a}svg{max-width:100%;height:auto;font-size:12px}
svg text{fill:#1b1f24}.theirs{fill:#8c959f}.ours{fill:#0969da}.range{fill:#8c959f;opacity:.55}
li.ok{color:#1a7f37}li.fail{color:#cf222e;font-weight:600}
</style></head><body>
<h1>${esc(title)}</h1>
<p>${esc(r.practiceTz)}. The service's own code ran the panel on a simulated clock; only Twilio's side, the patients and the coordinator are simulated (simulate/README.md).</p>
${summary}
${sequenceSection(r, compared)}
${workloadSection(r)}
${latencySection(r)}
${questionnaireSection(r)}
${triageSection(r)}
${billingSection(r)}
<section><h2>Invariants</h2><ul>${invariants}</ul></section>
</body></html>
`;
}
