/**
 * An alert in the words of a chart: what was raised ("a fall (hurt or unable
 * to get up)", "a sudden weight gain"), never its reason code. A practice's
 * own rule has an id this service cannot know the words of: the alert's
 * explanation, written by triage as a sentence, says what it was instead.
 */
import { reasonWords } from '../../triage/index.js';
import type { AlertHandling } from '../types.js';

/** Something a code might hide in: `word_word`, `kind:value`. */
const CODE_LIKE = /[a-z0-9]_[a-z0-9]|\b[a-z_]+:[a-z_]+\b/i;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const sentenceEnd = (text: string) => text.trim().replace(/[.\s]+$/, '');

/**
 * What was raised, as a noun phrase ("a sudden weight gain"); for a reason
 * with no words, the alert's explanation, or "a concern for the care team".
 */
export function alertPhrase(alert: Pick<AlertHandling, 'reason' | 'explanation'>): string {
  const words = reasonWords(alert.reason);
  if (words) return words;
  const explanation = plainExplanation(alert.explanation);
  return explanation ? `a finding of the practice's triage rules (${explanation})` : 'a concern for the care team';
}

/**
 * The explanation as a clause, or null when it is empty or still holds a code
 * (an explanation written by an older version of triage, e.g. "Rated a
 * concern (weight_gain) severe"): better left out than shown as a code.
 */
export function plainExplanation(explanation: string | null): string | null {
  const text = explanation ? sentenceEnd(explanation) : '';
  return text && !CODE_LIKE.test(text.replace(/"[^"]*"/g, '')) ? text : null;
}

/** "A sudden weight gain: Reported gaining 4 lb on Dec 11 at 08:05 (heart failure)", for a Flag's code.text. */
export function alertTitle(alert: Pick<AlertHandling, 'reason' | 'explanation'>): string {
  const words = reasonWords(alert.reason);
  const explanation = plainExplanation(alert.explanation);
  if (!words) return capitalised(explanation ?? 'A concern for the care team');
  return explanation ? `${capitalised(words)}: ${explanation}` : capitalised(words);
}
