/**
 * Which channel and hour a patient's next touchpoints go by, learned from
 * their own history: each past contact, by channel and local time of day,
 * answered or not. Pure.
 *
 * Every rate is a Beta estimate: what the patient answered, pulled towards
 * what most patients answer (PRIOR_MEAN, with the weight of PRIOR_WEIGHT
 * contacts), so one missed text says a little and three say more.
 * - The channel: the patient's own, unless another has done better over all
 *   hours. A patient who takes calls is never texted; one who chose texts is
 *   called once texts have failed (about a month of unanswered digital
 *   touchpoints: "escalates to a phone call only when the digital
 *   touchpoints fail"), and texted again if calls fail too.
 * - The hour on that channel: the cadence's, unless another beats it by
 *   HOUR_MARGIN, so one missed text does not move a patient who usually
 *   answers. Untried hours tie; the tie goes to the hour farthest from where
 *   they did not answer, by any channel (a patient who misses mornings is
 *   tried in the evening), then to the cadence's.
 */
import { inQuietHours, minutesOf } from './local-time.js';
import type { ContactWindow } from './types.js';

export type Channel = 'sms' | 'voice';

/** One earlier automated contact: how it went, when (local minutes after midnight), answered or not. */
export interface PastContact {
  channel: Channel;
  minute: number;
  answered: boolean;
}

export interface ChoiceInput {
  history: readonly PastContact[];
  /** The channel the patient chose. */
  preferred: Channel;
  /** 'HH:MM', the cadence's time. */
  usualTime: string;
  window: ContactWindow | null;
  quietHours: { start: string; end: string };
}

/** How a channel and hour did: answered of tried. */
export interface Tally {
  channel: Channel;
  time: string;
  answered: number;
  tried: number;
}

/**
 * Why: 'fixed' the practice plans every patient the usual way; 'usual' the
 * history does not beat it (or there is none: tried 0); 'learned' another
 * channel or hour did. The tallies are kept so the schedule can say it:
 * the chosen hour's, the usual's, and the patient's own channel's at all hours.
 */
export interface ChoiceReason {
  basis: 'fixed' | 'usual' | 'learned';
  chosen: Tally;
  usual: Tally;
  /** The patient's own channel over all hours (`time` is the usual one). */
  overall: Tally;
}

export interface ChannelChoice {
  channel: Channel;
  time: string;
  reason: ChoiceReason;
}

/** The hours tried besides the cadence's: morning, midday, afternoon, early evening. */
export const CANDIDATE_TIMES = ['09:00', '12:00', '15:00', '18:00'] as const;
/** How often a patient answers their own channel (texts: about two in three, DOMAIN.md), and the other. */
const PRIOR_MEAN = { own: 0.6, other: 0.4 };
const PRIOR_WEIGHT = 4;
const HOUR_MARGIN = 0.15;
/** Scores this close are equal (they are sums of fractions). */
const EPSILON = 1e-9;

/** The cadence as written: the patient's own channel at the cadence's time. */
export function fixedChoice(preferred: Channel, usualTime: string): ChannelChoice {
  const usual: Tally = { channel: preferred, time: usualTime, answered: 0, tried: 0 };
  return { channel: preferred, time: usualTime, reason: { basis: 'fixed', chosen: usual, usual, overall: usual } };
}

