/**
 * Scores on a scale ("On a scale of 0 to 10, how bad is the pain?").
 */
import { QUANTITY_WORDS, cardinalValue } from '../numbers.js';
import { tokenize } from '../normalize.js';

export type NumberParse = { kind: 'ok'; value: number } | { kind: 'out_of_range'; value: number } | { kind: 'none' };

/** Words between a score and its scale: "7 out of 10", "7 de 10", "7 sobre 10". */
const SCALE_LINKS: readonly (readonly string[])[] = [['out', 'of'], ['of'], ['de'], ['sobre'], ['over'], ['en']];
/** Words of a scale mention to skip: "on a scale of 1 to 10", "del 1 al 10". */
const RANGE_LINKS: ReadonlySet<string> = new Set(['to', 'through', 'thru', 'a', 'al', 'hasta']);
const SCALE_WORDS: ReadonlySet<string> = new Set(['scale', 'escala']);

/**
 * Decimals are rounded half up ("6.5" -> 7): for a symptom score the higher
 * reading is the safer one, and asking again for a whole number annoys more
 * than it helps. A decimal comma ("7,5") counts too.
 */
function roundDecimals(text: string): string {
  return text.replace(/(\d+)[.,](\d+)/g, (_, whole: string, fraction: string) => String(Math.round(Number(`${whole}.${fraction}`))));
}

/** Length of "out of <max>" etc. starting at `index`, or 0. */
function scaleSuffixLength(tokens: readonly string[], index: number, max: number): number {
  for (const link of SCALE_LINKS) {
    const words = tokens.slice(index, index + link.length);
    if (words.join(' ') === link.join(' ') && cardinalValue(tokens[index + link.length] ?? '') === max) return link.length + 1;
  }
  return 0;
}

/** "1 to 10", "del 0 al 10", "1 10 scale": a description of the scale, not an answer. */
function rangeMentionLength(tokens: readonly string[], index: number, value: number, min: number, max: number): number {
  if (value !== min && value > 1) return 0;
  const link = tokens[index + 1] ?? '';
  if (RANGE_LINKS.has(link) && cardinalValue(tokens[index + 2] ?? '') === max) return 3;
  const nearScaleWord = [tokens[index - 1], tokens[index - 2], tokens[index + 2]].some((t) => t !== undefined && SCALE_WORDS.has(t));
  return nearScaleWord && cardinalValue(tokens[index + 1] ?? '') === max ? 2 : 0;
}

/**
 * Reads one whole number in digits or words (English or Spanish, zero to
 * ten): "7", "7/10", "7 out of 10", "siete de diez", "about a 6", "es un 5".
 * Counts and times ("for 2 days") are ignored.
 *
 * @returns ok inside [min, max]; out_of_range with the number otherwise;
 *   none when no number or several different numbers are given
 */
export function parseNumberInRange(text: string, min: number, max: number): NumberParse {
  const tokens = tokenize(roundDecimals(text));
  const values = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const fraction = /^(\d+)\/(\d+)$/.exec(token);
    if (fraction) {
      // "7/10" on our scale is a score; "145/92" is something else entirely.
      if (Number(fraction[2]) !== max) return { kind: 'none' };
      values.add(Number(fraction[1]));
      continue;
    }
    const value = cardinalValue(token);
    if (value === null || QUANTITY_WORDS.has(tokens[i + 1] ?? '')) continue;
    const range = rangeMentionLength(tokens, i, value, min, max);
    if (range > 0) {
      i += range - 1;
      continue;
    }
    values.add(value);
    i += scaleSuffixLength(tokens, i + 1, max);
  }
  if (values.size !== 1) return { kind: 'none' };
  const [value = 0] = values;
  return value >= min && value <= max ? { kind: 'ok', value } : { kind: 'out_of_range', value };
}
