/**
 * Vital signs written in a text, in words around numbers: "sugar was 320
 * this morning", "azúcar 45", "oxygen 87%", "pulse 132", "weighed 182 lbs",
 * "gained 4 pounds since yesterday", "fever of 101.5", "bp 150/95".
 */
import { PLAUSIBLE_DIASTOLIC, PLAUSIBLE_SYSTOLIC } from '../text/replies/blood-pressure.js';
import { editDistance } from '../text/fuzzy.js';

export type Vital =
  | { kind: 'glucose'; mgdl: number }
  | { kind: 'oxygen'; percent: number }
  | { kind: 'pulse'; bpm: number }
  | { kind: 'weight'; pounds: number }
  /** A gain the patient reports, over `days` when they say ("since yesterday": 1). */
  | { kind: 'weight_gain'; pounds: number; days: number | null }
  | { kind: 'temperature'; fahrenheit: number }
  | { kind: 'blood_pressure'; systolic: number; diastolic: number };

type Key = 'glucose' | 'oxygen' | 'pulse' | 'weight' | 'gain' | 'temperature';

/** Words that announce each vital, accents folded (a 5+ letter word forgives one typo). */
const KEYWORDS: Readonly<Record<Key, readonly string[]>> = {
  glucose: ['sugar', 'sugars', 'glucose', 'bs', 'bg', 'glucometer', 'a1c', 'azucar', 'glucosa', 'glucometro', 'diabetes'],
  oxygen: ['oxygen', 'o2', 'spo2', 'sat', 'sats', 'saturation', 'oximeter', 'ox', 'oxigeno', 'saturacion', 'oximetro'],
  pulse: ['pulse', 'heartrate', 'hr', 'bpm', 'pulso', 'latidos', 'pulsaciones'],
  weight: ['weigh', 'weighed', 'weight', 'scale', 'peso', 'pese', 'pesaba', 'bascula'],
  gain: ['gained', 'gain', 'put', 'up', 'subi', 'aumente', 'engorde', 'gane'],
  temperature: ['temp', 'temperature', 'fever', 'thermometer', 'temperatura', 'fiebre', 'calentura', 'termometro'],
};

const RANGES: Readonly<Record<Exclude<Key, 'gain'>, readonly [number, number]>> = {
  glucose: [20, 700],
  oxygen: [50, 100],
  pulse: [25, 250],
  weight: [60, 700],
  temperature: [93, 110],
};

const POUND_UNITS = new Set(['lb', 'lbs', 'pound', 'pounds', 'libra', 'libras']);
const KILO_UNITS = new Set(['kg', 'kgs', 'kilo', 'kilos', 'kilogramos']);
const ONE_DAY = new Set(['yesterday', 'overnight', 'ayer', 'today', 'hoy']);
const ONE_WEEK = new Set(['week', 'semana']);

/** Lower-cased, accents folded; keeps "101.5", "87%" and "150/95" whole. */
function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/(?<=\d)\s*(?:°|º|deg|degrees|grados)\s*/g, ' ')
    .replace(/[^a-z0-9.%/\s]+/g, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/^[./]+|[./]+$/g, ''))
    .filter(Boolean);
}

const numberIn = (token: string): number | null => {
  const match = /^(\d{1,3}(?:\.\d)?)%?$/.exec(token);
  return match ? Number(match[1]) : null;
};

function isKeyword(token: string, key: Key): boolean {
  return KEYWORDS[key].some((word) => token === word || (word.length >= 5 && token.length >= 5 && editDistance(token, word) <= 1));
}

/** The first number within `span` tokens after `index` (or just before it), with its position. */
function nearbyNumber(words: string[], index: number, used: Set<number>, span = 4): { value: number; at: number } | null {
  for (let i = index + 1; i <= Math.min(words.length - 1, index + span); i += 1) {
    const value = numberIn(words[i]!);
    if (value !== null && !used.has(i)) return { value, at: i };
  }
  const before = index - 1;
  const value = before >= 0 ? numberIn(words[before]!) : null;
  return value !== null && !used.has(before) ? { value, at: before } : null;
}

