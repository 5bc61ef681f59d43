/**
 * The clauses of a text and where they name a patient's medicines, for the
 * medicine reader: a question is marked as one, "except" and "but" before a
 * clause are kept (splitClauses drops them), and medicines named together
 * ("la del azúcar y la de la presión") form one group with one verdict.
 */
import { splitClauses } from '../text/clauses.js';
import { NEGATION_FILLER } from '../text/negation.js';
import { tokenize } from '../text/normalize.js';
import { findEach } from '../text/phrase-match.js';
import { compilePattern } from '../text/phrase-pattern.js';
import { KIND_PHRASE_LIST, sameName, saysPlural, type KnownMedicine } from './medicine-names.js';

const KIND_PATTERNS = KIND_PHRASE_LIST.map(({ source }) => compilePattern(source));

/** Words that open a question by themselves: "what time do I take the lasix", "puedo dejar la metformina". */
const ASKING = new Set(['what', 'whats', 'when', 'how', 'why', 'which', 'where', 'puedo', 'debo', 'deberia', 'podria', 'cuando', 'cual']);
/** Verbs that open a question before a subject ("should I take", "is it ok"), not an ellipsis ("but did today"). */
const INVERTED = new Set(['should', 'shall', 'can', 'could', 'do', 'does', 'did', 'is', 'are', 'am', 'may', 'will', 'would']);
const SUBJECTS = new Set(['i', 'you', 'u', 'we', 'it', 'he', 'she', 'they', 'my', 'the', 'this', 'that', 'there', 'mom', 'dad']);
const opensQuestion = ([first = '', second = '']: readonly string[]) => ASKING.has(first) || (INVERTED.has(first) && SUBJECTS.has(second));
/** "took them all except the lasix", "todas menos la de la presión". */
const EXCEPT = new Set(['except', 'excepto', 'menos', 'salvo']);
/** What may stand between medicines named together ("the lasix and my metformin"): they share one verdict. */
export const JOINERS: ReadonlySet<string> = new Set([
  'and', 'n', 'y', 'e', 'or', 'o', 'ni', 'nor', 'with', 'con', 'plus', 'also', 'too', 'both', 'as', 'well', 'tambien', 'the', 'my', 'her',
  'his', 'a', 'an', 'some', 'of', 'mi', 'mis', 'su', 'sus', 'la', 'las', 'el', 'los', 'de', 'del',
]);

export interface Clause {
  tokens: string[];
  /** The clause asks ("should I take the metformin at night?"): it says nothing of taking. */
  asks: boolean;
  /** The clause followed "except", which splitClauses drops: "took all except the lasix". */
  excepted: boolean;
  /** The clause followed "but": "took everything but the metformin". */
  contrasted: boolean;
}

/** Names of medicines, or of what they are for, where they stand: [start, end) and whom they name. */
export interface Ref {
  start: number;
  end: number;
  ids: string[];
}

/** The text's clauses, sentence by sentence. */
export function clausesOf(text: string): Clause[] {
  return text.split(/(?<=[!?\n])|(?<=\.)(?!\d)/).flatMap((sentence) => {
    const asked = /[?¿]/.test(sentence);
    const all = tokenize(sentence);
    const parts = splitClauses(sentence);
    let at = 0;
    return parts.map((tokens, i) => {
      let [excepted, contrasted] = [false, false];
      for (; at < all.length && all[at] !== tokens[0]; at++) {
        excepted ||= EXCEPT.has(all[at]!);
        contrasted ||= /^(but|pero|sino)$/.test(all[at]!);
      }
      at += tokens.length;
      return { tokens, excepted, contrasted, asks: opensQuestion(tokens) || (asked && i === parts.length - 1) };
    });
  });
}

/**
 * Where the clause names medicines: by a name (one typo forgiven, or split
 * in two: "met forming"), or by what they are for, which names all the
 * patient's medicines of that kind when it is plural or there is only one,
 * and none when singular and there are several (ids []: not settled).
 */
export function refsIn(tokens: readonly string[], known: readonly KnownMedicine[]): Ref[] {
  const refs: Ref[] = [];
  tokens.forEach((token, i) => {
    const joined = token + (tokens[i + 1] ?? '');
    for (const medicine of known) {
      if (medicine.names.some((name) => sameName(token, name))) refs.push({ start: i, end: i + 1, ids: [medicine.id] });
      else if (i + 1 < tokens.length && joined.length >= 7 && medicine.names.some((name) => sameName(joined, name))) refs.push({ start: i, end: i + 2, ids: [medicine.id] });
    }
  });
  for (const { at, start, end } of findEach(KIND_PATTERNS, tokens)) {
    if (refs.some((r) => r.start < end && start < r.end)) continue;
    const ids = known.filter((m) => m.kinds.has(KIND_PHRASE_LIST[at]!.kind)).map((m) => m.id);
    if (ids.length > 0) refs.push({ start, end, ids: ids.length === 1 || saysPlural(tokens.slice(start, end)) ? ids : [] });
  }
  return refs.sort((a, b) => a.start - b.start);
}

/** Medicines named together ("la del azúcar y la de la presión") are one group with one verdict. */
export function groupsOf(refs: readonly Ref[], tokens: readonly string[]): Ref[] {
  const groups: Ref[] = [];
  for (const ref of refs) {
    const last = groups[groups.length - 1];
    if (last && ref.start >= last.end && tokens.slice(last.end, ref.start).every((t) => JOINERS.has(t))) {
      groups[groups.length - 1] = { start: last.start, end: Math.max(last.end, ref.end), ids: [...last.ids, ...ref.ids] };
    } else if (!last || ref.start >= last.end) {
      groups.push(ref);
    }
  }
  return groups;
}

/** Whether "except"/"menos" stands just before the group, articles aside. */
export function exceptedBefore(tokens: readonly string[], start: number, from: number): boolean {
  for (let i = start - 1; i >= from; i--) {
    if (EXCEPT.has(tokens[i]!)) return true;
    if (!NEGATION_FILLER.has(tokens[i]!) && tokens[i] !== 'for' && tokens[i] !== 'por') return false;
  }
  return false;
}
