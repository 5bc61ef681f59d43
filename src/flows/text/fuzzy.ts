/**
 * Token-level fuzzy equality. Patients misspell ("chest pian", "cant breth",
 * "respirrar") and stretch words for emphasis ("yesss", "nooo"); listing every
 * variant is hopeless, so word lists hold one spelling and comparison forgives
 * one slip. The limits are deliberately tight: short words are too easily
 * another real word ("fine"/"five"), and the first letter must agree because
 * real-word collisions usually differ there ("fainted"/"painted").
 */

const LETTERS_ONLY = /^\p{L}+$/u;

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
  if (token.length >= 5 && word.length >= 5) return editDistance(token, word) <= 1;
  // Four letters: only a swap of two neighbours ("pian" for "pain").
  if (token.length === 4 && word.length === 4) return editDistance(token, word) === 1 && sameLetters(token, word);
  return false;
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
  if (token[0] !== word[0] || token.length < word.length - 1) return false;
  if (!LETTERS_ONLY.test(token) || !LETTERS_ONLY.test(word)) return false;
  if (token.length > word.length && squeeze(token) === squeeze(word)) return true;
  return isTypo(token, word);
}

/**
 * Whether `token` starts with the stem `stem` ("breath" for "breathing").
 * Stems of 6+ letters forgive one typo in the stem ("brething").
 */
export function tokenHasStem(token: string, stem: string): boolean {
  if (token.startsWith(stem)) return true;
  if (stem.length < 6 || token[0] !== stem[0] || !LETTERS_ONLY.test(token)) return false;
  for (const length of [stem.length - 1, stem.length, stem.length + 1]) {
    if (length <= token.length && editDistance(token.slice(0, length), stem) <= 1) return true;
  }
  return false;
}
