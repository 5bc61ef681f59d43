/**
 * Red-flag categories: symptoms that make a check-in urgent whatever the
 * flow, so the patient is told at once to call 911 (or 988) or the practice.
 * Kept small: each category maps to one clear instruction and alert reason.
 */
export type RedFlagCategory =
  | 'chest_pain'
  | 'breathing'
  | 'stroke'
  | 'fainting'
  | 'fall'
  | 'self_harm'
  | 'severe_bleeding'
  | 'seizure'
  | 'allergic_reaction'
  | 'confusion'
  | 'unresponsive'
  | 'overdose';

/**
 * Order of precedence when one message names several: the most immediately
 * life-threatening first (an overdose with suicidal words needs 911 before 988).
 */
export const RED_FLAG_CATEGORIES: readonly RedFlagCategory[] = [
  'chest_pain',
  'breathing',
  'stroke',
  'allergic_reaction',
  'severe_bleeding',
  'overdose',
  'seizure',
  'unresponsive',
  'fall',
  'fainting',
  'self_harm',
  'confusion',
];

export interface RedFlag {
  category: RedFlagCategory;
  /** Language of the phrase that matched (patients mix languages, so this may differ from their locale). */
  locale: 'en' | 'es';
}

/**
 * Phrase patterns per category for one language. Syntax (typos, stems,
 * optional words, gaps): see src/flows/text/phrase-pattern.ts.
 */
export type RedFlagPhrases = Readonly<Record<RedFlagCategory, readonly string[]>>;
