/**
 * The simulated coordinator's work as one model: her hours, how long each
 * thing she does takes, and how her calls turn out. Everything she spends
 * time on comes from here, so the workload figures rest on numbers a reader
 * can check. Sources: the article (../shared/seed/ccm-automation-article.txt,
 * its call-outcome table and MGMA figures); what is not from it is marked
 * "assumption".
 */
import type { Random } from './random.js';

export type CallOutcome = 'answered' | 'voicemail' | 'no_answer' | 'wrong_number' | 'callback';

/** What her time goes to; `outreach` kinds are what the article's "hours on outreach" counts. */
export type WorkKind = 'today' | 'review' | 'call' | 'text' | 'documentation' | 'approval';
export const OUTREACH_KINDS: readonly WorkKind[] = ['call', 'text', 'documentation', 'approval', 'today'];

type Range = readonly [number, number];

export const WORK_MODEL = {
  /** Assumption: a coordinator's day, Monday to Friday, practice time; 8 hours of work. */
  day: { start: '08:30', lunchStart: '12:00', lunchEnd: '12:30', end: '17:00', weekdays: [1, 2, 3, 4, 5] as readonly number[] },
  fullDayHours: 8,
  /** The article (MGMA 2025): manual coordinators give 62% of their time to outreach and documentation. */
  outreachShare: 0.62,
  /** Minutes per action. */
  minutes: {
    /** Assumption: reading Today (urgent, reviews, call list) at the start of the day. */
    openToday: 2,
    /** Assumption: reading a case, its reasons and the patient's words. */
    caseReview: [3, 5] as Range,
    /** Assumption: a look at the chart before calling someone on the call list, or at a case before calling again (not logged: preparation). */
    chartCheck: [1, 2] as Range,
    /** Assumption: writing a text that answers the patient from their case (POST /cases/:id/text). */
    textAnswer: [1, 3] as Range,
    /** Assumption: logging one time entry with a note. */
    timeEntry: 1,
    /** Assumption: the note that resolves a case. */
    resolveNote: 1,
    /** The article (MGMA): automated documentation is 2.0 min per patient a month, reviewing and approving the drafted note. */
    monthApproval: 2,
    /** Assumption: from her phone ringing (urgent alert) to the case open in front of her, when she is at work. */
    ringToOpen: 1,
  },
  /**
   * The article's call outcomes (AMA 2025 benchmark survey, via the article), per attempt,
   * independent. 'callback': the attempt rings out (assumption: 1-2 min) and the patient
   * calls back later; the article's 4-6 min is that call. A wrong number here is a line that
   * did not connect (the simulated numbers are all right).
   */
  calls: [
    { outcome: 'answered', share: 0.28, minutes: [8, 12] as Range },
    { outcome: 'voicemail', share: 0.34, minutes: [2, 3] as Range },
    { outcome: 'no_answer', share: 0.22, minutes: [1, 2] as Range },
    { outcome: 'wrong_number', share: 0.08, minutes: [1, 1] as Range },
    { outcome: 'callback', share: 0.08, minutes: [1, 2] as Range },
  ] as ReadonlyArray<{ outcome: CallOutcome; share: number; minutes: Range }>,
  callbackMinutes: [4, 6] as Range,
  /** Assumption: patients call back after about two hours on average (exponential), in office hours. */
  callbackMeanHours: 2,
  /** Assumption: at most one call a working day about one problem, three in all, then she closes it with what she did. */
  attemptsPerProblem: 3,
  /** Assumption: with nothing to do she looks at Today again every 30 minutes (urgent cases ring her at once). */
  idleCheckMinutes: 30,
  /**
   * Assumption: elevated cases she settles by reading them (a reading the plan covers, a missed
   * dose, text the bot could not place); every other case gets a call.
   */
  reviewOnlyReasons: ['bp_high', 'bp_rising', 'glucose_high', 'missed_dose', 'unanswered', 'unhandled_text'] as readonly string[],
  /**
   * Assumption: an elevated case whose reasons are only these, and whose words she reads as no
   * concern (a question about the texts, a request for an appointment or a refill, news), she
   * answers by text from the case; a patient who asked to be called ('request:callback') is called.
   */
  textAnswerReasons: ['message_for_team', 'request:appointment', 'request:refill'] as readonly string[],
} as const;

/** Minutes drawn uniformly from a range, to the whole second. */
export const minutesIn = (random: Random, [low, high]: Range): number => Math.round((low + random() * (high - low)) * 60) / 60;

/** One call's outcome and how long it took her, by the article's table. */
export function dial(random: Random): { outcome: CallOutcome; minutes: number } {
  let r = random();
  for (const c of WORK_MODEL.calls) {
    if (r < c.share) return { outcome: c.outcome, minutes: minutesIn(random, c.minutes) };
    r -= c.share;
  }
  const last = WORK_MODEL.calls.at(-1)!;
  return { outcome: last.outcome, minutes: minutesIn(random, last.minutes) };
}

/**
 * A case she answers by text: elevated, every reason one a text can answer, and every word of the
 * patient's she reads as no concern (`concerning`: her reading of each, null when she cannot tell).
 */
export const answerableByText = (level: 'urgent' | 'elevated', reasons: readonly string[], concerning: ReadonlyArray<boolean | null>): boolean =>
  level === 'elevated' && reasons.length > 0 && reasons.every((r) => WORK_MODEL.textAnswerReasons.includes(r)) && concerning.length > 0 && concerning.every((c) => c === false);

/** A case is settled by reading it when every reason is review-only. */
export const needsCall = (level: 'urgent' | 'elevated', reasons: readonly string[]): boolean =>
  level === 'urgent' || reasons.some((r) => !WORK_MODEL.reviewOnlyReasons.includes(r));
