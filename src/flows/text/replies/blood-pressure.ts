/**
 * Home blood-pressure readings ("Send your blood pressure, like 130/80").
 */
import { QUANTITY_WORDS } from '../numbers.js';
import { tokenize } from '../normalize.js';

export type BloodPressureParse =
  | { kind: 'ok'; systolic: number; diastolic: number }
  | { kind: 'implausible'; systolic: number; diastolic: number }
  | { kind: 'none' };

/** Limits of a reading a home cuff can plausibly show; outside them the patient most likely mistyped. */
// Low enough for a cuff in shock ("58/34"); dates stay out (no month is 50).
export const PLAUSIBLE_SYSTOLIC = { min: 50, max: 260 } as const;
export const PLAUSIBLE_DIASTOLIC = { min: 25, max: 160 } as const;

/** "145/92", "145 / 92", "145-92", "145 over 92", "145 sobre 92" (and "14/9", see below). */
const SEPARATED_PAIR = /(?<![\d.,])(\d{1,3})(?:\s*[/\\\-–—]\s*|\s+(?:over|sobre|entre)\s+)(\d{1,3})(?![\d])/g;
/** Clock times and dates would otherwise look like readings ("at 10:30", "on 3/15/2025"). */
const TIMES_AND_DATES = /\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b/g;

/** Words around a number that make it a heart rate, not part of the reading. */
const PULSE_WORDS: ReadonlySet<string> = new Set([
  'pulse', 'pulso', 'hr', 'heart', 'rate', 'bpm', 'ppm', 'lpm', 'beats', 'latidos', 'ritmo', 'frecuencia', 'pul', 'p',
]);
/** Words allowed between two loose numbers of one reading ("systolic 145 diastolic 92"). */
const PAIR_LINKS: ReadonlySet<string> = new Set([
  'and', 'y', 'e', 'dia', 'diastolic', 'diastolica', 'bottom', 'lower', 'low', 'baja', 'minima', 'by', 'x',
]);

/** Whether a home cuff could show this reading: each figure within its limits, the first the higher. */
export const plausiblePressure = (systolic: number, diastolic: number): boolean =>
  systolic >= PLAUSIBLE_SYSTOLIC.min && systolic <= PLAUSIBLE_SYSTOLIC.max &&
  diastolic >= PLAUSIBLE_DIASTOLIC.min && diastolic <= PLAUSIBLE_DIASTOLIC.max &&
  systolic > diastolic;

function classify(systolic: number, diastolic: number): BloodPressureParse {
  return { kind: plausiblePressure(systolic, diastolic) ? 'ok' : 'implausible', systolic, diastolic };
}

/**
 * Many Spanish-speaking patients give readings in cmHg, as their doctors
 * back home did: "tengo 14/9" is 140/90. Small pairs in the cmHg range are
 * scaled; other pairs need 2-3 digits on both sides.
 */
function asMmHg(a: number, b: number): [number, number] | null {
  if (a >= 7 && a <= 26 && b >= 4 && b <= 16) return [a * 10, b * 10];
  return a >= 10 && b >= 10 ? [a, b] : null;
}

/** Pairs written with a separator; date-looking ones ("on 12/25") dropped when a real one exists. */
function separatedPairs(text: string): [number, number][] {
  const raw = [...text.matchAll(SEPARATED_PAIR)].map((m): [number, number] => [Number(m[1]), Number(m[2])]);
  const readings = raw.filter(([a, b]) => !(a <= 12 && b <= 31));
  const chosen = readings.length > 0 && readings.length < raw.length ? readings : raw;
  return chosen.map(([a, b]) => asMmHg(a, b)).filter((pair): pair is [number, number] => pair !== null);
}

/** Two 2-3 digit numbers next to each other that are not a pulse or a count ("145 92", "sys 145 dia 92"). */
function loosePair(text: string): [number, number] | null {
  const tokens = tokenize(text);
  const found: { index: number; value: number }[] = [];
  tokens.forEach((token, index) => {
    if (!/^\d{2,3}$/.test(token)) return;
    const around = [tokens[index - 1], tokens[index - 2], tokens[index + 1]];
    if (around.some((t) => t !== undefined && PULSE_WORDS.has(t))) return;
    const next = tokens[index + 1] ?? '';
    if (QUANTITY_WORDS.has(next) && !PAIR_LINKS.has(next)) return;
    found.push({ index, value: Number(token) });
  });
  // A cuff shows systolic, diastolic, pulse: the first linked pair is the reading.
  if (found.length > 3) return null;
  for (let k = 0; k + 1 < found.length; k++) {
    const first = found[k];
    const second = found[k + 1];
    if (first === undefined || second === undefined) continue;
    const between = tokens.slice(first.index + 1, second.index);
    if (between.length <= 2 && between.every((t) => PAIR_LINKS.has(t))) return [first.value, second.value];
  }
  return null;
}

/**
 * Reads a blood-pressure reading: "145/92", "145 over 92", "145 sobre 92",
 * "145-92", "145 92", "my bp was 145/92 this morning", "145/92 pulse 70".
 *
 * @returns ok when plausible (systolic 60-260, diastolic 30-160, systolic
 *   above diastolic), implausible with the numbers otherwise, none when no
 *   reading or two different readings are given
 */
export function parseBloodPressure(text: string): BloodPressureParse {
  const prepared = text.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').replace(TIMES_AND_DATES, ' ');
  const pairs = separatedPairs(prepared);
  const distinct = new Set(pairs.map(([a, b]) => `${a}/${b}`));
  if (distinct.size > 1) return { kind: 'none' };
  const [pair = loosePair(prepared)] = pairs;
  return pair === null ? { kind: 'none' } : classify(pair[0], pair[1]);
}
