/**
 * Simulated patients: who they are (language, channel, how often they answer
 * and how fast, how that drifts over the month, whether their health is
 * getting worse, how they take their medicine, whether their number takes
 * texts, whether they will opt out) and what they write back to a given text.
 * The figures are the profile's (profile.ts). Pure: no I/O, randomness only
 * from the patient's own seeded streams.
 */
import { exponential, pick, streamFor, type Random } from './random.js';
import { adherenceTextsFor, textsFor, type Context, type Language, type LabelledText } from './corpus.js';
import { DEFAULT_PROFILE, type Profile } from './profile.js';
import { chanceOf, routineOf, type Medium, type Routine } from './routine.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Twilio's error on every text to a number that cannot take them: unreachable handset, unknown number, landline. */
export type WrongNumber = 30003 | 30005 | 30006;

export interface SimPatient {
  index: number;
  phone: string;
  language: Language;
  channel: 'sms' | 'voice';
  /** Chance of answering a question the service starts at the month's start (SMS check-ins are answered about 67% of the time). */
  answerRate: number;
  /** How that chance moves over the month: down for some (fatigue), up for a few. */
  drift: 'steady' | 'fading' | 'warming';
  course: 'stable' | 'deteriorating';
  /** Heart failure beside hypertension and diabetes: weight gain is a concern for them (DOMAIN.md), not for the others. */
  heartFailure: boolean;
  /** The day (0-based) the patient texts STOP, if ever. */
  optOutDay: number | null;
  /** One medicine with a daily dose reminder. */
  medicationTime: string | null;
  /** How they take their medicines: most as prescribed; some miss often; a few take less to make it last. */
  adherence: 'takes' | 'misses' | 'rations';
  /** The number on file cannot take texts (null: it can). They never see a text, so they never answer one. */
  wrongNumber: WrongNumber | null;
  /** What the week-2 form asks about beyond the above (drawn from a stream of their own; see form-answers.ts). */
  health: PatientHealth;
  /** When and by what they can answer: most any daytime hour; some work days; some seldom read texts (routine.ts). */
  routine: Routine;
  /** Their time zone (the practice's: they are enrolled without one of their own): what "evening" means for them. */
  zone: string;
  profile: Profile;
  random: Random;
  id?: string;
  optedOutAt?: Date;
}

/** Depression (and thoughts of self-harm with it), readings taken at home, and their usual weight. */
export interface PatientHealth {
  depressed: boolean;
  selfHarm: boolean;
  readings: { bloodPressure: boolean; glucose: boolean; weight: boolean };
  /** Pounds, on a normal day. */
  weight: number;
}

/** A text the patient will send at `at`; `label` is set for corpus texts. */
export interface PlannedText {
  at: Date;
  patient: SimPatient;
  body: string;
  label: LabelledText | null;
  /** The order it was planned in: breaks ties in time deterministically. */
  seq: number;
}

/**
 * Traits added after the first model are drawn from streams of their own, so adding them
 * changed no draw the older ones make.
 */
const HEART_FAILURE_STREAM = 3_000_000;
const TRAITS_STREAM = 5_000_000;
/** The questionnaire's traits (health); the form's own draws (opening, answering) are simulate/forms.ts's FORM_STREAM. */
const HEALTH_STREAM = 6_000_000;
/** When and by what they answer (routine.ts; issue 24); 7,000,000 is the form's (simulate/forms.ts). */
const ROUTINE_STREAM = 8_000_000;

