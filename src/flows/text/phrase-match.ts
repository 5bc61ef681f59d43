/**
 * Finds compiled phrase patterns in a clause's tokens.
 */
import { tokenEquals, tokenHasStem, withoutSilentH } from './fuzzy.js';
import { NEGATORS } from './negation.js';
import { knownWords, onNewWord } from './phrase-pattern.js';
import type { PhrasePattern, Slot, WordSpec } from './phrase-pattern.js';

/** Where a pattern matched: tokens [start, end). */
export interface PhraseMatch {
  start: number;
  end: number;
}

/**
 * Fuzzy comparison dominates matching time, so each distinct token is
 * compared once with every known word sharing its first letter (fuzzy
 * matches always do) and the ids it matches are remembered. The cache is
 * dropped when new words are compiled or when it grows past its cap.
 */
const TOKEN_CACHE = new Map<string, ReadonlySet<number>>();
const TOKEN_CACHE_CAP = 50_000;
let byFirstLetter: Map<string, WordSpec[]> | null = null;
// A new word may match tokens already looked up: start again.
onNewWord(() => {
  byFirstLetter = null;
  TOKEN_CACHE.clear();
});

function wordsByFirstLetter(): Map<string, WordSpec[]> {
  if (byFirstLetter) return byFirstLetter;
  byFirstLetter = new Map();
  for (const word of knownWords()) {
    const bucket = byFirstLetter.get(word.text[0] ?? '') ?? [];
    bucket.push(word);
    byFirstLetter.set(word.text[0] ?? '', bucket);
  }
  return byFirstLetter;
}

/** Ids of the known words `token` matches (exactly, stretched, by stem or one typo away). */
function matchingIds(token: string): ReadonlySet<number> {
  let ids = TOKEN_CACHE.get(token);
  if (ids === undefined) {
    const byFirstLetter = wordsByFirstLetter();
    const found = new Set<number>();
    // Words starting with a silent h can match tokens without it ("inchado").
    const silentH = (byFirstLetter.get('h') ?? []).filter((word) => token[0] !== 'h' && withoutSilentH(word.text)?.[0] === token[0]);
    // A dropped g is how many people write and say "-ing" ("settin", "goin", "endin").
    const withG = token.length >= 5 && token.endsWith('in') ? `${token}g` : null;
    for (const word of [...(byFirstLetter.get(token[0] ?? '') ?? []), ...silentH]) {
      if (word.stem ? tokenHasStem(token, word.text) : tokenEquals(token, word.text)) found.add(word.id);
      else if (withG && !word.stem && word.text.endsWith('ing') && tokenEquals(withG, word.text)) found.add(word.id);
    }
    if (TOKEN_CACHE.size >= TOKEN_CACHE_CAP) TOKEN_CACHE.clear();
    TOKEN_CACHE.set(token, found);
    ids = found;
  }
  return ids;
}

/** Whether one token is the pattern word (fuzzy, see fuzzy.ts). */
export function wordMatches(token: string, word: WordSpec): boolean {
  return token === word.text || matchingIds(token).has(word.id);
}

/**
 * Run-together words ("chestpain", "cantbreathe", "selfharm"): a token
 * spelling the first word exactly, then the second (fuzzy).
 */
function compoundMatches(token: string, first: WordSpec, second: WordSpec): boolean {
  if (first.stem || token.length <= first.text.length || !token.startsWith(first.text)) return false;
  return token.length >= 6 && wordMatches(token.slice(first.text.length), second);
}

function anyWord(token: string, words: readonly WordSpec[]): boolean {
  return words.some((word) => wordMatches(token, word));
}

/** Longest end of `sequence` matched from token `index`, or -1. */
function matchFrom(sequence: readonly Slot[], slotIndex: number, tokens: readonly string[], index: number): number {
  const slot = sequence[slotIndex];
  if (slot === undefined) return index;
  if (slot.kind === 'gap') {
    let best = -1;
    for (let skip = 0; skip <= slot.max && index + skip <= tokens.length; skip++) {
      if (skip > 0 && NEGATORS.has(tokens[index + skip - 1] ?? '')) break;
      best = Math.max(best, matchFrom(sequence, slotIndex + 1, tokens, index + skip));
    }
    return best;
  }
  const token = tokens[index];
  if (token === undefined) return -1;
  let best = anyWord(token, slot.alternatives) ? matchFrom(sequence, slotIndex + 1, tokens, index + 1) : -1;
  // A run-together pair may also skip a gap between its words ("chestpain" for "chest ... pain").
  const afterGap = sequence[slotIndex + 1]?.kind === 'gap' ? 2 : 1;
  const next = sequence[slotIndex + afterGap];
  if (next?.kind === 'word') {
    const joined = slot.alternatives.some((first) => next.alternatives.some((second) => compoundMatches(token, first, second)));
    if (joined) best = Math.max(best, matchFrom(sequence, slotIndex + afterGap + 1, tokens, index + 1));
  }
  return best;
}

/** Whether a match of `pattern` could start at `token` (cheap test before the full match). */
function canStart(pattern: PhrasePattern, token: string): boolean {
  return pattern.firstWords.some((word) => wordMatches(token, word) || (!word.stem && token.length > word.text.length && token.startsWith(word.text)));
}

/**
 * Every place `pattern` matches in `tokens`, the longest match per start.
 *
 * @param tokens one clause's normalised tokens
 */
export function findPhrase(pattern: PhrasePattern, tokens: readonly string[]): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  for (let start = 0; start < tokens.length; start++) {
    if (!canStart(pattern, tokens[start] ?? '')) continue;
    const end = matchAt(pattern, tokens, start);
    if (end > start) matches.push({ start, end });
  }
  return matches;
}

