/** The report as text for a terminal. */
import { ARTICLE_TRIAGE, ARTICLE_WORKLOAD, showFigure } from './article.js';
import { ARTICLE_QUESTIONNAIRE_RESPONSE } from './report-questionnaire.js';
import type { Report } from './report.js';
import type { Spread } from './report-work.js';
import { WORK_MODEL } from './work-model.js';
import { COMPARISON_NOTES, comparisonRows, share } from './report-sequence.js';

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;

/** "40 s", "12 min", "3.4 h", "1.6 d": a wait as a person reads it. */
export function showMinutes(minutes: number | null): string {
  if (minutes === null) return '-';
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes < 90) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} d`;
}

/** The workload table's rows: the article's two columns and ccm-bot's, as text. */
export function workloadRows(r: Report): Array<[label: string, manual: string, automated: string, ccmBot: string]> {
  const w = r.workload;
  const a = ARTICLE_WORKLOAD;
  const capacity = w.patientsPerCoordinator;
  return [
    ['calls attempted a day', showFigure(a.callsAttemptedPerDay.manual), showFigure(a.callsAttemptedPerDay.automated), `${w.calls.attemptedPerDay}`],
    ['calls completed a day', showFigure(a.callsCompletedPerDay.manual), showFigure(a.callsCompletedPerDay.automated), `${w.calls.completedPerDay}`],
    ['hours of outreach a day', showFigure(a.outreachHoursPerDay.manual), showFigure(a.outreachHoursPerDay.automated), `${w.hoursPerDay.outreach} (${w.hoursPerDay.total} with case reviews)`],
    ['contact completion', showFigure(a.contactCompletion.manual, true), showFigure(a.contactCompletion.automated, true), `${pct(w.contact.reached, w.contact.patients)} (${w.contact.reached} of ${w.contact.patients} in ${r.days} days)`],
    ['patients per coordinator', showFigure(a.patientsPerCoordinator.manual), showFigure(a.patientsPerCoordinator.automated), capacity.atOutreachShare === null ? '-' : `${capacity.atOutreachShare} (whole day: ${capacity.wholeDay})`],
    ['documentation min/patient/month', showFigure(a.documentationMinutesPerPatientMonth.manual), showFigure(a.documentationMinutesPerPatientMonth.automated), `${w.documentation.minutesPerPatientMonth}`],
  ];
}

/** How the ccm-bot column is measured, in the words the tables need. */
export function workloadNotes(r: Report): string[] {
  const full = WORK_MODEL.fullDayHours;
  return [
    `A day is a working day (${r.workload.workingDays} in the run; ${WORK_MODEL.day.start}-${WORK_MODEL.day.end} Mon-Fri). Outreach: her calls and texts, documentation (time entries, notes), approvals and reading Today; case reviews are clinical work.`,
    `Completed: the patient answered, or called back. Contact: the service's own rule for two-way contact (a reply, an answered call, a logged call), patients not opted out.`,
    `Patients per coordinator: ${r.patients} patients x ${Math.round(full * WORK_MODEL.outreachShare * 100) / 100} h (the ${WORK_MODEL.outreachShare * 100}% of an ${full} h day the article's coordinators give to outreach and documentation) / her ${r.workload.hoursPerDay.total} h a working day, linear in panel size; "whole day" fills all ${full} h. Work the simulator does not model (care-plan revisions, coordination with other providers) is not in it.`,
    `Documentation: time entries, resolution notes and month approvals, per patient, scaled from ${r.days} days to a month${r.billing.months.some((m) => m.approved > 0) ? '' : ' (no month closed in the run, so no approvals in it)'}.`,
  ];
}

/** The latency rows: what, median, p95, how many, how many still waiting. */
export function latencyRows(r: Report): Array<[label: string, spread: Spread]> {
  const l = r.latency;
  return [
    ['every text behind an alert, to her opening its case', l.concerns],
    ['urgent: text to the on-call ring', l.urgentRang],
    ['urgent: text to acknowledged (key or case opened)', l.urgentAcknowledged],
    ['urgent: text to her opening the case', l.urgentOpened],
    ['elevated: text to her opening the case', l.elevatedOpened],
  ];
}

