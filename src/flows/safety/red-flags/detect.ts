/**
 * Red-flag detection over any reply, in both languages.
 *
 * Negation rule, and why: patient safety prefers false positives to false
 * negatives, so almost anything that names a red-flag symptom flags, even
 * "chest pain is gone" or "I had a stroke last week". The exceptions are
 * history (below) and a plain denial: patients answer our questions with
 * denials ("No chest pain today", "sin dolor de pecho"), and paging the on-call nurse for
 * every "no" would bury the real alarms. A phrase is suppressed only when a
 * negator (no, not, never, without, don't, sin, nunca, ningún, ...) stands
 * within 3 words before it in the same clause; clauses end at . , ; ! ? and
 * at "but"/"pero", so "no chest pain, but I can't breathe" still flags. A
 * denial carries across "or"/"ni" ("no chest pain or shortness of breath").
 * Phrases negative in themselves ("can't breathe", "no puedo respirar") are
 * never suppressed, and doubt is no denial ("not sure if it's chest pain").
 * History is no emergency: a clause that tells of an event a month or more
 * back, in the past tense and with nothing of now ("I had a heart attack in
 * 2015", "my buddy had a stroke last year") flags nothing; the closed world
 * gives it to a person all the same (redFlagHistory; text/long-past.ts).
 */
import { splitClauses } from '../../text/clauses.js';
import { clausesLongPast } from '../../text/long-past.js';
import { IDIOMS } from '../../text/figures-of-speech.js';
import { createPhraseDetector, type Mention } from '../../text/phrase-detector.js';
import { EN_RED_FLAGS } from './en.js';
import { ES_RED_FLAGS } from './es.js';
import { SIGNS_TOGETHER } from './signs-together.js';
import { RED_FLAG_CATEGORIES } from './types.js';
import type { RedFlag, RedFlagCategory } from './types.js';

const DETECTOR = createPhraseDetector({ en: EN_RED_FLAGS, es: ES_RED_FLAGS }, RED_FLAG_CATEGORIES, { idioms: IDIOMS, quietClauses: clausesLongPast });

/**
 * Looks for a red-flag symptom (chest pain, can't breathe, stroke signs,
 * fainting, self-harm, ...) in English or Spanish, whatever the patient's
 * locale. Plain denials ("no chest pain") do not flag; see the module
 * comment for the rule.
 *
 * @returns the most urgent category found (order of RED_FLAG_CATEGORIES)
 *   with the language of the matching phrase, or null
 */
export function detectRedFlag(text: string): RedFlag | null {
  let best: Mention<RedFlagCategory> | null = null;
  for (const hit of [...DETECTOR.mentions(text), ...SIGNS_TOGETHER.flatMap((signs) => signs.mentions(text))]) {
    if (best === null || rank(hit.category) < rank(best.category)) best = hit;
  }
  if (best === null) return null;
  // Loanwords match in both lists ("convulsión" fits "convuls*" in English too).
  return { category: best.category, locale: best.locales.length > 1 ? guessLocale(text) : best.locales[0]! };
}

/**
 * Where red-flag phrases stand, denied or not, per clause (the closed world
 * takes their words as placed: a red flag raises what it raises, and "no
 * short of breath" is a denial it need not show a person).
 */
export function redFlagSpans(text: string): Array<Array<[number, number]>> {
  const spans = DETECTOR.spans(text);
  for (const signs of SIGNS_TOGETHER) signs.spans(text).forEach((ranges, c) => (spans[c] = [...(spans[c] ?? []), ...ranges]));
  return spans;
}

/**
 * For each clause, whether it tells of a red-flag event as history ("I had a stroke last year"):
 * no emergency, but news a person reads (the closed world raises it). `spans` are the text's
 * redFlagSpans, which the caller has read already.
 */
export function redFlagHistory(text: string, spans: ReturnType<typeof redFlagSpans>): boolean[] {
  return clausesLongPast(splitClauses(text)).map((history, c) => history && (spans[c]?.length ?? 0) > 0);
}

function rank(category: RedFlagCategory): number {
  return RED_FLAG_CATEGORIES.indexOf(category);
}

const SPANISH_HINTS: ReadonlySet<string> = new Set([
  'el', 'la', 'los', 'las', 'de', 'del', 'que', 'me', 'mi', 'tengo', 'estoy', 'es', 'y', 'en', 'con', 'por', 'para',
  'muy', 'se', 'un', 'una', 'tuve', 'tiene', 'esta', 'hoy', 'ayer', 'puedo', 'le', 'su', 'al',
]);

/** Spanish when the text has Spanish-only letters or enough Spanish function words; English otherwise. */
function guessLocale(text: string): RedFlag['locale'] {
  if (/[áéíóúñ¿¡]/iu.test(text)) return 'es';
  const tokens = splitClauses(text).flat();
  const spanish = tokens.filter((token) => SPANISH_HINTS.has(token)).length;
  return spanish > 0 && spanish * 4 >= tokens.length ? 'es' : 'en';
}
