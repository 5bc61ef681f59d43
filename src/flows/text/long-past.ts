/**
 * A clause that tells of an event long past: "I had a heart attack in 2015",
 * "my buddy had a stroke last year", "tuve un infarto hace dos años". It is
 * history, not an emergency now: the red-flag reader leaves it to the closed
 * world, which puts it in front of a person (a nurse may want it in the chart),
 * without paging anyone.
 * Only a clause that is all past: its event is in the past tense ("had",
 * "tuve"), it dates it a month or more back, and nothing in it speaks of now
 * ("...and now he can't talk", "again", "todavía"). A date that starts a span
 * ("since last month", "desde hace un año") tells how long something has
 * lasted, so it is no history. Pure: no I/O.
 */

/** Verbs that tell an event as done. */
const PAST_EVENT: ReadonlySet<string> = new Set(
  'had was were got fell broke came went tuve tuvo tuvimos dio sufri sufrio fue estuve estuvo paso operaron'.split(' '),
);

/** "fainted", "passed out", "collapsed" (not "bleed", "need"). */
const REGULAR_PAST = /^[a-z]{2,}[^e]ed$/;

/** Words that bring the clause to now: it is not history. */
const NOW: ReadonlySet<string> = new Set(
  (
    'now today tonight again still currently back yesterday right this lately recently ' +
    'ahora ahorita hoy otra vez nuevo todavia aun sigue sigo anoche ayer volvio regreso este esta ultimamente'
  ).split(' '),
);

/** Words that start a span up to now: "since last year", "desde hace un año", "for a year". */
const SPAN: ReadonlySet<string> = new Set('since for desde durante'.split(' '));

const COUNT = /^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple|several|many|un|una|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|varios|varias|muchos|muchas)$/;
const MONTHS_OR_YEARS = /^(?:months?|years?|yrs?|mes|meses|ano|anos)$/;
const SEASON_OR_YEAR = /^(?:month|year|spring|summer|fall|autumn|winter|christmas|thanksgiving|easter)$/;
const A_YEAR = /^(?:19|20)\d\d$/;

/** Where a date a month or more back starts in the clause, or -1. */
function longAgo(tokens: readonly string[]): number {
  for (let i = 0; i < tokens.length; i += 1) {
    const [t, next, after] = [tokens[i]!, tokens[i + 1] ?? '', tokens[i + 2] ?? ''];
    // "last year", "last christmas"; "el año pasado", "el mes pasado".
    if (t === 'last' && SEASON_OR_YEAR.test(next)) return i;
    if (t === 'el' && /^(?:ano|mes)$/.test(next) && after === 'pasado') return i;
    // "two years ago", "a month ago", "years ago", "long ago"; "hace dos años", "hace años".
    if (COUNT.test(t) && MONTHS_OR_YEARS.test(next) && /^(?:ago|back)$/.test(after)) return i;
    if (/^(?:years|months|long)$/.test(t) && /^(?:ago|back)$/.test(next)) return i;
    if (t === 'hace' && (MONTHS_OR_YEARS.test(next) || (COUNT.test(next) && MONTHS_OR_YEARS.test(after)))) return i;
    // "in 2015", "back in 2019", "en 2018".
    if (/^(?:in|en)$/.test(t) && A_YEAR.test(next)) return i;
  }
  return -1;
}

/** Whether the clause tells, in the past tense, of an event it dates a month or more back, and nothing of now. */
export function toldAsLongPast(tokens: readonly string[]): boolean {
  const at = longAgo(tokens);
  if (at < 0 || SPAN.has(tokens[at - 1] ?? '')) return false;
  return tokens.some((t) => PAST_EVENT.has(t) || REGULAR_PAST.test(t)) && !tokens.some((t) => NOW.has(t));
}

/** For each clause, whether it is history (see toldAsLongPast). */
export const clausesLongPast = (clauses: readonly (readonly string[])[]): boolean[] => clauses.map(toldAsLongPast);
