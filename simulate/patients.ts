/**
 * Simulated patients: who they are (language, channel, how often they answer
 * and how fast, whether their health is getting worse, whether they will opt
 * out) and what they write back to a given text. Pure: no I/O, randomness
 * only from the patient's own seeded stream.
 */
import { exponential, pick, streamFor, type Random } from './random.js';
import { textsFor, type Context, type Language, type LabelledText } from './corpus.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface SimPatient {
  index: number;
  phone: string;
  language: Language;
  channel: 'sms' | 'voice';
  /** Chance of answering a question the service starts (SMS check-ins are answered about 67% of the time). */
  answerRate: number;
  course: 'stable' | 'deteriorating';
  /** Heart failure beside hypertension and diabetes: weight gain is a concern for them (DOMAIN.md), not for the others. */
  heartFailure: boolean;
  /** The day (0-based) the patient texts STOP, if ever. */
  optOutDay: number | null;
  /** One medicine with a daily dose reminder. */
  medicationTime: string | null;
  random: Random;
  id?: string;
  optedOutAt?: Date;
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
 * Assumption: about one CCM patient in five has heart failure (it is among the commonest qualifying
 * conditions in Medicare's CCM population). Drawn from its own stream, so it changes no other draw.
 */
const HEART_FAILURE_SHARE = 0.2;
const HEART_FAILURE_STREAM = 3_000_000;

export function createPatients(seed: number, count: number, days: number): SimPatient[] {
  return Array.from({ length: count }, (_, index) => {
    const random = streamFor(seed, index);
    return {
      heartFailure: streamFor(seed, HEART_FAILURE_STREAM + index)() < HEART_FAILURE_SHARE,
      index,
      phone: `+1555${String(5000000 + index).padStart(7, '0')}`,
      language: random() < 0.15 ? 'es' : 'en',
      channel: random() < 0.1 ? 'voice' : 'sms',
      // Spread around 0.67: some answer nearly everything, some rarely.
      answerRate: Math.min(0.97, Math.max(0.2, 0.67 + (random() - 0.5) * 0.6)),
      course: random() < 0.1 ? 'deteriorating' : 'stable',
      optOutDay: random() < 0.03 ? Math.floor(random() * days) : null,
      medicationTime: random() < 0.4 ? pick(random, ['08:00', '09:00', '12:00']) : null,
      random,
    };
  });
}

/** What a text asks for, read from its wording (en and es prompts). */
export function contextOf(body: string): Context | 'bp' | 'symptom_trend' | 'menu' | null {
  if (!/Reply|Responda|\?/.test(body)) return null;
  if (/130\/80/.test(body)) return 'bp';
  if (/Better|Mejor/.test(body)) return 'symptom_trend';
  if (/feeling|Cómo se siente/i.test(body)) return 'wellness';
  if (/take|taken|tomar|tomado|tomó|refill|surtida/i.test(body)) return 'medication';
  if (/Reply 1|Responda 1/.test(body)) return 'menu';
  return null;
}

/** How likely a deteriorating patient is to write something concerning: it worsens over the month. */
const concernChance = (p: SimPatient, progress: number) => (p.course === 'deteriorating' ? 0.15 + 0.6 * progress : 0.02);

/**
 * The patient's answer to `body`, or null when they do not answer. `started`:
 * the service began this exchange (they may ignore it); otherwise it answers
 * what they just wrote, and they go on.
 */
export function reply(p: SimPatient, body: string, started: boolean, progress: number): { body: string; label: LabelledText | null; delayMs: number } | null {
  const context = contextOf(body);
  if (!context) return null;
  if (started && p.random() >= p.answerRate) return null;
  // Many answer within the hour; some hours later, a few the next day.
  const r = p.random();
  const delayMs = started
    ? r < 0.6 ? exponential(p.random, 15 * MINUTE) : r < 0.9 ? HOUR + p.random() * 5 * HOUR : 8 * HOUR + p.random() * 10 * HOUR
    : MINUTE + exponential(p.random, 3 * MINUTE);
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
  // A check-in's opening question: the patient's state decides what comes back.
  if (opening && p.random() < concernChance(p, progress)) return labelled(context, true);
  if (opening && p.random() < 0.1) return labelled(context, false);
  return { body: '1', label: null };
}

/** A text the patient writes first, on a given day, or null. Deteriorating patients write more as they worsen. */
export function unprompted(p: SimPatient, progress: number): { hour: number; body: string; label: LabelledText } | null {
  const chance = p.course === 'deteriorating' ? 0.04 + 0.2 * progress : 0.01;
  if (p.random() >= chance) return null;
  const concerning = p.course === 'deteriorating' ? p.random() < 0.7 : false;
  const label = pick(p.random, textsFor(p, 'none', concerning));
  return { hour: 9 + Math.floor(p.random() * 11), body: label.text, label };
}
