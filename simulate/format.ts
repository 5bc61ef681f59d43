/** The report as text for a terminal. */
import type { Report } from './report.js';

/** The article's triage mix for an automated panel (../shared/seed/). */
const ARTICLE_TRIAGE = { urgent: '5-8%', elevated: '12-18%', routine: '55-65%', stable: '15-20%' } as const;

export function formatReport(r: Report, wallSeconds?: number): string {
  const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
  const lines = [
    `ccm-bot panel simulation: ${r.patients} patients x ${r.days} days, seed ${r.seed}, ${r.practiceTz}${wallSeconds === undefined ? '' : `, ${wallSeconds.toFixed(1)} s wall`}`,
    '',
    `texts to patients     ${r.texts.toPatients} (${r.texts.perPatient} a patient, at most ${r.texts.maxPerPatient})`,
    `  by kind             ${Object.entries(r.texts.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `texts to the team     ${r.texts.toCoordinators}`,
    `calls                 ${r.calls.toPatients} to patients (check-ins), ${r.calls.toCoordinators} to the on-call coordinator`,
    `answered              ${r.answered.answered} of ${r.answered.questions} questions the service started (${pct(r.answered.answered, r.answered.questions)})`,
    `patients wrote        ${r.written.total} texts, ${r.written.labelled} from the labelled corpora, ${r.written.concerning} concerning (${r.written.urgent} urgent)`,
    `alerts                ${r.alerts.urgent} urgent, ${r.alerts.elevated} elevated; ${r.alerts.cases} cases for ${r.alerts.patientsWithCase} patients`,
    `  by reason           ${Object.entries(r.alerts.byReason).map(([k, n]) => `${k} ${n}`).join(', ')}`,
    '',
    'triage at month end   ccm-bot      article',
    ...(['urgent', 'elevated', 'routine', 'stable'] as const).map(
      (level) => `  ${level.padEnd(20)}${`${r.triage[level]} (${pct(r.triage[level], r.patients)})`.padEnd(13)}${ARTICLE_TRIAGE[level]}`,
    ),
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
