/**
 * A case as the care team works it: its reasons grouped by event, every
 * alert with its evidence and the patient's words, the patient's latest
 * words, and its review deadline (the earliest of its elevated alerts still
 * waiting for someone).
 */
import { listAlertsOfCases, type AlertWithNames } from '../store/alerts.js';
import { listEvidenceWithWords, type CaseWithNames, type EvidenceWithWords } from '../store/case-views.js';
import type { Queryable } from '../store/sql.js';
import { caseReasons, type CaseReason } from './case-reasons.js';

export interface CaseView {
  case: CaseWithNames;
  alerts: Array<AlertWithNames & { evidence: EvidenceWithWords[] }>;
  reasons: CaseReason[];
  /** What the patient wrote last, among the texts behind the case. */
  latestWords: { text: string; at: string } | null;
  /** The earliest review deadline of its elevated alerts nobody has acknowledged yet. */
  reviewDueAt: string | null;
  overdue: boolean;
}

function latestWords(alerts: CaseView['alerts']): CaseView['latestWords'] {
  const said = alerts.flatMap((a) => [
    ...(a.patientText ? [{ text: a.patientText, at: a.createdAt }] : []),
    ...a.evidence.flatMap((e) => (e.words ? [{ text: e.words, at: e.at }] : [])),
  ]);
  // On a tie (one text raising several alerts, or texts within one clock tick) the later alert's words win.
  return said.reduce<CaseView['latestWords']>((latest, s) => (!latest || Date.parse(s.at) >= Date.parse(latest.at) ? s : latest), null);
}

/** Puts one case together from its alerts and their evidence (pure). */
export function caseView(patientCase: CaseWithNames, alerts: CaseView['alerts'], now: Date): CaseView {
  const deadlines = alerts.filter((a) => a.level === 'elevated' && a.status === 'open' && a.reviewDueAt).map((a) => a.reviewDueAt!);
  const reviewDueAt = deadlines.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
  return {
    case: patientCase,
    alerts,
    reasons: caseReasons(alerts),
    latestWords: latestWords(alerts),
    reviewDueAt,
    overdue: reviewDueAt !== null && Date.parse(reviewDueAt) <= now.getTime(),
  };
}

/** The views of these cases, in their order, read in two queries whatever their number. */
export async function loadCaseViews(db: Queryable, cases: readonly CaseWithNames[], now: Date): Promise<CaseView[]> {
  const alerts = await listAlertsOfCases(db, cases.map((c) => c.id));
  const evidence = await listEvidenceWithWords(db, alerts.map((a) => a.id));
  const evidenceOf = groupBy(evidence, (e) => e.alertId);
  const alertsOf = groupBy(alerts.map((a) => ({ ...a, evidence: evidenceOf.get(a.id) ?? [] })), (a) => a.caseId ?? '');
  return cases.map((c) => caseView(c, alertsOf.get(c.id) ?? [], now));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
