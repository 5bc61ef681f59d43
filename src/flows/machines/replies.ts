/**
 * Adapters from the reply parsers (src/flows/text) to a question's `Parsed`
 * result. The parsing itself lives in src/flows/text; this only decides what
 * counts as a usable answer for a kind of question.
 */
import { parseChoice, parseFreeText } from '../text/index.js';
import type { ChoiceOption } from '../text/index.js';
import type { Parsed } from './question.js';

const LETTER = /\p{L}/u;

/** Wraps a parser that returns null for "not understood". */
export function fromNullable<A>(parse: (text: string) => A | null): (text: string) => Parsed<A> {
  return (text) => {
    const value = parse(text);
    return value === null ? { ok: false } : { ok: true, value };
  };
}

/** A numbered-menu pick (digits, number words or synonyms). */
export function choice<T extends string>(options: readonly ChoiceOption<T>[]): (text: string) => Parsed<T> {
  return fromNullable((text) => parseChoice(text, options));
}

/**
 * A few words describing something. A reply with no letter at all ("7", "?")
 * is not a description: it is most likely a mistyped menu number, which is
 * better re-prompted than sent to a nurse as the patient's words.
 */
export function description(text: string): Parsed<string> {
  const value = parseFreeText(text);
  return value !== null && LETTER.test(value) ? { ok: true, value } : { ok: false };
}

export interface ChoiceWithText<T extends string> {
  choice: T;
  /** The patient's own words, when they wrote more than a menu word. */
  text?: string;
}

/** Replies of this many words are kept as the patient's words even when they matched an option. */
const DESCRIPTIVE_WORDS = 3;

/**
 * A menu pick with the patient's words kept when they wrote more than a menu
 * word ("my knee hurts" -> pain): the words tell the nurse more.
 */
function choiceWithText<T extends string>(
  options: readonly ChoiceOption<T>[],
): (text: string) => ChoiceWithText<T> | null {
  return (text) => {
    const choice = parseChoice(text, options);
    if (choice === null) return null;
    const words = description(text);
    const descriptive = words.ok && words.value.split(/\s+/).length >= DESCRIPTIVE_WORDS;
    return descriptive ? { choice, text: words.value } : { choice };
  };
}

/**
 * A menu pick, or a description taken as the `otherId` choice. Menus invite
 * "or tell us in a few words", so "I was visiting my son" is an answer, not a
 * reason to re-prompt.
 */
export function choiceOrDescription<T extends string>(
  options: readonly ChoiceOption<T>[],
  otherId: T,
): (text: string) => Parsed<ChoiceWithText<T>> {
  const pick = choiceWithText(options);
  return (text) => {
    const picked = pick(text);
    if (picked !== null) return { ok: true, value: picked };
    const words = description(text);
    return words.ok ? { ok: true, value: { choice: otherId, text: words.value } } : { ok: false };
  };
}

/** The same menu read by its words only, for replies where a digit means something else. */
export function wordsOnly<T extends string>(options: readonly ChoiceOption<T>[]): readonly ChoiceOption<T>[] {
  return options.map((option) => ({ ...option, number: Number.NaN }));
}