export function chooseChannel(input: ChoiceInput): ChannelChoice {
  const { history, preferred, usualTime } = input;
  const times = candidateTimes(input);
  const tallies = tally(history, times);
  const score = (t: Tally) => (t.answered + PRIOR_WEIGHT * (t.channel === preferred ? PRIOR_MEAN.own : PRIOR_MEAN.other)) / (t.tried + PRIOR_WEIGHT);
  const overall = (channel: Channel): Tally => {
    const all = history.filter((h) => h.channel === channel);
    return { channel, time: usualTime, answered: all.filter((h) => h.answered).length, tried: all.length };
  };
  const own = overall(preferred);
  const channel: Channel = preferred === 'sms' && score(overall('voice')) > score(own) + EPSILON ? 'voice' : preferred;

  const incumbent = tallies.get(key(channel, usualTime))!;
  let best = incumbent;
  for (const time of times) {
    const t = tallies.get(key(channel, time))!;
    const [s, b] = [score(t), score(best)];
    if (s > b + EPSILON || (s > b - EPSILON && fartherFromMisses(input, t, best))) best = t;
  }
  // An hour the patient has answered at keeps them unless another is clearly better.
  if (incumbent.tried > 0 && score(best) - score(incumbent) < HOUR_MARGIN) best = incumbent;
  const usual = tallies.get(key(preferred, usualTime))!;
  return { channel, time: best.time, reason: { basis: best === usual ? 'usual' : 'learned', chosen: best, usual, overall: own } };
}

/** The cadence's time and the other candidate hours the patient may be contacted at. */
function candidateTimes(input: ChoiceInput): string[] {
  const { window, quietHours } = input;
  const allowed = (time: string) =>
    !inQuietHours(time, quietHours) && (!window || (minutesOf(time) >= minutesOf(window.start) && minutesOf(time) < minutesOf(window.end)));
  const times = [...new Set([input.usualTime, ...CANDIDATE_TIMES])].filter((time) => time === input.usualTime || allowed(time));
  return times.sort((a, b) => minutesOf(a) - minutesOf(b));
}

const key = (channel: Channel, time: string) => `${channel}|${time}`;

/** Each past contact counts for the candidate hour nearest to when it went. */
function tally(history: readonly PastContact[], times: readonly string[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const channel of ['sms', 'voice'] as const) {
    for (const time of times) tallies.set(key(channel, time), { channel, time, answered: 0, tried: 0 });
  }
  for (const contact of history) {
    const time = nearest(contact.minute, times);
    const t = tallies.get(key(contact.channel, time))!;
    t.tried += 1;
    if (contact.answered) t.answered += 1;
  }
  return tallies;
}

const nearest = (minute: number, times: readonly string[]) =>
  times.reduce((a, b) => (Math.abs(minutesOf(b) - minute) < Math.abs(minutesOf(a) - minute) ? b : a));

/** Of two equal scores: the hour farther from where the patient did not answer (by any channel); then the usual hour. */
function fartherFromMisses(input: ChoiceInput, a: Tally, b: Tally): boolean {
  const [da, db] = [missedDistance(input.history, a), missedDistance(input.history, b)];
  return da !== db ? da > db : a.time === input.usualTime;
}

/** Minutes from `t`'s hour to the nearest contact the patient did not answer. */
function missedDistance(history: readonly PastContact[], t: Tally): number {
  const missed = history.filter((h) => !h.answered).map((h) => Math.abs(h.minute - minutesOf(t.time)));
  return missed.length === 0 ? Infinity : Math.min(...missed);
}

const channelWords = (channel: Channel) => (channel === 'sms' ? 'texts' : 'calls');
const record = (t: Tally) => (t.tried === 0 ? 'not tried yet' : `answered ${t.answered} of ${t.tried}`);

/**
 * Why, in a sentence for staff: "Texts at 18:00 (not tried yet) rather than
 * texts at 10:00 (answered 0 of 2)." or "Calls at 18:00 (not tried yet):
 * texts answered 0 of 3."
 */
export function explainChoice(reason: ChoiceReason): string {
  const { chosen, usual, overall, basis } = reason;
  const how = `${channelWords(chosen.channel)} at ${chosen.time}`;
  const How = how[0]!.toUpperCase() + how.slice(1);
  if (basis === 'fixed') return `${How}: the practice's sequence is fixed.`;
  if (basis === 'usual') return usual.tried === 0 ? `${How}, as usual: nothing answered or missed yet to learn from.` : `${How}, as usual (${record(usual)}).`;
  if (chosen.channel !== usual.channel) return `${How} (${record(chosen)}): ${channelWords(overall.channel)} ${record(overall)}.`;
  return `${How} (${record(chosen)}) rather than at ${usual.time} (${record(usual)}).`;
}
