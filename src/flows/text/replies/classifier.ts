/**
 * The engine behind every menu-style parser (choices, yes/no, wellbeing,
 * trend). A reply is read clause by clause; menu numbers and vocabulary
 * phrases are spotted, longer phrases win over the words inside them ("not
 * bad" over "bad"), negated phrases are dropped or flipped, and the reply
 * counts only if everything found points to one answer.
 */
import { splitClauses } from '../clauses.js';
import { answerBeforeThem, clausesAboutSomeoneElse } from '../someone-else.js';
import { findNegator } from '../negation.js';
import { findPhrase } from '../phrase-match.js';
import type { PhrasePattern } from '../phrase-pattern.js';
import { normalizeText } from '../normalize.js';
import { findChoiceNumbers } from './choice-numbers.js';

export interface LabelVocabulary<L extends string> {
  label: L;
  /** The menu number; NaN or absent when the option has none. */
  number?: number;
  phrases: readonly PhrasePattern[];
}

export interface ClassifierSpec<L extends string> {
  labels: readonly LabelVocabulary<L>[];
  /** "Not sure", "no sé": any of these makes the reply unusable. */
  uncertain?: readonly PhrasePattern[];
  /** What a negated phrase means instead ("not good" -> concerns); unlisted labels are just dropped. */
  negatedMeans?: Partial<Record<L, L>>;
  /**
   * The answers a reply opening with their number keeps though later words point elsewhere ("2 - this
   * is Gary, Mom's son ... she ate her custard fine"): only those that have a person look or ask more,
   * never the reassuring one, which a later "but I feel awful" must still unsettle.
   */
  openingNumberKeeps?: readonly L[];
  /** Replies that count only on their own (normalised), such as "y" or "n". */
  wholeReply?: ReadonlyMap<string, L>;
  /** Emoji answers (checked on the raw text: normalisation removes them). */
  emoji?: readonly (readonly [RegExp, L])[];
}

const UNCERTAIN = Symbol('uncertain');
const NOT_AN_OPTION = Symbol('not an option');
type Verdict<L> = L | typeof UNCERTAIN | typeof NOT_AN_OPTION;

interface Hit<L> {
  start: number;
  end: number;
  verdict: Verdict<L>;
  /** Phrase hits can be negated; number hits and self-negated phrases cannot. */
  negatable: boolean;
}

/**
 * Classifies a reply with `spec`.
 *
 * @returns the one label the reply points to, or null when it points to
 *   none, to several, to a number that is not on the menu, or expresses doubt
 */
export function classifyReply<L extends string>(text: string, spec: ClassifierSpec<L>): L | null {
  const whole = spec.wholeReply?.get(normalizeText(text));
  if (whole !== undefined) return whole;
  const verdicts = new Set<Verdict<L>>();
  for (const [pattern, label] of spec.emoji ?? []) if (pattern.test(text)) verdicts.add(label);
  // "1 better, the one that's worse is my dog": a clause about someone else answers nothing for the patient,
  // but for the answer said before them ("no my dog ate them").
  const clauses = splitClauses(text);
  const aboutOthers = clausesAboutSomeoneElse(clauses);
  clauses.forEach((tokens, c) => {
    for (const verdict of classifyClause(aboutOthers[c] ? answerBeforeThem(tokens) : tokens, spec)) verdicts.add(verdict);
  });
  if (verdicts.size > 1) return openingPick(clauses, spec);
  const [only] = verdicts;
  return only === undefined || only === UNCERTAIN || only === NOT_AN_OPTION ? null : only;
}

/**
 * A reply that opens with a menu number picked it, and what follows is their news, not a second
 * answer (spec.openingNumberKeeps says for which answers); unless it picks another number too ("2 or
 * 3?"). Null otherwise: the reply points several ways.
 */
function openingPick<L extends string>(clauses: readonly (readonly string[])[], spec: ClassifierSpec<L>): L | null {
  const picks = clauses.flatMap((tokens, c) => findChoiceNumbers(tokens).map((hit) => ({ ...hit, opening: c === 0 && hit.start === 0 && /^\d+$/.test(tokens[0]!) })));
  const first = picks[0];
  if (!first?.opening || picks.some((pick) => pick.value !== first.value)) return null;
  const label = spec.labels.find((vocabulary) => vocabulary.number === first.value)?.label;
  return label !== undefined && spec.openingNumberKeeps?.includes(label) ? label : null;
}

function collectHits<L extends string>(tokens: readonly string[], spec: ClassifierSpec<L>): Hit<L>[] {
  const hits: Hit<L>[] = [];
  for (const { label, phrases } of spec.labels) {
    for (const pattern of phrases) {
      for (const m of findPhrase(pattern, tokens)) hits.push({ ...m, verdict: label, negatable: !pattern.selfNegated });
    }
  }
  for (const pattern of spec.uncertain ?? []) {
    for (const m of findPhrase(pattern, tokens)) hits.push({ ...m, verdict: UNCERTAIN, negatable: false });
  }
  for (const { start, end, value } of findChoiceNumbers(tokens)) {
    const option = spec.labels.find((vocabulary) => vocabulary.number === value);
    hits.push({ start, end, verdict: option?.label ?? NOT_AN_OPTION, negatable: false });
  }
  return hits;
}

/** Longest hits first; a hit overlapping a kept one is dropped unless it spans exactly the same words. */
function keepLongest<L>(hits: Hit<L>[]): Hit<L>[] {
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit<L>[] = [];
  for (const hit of sorted) {
    const clash = kept.some((k) => hit.start < k.end && k.start < hit.end && !(hit.start === k.start && hit.end === k.end));
    if (!clash) kept.push(hit);
  }
  return kept;
}

function classifyClause<L extends string>(tokens: readonly string[], spec: ClassifierSpec<L>): Verdict<L>[] {
  const kept = keepLongest(collectHits(tokens, spec));
  const consumed = new Set<Hit<L>>();
  const result = new Map<Hit<L>, Verdict<L> | null>();
  for (const hit of kept) {
    const negator = hit.negatable ? findNegator(tokens, hit.start) : -1;
    if (negator < 0) {
      result.set(hit, hit.verdict);
      continue;
    }
    // The negator belongs to this phrase ("didn't forget"), so it is no answer of its own.
    for (const other of kept) if (other !== hit && other.start <= negator && negator < other.end) consumed.add(other);
    const flipped = typeof hit.verdict === 'string' ? spec.negatedMeans?.[hit.verdict] : undefined;
    result.set(hit, flipped ?? null);
  }
  const verdicts: Verdict<L>[] = [];
  for (const [hit, verdict] of result) if (!consumed.has(hit) && verdict !== null) verdicts.push(verdict);
  return verdicts;
}
