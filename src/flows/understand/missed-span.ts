/**
 * How many days a patient says they have gone without their medicines:
 * "haven't taken my pills since monday", "hace cuatro días que no me las
 * tomo", "ran out, two days now". The span counts only beside a statement
 * of not taking medicine: "I have been dizzy since monday" and "took them
 * every day since monday" say no such thing.
 */
import { splitClauses } from '../text/clauses.js';
import { tokenEquals } from '../text/fuzzy.js';
import { findNegator } from '../text/negation.js';
import { findEach } from '../text/phrase-match.js';
import { compilePattern } from '../text/phrase-pattern.js';
import { spokenNumbersToDigits } from '../text/spoken-numbers.js';
import { findCues, verdictOf, type Cue, type CueKind } from './medicine-cues.js';
import { healthGroup } from './lexicon.js';
import { ALL_DRUG_NAMES, KIND_PHRASE_LIST, sameName } from './medicine-names.js';

/** Sunday first, as Date.getDay() counts. */
const WEEKDAYS: ReadonlyArray<readonly string[]> = [
  ['sunday', 'sun', 'domingo'], ['monday', 'mon', 'lunes'], ['tuesday', 'tue', 'tues', 'martes'],
  ['wednesday', 'wed', 'wensday', 'wendsday', 'miercoles'], ['thursday', 'thu', 'thur', 'thurs', 'jueves'], ['friday', 'fri', 'viernes'],
  ['saturday', 'sat', 'sabado'],
];
const SATURDAY = 6;
const UNIT_DAYS: ReadonlyArray<[RegExp, number]> = [[/^(days?|d|dias?)$/, 1], [/^(weeks?|wks?|semanas?)$/, 7], [/^(months?|mes|meses)$/, 30]];
/** Words for medicine in general, and for each kind ("water pill", "la de la presión"). */
const MEDICINE = [
  'pill*', 'pil', '(med|meds|medicine*|medication*|medicacion|dose|doses|dosis)', 'refill*', 'prescription*', 'receta*', 'tablet*', 'capsule*',
  'pastilla*', 'pildora*', 'tableta*', 'medicina*', 'medicamento*',
  ...KIND_PHRASE_LIST.map((k) => k.source),
].map(compilePattern);
/** What else is taken or run out of: "haven't taken my blood pressure", "no he tomado agua", "ran out of money". */
const NOT_MEDICINE = new Set([
  'blood', 'pressure', 'bp', 'presion', 'temperature', 'temp', 'temperatura', 'sugar', 'azucar', 'glucose', 'glucosa', 'weight', 'peso',
  'reading', 'readings', 'vitals', 'walk', 'shower', 'bath', 'nap', 'break', 'time', 'ducha', 'bano', 'siesta', 'water', 'agua', 'coffee', 'cafe',
  'alcohol', 'beer', 'cerveza', 'drink', 'drinks', 'soda', 'refresco', 'juice', 'jugo', 'leche', 'tea', 'te', 'money', 'dinero', 'food', 'comida', 'gas', 'breath',
]);
const SKIPPED_BEFORE_OBJECT = new Set(['my', 'the', 'a', 'any', 'her', 'his', 'mi', 'mis', 'la', 'el', 'las', 'los', 'un', 'una', 'su', 'of', 'de', 'nada']);
/** What may stand in a clause of its own beside the span: "didn't take them, been 3 days now". */
const BARE = new Set([
  'been', 'its', 'it', 's', 'is', 'has', 'have', 'now', 'already', 'for', 'like', 'about', 'almost', 'nearly', 'around', 'over', 'more', 'than', 'in',
  'a', 'row', 'straight', 'the', 'that', 'ago', 'since', 'going', 'on', 'so', 'and', 'ya', 'van', 'va', 'llevo', 'lleva', 'hace', 'que', 'desde',
  'como', 'casi', 'mas', 'de', 'y', 'el', 'la', 'seguidos', 'total', 'without', 'sin', 'them', 'ellas',
]);

/** Where the clause names medicine, by a word for it or what it is for ("la de la presión"). */
const medicineAt = (tokens: readonly string[]) => findEach(MEDICINE, tokens).map((m) => m.start);

/** The object of a cue is something other than medicine ("blood pressure", but not "blood pressure pills"). */
function aboutSomethingElse(tokens: readonly string[], cue: Cue, medicine: readonly number[]): boolean {
  let i = cue.end;
  while (SKIPPED_BEFORE_OBJECT.has(tokens[i] ?? '')) i++;
  // (A symptom too: "ya no tengo calentura desde el jueves" has run out of fever, not of pills.)
  const object = tokens[i] ?? '';
  return (NOT_MEDICINE.has(object) || healthGroup(object) === 'symptom') && !medicine.some((at) => at >= cue.end && at <= i + 3);
}