/** Call outcomes as Twilio reported them: a person, a machine (voicemail), nobody, a busy line. */
const outcomesOf = (o: Record<string, number>) => `answered ${o.human ?? 0}, voicemail ${o.machine ?? 0}, no answer ${o.no_answer ?? 0}, busy ${o.busy ?? 0}`;

export function formatReport(r: Report, wallSeconds?: number): string {
  const w = r.workload;
  const minutes = Object.entries(w.minutesByKind).map(([k, m]) => `${k} ${Math.round(m)} min`).join(', ');
  const outcomes = Object.entries(w.calls.byOutcome).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k.replace(/_/g, ' ')} ${n}`).join(', ');
  const lines = [
    `ccm-bot panel simulation: ${r.patients} patients x ${r.days} days, seed ${r.seed}, ${r.practiceTz}${wallSeconds === undefined ? '' : `, ${wallSeconds.toFixed(1)} s wall`}`,
    `profile               ${r.profile.length ? r.profile.join(', ') : 'default (simulate/profile.ts)'}`,
    `sequence              ${sequenceLine(r)}`,
    ...comparisonRows([r.sequence]).map(([label, cell]) => `  ${label.padEnd(42)}${cell}`),
    '',
    `texts to patients     ${r.texts.toPatients} (${r.texts.perPatient} a patient, at most ${r.texts.maxPerPatient})`,
    `  by kind             ${Object.entries(r.texts.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `texts to the team     ${r.texts.toCoordinators}`,
    ...indented(deliveryRows(r)),
    `calls                 ${r.calls.toPatients} to patients (check-ins), ${r.calls.toCoordinators} to the on-call coordinator`,
    `  check-in calls      ${outcomesOf(r.calls.checkIn)}; ${r.calls.callbacks} called back`,
    `  on-call rings       ${outcomesOf(r.calls.rings)}; ${r.calls.ringsAcknowledged} acknowledged by key`,
    `  on the calls        ${r.calls.responses} keys or answers given, ${r.calls.observationsFromCalls} recorded as observations; ${r.calls.spoken.total} said from the corpora (${r.calls.spoken.concerning} concerning)`,
    `answered              ${r.answered.answered} of ${r.answered.questions} questions the service started (${pct(r.answered.answered, r.answered.questions)})`,
    ...questionnaireRows(r).map(([label, text], i) => (i === 0 ? `${label.padEnd(22)}${text}` : `  ${label.padEnd(20)}${text}`)),
    ...indented(patientModelRows(r)),
    `patients wrote        ${r.written.total} texts, ${r.written.labelled} from the labelled corpora, ${r.written.concerning} concerning (${r.written.urgent} urgent)`,
    `alerts                ${r.alerts.urgent} urgent, ${r.alerts.elevated} elevated; ${r.alerts.cases} cases for ${r.alerts.patientsWithCase} patients`,
    `  by reason           ${Object.entries(r.alerts.byReason).map(([k, n]) => `${k} ${n}`).join(', ')}`,
    '',
    `the coordinator       ${w.workingDays} working days (model: simulate/work-model.ts)`,
    `  her time            ${minutes}`,
    `  her calls           ${w.calls.attempted} placed, ${w.calls.completed} completed: ${outcomes || 'none'}`,
    `  her texts           ${w.texts.sent} answers from cases (${w.texts.perDay} a day; POST /cases/:id/text)`,
    `  her phone rang      for urgent alerts: ${w.rings}`,
    '',
    `workload                          manual   automated  ccm-bot`,
    ...workloadRows(r).map(([label, manual, automated, bot]) => `  ${label.padEnd(32)}${manual.padEnd(9)}${automated.padEnd(11)}${bot}`),
    ...workloadNotes(r).map((n) => `  * ${n}`),
    '',
    `time to a person                                      median     p95        n    waiting`,
    ...latencyRows(r).map(([label, s]) => `  ${label.padEnd(52)}${showMinutes(s.medianMinutes).padEnd(11)}${showMinutes(s.p95Minutes).padEnd(11)}${String(s.n).padEnd(5)}${s.waiting}`),
    '  * "waiting": not opened (or acknowledged) by the end of the run. She answers her ring on the premises when not on a call; out of hours it rings out, and she turns to the case when work begins.',
    '',
    'triage at month end   ccm-bot      article',
    ...(['urgent', 'elevated', 'routine', 'stable'] as const).map(
      (level) => `  ${level.padEnd(20)}${`${r.triage[level]} (${pct(r.triage[level], r.patients)})`.padEnd(13)}${showFigure(ARTICLE_TRIAGE[level], true)}`,
    ),
    '',
    'billing (the service\'s own month, GET /practices/:id/months/:month)',
    ...r.billing.months.map(
      (m) =>
        `  ${m.month} (${m.daysInRun} days in the run): ${m.patientsWithTime} patients with staff time, ${m.billable} billable (${Object.entries(m.codes).map(([c, n]) => `${c} x${n}`).join(', ') || 'no codes'}), ${m.needsReview} to review, ${m.approved} approved; ${m.staffMinutesPerPatient} staff min a patient`,
    ),
    `  counted minutes she did not spend on that patient: ${r.billing.unworkedMinutes} min in ${r.billing.unworkedEntries} entries`,
    '',
    `concerning texts that reached nobody: ${r.reachedNobody.length}${r.reachedNobody.length ? ` (${r.reachedNobody.join(', ')})` : ''}`,
    '',
    'invariants',
    ...r.invariants.flatMap((i) => [
      `  ${i.violations === 0 ? 'ok  ' : 'FAIL'} ${i.name}${i.violations ? `: ${i.violations}` : ''}`,
      ...i.examples.map((e) => `         ${e}`),
    ]),
  ];
  return lines.join('\n');
}