/** The end of the longest match of `pattern` starting at `start`, or -1. */
function matchAt(pattern: PhrasePattern, tokens: readonly string[], start: number): number {
  let end = -1;
  for (const sequence of pattern.sequences) end = Math.max(end, matchFrom(sequence, 0, tokens, start));
  const following = tokens[end];
  return end <= start || (following !== undefined && anyWord(following, pattern.notFollowedBy)) ? -1 : end;
}

/**
 * Many patterns looked for at once (a detector's hundreds, a list of idioms):
 * each token is matched against the words patterns start with once, and only
 * the patterns that can start there are tried, instead of every pattern at
 * every token (a short "thank you" met a thousand patterns one by one).
 */
interface PatternIndex {
  readonly patterns: readonly PhrasePattern[];
  /** Pattern positions by the id of a word they can start with. */
  readonly byFirstWord: ReadonlyMap<number, readonly number[]>;
  /** Pattern positions by the text of a word they can start with. */
  readonly byFirstText: ReadonlyMap<string, readonly number[]>;
  /** Pattern positions by a literal (no stem) first word a run-together token may begin with ("chestpain"). */
  readonly byFirstLiteral: ReadonlyMap<string, readonly number[]>;
}

function indexPatterns(patterns: readonly PhrasePattern[]): PatternIndex {
  const byFirstWord = new Map<number, number[]>();
  const byFirstText = new Map<string, number[]>();
  const byFirstLiteral = new Map<string, number[]>();
  const add = <K>(map: Map<K, number[]>, key: K, at: number) => {
    const list = map.get(key) ?? [];
    if (list.at(-1) !== at) list.push(at);
    map.set(key, list);
  };
  patterns.forEach((pattern, at) => {
    for (const word of pattern.firstWords) {
      add(byFirstWord, word.id, at);
      add(byFirstText, word.text, at);
      if (!word.stem) add(byFirstLiteral, word.text, at);
    }
  });
  return { patterns, byFirstWord, byFirstText, byFirstLiteral };
}

/** One pattern's match: which pattern (its position in the index) and where. */
export interface IndexedMatch extends PhraseMatch {
  at: number;
}

/** Where each indexed pattern could start in `tokens`: the pattern's position, with its starts in order. */
function candidateStarts(index: PatternIndex, tokens: readonly string[]): Map<number, number[]> {
  const starts = new Map<number, number[]>();
  const add = (at: number, start: number) => {
    const list = starts.get(at) ?? [];
    if (list.at(-1) !== start) list.push(start);
    starts.set(at, list);
  };
  tokens.forEach((token, start) => {
    // What canStart accepts: a first word matched (exactly, stretched, by stem or a typo away), or a
    // literal first word the token begins with, run together with the next ("chestpain").
    index.byFirstText.get(token)?.forEach((at) => add(at, start));
    for (const id of matchingIds(token)) index.byFirstWord.get(id)?.forEach((at) => add(at, start));
    for (let length = 1; length < token.length; length++) index.byFirstLiteral.get(token.slice(0, length))?.forEach((at) => add(at, start));
  });
  return starts;
}

/**
 * Each pattern that matches, in the index's order, with its matches. Lazily: a pattern's matches are
 * found when its turn comes, so a caller that blanks what one pattern matched before asking for the
 * next sees what a loop calling `findPhrase` for each pattern in turn would.
 */
function* eachPatternIndexed(index: PatternIndex, tokens: readonly string[]): Generator<{ at: number; matches: PhraseMatch[] }> {
  const starts = candidateStarts(index, tokens);
  for (const at of [...starts.keys()].sort((a, b) => a - b)) {
    const pattern = index.patterns[at]!;
    const matches: PhraseMatch[] = [];
    for (const start of starts.get(at)!) {
      // (A token blanked since is no start: a blank starts no pattern.)
      if (tokens[start] === '') continue;
      const end = matchAt(pattern, tokens, start);
      if (end > start) matches.push({ start, end });
    }
    if (matches.length > 0) yield { at, matches };
  }
}

/** Each list of patterns is indexed once, on first use or by indexList (lists are the modules' constants). */
const LIST_INDEXES = new WeakMap<readonly PhrasePattern[], PatternIndex>();
function indexOfList(patterns: readonly PhrasePattern[]): PatternIndex {
  let index = LIST_INDEXES.get(patterns);
  if (index === undefined) {
    index = indexPatterns(patterns);
    LIST_INDEXES.set(patterns, index);
  }
  return index;
}

/** Indexes a list ahead of its first use (a detector compiled in the background indexes its lists there). */
export const indexList = (patterns: readonly PhrasePattern[]): void => void indexOfList(patterns);

/** Every match of each of `patterns` in `tokens`, as calling `findPhrase` for each in turn finds them; `at` is the pattern's position. */
export function findEach(patterns: readonly PhrasePattern[], tokens: readonly string[]): IndexedMatch[] {
  const matches: IndexedMatch[] = [];
  for (const { at, matches: found } of eachPatternIndexed(indexOfList(patterns), tokens)) for (const { start, end } of found) matches.push({ at, start, end });
  return matches;
}

/** Whether any of `patterns` matches in `tokens`. */
export const findsAny = (patterns: readonly PhrasePattern[], tokens: readonly string[]): boolean => !eachPatternIndexed(indexOfList(patterns), tokens).next().done;

/** Each of `patterns` that matches, in order, with its matches, found when its turn comes (see eachPatternIndexed). */
export function* eachPatternFound(patterns: readonly PhrasePattern[], tokens: readonly string[]): Generator<{ pattern: PhrasePattern; matches: PhraseMatch[] }> {
  for (const { at, matches } of eachPatternIndexed(indexOfList(patterns), tokens)) yield { pattern: patterns[at]!, matches };
}
