/**
 * Which of a patient's own medicines a text says were taken or not, and why
 * not: "took the water pill but not the lisinopril", "ran out of my
 * eliquis", "ya me tomé la del azúcar y la de la presión". Each medicine is
 * judged by the words of its own clause, so a "not" for one never reaches
 * another; a question about a medicine says nothing about taking it.
 */
import { findNegator } from '../text/negation.js';
import { clausesOf, exceptedBefore, groupsOf, JOINERS, refsIn, type Clause, type Ref } from './medicine-clauses.js';
import { findCues, reasonIn, verdictOf, type Cue, type Reason, type Verdict } from './medicine-cues.js';
import { knowMedicine } from './medicine-names.js';

export interface MedicineMention {
  medicationId: string;
  taken: boolean;
  /** Why not, when the text tells; only when not taken. */
  reason?: Reason;
}

/** Words that start a new statement within a clause: "skipped breakfast AND took the lasix". */
const NEW_STATEMENT = new Set(['and', 'y', 'then', 'so', 'luego', 'entonces', 'despues']);
/** A one-word answer after a medicine: "lasix yes, lisinopril no". */
const SAID_NO = new Set(['no', 'not', 'nope', 'nah']);
const SAID_YES = new Set(['yes', 'yep', 'yeah', 'si', 'done', 'listo', 'ya', 'check']);
/** Every one: "all of them", "todas". */
const ALL = new Set(['all', 'of', 'them', 'em', 'everything', 'every', 'one', 'todas', 'todos', 'todo', 'the', 'rest', 'las', 'los']);
/** "Yes, all but the metformin": a clause that is only a yes (or "all") took them, which a "but" then turns. */
const tookThemAll = (tokens: readonly string[]) => tokens.length > 0 && tokens.every((t) => SAID_YES.has(t) || ALL.has(t));
/** Object pronouns that point back at medicines just named: "forgot the lasix, took it at noon", "no me la tomé". */
const BACK_EN = new Set(['it', 'them', 'em', 'those', 'one', 'ones', 'both']);
const BACK_ES = new Set(['la', 'las', 'lo', 'los']);
/** A clause this short can only be about the medicines before it ("the lasix, didn't take"). */
const SHORT_CLAUSE = 5;

/** What the clause before said, and of which medicines. */
interface Said {
  ids: string[];
  verdict: Verdict | 'open' | null;
}

const denial = (at: number): Cue => ({ kind: 'take', start: at, end: at + 1, negated: true });

/**
 * A group's verdict from its clause: an "except" just before it, else the
 * words before it (after the last "and" that starts a statement of their
 * own), else a plain "not" before it ("but not the lisinopril"), else the
 * words after it ("the metformin makes me sick so I skip it"), else a
 * one-word answer after it ("lisinopril no").
 */
function groupVerdict(clause: Clause, cues: readonly Cue[], group: Ref, from: number, to: number, first: boolean): Verdict | 'open' | null {
  const { tokens } = clause;
  const within = (a: number, b: number) => cues.filter((c) => c.start >= a && c.start < b);
  const scope = [...within(from, group.start), ...within(group.end, to)];
  const lastStatement = tokens.slice(from, group.start).findLastIndex((t, i) => NEW_STATEMENT.has(t) && within(from + i + 1, group.start).length > 0);
  const before = within(lastStatement < 0 ? from : from + lastStatement + 1, group.start);
  // "took them all except the lasix": the exception is what was not taken, whatever the verb says.
  if ((first && clause.excepted) || exceptedBefore(tokens, group.start, from)) return verdictOf([denial(group.start)], scope);
  const said = verdictOf(before, scope);
  if (said !== null) return said;
  const negator = findNegator(tokens, group.start);
  if (negator >= from) return verdictOf([denial(negator)], scope);
  const after = verdictOf(within(group.end, to), scope);
  if (after !== null) return after;
  const next = tokens[group.end];
  const alone = group.end + 1 >= to || /^(yet|either|todavia|aun|tampoco|today|hoy)$/.test(tokens[group.end + 1] ?? '');
  if (next !== undefined && alone && SAID_NO.has(next)) return verdictOf([denial(group.end)], scope);
  return next !== undefined && alone && SAID_YES.has(next) ? { taken: true } : null;
}

