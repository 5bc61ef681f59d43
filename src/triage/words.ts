/**
 * How triage puts dates and things into words a coordinator reads. The
 * tables are typed by the unions they name (red-flag and concern categories),
 * so a new category without words fails to compile instead of reaching a
 * coordinator or a chart as its code.
 */
import { DateTime } from 'luxon';
import type { RedFlagCategory } from '../flows/safety/red-flags/index.js';
import type { ConcernCategory } from '../flows/understand/index.js';

/** "Nov 3" in the practice's timezone. */
export const onDay = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat('LLL d');

/** "Nov 3 at 09:12" in the practice's timezone. */
export const onDayAt = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat("LLL d 'at' HH:mm");

/** The calendar date ('2026-11-03') in the practice's timezone. */
export const localDate = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toISODate()!;

/** What a red-flag category means, for an explanation or a coordinator's text. */
export const RED_FLAG_WORDS: Readonly<Record<RedFlagCategory, string>> = {
  chest_pain: 'chest pain',
  breathing: 'trouble breathing',
  stroke: 'possible stroke signs',
  fainting: 'fainting',
  fall: 'a fall (hurt or unable to get up)',
  self_harm: 'thoughts of self-harm',
  severe_bleeding: 'severe bleeding',
  seizure: 'a seizure',
  allergic_reaction: 'a severe allergic reaction',
  confusion: 'sudden confusion',
  unresponsive: 'someone not responding (a door unanswered, will not wake)',
  overdose: 'a possible overdose',
};

export const redFlagWords = (category: string) => (RED_FLAG_WORDS as Record<string, string>)[category] ?? category.replace(/_/g, ' ');

/** "3 texts", "1 text" */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Concern categories read in patients' texts (src/flows/understand), in a few words. */
export const CONCERN_WORDS: Readonly<Record<ConcernCategory, string>> = {
  fall: 'a fall',
  swelling: 'swelling',
  weight_gain: 'weight gain',
  dizziness: 'dizziness',
  glucose_low: 'low blood sugar',
  glucose_high: 'high blood sugar',
  glucose_high_danger: 'high blood sugar with danger signs',
  fluids_lost_danger: 'vomiting with nothing kept down or no urine',
  wound_infection_danger: 'a wound going bad with a fever',
  blood_lost_danger: 'bleeding with dizziness or fainting',
  breathing: 'breathing trouble or a cough',
  pain: 'pain',
  side_effects: 'medication side effects',
  mood: 'low mood',
  fever: 'a fever',
  vomiting: 'vomiting or nausea',
  bleeding: 'bleeding or bruising',
};

/** 'glucose_low' -> 'low blood sugar'; an unknown category in plain words. */
export const concernWords = (category: string): string => (CONCERN_WORDS as Record<string, string>)[category] ?? category.replace(/_/g, ' ');
