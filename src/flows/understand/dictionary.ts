/**
 * Whether a token is a word of English or Spanish at all, from two
 * dictionaries of every written form (an-array-of-english-words, ~275,000;
 * an-array-of-spanish-words, ~636,000, with their conjugations). The closed
 * world takes a real word that is no health word as everyday life, and a
 * token that is no word (a typo, a name, a medicine it does not know) as
 * something it cannot place. Loaded once, on first use (about half a second
 * and 100 MB): call warmDictionary() at start-up so no patient's text waits.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
let words: Set<string> | null = null;

/** Lower case, accents folded, as tokenize() leaves a word. */
const fold = (word: string) => (/^[a-z]+$/.test(word) ? word : word.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, ''));

export function warmDictionary(): void {
  if (words) return;
  const all = new Set<string>();
  for (const list of [load('an-array-of-english-words') as string[], load('an-array-of-spanish-words') as string[]]) {
    for (const word of list) all.add(fold(word));
  }
  words = all;
}

/** A real word, in either language; a dropped final g counts ("mornin", "feelin"). */
export function isDictionaryWord(token: string): boolean {
  warmDictionary();
  return words!.has(token) || (token.endsWith('in') && words!.has(`${token}g`));
}
