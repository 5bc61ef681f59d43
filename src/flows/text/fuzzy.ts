/**
 * Token-level fuzzy equality. Patients misspell ("chest pian", "cant breth",
 * "respirrar") and stretch words for emphasis ("yesss", "nooo"); listing every
 * variant is hopeless, so word lists hold one spelling and comparison forgives
 * one slip. The limits are deliberately tight: short words are too easily
 * another real word ("fine"/"five"), and the first letter must agree because
 * real-word collisions usually differ there ("fainted"/"painted").
 */

import { isDictionaryWord } from './dictionary.js';

const LETTERS_ONLY = /^\p{L}+$/u;

/**
 * Everyday words, correctly spelled, that sit one slip away from a word our
 * phrase lists use: "desayuno" is breakfast, not a misspelt "desmayo"
 * (fainting); "results" is not "resurtir" (refill). Found by comparing the
 * phrase lists with English and Spanish dictionaries and keeping the words
 * patients write; add to it when a real word is read as another.
 */
const NEVER_A_TYPO: ReadonlySet<string> = new Set([
  'desayuno', 'desayune', 'desayunar', 'desayunamos', 'sueldo', 'sudar', 'cuenta', 'cuanto', 'falla', 'caldo', 'asiento',
  'alimento', 'alegria', 'casino', 'camion',
  'result', 'results', 'resort', 'heard', 'lovely', 'fails', 'failing', 'filling', 'fills', 'flour', 'mall', 'taking',
  'talked', 'thank', 'today', 'quiet', 'quite', 'poor', 'form', 'newer', 'nearby', 'confess', 'confessed', 'contest',
  'contract', 'environment', 'homeless', 'feeding', 'bitter', 'butter', 'lost', 'slipper', 'slippers', 'puffer', 'puffers',
  // Real words one doubled vowel short of a word the lists use (found by comparing them with the dictionaries):
  // "god" is not "good", "drop" not "droop", Spanish "por" not "poor".
  'god', 'fed', 'bet', 'wed', 'red', 'met', 'set', 'ten', 'tot', 'pop', 'cop', 'hop', 'mod', 'flor', 'fet', 'bots', 'rom',
  'kep', 'bok', 'ned', 'ben', 'toked', 'shots', 'drop', 'shets', 'por', 'son', 'con', 'ver',
  // "The swelling I had last month" is not a swollen mouth.
  'month', 'months',
  // Real words one slip from the words that say a thing is better or did its work ("healing", "calmed", "wound"):
  // "called up the pharmacy" has calmed nothing (found by comparing those words with every corpus's words).
  'eating', 'hearing', 'heating', 'heading', 'headed', 'would', 'called', 'sabado', 'brother', 'cleaned', 'cleaning', 'major',
  'market', 'quedo', 'quedaron', 'closer', 'heres', 'llama', 'llega', 'falls',
  // "Mejor me tomo mi té de nopal" (I'd rather) is no "mejoró": "mejor" says better only where IMPROVED names it.
  'mejor',
  // "Allergies acting up" is no aching; "breathing easier" is not "heavier" with its h dropped.
  'acting', 'easier',
  // "Con mi marido" is no "mareado".
  'marido', 'maridos',
]);

/**
 * Spanish "h" is silent and often left out ("inchado" for "hinchado"): a
 * long vocabulary word starting with h also matches without it.
 */
const SILENT_H_MIN_LENGTH = 6;

/** The vocabulary word `word` as written without its silent h, when that applies. */
export function withoutSilentH(word: string): string | null {
  return word.startsWith('h') && word.length >= SILENT_H_MIN_LENGTH ? word.slice(1) : null;
}

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent
 * transpositions, each substring edited once).
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    const row = d[i];
    if (row === undefined) continue;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Collapses runs of one letter ("goood" -> "god") to compare stretched words. */
