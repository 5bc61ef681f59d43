/**
 * Menu picks for caller-defined menus (concern category, severity, ...).
 */
import { literalPattern } from '../phrase-pattern.js';
import type { PhrasePattern } from '../phrase-pattern.js';
import { classifyReply } from './classifier.js';
import type { ClassifierSpec } from './classifier.js';

export interface ChoiceOption<T extends string> {
  id: T;
  /** The number shown in the prompt ("Reply 1 for ..."). */
  number: number;
  /** Words or phrases in any language meaning this option; matched as whole words, accents ignored. */
  synonyms: readonly string[];
}

const specs = new WeakMap<readonly ChoiceOption<string>[], ClassifierSpec<string>>();

function specFor<T extends string>(options: readonly ChoiceOption<T>[]): ClassifierSpec<T> {
  const cached = specs.get(options) as ClassifierSpec<T> | undefined;
  if (cached !== undefined) return cached;
  const spec: ClassifierSpec<T> = {
    labels: options.map((option) => ({
      label: option.id,
      number: option.number,
      phrases: option.synonyms.map(literalPattern).filter((p): p is PhrasePattern => p !== null),
    })),
  };
  specs.set(options, spec);
  return spec;
}

/**
 * Reads a menu pick: the option's number ("2", "#2", "option 2", "número
 * dos", "the second one") or one of its synonyms inside a short reply ("I
 * feel fine thanks"). Negated synonyms do not count ("not fine").
 *
 * @returns the picked option's id, or null when nothing matches, when the
 *   reply points to two options ("1 or 2") or names a number not on the menu
 */
export function parseChoice<T extends string>(text: string, options: readonly ChoiceOption<T>[]): T | null {
  return classifyReply(text, specFor(options));
}