function bloodPressures(words: string[], used: Set<number>): Vital[] {
  return words.flatMap((word, i) => {
    const match = /^(\d{2,3})\/(\d{2,3})$/.exec(word);
    if (!match) return [];
    const [systolic, diastolic] = [Number(match[1]), Number(match[2])];
    if (systolic < PLAUSIBLE_SYSTOLIC.min || systolic > PLAUSIBLE_SYSTOLIC.max) return [];
    if (diastolic < PLAUSIBLE_DIASTOLIC.min || diastolic > PLAUSIBLE_DIASTOLIC.max || diastolic >= systolic) return [];
    used.add(i);
    return [{ kind: 'blood_pressure' as const, systolic, diastolic }];
  });
}

function weightGain(words: string[], index: number, used: Set<number>): Vital | null {
  const found = nearbyNumber(words, index, used, 3);
  if (!found || found.at < index) return null;
  const unit = words[found.at + 1] ?? '';
  const pounds = POUND_UNITS.has(unit) ? found.value : KILO_UNITS.has(unit) ? Math.round(found.value * 2.2 * 10) / 10 : null;
  if (pounds === null || pounds <= 0 || pounds > 60) return null;
  used.add(found.at);
  const rest = words.slice(found.at + 2, found.at + 8);
  const days = rest.some((w) => ONE_DAY.has(w)) ? 1 : rest.some((w) => ONE_WEEK.has(w)) ? 7 : daysSaid(rest);
  return { kind: 'weight_gain', pounds, days };
}

/** "in 3 days", "en 2 dias". */
function daysSaid(words: string[]): number | null {
  const i = words.findIndex((w) => w === 'days' || w === 'dias');
  const n = i > 0 ? Number(words[i - 1]) : NaN;
  return Number.isInteger(n) && n > 0 && n <= 14 ? n : null;
}

function reading(key: Exclude<Key, 'gain'>, words: string[], index: number, used: Set<number>): Vital | null {
  const found = nearbyNumber(words, index, used);
  if (!found) return null;
  let value = found.value;
  const unit = words[found.at + 1] ?? '';
  if (key === 'weight' && KILO_UNITS.has(unit)) value = Math.round(value * 2.2);
  // Celsius: 35-43 on a thermometer is a temperature in °C.
  if (key === 'temperature' && value >= 34 && value <= 43) value = Math.round((value * 9) / 5 + 32);
  const [min, max] = RANGES[key];
  if (value < min || value > max) return null;
  used.add(found.at);
  if (key === 'glucose') return { kind: 'glucose', mgdl: value };
  if (key === 'oxygen') return { kind: 'oxygen', percent: value };
  if (key === 'pulse') return { kind: 'pulse', bpm: value };
  if (key === 'weight') return { kind: 'weight', pounds: value };
  return { kind: 'temperature', fahrenheit: value };
}

/** Every vital sign the text states with a number. */
export function readVitals(text: string): Vital[] {
  const words = tokens(text);
  const used = new Set<number>();
  const vitals: Vital[] = bloodPressures(words, used);
  words.forEach((word, i) => {
    // "pulse ox" is the oximeter, "heart rate" is two words.
    const key: Key | null =
      (word === 'pulse' && words[i + 1]?.startsWith('ox')) || isKeyword(word, 'oxygen')
        ? 'oxygen'
        : word === 'heart' && words[i + 1] === 'rate'
          ? 'pulse'
          : (['glucose', 'pulse', 'weight', 'temperature', 'gain'] as const).find((k) => isKeyword(word, k)) ?? null;
    if (key === null) return;
    const vital = key === 'gain' ? weightGain(words, i, used) : reading(key, words, i, used);
    if (vital && !vitals.some((v) => v.kind === vital.kind)) vitals.push(vital);
  });
  return vitals;
}
