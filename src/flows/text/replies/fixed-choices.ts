/**
 * The fixed menus every flow uses: yes/no, wellbeing and trend. Their words
 * live in ./vocabulary so clinicians can extend them without reading code.
 */
import { compilePattern } from '../phrase-pattern.js';
import { classifyReply } from './classifier.js';
import type { ClassifierSpec } from './classifier.js';
import { BETTER_PHRASES, SAME_PHRASES, WORSE_PHRASES } from './vocabulary/trend.js';
import { CONCERN_PHRASES, WELL_PHRASES } from './vocabulary/wellbeing.js';
import { NO_PHRASES, YES_NO_UNCERTAIN, YES_NO_WHOLE_REPLY, YES_PHRASES } from './vocabulary/yes-no.js';

const compile = (phrases: readonly string[]) => phrases.map(compilePattern);

const THUMBS_UP = /\u{1F44D}/u;
const THUMBS_DOWN = /\u{1F44E}/u;
/** Faces and marks patients send for "fine" / "yes", and for "not well" / "no". */
const GLAD = /[\u{1F44D}\u{1F44C}\u{2705}\u{2714}\u{1F642}\u{1F60A}\u{1F600}\u{1F603}\u{1F604}\u{263A}]/u;
const SAD = /[\u{1F44E}\u{1F614}\u{1F61E}\u{1F622}\u{1F625}\u{1F61F}\u{1F641}\u{2639}\u{1F912}\u{1F915}\u{1F637}\u{1F62D}]/u;

const YES_NO: ClassifierSpec<'yes' | 'no'> = {
  labels: [
    { label: 'yes', number: 1, phrases: compile(YES_PHRASES) },
    { label: 'no', number: 2, phrases: compile(NO_PHRASES) },
  ],
  uncertain: compile(YES_NO_UNCERTAIN),
  // "I haven't taken it" is a no; "I didn't forget" / "no se me olvidó" a yes.
  negatedMeans: { yes: 'no', no: 'yes' },
  openingNumberKeeps: ['no'],
  wholeReply: new Map(YES_NO_WHOLE_REPLY),
  emoji: [[THUMBS_UP, 'yes'], [THUMBS_DOWN, 'no'], [/[\u{2705}\u{2714}\u{1F44C}]/u, 'yes'], [/\u{274C}/u, 'no']],
};

const WELLBEING: ClassifierSpec<'well' | 'concerns'> = {
  labels: [
    { label: 'well', number: 1, phrases: compile(WELL_PHRASES) },
    { label: 'concerns', number: 2, phrases: compile(CONCERN_PHRASES) },
  ],
  negatedMeans: { well: 'concerns', concerns: 'well' },
  openingNumberKeeps: ['concerns'],
  emoji: [[GLAD, 'well'], [SAD, 'concerns']],
};

const TREND: ClassifierSpec<'better' | 'same' | 'worse'> = {
  labels: [
    { label: 'better', number: 1, phrases: compile(BETTER_PHRASES) },
    { label: 'same', number: 2, phrases: compile(SAME_PHRASES) },
    { label: 'worse', number: 3, phrases: compile(WORSE_PHRASES) },
  ],
  openingNumberKeeps: ['worse'],
};

/**
 * Reads a yes/no answer: 1 = yes, 2 = no, or words in English or Spanish.
 * "No, I took it" (a "no" and a "took it") is ambiguous and returns null, as
 * do doubts ("not sure", "no me acuerdo").
 */
export function parseYesNo(text: string): 'yes' | 'no' | null {
  return classifyReply(text, YES_NO);
}

/**
 * Reads "how are you feeling": 1 = well, 2 = concerns, or words. Negation
 * flips ("not good" -> concerns, "no pain" -> well); so-so answers are concerns.
 */
export function parseWellbeing(text: string): 'well' | 'concerns' | null {
  return classifyReply(text, WELLBEING);
}

/**
 * Reads a trend: 1 = better, 2 = about the same, 3 = worse, or words
 * ("getting worse", "igual", "más o menos" = same). "Not better" is null.
 */
export function parseTrend(text: string): 'better' | 'same' | 'worse' | null {
  return classifyReply(text, TREND);
}
