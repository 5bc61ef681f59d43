/**
 * A case's alerts as a coordinator reads them: the reasons of one event join
 * one reason. One fall told in three texts raises "a fall", "bleeding" and "a
 * new or worse concern"; the case shows "a fall — also: bleeding or
 * bruising", with what else the patient said under it. Pure: no I/O.
 */
import type { AlertLevel, AlertStatus } from '../store/alerts.js';
import { describeReason } from './reasons.js';

/**
 * Reasons that say only that a person should look (a text, a promise, words
 * not understood): with a specific reason in the case, they are the same
 * event told again, and their words show under it as "also said".
 */
export const GENERIC_REASONS: ReadonlySet<string> = new Set([
  'new_or_worse_concern',
  'follow_up_promised',
  'message_for_team',
  'unhandled_text',
  'unplaced_words',
]);

const FALLS = ['red_flag:fall', 'concern:fall'];
/** What a fall leaves behind: raised soon after one, it is the fall's, not news of its own. */
const INJURIES = new Set(['concern:bleeding', 'concern:pain']);
/** How far from a fall an injury is still taken to be the fall's. */
export const FALL_WINDOW_MS = 48 * 60 * 60 * 1000;

export interface CaseEvidence {
  explanation: string;
  at: string;
  /** The patient's own words behind it, when a text was. */
  words: string | null;
}

/** What the grouping needs of each of a case's alerts. */
export interface CaseAlert {
  id: string;
  reason: string;
  level: AlertLevel;
  status: AlertStatus;
  createdAt: string;
  /** The text that raised it, when one did. */
  patientText: string | null;
  evidence: readonly CaseEvidence[];
}

export interface CaseReason {
  /** The reason it is listed by (its first alert's). */
  reason: string;
  /** In words: "a fall — also: bleeding or bruising". */
  description: string;
  /** The highest of the alerts it stands for. */
  level: AlertLevel;
  /** Every alert it stands for, its own first. */
  alertIds: string[];
  /** The reasons of one event joined to it. */
  joined: string[];
  evidence: Array<CaseEvidence & { reason: string }>;
  /** The patient's words behind it, oldest first, each once. */
  words: string[];
  /** What the patient said that raised only a generic reason, oldest first. */
  alsoSaid: string[];
  firstAt: string;
  lastAt: string;
}

const time = (iso: string) => Date.parse(iso);
const byTime = (a: { createdAt: string }, b: { createdAt: string }) => time(a.createdAt) - time(b.createdAt);
const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => v !== null && v.trim() !== ''))];
const wordsOf = (alerts: readonly CaseAlert[]) =>
  distinct(alerts.flatMap((a) => [{ at: a.createdAt, words: a.patientText }, ...a.evidence]).sort((x, y) => time(x.at) - time(y.at)).map((e) => e.words));

/**
 * The fall an alert belongs to, if any: an injury joins a fall red flag or a
 * fall concern within the window; a fall concern joins only a fall red flag
 * (so nothing joins in a circle, and a red flag always heads its event).
 */
function fallOf(alert: CaseAlert, falls: readonly CaseAlert[]): CaseAlert | undefined {
  const near = falls.filter((f) => f !== alert && Math.abs(time(f.createdAt) - time(alert.createdAt)) <= FALL_WINDOW_MS);
  const redFlag = near.find((f) => f.reason === 'red_flag:fall');
  if (alert.reason === 'concern:fall') return redFlag;
  return INJURIES.has(alert.reason) ? (redFlag ?? near.find((f) => f.reason === 'concern:fall')) : undefined;
}

/** The listed alert nearest in time to `alert` (the earlier one on a tie). */
function nearest(alert: CaseAlert, listed: readonly CaseAlert[]): CaseAlert {
  const distance = (a: CaseAlert) => Math.abs(time(a.createdAt) - time(alert.createdAt));
  return listed.reduce((best, a) => (distance(a) < distance(best) ? a : best));
}

/**
 * Groups a case's alerts into the reasons a coordinator reads, urgent first,
 * then in the order they were raised. Generic reasons join the nearest
 * specific one when the case has any; a bleeding, bruise or pain concern (or
 * a plain fall concern beside a fall red flag) within 48 hours of a fall joins
 * the fall. Every alert is under exactly one reason.
 */
export function caseReasons(alerts: readonly CaseAlert[]): CaseReason[] {
  const sorted = [...alerts].sort(byTime);
  const specific = sorted.filter((a) => !GENERIC_REASONS.has(a.reason));
  const falls = specific.filter((a) => FALLS.includes(a.reason));
  const joinedTo = new Map<CaseAlert, CaseAlert>();
  for (const alert of specific) {
    const fall = fallOf(alert, falls);
    if (fall) joinedTo.set(alert, fall);
  }
  // An injury joined to a fall concern that itself joined a red flag belongs to the red flag.
  const headOf = (alert: CaseAlert): CaseAlert => (joinedTo.has(alert) ? headOf(joinedTo.get(alert)!) : alert);
  const listed = specific.length > 0 ? specific.filter((a) => !joinedTo.has(a)) : sorted;
  const members = new Map<CaseAlert, { joined: CaseAlert[]; generic: CaseAlert[] }>(listed.map((a) => [a, { joined: [], generic: [] }]));
  for (const alert of joinedTo.keys()) members.get(headOf(alert))!.joined.push(alert);
  if (specific.length > 0) {
    for (const alert of sorted.filter((a) => GENERIC_REASONS.has(a.reason))) members.get(nearest(alert, listed))!.generic.push(alert);
  }
  return [...members].map(([head, { joined, generic }]) => reasonOf(head, joined, generic)).sort(
    (a, b) => Number(b.level === 'urgent') - Number(a.level === 'urgent') || time(a.firstAt) - time(b.firstAt),
  );
}

function reasonOf(head: CaseAlert, joined: CaseAlert[], generic: CaseAlert[]): CaseReason {
  const own = [head, ...joined];
  const all = [...own, ...generic];
  // A second fall reason is the same fall: "also" names only what the fall left behind.
  const also = distinct(joined.filter((a) => !FALLS.includes(a.reason)).map((a) => describeReason(a.reason)));
  const words = wordsOf(own);
  const times = all.flatMap((a) => [a.createdAt, ...a.evidence.map((e) => e.at)]).sort((a, b) => time(a) - time(b));
  return {
    reason: head.reason,
    description: describeReason(head.reason) + (also.length > 0 ? ` — also: ${also.join(', ')}` : ''),
    level: all.some((a) => a.level === 'urgent') ? 'urgent' : 'elevated',
    alertIds: all.map((a) => a.id),
    joined: joined.map((a) => a.reason),
    evidence: own
      .flatMap((a) => a.evidence.map((e) => ({ ...e, reason: a.reason })))
      .sort((a, b) => time(a.at) - time(b.at)),
    words,
    alsoSaid: wordsOf(generic).filter((w) => !words.includes(w)),
    firstAt: times[0]!,
    lastAt: times.at(-1)!,
  };
}