export function createPatients(seed: number, count: number, days: number, profile: Profile = DEFAULT_PROFILE, zone = 'America/Chicago'): SimPatient[] {
  const { answerRate: rate, drift, adherence, wrongNumber } = profile;
  return Array.from({ length: count }, (_, index) => {
    const random = streamFor(seed, index);
    const traits = streamFor(seed, TRAITS_STREAM + index);
    const language: Language = random() < profile.spanish ? 'es' : 'en';
    const channel = random() < profile.voice ? 'voice' : 'sms';
    const answerRate = Math.min(rate.max, Math.max(rate.min, rate.mean + (random() - 0.5) * rate.spread));
    const course = random() < profile.deteriorating ? 'deteriorating' : 'stable';
    const optOutDay = random() < profile.optOut ? Math.floor(random() * days) : null;
    const medicationTime = random() < profile.doseReminder ? pick(random, ['08:00', '09:00', '12:00']) : null;
    const d = traits();
    const a = traits();
    const wrong = traits() < wrongNumber.share ? wrongNumberCode(traits(), profile) : null;
    const heartFailure = streamFor(seed, HEART_FAILURE_STREAM + index)() < profile.heartFailure;
    return {
      heartFailure,
      index,
      phone: `+1555${String(5000000 + index).padStart(7, '0')}`,
      language,
      channel,
      answerRate,
      drift: d < drift.fading ? 'fading' : d < drift.fading + drift.warming ? 'warming' : 'steady',
      course,
      // A wrong number's owner never gets a text, so never answers one with STOP.
      optOutDay: wrong ? null : optOutDay,
      medicationTime,
      adherence: a < adherence.missesOften ? 'misses' : a < adherence.missesOften + adherence.rations ? 'rations' : 'takes',
      wrongNumber: wrong,
      health: healthOf(streamFor(seed, HEALTH_STREAM + index), profile, heartFailure),
      routine: routineOf(streamFor(seed, ROUTINE_STREAM + index), profile, channel),
      zone,
      profile,
      random,
    };
  });
}

function healthOf(r: Random, profile: Profile, heartFailure: boolean): PatientHealth {
  const depressed = r() < profile.depression.share;
  const selfHarm = r() < profile.depression.selfHarm && depressed;
  const h = profile.homeReadings;
  const readings = { bloodPressure: r() < h.bloodPressure, glucose: r() < h.glucose, weight: r() < h.weight || heartFailure };
  // Assumption: usual weights spread evenly over 140-240 lb.
  return { depressed, selfHarm, readings, weight: 140 + Math.floor(r() * 100) };
}

function wrongNumberCode(r: number, { wrongNumber: w }: Profile): WrongNumber {
  const total = w.unreachable30003 + w.unknown30005 + w.landline30006;
  return r * total < w.unreachable30003 ? 30003 : r * total < w.unreachable30003 + w.unknown30005 ? 30005 : 30006;
}

/** The patient's chance of answering at `progress` (0..1) through the month: drift moves it from their starting rate. */
export function answerRateAt(p: SimPatient, progress: number): number {
  const { drift, answerRate } = p.profile;
  if (p.drift === 'fading') return p.answerRate * (1 - drift.fadeBy * progress);
  if (p.drift === 'warming') return Math.min(answerRate.max, p.answerRate * (1 + drift.warmBy * progress));
  return p.answerRate;
}

/**
 * The chance they take up an exchange the service starts at `at` by `medium` (a text, or a link
 * in one; a call), `progress` (0..1) through the run: their drifting rate, lifted for the panel
 * and shaped by their routine (routine.ts).
 */
export const chanceAt = (p: SimPatient, progress: number, at: Date, medium: Medium): number => chanceOf(p, answerRateAt(p, progress), at, medium);

/** What a text asks for, read from its wording (en and es prompts). */
export function contextOf(body: string): Context | 'bp' | 'symptom_trend' | 'menu' | 'reason' | null {
  if (!/Reply|Responda|\?/.test(body)) return null;
  if (/130\/80/.test(body)) return 'bp';
  if (REASON_QUESTION.test(body)) return 'reason';
  if (/Better|Mejor/.test(body)) return 'symptom_trend';
  if (/feeling|Cómo se siente/i.test(body)) return 'wellness';
  if (/take|taken|tomar|tomado|tomó|refill|surtida/i.test(body)) return 'medication';
  if (/Reply 1|Responda 1/.test(body)) return 'menu';
  return null;
}

/** "What kept you from taking it?": why a dose was missed (en, es; text and call). */
export const REASON_QUESTION = /What kept you from|Por qué no pudo/i;

