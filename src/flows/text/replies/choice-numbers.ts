/**
 * Menu numbers in a reply: "1", "#1", "(1)", "option 1", "opción uno",
 * "the first one", "la segunda". Numbers that are counts or times ("I took
 * 2 pills", "at 8") are not picks.
 */
import { QUANTITY_WORDS, cardinalValue, isNumberWord, ordinalValue } from '../numbers.js';

export interface NumberHit {
  start: number;
  end: number;
  value: number;
}

/** Words that announce a pick ("option 2", "número dos", "I choose three"). */
const CUES: ReadonlySet<string> = new Set([
  'option', 'opcion', 'number', 'numero', 'num', 'choice', 'reply', 'press', 'answer', 'pick', 'choose',
  'respuesta', 'eleccion', 'elijo', 'escojo', 'marco', 'say', 'digo',
]);

/** Words that may surround a spelled-out pick ("two please", "the first one", "one or two"). */
const AROUND_WORD_PICK: ReadonlySet<string> = new Set([
  'please', 'pls', 'plz', 'thanks', 'thank', 'you', 'thx', 'ty', 'por', 'favor', 'gracias', 'option', 'opcion', 'ok', 'okay',
  'or', 'o', 'and', 'y', 'the', 'la', 'el', 'lo', 'its', 'is', 'es', 'maybe', 'probably', 'um', 'uh', 'just',
]);

/**
 * No menu has more options than a score has points (0 to 10): a larger figure is a reading, a count or
 * a year ("2. Sugars 250 to 280 fasting"), so it neither picks nor spoils the pick beside it.
 */
const LARGEST_PICK = 10;

/** Words before a number that make it a clock time ("at 8", "a las 8"). */
const TIME_BEFORE: ReadonlySet<string> = new Set(['at', 'las']);

const PRONOUN_ONE: ReadonlySet<string> = new Set(['one', 'uno', 'una']);

/**
 * Spelled-out numbers are common words ("I don't have one", "wait a
 * second"), so they only count announced by a cue ("option two", "I'd say
 * two") or in a clause of nothing but picks and filler ("the first one").
 */
function wordPickCounts(tokens: readonly string[], start: number, end: number): boolean {
  const before = tokens[start - 1];
  if (before !== undefined && CUES.has(before)) return true;
  const others = [...tokens.slice(0, start), ...tokens.slice(end)];
  return others.every((t) => AROUND_WORD_PICK.has(t) || CUES.has(t) || cardinalValue(t) !== null || ordinalValue(t) !== null);
}

/**
 * A figure inside a statement, before things in the plural, counts them: "walked 2 laps round the mall",
 * "di 3 vueltas". (A pick stands alone or after a cue: "2 concerns" and "option 2 please" still pick.)
 */
const countsThings = (tokens: readonly string[], i: number) => {
  const [before, next] = [tokens[i - 1], tokens[i + 1] ?? ''];
  const aWord = (t: string) => /^\p{L}+$/u.test(t) && !CUES.has(t) && !AROUND_WORD_PICK.has(t);
  return before !== undefined && aWord(before) && aWord(next) && next.length > 3 && next.endsWith('s');
};

/** How many words after the number at `i` say it is out of ten ("out of 10", "de 10"); 0 when none do. */
function outOf(tokens: readonly string[], i: number): number {
  if (tokens[i + 1] === 'out' && tokens[i + 2] === 'of' && cardinalValue(tokens[i + 3] ?? '') === 10) return 3;
  if (tokens[i + 1] === 'de' && cardinalValue(tokens[i + 2] ?? '') === 10) return 2;
  return 0;
}

/**
 * Finds the menu numbers a clause picks.
 *
 * @param tokens one clause's normalised tokens
 */
export function findChoiceNumbers(tokens: readonly string[]): NumberHit[] {
  const hits: NumberHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const before = tokens[i - 1];
    const ordinal = ordinalValue(token);
    if (ordinal !== null) {
      const end = PRONOUN_ONE.has(tokens[i + 1] ?? '') ? i + 2 : i + 1;
      if (wordPickCounts(tokens, i, end)) hits.push({ start: i, end, value: ordinal });
      i = end - 1;
      continue;
    }
    const value = cardinalValue(token);
    if (value === null || value > LARGEST_PICK) continue;
    const scale = outOf(tokens, i);
    if (scale > 0) {
      // A score on a scale ("pain is 10 out of 10", "un 8 de 10"): neither figure picks from the menu.
      i += scale;
      continue;
    }
    if (QUANTITY_WORDS.has(tokens[i + 1] ?? '') || countsThings(tokens, i) || (before !== undefined && TIME_BEFORE.has(before)) || before === 'not') continue;
    if (isNumberWord(token) && !wordPickCounts(tokens, i, i + 1)) continue;
    hits.push({ start: i, end: i + 1, value });
  }
  return hits;
}
