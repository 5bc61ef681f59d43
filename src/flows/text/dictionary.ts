/**
 * Whether a token is a word of English or Spanish at all, from two
 * dictionaries of every written form (an-array-of-english-words, ~275,000;
 * an-array-of-spanish-words, ~636,000, with their conjugations). The closed
 * world takes a real word that is no health word as everyday life, and a
 * token that is no word (a typo, a name, a medicine it does not know) as
 * something it cannot place. Loaded once (about a second and 100 MB): the
 * service warms it in slices after it starts listening, so neither its health
 * check nor a patient's text waits; the tests call warmDictionary().
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
let words: Set<string> | null = null;

/** Lower case, accents folded, as tokenize() leaves a word. */
const fold = (word: string) => (/^[a-z]+$/.test(word) ? word : word.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, ''));

/** The word lists as loaded, and how far into them the set has been filled. */
let lists: string[][] | null = null;
let filled = { list: 0, index: 0 };
const partial = new Set<string>();

/** Adds up to `budget` words to the set; true when every word is in. */
function fill(budget: number): boolean {
  lists ??= [load('an-array-of-english-words') as string[], load('an-array-of-spanish-words') as string[]];
  while (filled.list < lists.length) {
    const list = lists[filled.list]!;
    const end = Math.min(list.length, filled.index + budget);
    for (let i = filled.index; i < end; i++) partial.add(fold(list[i]!));
    budget -= end - filled.index;
    filled = end === list.length ? { list: filled.list + 1, index: 0 } : { list: filled.list, index: end };
    if (budget <= 0 && filled.list < lists.length) return false;
  }
  words = partial;
  lists = null;
  return true;
}

/** Loads the dictionaries now, all at once. */
export function warmDictionary(): void {
  if (!words) fill(Infinity);
}

/** Words added per turn of the event loop while warming in the background: a few milliseconds each. */
const SLICE = 25_000;

/**
 * Loads the dictionaries a slice at a time, yielding between slices, so a
 * service that has just started answers requests (its health check first)
 * while they load. A text that needs them before they are done finishes the
 * load at once.
 */
export function warmDictionaryInBackground(): Promise<void> {
  return new Promise((resolve) => {
    const step = () => (words || fill(SLICE) ? resolve() : setImmediate(step));
    setImmediate(step);
  });
}

/** A real word, in either language; a dropped final g counts ("mornin", "feelin"). */
export function isDictionaryWord(token: string): boolean {
  warmDictionary();
  return words!.has(token) || (token.endsWith('in') && words!.has(`${token}g`));
}