/** How likely a deteriorating patient is to write something concerning: it worsens over the month. */
export const concernChance = (p: SimPatient, progress: number) => (p.course === 'deteriorating' ? 0.15 + 0.6 * progress : 0.02);

/**
 * The patient's answer to `body`, or null when they do not answer. `started`:
 * the service began this exchange at `at` (they may ignore it, the more so at
 * an hour or by a channel that does not suit them); otherwise it answers what
 * they just wrote, and they go on.
 */
export function reply(p: SimPatient, body: string, started: boolean, progress: number, at: Date): { body: string; label: LabelledText | null; delayMs: number } | null {
  const context = contextOf(body);
  if (!context) return null;
  if (started && p.random() >= chanceAt(p, progress, at, 'text')) return null;
  // Many answer within the hour; some hours later, a few the next day.
  const r = p.random();
  const d = p.profile.replyDelay;
  const delayMs = started
    ? r < d.soonShare ? exponential(p.random, d.soonMeanMinutes * MINUTE) : r < d.soonShare + d.hoursShare ? HOUR + p.random() * 5 * HOUR : 8 * HOUR + p.random() * 10 * HOUR
    : MINUTE + exponential(p.random, d.followUpMeanMinutes * MINUTE);
  return { ...answerIn(p, context, started, progress), delayMs };
}

/**
 * What the patient answers to a question of `context`, by text or on a call (simulate/callee.ts):
 * `opening` is the first question of an exchange the service began, where the patient's state
 * decides what comes back; later ones get the plain answer.
 */
export function answerIn(p: SimPatient, context: NonNullable<ReturnType<typeof contextOf>>, opening: boolean, progress: number): { body: string; label: LabelledText | null } {
  const labelled = (ctx: Context, concerning: boolean) => {
    const label = pick(p.random, textsFor(p, ctx, concerning));
    return { body: label.text, label };
  };
  if (context === 'bp') {
    if (p.random() < concernChance(p, progress) / 2) return labelled('none', true);
    return { body: `${118 + Math.floor(p.random() * 20)}/${70 + Math.floor(p.random() * 14)}`, label: null };
  }
  if (context === 'symptom_trend') return opening && p.random() < concernChance(p, progress) ? labelled('symptoms', true) : { body: '2', label: null };
  if (context === 'menu') return { body: '1', label: null };
  // Why a dose was missed: a rationer's medicine ran short (3: ran out or need a refill); the others forgot (1).
  if (context === 'reason') return { body: p.adherence === 'rations' ? '3' : '1', label: null };
  if (context === 'medication' && opening) {
    const taken = adherenceAnswer(p);
    if (taken) return taken;
  }
  // A check-in's opening question: the patient's state decides what comes back.
  if (opening && p.random() < concernChance(p, progress)) return labelled(context, true);
  if (opening && p.random() < 0.1) return labelled(context, false);
  return { body: '1', label: null };
}

/**
 * A dose missed, or rationed, as the patient's pattern has it (null: this dose they took): "2" (and a
 * reason when asked), or in words of their own from the corpora's texts about medicines.
 */
function adherenceAnswer(p: SimPatient): { body: string; label: LabelledText | null } | null {
  const a = p.profile.adherence;
  const rate = p.adherence === 'misses' ? a.missRate : p.adherence === 'rations' ? a.rationRate : 0;
  if (rate === 0 || p.random() >= rate) return null;
  if (p.random() >= a.inWords) return { body: '2', label: null };
  const label = pick(p.random, adherenceTextsFor(p, p.adherence === 'rations' ? 'rationing' : 'missed'));
  return { body: label.text, label };
}

/** A text the patient writes first, on a given day, or null. Deteriorating patients write more as they worsen. */
export function unprompted(p: SimPatient, progress: number): { hour: number; body: string; label: LabelledText } | null {
  const chance = p.course === 'deteriorating' ? 0.04 + 0.2 * progress : 0.01;
  if (p.random() >= chance) return null;
  const concerning = p.course === 'deteriorating' ? p.random() < 0.7 : false;
  const label = pick(p.random, textsFor(p, 'none', concerning));
  return { hour: 9 + Math.floor(p.random() * 11), body: label.text, label };
}