/** Cues that can only be about medicine in these texts: "ran out", "se me acabaron", "can't afford", "se me olvidaron". */
const ONLY_MEDICINE: ReadonlySet<CueKind> = new Set(['ran_out', 'cost', 'forgot']);

/** The cue's object is a pronoun: "didn't take them", "quit all of them", "no me las he tomado". */
const pointsBack = (tokens: readonly string[], cue: Cue) =>
  /^(it|them|em|those|any|none|ninguna|ninguno|ningunas|ningunos|nada)$/.test(tokens[cue.end] ?? '') ||
  (/^(all|taking|every|each)$/.test(tokens[cue.end] ?? '') && tokens.slice(cue.end + 1, cue.end + 4).some((t) => /^(them|em|those|one)$/.test(t))) || tokens.slice(Math.max(0, cue.start - 3), cue.start).some((t) => /^(la|las|lo|los)$/.test(t));

/**
 * Whether the clause says medicine was not taken. Taking, skipping and
 * stopping must be said of medicine in the clause ("the dizziness stopped
 * 3 days ago" is not).
 */
function saysMissed(tokens: readonly string[]): boolean {
  const medicine = medicineAt(tokens);
  const cues = findCues(tokens).filter((c) => !aboutSomethingElse(tokens, c, medicine));
  const verdict = verdictOf(cues, cues);
  if (verdict !== null) {
    if (verdict === 'open' || verdict.taken) return false;
    const named = medicine.length > 0 || tokens.some((t) => ALL_DRUG_NAMES.some((n) => sameName(t, n)));
    return named || cues.some((c) => (ONLY_MEDICINE.has(c.kind) && !c.negated) || pointsBack(tokens, c));
  }
  // "no pills since monday", "sin pastillas desde el viernes".
  return medicine.some((at) => findNegator(tokens, at) >= 0);
}

interface Span {
  days: number | null;
  start: number;
  end: number;
}

const unitAt = (token: string | undefined) => UNIT_DAYS.find(([re]) => re.test(token ?? ''))?.[1] ?? null;
const weekdayOf = (token: string) => WEEKDAYS.findIndex((names) => names.some((n) => tokenEquals(token, n)));

/** Today, as the span's words need it: the weekday (Sunday 0) and the day of the month. */
export interface Today {
  weekday: number;
  dayOfMonth?: number;
}

/**
 * "Since the 1st", "desde el día 3": the days from that date to today, in this month or, when it is
 * later than today, the last one (taken as 30 days long). A bare figure ("since 3") is a clock time.
 */
function sinceDate(tokens: readonly string[], i: number, j: number, dayOfMonth: number | undefined): Span | null {
  const named = /^(\d{1,2})(st|nd|rd|th)$/.exec(tokens[j] ?? '');
  const dia = tokens[j] === 'dia' || tokens[j] === 'day' ? /^(\d{1,2})$/.exec(tokens[j + 1] ?? '') : null;
  const afterArticle = j > i + 1 && /^(the|el)$/.test(tokens[j - 1] ?? '') ? /^(\d{1,2})$/.exec(tokens[j] ?? '') : null;
  const date = Number((named ?? dia ?? afterArticle)?.[1] ?? NaN);
  if (!(date >= 1 && date <= 31)) return null;
  const end = dia ? j + 2 : j + 1;
  if (dayOfMonth === undefined) return { days: null, start: i, end };
  const days = date <= dayOfMonth ? dayOfMonth - date : dayOfMonth + 30 - date;
  return { days: Math.max(days, 1), start: i, end };
}

/** "since monday", "desde el viernes pasado", "since the weekend", "desde ayer", "since the 1st": days up to today. */
function sinceSpan(tokens: readonly string[], i: number, today: Today | undefined): Span | null {
  let j = i + 1;
  let last = false;
  for (; /^(the|el|la|last|this|past)$/.test(tokens[j] ?? ''); j++) last ||= /^(last|past)$/.test(tokens[j]!);
  const onDate = sinceDate(tokens, i, j, today?.dayOfMonth);
  if (onDate) return onDate;
  const word = tokens[j] ?? '';
  last ||= /^(pasado|pasada)$/.test(tokens[j + 1] ?? '');
  // "since the day before yesterday", "desde antes de ayer", "desde antier".
  if (/^(antier|anteayer)$/.test(word) || (word === 'day' && tokens[j + 1] === 'before') || (word === 'antes' && tokens[j + 2] === 'ayer')) {
    return { days: 2, start: i, end: word === 'antier' || word === 'anteayer' ? j + 1 : j + 3 };
  }
  const fixed = /^(yesterday|ayer|night|anoche)$/.test(word) ? 1 : unitAt(word);
  if (fixed !== null) return { days: fixed, start: i, end: j + 1 };
  const weekend = word === 'weekend' || word === 'finde' || (word === 'fin' && tokens[j + 2] === 'semana');
  const weekday = weekend ? SATURDAY : weekdayOf(word);
  if (weekday < 0) return null;
  const end = (word === 'fin' ? j + 3 : j + 1) + (last && /^(pasado|pasada)$/.test(tokens[j + 1] ?? '') ? 1 : 0);
  if (today === undefined) return { days: null, start: i, end };
  const days = (today.weekday - weekday + 7) % 7;
  return { days: days === 0 ? (last ? 7 : 1) : days, start: i, end };
}

