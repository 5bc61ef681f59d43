/**
 * What a simulated patient answers on the week-2 form, question by question,
 * from their state: self-rated health from their course and mood, the PHQ
 * from their mood (item 9 above "not at all" for the few with thoughts of
 * self-harm), each medicine by their adherence pattern, home readings from
 * the devices they have, falls and symptoms from their concerns, and words of
 * their own from the corpora (simulate/corpus.ts). Each answer is decided
 * once per form, so a patient who leaves and comes back answers the same.
 * Pure: no I/O; randomness from the form's own stream.
 *
 * The shares below that are not in the profile are assumptions, marked.
 */
import {
  FALL_LINK_IDS,
  HEALTH_LINK_ID,
  MESSAGE_LINK_ID,
  READING_LINK_IDS,
  SELF_HARM_LINK_ID,
  SYMPTOM_LINK_IDS,
  TAKEN,
} from '../src/flows/questionnaire/index.js';
import { adherenceTextsFor, textsFor, type LabelledText } from './corpus.js';
import { concernChance, type SimPatient } from './patients.js';
import { pick, type Random } from './random.js';

/** The PHQ's answers by points (the instrument's own scoring, written out here, not read from the service). */
export const PHQ_POINTS: Readonly<Record<string, number>> = { not_at_all: 0, several_days: 1, more_than_half: 2, nearly_every_day: 3 };
const PHQ_BY_POINTS = ['not_at_all', 'several_days', 'more_than_half', 'nearly_every_day'] as const;

/** Assumption: how often each PHQ item (1-8) is answered 0, 1, 2, 3 points: without depression, and with it. */
const PHQ_WELL = [0.75, 0.2, 0.05, 0];
const PHQ_DEPRESSED = [0.05, 0.2, 0.4, 0.35];
/** Assumption: item 9 for those with thoughts of self-harm: several days mostly. */
const PHQ_SELF_HARM = [0, 0.6, 0.25, 0.15];
/** Assumption: self-rated health (excellent .. poor) of a stable patient with two chronic conditions, and of one getting worse; depression takes it one step down. */
const HEALTH = ['excellent', 'very_good', 'good', 'fair', 'poor'] as const;
const HEALTH_STABLE = [0.08, 0.27, 0.4, 0.2, 0.05];
const HEALTH_WORSE = [0, 0.05, 0.25, 0.45, 0.25];
/** Assumption: hurt in 3 falls in 10; a stable patient says a symptom is new or worse 5% of the time, and says what half the time. */
const HURT_IN_FALL = 0.3;
const STABLE_NEW_SYMPTOM = 0.05;

/** A value drawn with these weights. */
function weighted<T>(random: Random, values: readonly T[], weights: readonly number[]): T {
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < values.length; i += 1) {
    r -= weights[i]!;
    if (r < 0) return values[i]!;
  }
  return values.at(-1)!;
}

const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** Words of their own written on the form, with the corpus text they came from. */
export interface Written {
  linkId: string;
  label: LabelledText;
}

/** One patient's answers to one form (one link), decided as each question is first seen. */
export class FormAnswers {
  /** Every answer decided so far, by field name ('' = left blank). */
  readonly decided: Record<string, string> = {};
  readonly written: Written[] = [];
  /** Field names the model has no answer for, or a value the page did not offer: each is a finding. */
  readonly unknown: string[] = [];

  constructor(
    private readonly p: SimPatient,
    private readonly random: Random,
  ) {}

  /** The answer to the field `name` (offered: a choice's values on the page), at `progress` (0..1) through the run. */
  answer(name: string, offered: readonly string[] | undefined, progress: number): string {
    if (!(name in this.decided)) this.decide(name, progress);
    const value = this.decided[name]!;
    if (offered && value !== '' && !offered.includes(value)) {
      this.unknown.push(`${name}=${value} not offered`);
      return '';
    }
    return value;
  }

  private words(linkId: string, label: LabelledText): string {
    this.written.push({ linkId, label });
    return label.text;
  }

