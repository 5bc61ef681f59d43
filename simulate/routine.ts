/**
 * When, and by what, a patient can answer what the service starts (issue 24,
 * where the learned sequence plans each patient's hour and channel from their
 * own history). Without this every patient answered at a rate independent of
 * hour and channel, and learning could not help anyone. Assumptions, with
 * their figures in profile.ts (`daytime`, `textAverse`):
 * - most patients can answer at any daytime hour, by their own channel;
 * - `daytime.workers` work days: on a weekday before `daytime.eveningFrom`
 *   (their local time) their chance is `daytime.answers` of what it is in the
 *   evening or at a weekend;
 * - `textAverse.share` of the patients who chose texts seldom answer one
 *   (`textAverse.texts` of their chance; a link in a text alike) but pick up
 *   calls (`textAverse.calls` times their chance).
 *
 * The article's 67% (answerRate.mean) is what text check-ins at a fixed
 * daytime hour get from a whole panel, these patients included. So that the
 * default panel's figures stay where they were, every patient's drawn rate is
 * lifted by one factor for the panel (its odds multiplied, so it stays below
 * 1 and patients keep their order), solved here so that the panel's mean chance
 * of answering a text at the cadence's 10:00 on a weekday stays what the
 * drawn rates alone gave. The price: the patients without either trait answer
 * more than the drawn rates say (odds x2.85 with the defaults: 0.37 becomes
 * 0.63, 0.67 becomes 0.85), and their calls are picked up more (28% scaled by
 * the lifted rate). With both shares at 0 the lift is 1, and the model is
 * exactly the one before.
 *
 * Pure: the traits are drawn by the caller from a stream of the patient's own.
 */
import { DateTime } from 'luxon';
import type { Random } from './random.js';
import type { Profile } from './profile.js';

export interface Routine {
  /** Works weekdays: rarely answers before the evening then. */
  worksDays: boolean;
  /** Chose texts but seldom answers one; picks up calls. */
  ignoresTexts: boolean;
}

/** How the service started the exchange: a text (or a link in one), or a call. */
export type Medium = 'text' | 'call';

/** The hour the calibration holds at: the cadence's time (simulate/panel.ts), a weekday. */
const CADENCE_HOUR = 10;
/** Points of the drawn rates' distribution the lift is solved over (midpoints of a uniform draw). */
const POINTS = 1000;

/** Two draws, always both (the stream's use does not depend on the channel). */
export function routineOf(r: Random, profile: Profile, channel: 'sms' | 'voice'): Routine {
  const worksDays = r() < profile.daytime.workers;
  const ignores = r() < profile.textAverse.share;
  return { worksDays, ignoresTexts: channel === 'sms' && ignores };
}

/** What the patient's routine does to their chance at `at` (local time in `zone`) by `medium`. */
export function routineFactor(p: { routine: Routine; zone: string; profile: Profile }, at: Date, medium: Medium): number {
  const { daytime, textAverse } = p.profile;
  let factor = 1;
  if (p.routine.worksDays) {
    const local = DateTime.fromJSDate(at, { zone: p.zone });
    if (local.weekday <= 5 && local.hour < daytime.eveningFrom) factor *= daytime.answers;
  }
  if (p.routine.ignoresTexts) factor *= medium === 'text' ? textAverse.texts : textAverse.calls;
  return factor;
}

/**
 * The chance that a patient whose drawn rate is now `rate` (answerRateAt: drift included) takes
 * up an exchange started at `at` by `medium`: their lifted rate times their routine's factor.
 * For a call it is the rate call-model.ts scales pickups by (and caps).
 */
export function chanceOf(p: { routine: Routine; zone: string; profile: Profile }, rate: number, at: Date, medium: Medium): number {
  const lifted = Math.min(p.profile.answerRate.max, liftRate(rate, panelLift(p.profile)));
  const chance = lifted * routineFactor(p, at, medium);
  return medium === 'text' ? Math.min(1, chance) : chance;
}

const liftRate = (rate: number, k: number) => (k === 1 ? rate : (k * rate) / (1 - rate + k * rate));

const lifts = new WeakMap<Profile, number>();

/** The panel's odds factor (1 when no patient has a trait that lowers the daytime text rate). */
export function panelLift(profile: Profile): number {
  const known = lifts.get(profile);
  if (known !== undefined) return known;
  const { answerRate: a, daytime, textAverse } = profile;
  // The mean routine factor of a patient who chose texts, for a text at 10:00 on a weekday.
  const dayFactor = CADENCE_HOUR < daytime.eveningFrom ? 1 - daytime.workers * (1 - daytime.answers) : 1;
  const meanFactor = dayFactor * (1 - textAverse.share * (1 - textAverse.texts));
  const rates = Array.from({ length: POINTS }, (_, i) => Math.min(a.max, Math.max(a.min, a.mean + ((i + 0.5) / POINTS - 0.5) * a.spread)));
  const meanAt = (k: number) => rates.reduce((sum, r) => sum + Math.min(a.max, liftRate(r, k)), 0) / POINTS;
  let k = 1;
  if (meanFactor < 1 - 1e-12 && meanFactor > 0) {
    const target = meanAt(1) / meanFactor;
    // meanAt grows with k; bisect on a log scale (the target may be out of reach: then the largest k).
    let low = 0;
    let high = Math.log(1e4);
    for (let i = 0; i < 60; i += 1) {
      const mid = (low + high) / 2;
      if (meanAt(Math.exp(mid)) < target) low = mid;
      else high = mid;
    }
    k = Math.exp(high);
  }
  lifts.set(profile, k);
  return k;
}