function squeeze(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

function isTypo(token: string, word: string): boolean {
  if (token[0] !== word[0]) return false;
  if (token.length >= 5 && word.length >= 5) return editDistance(token, word) <= 1 && !anotherWord(token, word);
  // Four letters: only a swap of two neighbours ("pian" for "pain").
  if (token.length === 4 && word.length === 4) return editDistance(token, word) === 1 && sameLetters(token, word);
  return false;
}

/** Letters at a word's end that inflect it ("hinchado", "hinchadas", "duelan"): a slip there keeps the word. */
const ENDING = 3;

/**
 * A real word one letter from the list's word, the letter in its stem: that
 * is how one word becomes another ("stepped on a tack" is no "stopped",
 * "smelling" no "swelling", "marcado" no "mareado"). A slip in the ending is
 * still the word: endings inflect ("hinchadas" for "hinchados").
 */
function anotherWord(token: string, word: string): boolean {
  if (token.length !== word.length) return false;
  let at = -1;
  for (let i = 0; i < token.length; i++) {
    if (token[i] === word[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  return at >= 0 && at < token.length - ENDING && isDictionaryWord(token);
}

function sameLetters(a: string, b: string): boolean {
  return [...a].sort().join('') === [...b].sort().join('');
}

/**
 * Whether a patient's token is the vocabulary word `word`: exact, stretched
 * ("sooo" for "so") or one typo away (words of 5+ letters; swapped
 * neighbours in 4-letter words). Digits are never fuzzy.
 */
export function tokenEquals(token: string, word: string): boolean {
  if (token === word) return true;
  if (NEVER_A_TYPO.has(token)) return false;
  const silent = withoutSilentH(word);
  if (silent !== null && token[0] !== 'h' && tokenEquals(token, silent)) return true;
  if (token[0] !== word[0] || token.length < word.length - 1) return false;
  if (!LETTERS_ONLY.test(token) || !LETTERS_ONLY.test(word)) return false;
  if (token.length > word.length && squeeze(token) === squeeze(word)) return true;
  // A doubled o or e written once ("tok" for "took", "slep" for "sleep"): phones and fingers drop it.
  if (token.length >= 3 && token.length === word.length - 1 && /oo|ee/.test(word) && word.replace(/(oo|ee)/, (d) => d[0]!) === token) return true;
  return isTypo(token, word);
}

/**
 * Whether `token` starts with the stem `stem` ("breath" for "breathing").
 * Stems of 6+ letters forgive one typo in the stem ("brething"); a doubled
 * letter written once is forgiven in any stem when a vowel or an s follows
 * ("sweling", "sweled", but not "sweltering").
 */
export function tokenHasStem(token: string, stem: string): boolean {
  if (token.startsWith(stem)) return true;
  if (NEVER_A_TYPO.has(token)) return false;
  const silent = withoutSilentH(stem);
  if (silent !== null && token[0] !== 'h' && tokenHasStem(token, silent)) return true;
  // Not at the start: Spanish "ll" is a letter of its own ("llor*" is not "lorena").
  const single = stem.slice(0, 2) + squeeze(stem.slice(1)).slice(1);
  if (single !== stem && token.startsWith(single) && /^(?:$|[aeiouys])/.test(token.slice(single.length))) return true;
  if (stem.length < 6 || token[0] !== stem[0] || !LETTERS_ONLY.test(token)) return false;
  return stemSlip(token, stem);
}

const VOWELS = /[aeiou]/;

/**
 * The slips a stem forgives: two neighbours swapped, a vowel left out, a
 * letter added. Not a letter replaced by another: that is how one real word
 * becomes another ("contest" for "congest", "result" for "resurt").
 */
function stemSlip(token: string, stem: string): boolean {
  const same = token.slice(0, stem.length);
  if (same.length === stem.length && editDistance(same, stem) === 1 && sameLetters(same, stem)) return true;
  const longer = token.slice(0, stem.length + 1);
  if (longer.length === stem.length + 1 && [...longer].some((_, i) => longer.slice(0, i) + longer.slice(i + 1) === stem)) return true;
  const shorter = token.slice(0, stem.length - 1);
  return [...stem].some((letter, i) => VOWELS.test(letter) && stem.slice(0, i) + stem.slice(i + 1) === shorter);
}