  private decide(name: string, progress: number): void {
    const { p, random } = this;
    const worse = p.course === 'deteriorating';
    const concern = () => random() < concernChance(p, progress);
    const set = (value: string) => (this.decided[name] = value);

    if (name === HEALTH_LINK_ID) {
      const rated = weighted(random, HEALTH, worse ? HEALTH_WORSE : HEALTH_STABLE);
      return void set(p.health.depressed ? HEALTH[Math.min(HEALTH.length - 1, HEALTH.indexOf(rated) + 1)]! : rated);
    }
    const phq = /^phq\.(\d)$/.exec(name);
    if (phq) {
      const weights = name === SELF_HARM_LINK_ID ? (p.health.selfHarm ? PHQ_SELF_HARM : [1, 0, 0, 0]) : p.health.depressed ? PHQ_DEPRESSED : PHQ_WELL;
      return void set(weighted(random, PHQ_BY_POINTS, weights));
    }
    const medicine = /^medicine\.(.+)\.(taken|why|note)$/.exec(name);
    if (medicine) {
      // Over a week, a patient who misses a third of their doses has missed some; one who rations has too.
      const taken = p.adherence === 'takes' ? TAKEN.yes : TAKEN.missed;
      if (medicine[2] === 'taken') return void set(taken);
      if (medicine[2] === 'why') return void set(p.adherence === 'rations' ? (random() < 0.7 ? 'cost' : 'ran_out') : 'forgot');
      // In words of their own, as often as they put a missed dose in words by text.
      const inWords = taken !== TAKEN.yes && random() < p.profile.adherence.inWords;
      return void set(inWords ? this.words(name, pick(random, adherenceTextsFor(p, p.adherence === 'rations' ? 'rationing' : 'missed'))) : '');
    }
    if (name === READING_LINK_IDS.systolic || name === READING_LINK_IDS.diastolic) {
      if (!p.health.readings.bloodPressure) return void Object.assign(this.decided, { [READING_LINK_IDS.systolic]: '', [READING_LINK_IDS.diastolic]: '' });
      // As by text (118-137 / 70-83), and high for a patient getting worse as often as they write a concern about it.
      const high = worse && random() < concernChance(p, progress) / 2;
      const [top, bottom] = high ? [between(random, 160, 185), between(random, 95, 112)] : [between(random, 118, 137), between(random, 70, 83)];
      return void Object.assign(this.decided, { [READING_LINK_IDS.systolic]: String(top), [READING_LINK_IDS.diastolic]: String(bottom) });
    }
    if (name === READING_LINK_IDS.glucose) {
      if (!p.health.readings.glucose) return void set('');
      return void set(String(worse && random() < concernChance(p, progress) / 2 ? between(random, 250, 340) : between(random, 90, 175)));
    }
    if (name === READING_LINK_IDS.weight) {
      if (!p.health.readings.weight) return void set('');
      // Heart failure getting worse shows as weight gained, more as the month goes on.
      const gain = p.heartFailure && worse ? 2 + Math.round(6 * progress) : 0;
      return void set(String(p.health.weight + gain + between(random, -2, 2)));
    }
    if (name === FALL_LINK_IDS.fell) return void set(random() < Math.min(1, p.profile.falls * (worse ? 3 : 1)) ? 'yes' : 'no');
    if (name === FALL_LINK_IDS.hurt) return void set(random() < HURT_IN_FALL ? 'yes' : 'no');
    if (name === SYMPTOM_LINK_IDS.any) return void set((worse ? concern() : random() < STABLE_NEW_SYMPTOM) ? 'yes' : 'no');
    if (name === SYMPTOM_LINK_IDS.what) {
      if (worse) return void set(this.words(name, pick(random, textsFor(p, 'symptoms', true))));
      return void set(random() < 0.5 ? this.words(name, pick(random, textsFor(p, 'symptoms', false))) : '');
    }
    if (name === MESSAGE_LINK_ID) {
      if (random() >= p.profile.questionnaire.note) return void set('');
      return void set(this.words(name, pick(random, textsFor(p, 'none', worse && concern()))));
    }
    this.unknown.push(name);
    set('');
  }
}