const rate = (x: { asked: number; answered: number }) => `${pct(x.answered, x.asked)} of ${x.asked}`;

/** Delivery as Twilio reported it, what the service recorded, each number that cannot take texts: [label, text] (text and HTML). */
export function deliveryRows(r: Report): Array<[label: string, text: string]> {
  const d = r.delivery;
  const undelivered = Object.entries(d.delivery.undelivered).map(([code, n]) => `${n} (${code})`).join(', ') || '0';
  return [
    ['delivery (Twilio)', `${d.delivery.taken} taken (${d.delivery.asReplies} as TwiML replies): ${d.delivery.delivered} delivered, undelivered ${undelivered}, ${d.delivery.pending} unreported at the end`],
    ['service recorded', Object.entries(d.recorded).map(([s, n]) => `${s} ${n}`).join(', ')],
    ...(d.wrongNumbers.length === 0
      ? [['wrong numbers', 'none in this panel'] as [string, string]]
      : d.wrongNumbers.map((w): [string, string] => ['wrong number', `patient ${w.patient} (${w.code}): ${w.texts} texts, ${w.undelivered} undelivered, ${w.afterFirstFailure} after the first failure; ${w.stopped}`])),
  ];
}

/** Which sequence the run asked for, and what the practice says it runs. */
export const sequenceLine = (r: Report) =>
  `${r.sequence.sequence} (the practice's outreach.channelChoice: ${r.sequence.setting ?? 'not set'}); the cadence's touchpoints:`;

/**
 * The comparison of the sequences on one seeded panel (`--compare`): one column each. Reports
 * from runs that differ only in the sequence (cli.ts).
 */
export function formatComparison(reports: readonly Report[], wallSeconds?: number): string {
  const r = reports[0]!;
  const rows = comparisonRows(reports.map((x) => x.sequence));
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const columns = reports.map((_, i) => Math.max(12, ...rows.map((row) => row[i + 1]!.length)) + 2);
  const line = (cells: string[]) => `  ${cells[0]!.padEnd(width)}${cells.slice(1).map((c, i) => c.padEnd(columns[i]!)).join('')}`.trimEnd();
  return [
    `fixed and learned sequence on one panel: ${r.patients} patients x ${r.days} days, seed ${r.seed}, ${r.practiceTz}${wallSeconds === undefined ? '' : `, ${wallSeconds.toFixed(1)} s wall for both`}`,
    `profile: ${r.profile.length ? r.profile.join(', ') : 'default (simulate/profile.ts)'}; ${routineLine(r)}`,
    '',
    line(['', ...reports.map((x) => `${x.sequence.sequence}${x.sequence.setting === x.sequence.sequence ? '' : ` (practice: ${x.sequence.setting ?? '?'})`}`)]),
    ...rows.map(line),
    line(['invariants', ...reports.map((x) => { const bad = x.invariants.filter((i) => i.violations > 0); return bad.length ? `FAIL ${bad.length}` : 'all ok'; })]),
    ...COMPARISON_NOTES.map((n) => `  * ${n}`),
    ...reports.flatMap((x) => x.invariants.filter((i) => i.violations > 0).map((i) => `  FAIL (${x.sequence.sequence}) ${i.name}: ${i.violations}${i.examples.length ? ` (${i.examples.join('; ')})` : ''}`)),
  ].join('\n');
}