/** The span the clause says: "3 days", "two weeks", "a couple days", "all week", "toda la semana", "since monday". */
function spanIn(tokens: readonly string[], today: Today | undefined): Span | null {
  for (const [i, token] of tokens.entries()) {
    if (/^(since|sence|sinse|desde)$/.test(token)) {
      const span = sinceSpan(tokens, i, today);
      if (span) return span;
    }
    const count = /^\d{1,3}$/.test(token) ? Number(token) : token === 'couple' || token === 'par' ? 2 : null;
    if (count !== null && count > 0) {
      const at = /^(straight|whole|full|entire|more|consecutive|of|de)$/.test(tokens[i + 1] ?? '') ? i + 2 : i + 1;
      const unit = unitAt(tokens[at]);
      if (unit !== null && count * unit <= 365) return { days: count * unit, start: i, end: at + 1 };
    }
    // "a week", "all week", "the whole week", "toda la semana", "for a day"; not "once a week", "twice a day".
    const unit = unitAt(token);
    const before = tokens[i - 1] ?? '';
    if (unit === null || /^(once|twice|times|vez|veces|per)$/.test(tokens[i - 2] ?? '')) continue;
    if (unit > 1 && /^(a|an|una|all|whole|entire|full|past|toda|todo)$/.test(before)) return { days: unit, start: i - 1, end: i + 1 };
    if (unit > 1 && before === 'la' && tokens[i - 2] === 'toda') return { days: unit, start: i - 2, end: i + 1 };
    if (/^(a|an)$/.test(before) && /^(for|in|about|like|over)$/.test(tokens[i - 2] ?? '')) return { days: unit, start: i - 2, end: i + 1 };
  }
  return null;
}

/**
 * "Quit all of them last week", "las dejé la semana pasada": a stop that began last week has lasted at
 * least since its last day, Saturday. (A dose missed last week is no span: only a stop goes on.)
 */
function stoppedLastWeek(tokens: readonly string[], today: Today | undefined): Span | null {
  if (today === undefined) return null;
  const at = tokens.findIndex((t, i) => (t === 'last' && tokens[i + 1] === 'week') || (t === 'semana' && /^pasad[ao]$/.test(tokens[i + 1] ?? '')));
  // Not "se me quitaron los mareos" (the dizziness went away), nor "me quitaron la pastilla" (a doctor's stop, no lapse).
  const notTheirs = (c: Cue) => tokens.slice(Math.max(0, c.start - 2), c.start).includes('se') || /^(quitaron|quito)$/.test(tokens[c.start] ?? '');
  if (at < 0 || !findCues(tokens).some((c) => c.kind === 'stopped' && !c.negated && !notTheirs(c))) return null;
  return { days: today.weekday - SATURDAY + 7, start: at, end: at + 2 };
}

/**
 * How many days the text says medicines have not been taken, or `null`
 * when it says no span, says it of something else, or says it by a weekday
 * or a date when `today` is not known.
 *
 * @param today the weekday the text was sent, Sunday 0 to Saturday 6 ("since
 *   monday" counts the days from Monday to it, at least 1), and the day of
 *   the month ("since the 1st")
 */
export function readMissedSpan(text: string, today?: number | Today): number | null {
  const given = typeof today === 'number' ? { weekday: today } : today;
  const day = given && Number.isInteger(given.weekday) && given.weekday >= 0 && given.weekday <= 6 ? given : undefined;
  for (const sentence of spokenNumbersToDigits(text).split(/(?<=[!?\n;])|(?<=\.)(?!\d)/)) {
    const clauses = splitClauses(sentence);
    const missed = clauses.map(saysMissed);
    if (!missed.some(Boolean)) continue;
    // "Since Sunday, five days": the weekday counted from today and the patient's own count may differ
    // (a text read a day late, a slip of the week); the longer is the one a nurse must hear.
    let longest: number | null = null;
    for (const [i, tokens] of clauses.entries()) {
      const span = spanIn(tokens, day) ?? stoppedLastWeek(tokens, day);
      if (!span || span.days === null) continue;
      const bare = tokens.every((t, at) => (at >= span.start && at < span.end) || BARE.has(t));
      if (missed[i] || bare) longest = Math.max(longest ?? 0, span.days);
    }
    if (longest !== null) return longest;
  }
  return null;
}
