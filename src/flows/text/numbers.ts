/**
 * Number words and units shared by the menu and number parsers.
 */
import { tokenEquals } from './fuzzy.js';

/** Cardinals patients write out, English and Spanish ("una" is left out: it is mostly the article "a"). */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5],
  ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
  ['cero', 0], ['uno', 1], ['dos', 2], ['tres', 3], ['cuatro', 4], ['cinco', 5],
  ['seis', 6], ['siete', 7], ['ocho', 8], ['nueve', 9], ['diez', 10],
]);

/** Ordinals for menu picks ("the first one", "la segunda"). */
const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6],
  ['primero', 1], ['primera', 1], ['primer', 1], ['segundo', 2], ['segunda', 2],
  ['tercero', 3], ['tercera', 3], ['tercer', 3], ['cuarto', 4], ['cuarta', 4],
  ['quinto', 5], ['quinta', 5], ['sexto', 6], ['sexta', 6],
]);

/** "1st", "2nd", "3rd", "1ro", "2do", "1er", "1a", "2o". */
const DIGIT_ORDINAL = /^(\d{1,2})(?:st|nd|rd|th|ro|ra|do|da|er|to|ta|vo|va|o|a)$/;

/**
 * Words after a number that make it a count or a time, not an answer:
 * "I took 2 pills", "for 3 days", "at 8 am".
 */
export const QUANTITY_WORDS: ReadonlySet<string> = new Set([
  'pill', 'pills', 'tablet', 'tablets', 'tab', 'tabs', 'capsule', 'capsules', 'dose', 'doses', 'puff', 'puffs',
  'mg', 'mcg', 'ml', 'unit', 'units', 'cup', 'cups', 'glass', 'glasses', 'lb', 'lbs', 'pounds', 'kg', 'kilos',
  'time', 'times', 'day', 'days', 'hour', 'hours', 'hr', 'hrs', 'minute', 'minutes', 'min', 'mins',
  'week', 'weeks', 'month', 'months', 'year', 'years', 'am', 'pm', 'oclock', 'steps', 'miles', 'blocks',
  'pastilla', 'pastillas', 'pildora', 'pildoras', 'tableta', 'tabletas', 'capsula', 'capsulas', 'dosis',
  'vez', 'veces', 'dia', 'dias', 'hora', 'horas', 'minuto', 'minutos', 'semana', 'semanas',
  'mes', 'meses', 'ano', 'anos', 'libras', 'cuadras', 'pasos',
]);

/** The value of a digit token or a number word ("7", "seven", "siete", "sevennn"), else null. */
export function cardinalValue(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  for (const [word, value] of NUMBER_WORDS) {
    if (token === word || (token.length > word.length && tokenEquals(token, word) && token.startsWith(word))) return value;
  }
  return null;
}

/** Whether the token is a number word rather than digits. */
export function isNumberWord(token: string): boolean {
  return !/^\d+$/.test(token) && cardinalValue(token) !== null;
}

/** The value of an ordinal ("first", "2nd", "segunda"), else null. */
export function ordinalValue(token: string): number | null {
  const digits = DIGIT_ORDINAL.exec(token);
  if (digits?.[1] !== undefined) return Number(digits[1]);
  return ORDINAL_WORDS.get(token) ?? null;
}
