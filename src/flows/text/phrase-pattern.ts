/**
 * A tiny phrase-pattern language, so that word lists stay readable for the
 * clinicians who maintain them while still matching the many ways patients
 * say the same thing. Patterns are written in plain words:
 *
 *   chest pain                 the words in order (each forgives one typo)
 *   pain|ache|pressure         one of these words
 *   hurt*                      a stem: hurt, hurts, hurting
 *   my?                        an optional word
 *   (can not|cannot|cant)      one of these word sequences; `(...)?` optional
 *   pain ... chest             up to 3 other words in between ("pain in my chest");
 *                              never a negator ("my chest doesn't hurt" is no match);
 *                              `...5` allows up to 5
 *   dont text me !after|before the word after the (longest) match must not be
 *                              one of these; only at the end of a pattern
 *
 * Accents and capitals in patterns are ignored, like in patients' texts.
 */
import { normalizeText } from './normalize.js';
import { SELF_NEGATING } from './negation.js';

/** A literal word, or a stem when written with a trailing `*`; interned, so `id` identifies it. */
export interface WordSpec {
  id: number;
  text: string;
  stem: boolean;
}

const WORDS: WordSpec[] = [];
const WORD_IDS = new Map<string, WordSpec>();
const NEW_WORD_LISTENERS: Array<() => void> = [];

/** Calls `listener` whenever a pattern brings a word not seen before (a matcher's caches are then stale). */
export function onNewWord(listener: () => void): void {
  NEW_WORD_LISTENERS.push(listener);
}

/** The interned word for `text` (a stem when `stem`). */
export function internWord(text: string, stem: boolean): WordSpec {
  const key = `${stem ? '*' : ''}${text}`;
  let word = WORD_IDS.get(key);
  if (word === undefined) {
    word = { id: WORDS.length, text, stem };
    WORDS.push(word);
    WORD_IDS.set(key, word);
    for (const listener of NEW_WORD_LISTENERS) listener();
  }
  return word;
}

/** Every word any compiled pattern uses (grows as patterns are compiled). */
export function knownWords(): readonly WordSpec[] {
  return WORDS;
}

export type Slot = { kind: 'word'; alternatives: readonly WordSpec[] } | { kind: 'gap'; max: number };

export interface PhrasePattern {
  source: string;
  /** Every way of reading the pattern, optional parts expanded. */
  sequences: readonly (readonly Slot[])[];
  /** The phrase carries its own negation ("can't breathe"): a negator before it does not cancel it. */
  selfNegated: boolean;
  /** Words that must not follow the match ("don't text me" + "after 9" is no opt-out). */
  notFollowedBy: readonly WordSpec[];
  /** Words a match can start with: lets the matcher skip most positions at once. */
  firstWords: readonly WordSpec[];
}

const GAP_WORDS = 3;

/** Compiles one pattern string (see the module comment for the syntax). */
export function compilePattern(source: string): PhrasePattern {
  const elements = splitElements(source);
  const last = elements[elements.length - 1];
  const notFollowedBy = last?.startsWith('!') ? last.slice(1).split('|').flatMap(wordSpecs) : [];
  if (notFollowedBy.length > 0) elements.pop();
  if (elements.some((element) => element.startsWith('!'))) throw new Error(`"!" must end the phrase pattern: "${source}"`);
  let sequences: Slot[][] = [[]];
  for (const element of elements) {
    const alternatives = parseElement(element);
    sequences = sequences.flatMap((head) => alternatives.map((tail) => [...head, ...tail]));
  }
  sequences = sequences.filter((sequence) => sequence.some((slot) => slot.kind === 'word'));
  if (sequences.length === 0 || sequences.some((sequence) => sequence[0]?.kind !== 'word')) {
    throw new Error(`Phrase pattern must start with a word: "${source}"`);
  }
  const selfNegated = sequences.some((sequence) =>
    sequence.some((slot) => slot.kind === 'word' && slot.alternatives.some((word) => SELF_NEGATING.has(word.text))),
  );
  return { source, sequences, selfNegated, notFollowedBy, firstWords: firstWordsOf(sequences) };
}

/** A pattern matching exactly the words of `phrase` (for caller-supplied synonyms). */
export function literalPattern(phrase: string): PhrasePattern | null {
  const words = normalizeText(phrase).split(' ').filter((word) => word !== '');
  if (words.length === 0) return null;
  const sequence: Slot[] = words.map((text) => ({ kind: 'word', alternatives: [internWord(text, false)] }));
  const selfNegated = words.some((word) => SELF_NEGATING.has(word));
  return { source: phrase, sequences: [sequence], selfNegated, notFollowedBy: [], firstWords: firstWordsOf([sequence]) };
}

function firstWordsOf(sequences: readonly (readonly Slot[])[]): WordSpec[] {
  const first = new Set<WordSpec>();
  for (const [slot] of sequences) if (slot?.kind === 'word') for (const word of slot.alternatives) first.add(word);
  return [...first];
}

/** Splits on spaces outside parentheses. */
function splitElements(source: string): string[] {
  const elements: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of source.trim()) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ' ' && depth === 0) {
      if (current !== '') elements.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (depth !== 0) throw new Error(`Unbalanced parentheses in phrase pattern: "${source}"`);
  if (current !== '') elements.push(current);
  return elements;
}

/** The alternative slot sequences one element stands for ([] = nothing, when optional). */
function parseElement(element: string): Slot[][] {
  const gap = /^\.\.\.(\d)?$/.exec(element);
  if (gap) return [[{ kind: 'gap', max: gap[1] === undefined ? GAP_WORDS : Number(gap[1]) }]];
  const optional = element.endsWith('?');
  const body = optional ? element.slice(0, -1) : element;
  const grouped = body.startsWith('(') && body.endsWith(')');
  if (body.slice(1).includes('(')) throw new Error(`Groups cannot nest in phrase patterns: "${element}"`);
  const options = (grouped ? body.slice(1, -1) : body).split('|').map((option) => option.trim());
  const sequences = options.flatMap(parseSequence);
  const singleWords = sequences.every((sequence) => sequence.length === 1 && sequence[0]?.kind === 'word');
  const alternatives: Slot[][] = singleWords
    ? [[{ kind: 'word', alternatives: sequences.flatMap((sequence) => (sequence[0]?.kind === 'word' ? sequence[0].alternatives : [])) }]]
    : sequences;
  return optional ? [...alternatives, []] : alternatives;
}

/** "all of? my" -> the word sequences it can stand for. */
function parseSequence(option: string): Slot[][] {
  let sequences: Slot[][] = [[]];
  for (const raw of option.split(' ').filter((word) => word !== '')) {
    const optional = raw.endsWith('?');
    const words = wordSpecs(optional ? raw.slice(0, -1) : raw);
    const slots: Slot[] = words.map((word) => ({ kind: 'word', alternatives: [word] }));
    sequences = sequences.flatMap((head) => (optional ? [[...head, ...slots], head] : [[...head, ...slots]]));
  }
  return sequences;
}

/** One written word -> normalised word specs ("self-harm" becomes two words). */
function wordSpecs(raw: string): WordSpec[] {
  const stem = raw.endsWith('*');
  const words = normalizeText(stem ? raw.slice(0, -1) : raw).split(' ').filter((word) => word !== '');
  return words.map((text, index) => internWord(text, stem && index === words.length - 1));
}