/** Whether a cue's object is a pronoun for something named before: "took it", "no me la tomé", "tomármela". */
const refersBack = (tokens: readonly string[], cues: readonly Cue[]) =>
  cues.some((c) => BACK_EN.has(tokens[c.end] ?? '') || BACK_ES.has(tokens[c.start - 1] ?? '') || (c.kind === 'take' && /(la|las|lo|los)$/.test(tokens[c.end - 1] ?? '')));

/**
 * What a clause naming no medicine says of those named just before: what
 * became of them ("forgot the lasix, took it at noon"; "the lasix, didn't
 * take"), or why they were not taken ("didn't take the lasix, ran out").
 * A verdict of `null` from such a clause leaves theirs as it was.
 */
function aboutThoseBefore({ tokens, contrasted }: Clause, cues: readonly Cue[], prior: Said | null): Said {
  const verdict = verdictOf(cues, cues) ?? (tookThemAll(tokens) ? { taken: true } : null);
  if (prior === null) return { ids: [], verdict };
  // "didn't take the lasix yesterday but did today": a short turn after "but" goes back to them.
  const short = tokens.length <= SHORT_CLAUSE && (prior.verdict === null || contrasted);
  if (refersBack(tokens, cues) || short) return { ids: prior.ids, verdict };
  const reason = reasonIn(cues);
  const unexplained = prior.verdict !== null && prior.verdict !== 'open' && !prior.verdict.taken && !prior.verdict.reason;
  return unexplained && reason ? { ids: prior.ids, verdict: { taken: false, reason } } : { ids: [], verdict };
}

/**
 * Each of the patient's medicines the text names, once, in the order first
 * named, with whether this text says it was taken (and why not, when it
 * tells). A medicine named without saying either, or only in a question,
 * is left out; the last thing said of a medicine wins ("forgot the lasix
 * this morning but took it at lunch").
 */
export function readMedicineMentions(text: string, medicines: ReadonlyArray<{ id: string; name: string }>): MedicineMention[] {
  const known = medicines.map(knowMedicine);
  const named: string[] = [];
  const verdicts = new Map<string, Verdict>();
  const settle = (ids: readonly string[], verdict: Verdict | 'open' | null) => {
    for (const id of ids) if (!named.includes(id)) named.push(id);
    if (verdict !== null && verdict !== 'open') for (const id of ids) verdicts.set(id, verdict);
  };
  let previous: Said | null = null;
  for (const clause of clausesOf(text)) {
    if (clause.asks) {
      previous = null;
      continue;
    }
    const { tokens } = clause;
    const cues = findCues(tokens);
    const groups = groupsOf(refsIn(tokens, known), tokens);
    if (groups.length === 0) {
      previous = aboutThoseBefore(clause, cues, previous);
      settle(previous.ids, previous.verdict);
      continue;
    }
    const onlyNames = tokens.every((t, i) => JOINERS.has(t) || groups.some((g) => g.start <= i && i < g.end));
    groups.forEach((group, i) => {
      const from = groups[i - 1]?.end ?? 0;
      let verdict = groupVerdict(clause, cues, group, from, groups[i + 1]?.start ?? tokens.length, i === 0);
      const prior = i > 0 ? previous : null;
      // "took the lasix in the morning and the metformin at night": the verb carries over.
      const gapping = prior !== null && tokens.slice(from, group.start).some((t) => NEW_STATEMENT.has(t)) && !cues.some((c) => c.start >= from);
      if (verdict === null && gapping && prior.verdict !== 'open') verdict = prior.verdict;
      // A list goes on from the clause before ("took them: lasix, metformin"), or turns on "but" ("took all but the metformin").
      if (verdict === null && i === 0 && onlyNames && previous?.verdict && previous.verdict !== 'open') {
        verdict = clause.contrasted ? (previous.verdict.taken ? { taken: false } : { taken: true }) : previous.verdict;
      }
      settle(group.ids, verdict);
      previous = { ids: group.ids, verdict };
    });
  }
  return named.flatMap((id) => {
    const verdict = verdicts.get(id);
    return verdict ? [{ medicationId: id, ...verdict }] : [];
  });
}
