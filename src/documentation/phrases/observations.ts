/**
 * Every kind of observation the flows record, in the words of a chart note:
 * values with their units, categories in plain English. The table is typed by
 * the union of kinds (src/flows/types.ts), so a new kind without words does
 * not compile, and the note never falls back to a stored code. Pure.
 */
import type { ObservationKind } from '../../flows/index.js';
import type { RequestKind } from '../../flows/understand/index.js';
import type { ConcernCategory as MenuConcern, NamedReason } from '../../flows/machines/answers.js';
import { phq9Severity } from '../../flows/questionnaire/index.js';
import { concernWords, redFlagWords } from '../../triage/index.js';
import { phq2Words, phq9Words } from '../questionnaires.js';

type Value = Record<string, unknown>;

/**
 * How a kind reaches the note: `describe` gives a phrase ("blood sugar 62
 * mg/dL"); `summarisedAs` names the part of the record that sums it up (the
 * blood-pressure list, the adherence per medicine, the refill checks, the
 * contacts), where it is said in its own words.
 */
export type ObservationPhrase = { describe: (value: Value) => string } | { summarisedAs: 'blood pressure' | 'pain' | 'adherence' | 'refills' | 'contacts' };

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The symptom check-in's menu (src/flows/machines/answers.ts): its own words, as the categories read in texts have theirs. */
const MENU_CONCERNS: Readonly<Record<MenuConcern, string>> = {
  pain: 'pain',
  breathing: 'trouble breathing',
  dizzy: 'dizziness',
  swelling: 'swelling',
  medicine: 'a problem with a medicine',
  other: 'another concern',
};

/** Why a dose was not taken. */
export const MISSED_REASONS: Readonly<Record<NamedReason, string>> = {
  forgot: 'forgot',
  side_effects: 'side effects',
  ran_out: 'ran out',
  other: 'another reason',
  stopped: 'stopped taking it',
  cost: 'cost',
};

/** What a patient asked for in their own words. */
export const REQUEST_PHRASES: Readonly<Record<RequestKind, string>> = {
  distress: 'asked for help (possible distress)',
  wrong_number: 'said this is a wrong number',
  who_is_this: 'asked who was texting',
  already_answered: 'said they had already answered',
  callback: 'asked to be called',
  appointment: 'asked about an appointment',
  refill: 'asked for a refill',
};

const SEVERITY: Readonly<Record<string, string>> = { mild: 'mild', moderate: 'moderate', severe: 'severe' };
const TREND: Readonly<Record<string, string>> = { new: 'new', worse: 'worse', same: 'unchanged', better: 'better' };

/** A concern from the menu or read in a text; an unknown category is "another concern", never its code. */
export function concernPhrase(category: string): string {
  if (category in MENU_CONCERNS) return MENU_CONCERNS[category as MenuConcern];
  const words = concernWords(category);
  return words.includes('_') ? 'another concern' : words;
}

function concern(v: Value): string {
  const details = [SEVERITY[str(v.severity)], TREND[str(v.trend)]].filter(Boolean);
  const text = str(v.text).trim();
  const said = text ? `: "${text}"` : '';
  return `Concern: ${concernPhrase(str(v.category))}${details.length > 0 ? ` (${details.join(', ')})` : ''}${said}`;
}

function request(v: Value): string {
  const phrase = REQUEST_PHRASES[str(v.kind) as RequestKind] ?? 'made a request';
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

function redFlag(v: Value): string {
  const words = redFlagWords(str(v.category));
  return `Red-flag report: ${words.includes('_') ? 'an urgent symptom' : words}`;
}

export const OBSERVATION_PHRASES: { readonly [K in ObservationKind]: ObservationPhrase } = {
  blood_pressure: { summarisedAs: 'blood pressure' },
  pain: { summarisedAs: 'pain' },
  medication_adherence: { summarisedAs: 'adherence' },
  reminder_unanswered: { summarisedAs: 'contacts' },
  refill_concern: { summarisedAs: 'refills' },
  refill_confirmed: { summarisedAs: 'refills' },
  no_usable_answer: { summarisedAs: 'contacts' },
  non_response: { summarisedAs: 'contacts' },
  patient_message: { summarisedAs: 'contacts' },
  wellness: { describe: (v) => (v.status === 'well' ? 'Said they feel well' : 'Said they have concerns') },
  concern: { describe: concern },
  symptom_trend: { describe: (v) => `Symptoms ${TREND[str(v.trend)] ?? 'changed'} compared with last week` },
  red_flag: { describe: redFlag },
  concern_reported: { describe: (v) => `Mentioned ${concernPhrase(str(v.category))}` },
  request: { describe: request },
  glucose: { describe: (v) => `Blood sugar ${v.over === true ? 'over ' : ''}${num(v.mgdl)} mg/dL` },
  oxygen: { describe: (v) => `Oxygen saturation ${num(v.percent)}%` },
  pulse: { describe: (v) => `Pulse ${num(v.bpm)} beats/min` },
  weight: { describe: (v) => `Weight ${num(v.pounds)} lb` },
  weight_gain: {
    describe: (v) => `Weight gain of ${num(v.pounds)} lb${v.days ? ` in ${num(v.days)} day${num(v.days) === 1 ? '' : 's'}` : ''} (as the patient reported it)`,
  },
  temperature: { describe: (v) => `Temperature ${num(v.fahrenheit)} °F` },
  self_rated_health: { describe: (v) => `Self-rated health: ${str(v.answer).replace(/_/g, ' ') || 'not given'}` },
  depression_screen: {
    describe: (v) => (v.instrument === 'phq9' ? phq9Words({ score: num(v.score), severity: phq9Severity(num(v.score)) }) : phq2Words(num(v.score))),
  },
};

/** The phrase for an observation, or null when another part of the record says it (or the kind is unknown). */
export function describeObservation(kind: string, value: Value): string | null {
  const phrase = (OBSERVATION_PHRASES as Readonly<Record<string, ObservationPhrase>>)[kind];
  return phrase && 'describe' in phrase ? phrase.describe(value) : null;
}