/** The routines' shares in a line: who works days, who ignores texts, the panel's lift. */
const routineLine = (r: Report) => {
  const g = Object.fromEntries(r.routine.groups.map((x) => [x.group, x.patients]));
  return `${g['works days'] ?? 0} work days, ${g['ignores texts'] ?? 0} ignore texts (rates lifted x${r.routine.lift} in odds: simulate/routine.ts)`;
};

/** The patient model's month: engagement drifting, doses by adherence pattern, answers by routine. */
export function patientModelRows(r: Report): Array<[label: string, text: string]> {
  const d = r.delivery;
  const answered = (x: { asked: number; answered: number }) => `${share(x.answered, x.asked)} of ${x.asked}`;
  return [
    [
      'by routine',
      `${r.routine.groups.map((g) => `${g.group} (${g.patients}): texts ${answered(g.daytime)} weekday daytime, ${answered(g.evening)} other times; calls picked up ${answered(g.calls)}`).join('; ')}; odds lift x${r.routine.lift}`,
    ],
    ['by engagement', d.engagement.map((e) => `${e.drift} (${e.patients}): ${rate(e.firstHalf)} then ${rate(e.secondHalf)}`).join('; ')],
    ['doses, by adherence', d.adherence.map((a) => `${a.pattern} (${a.patients}): ${a.taken} taken, ${a.missed} missed, ${a.refillConcerns} refill concerns, ${a.unanswered} unanswered`).join('; ')],
  ];
}

/** The week-2 questionnaire's month: [label, text] (text and HTML); the first row heads the rest. */
export function questionnaireRows(r: Report): Array<[label: string, text: string]> {
  const f = r.questionnaire;
  const statuses = Object.entries(f.requests.byStatus).map(([s, n]) => `${s} x${n}`).join(', ') || 'none';
  return [
    ['questionnaire', `${f.sent} sent by text (${f.delivered} delivered; links made ${f.links}), ${f.reminded} reminded; ${f.opened} opened, ${f.completed} completed`],
    ['response rate', `${f.rate === null ? '-' : `${(f.rate * 100).toFixed(1)}%`} completed of sent (the article: ${Math.round(ARTICLE_QUESTIONNAIRE_RESPONSE * 100)}%, NCQA; the model opens each link text at that rate, scaled by engagement)`],
    ['on the form', `${f.openedOnReminder} opened on the reminder; ${f.leftPartWay} left part-way, ${f.cameBack} came back by the same link, ${f.finishedAfterComingBack} of them finished`],
    ['not sent back', `${f.lapsed} lapsed after 7 days (${f.lapsedOpened} of them opened), ${f.stillOpen} still open at the end`],
    ['PHQ', `${f.phq.phq2} PHQ-2, ${f.phq.phq2Positive} positive (3 or more); ${f.phq.phq9} PHQ-9, ${f.phq.phq9AtLeast10} at 10 or more; ${f.phq.alerts} depression-screen alerts`],
    ['self-harm answers', `${f.selfHarm.answers}: ${f.selfHarm.crisisPage} shown the crisis page (988), ${f.selfHarm.alerted} raised an urgent alert, ${f.selfHarm.rung} rang the on-call phone within a minute`],
    ['their own words', `${f.written.total} written on forms sent back (${f.written.concerning} concerning)`],
    ['form requests', `${f.requests.total} (${statuses}); ${f.requests.refused} screens not taken; ${f.requests.closedVisits} visits found the link closed`],
  ];
}

const indented = (rows: Array<[string, string]>) => rows.map(([label, text]) => `  ${label.padEnd(20)}${text}`);
