/**
 * Vomiting or diarrhoea that has become an emergency for an older patient:
 * not even water kept down, or no water passed for most of a day. Either
 * alone is a body running dry. Vomiting by itself is a nurse's to review
 * within the day (elevated); with one of these it is a call now ("can't keep
 * nothin down not even water, and I ain't peed since yesterday mornin",
 * "no retiene ni el agua", "no ha orinado desde ayer"). "Can't keep anything
 * down" alone is not enough: it is said of one bad morning too. Pure: no I/O.
 */
import { normalizeText } from '../text/normalize.js';
import type { ConcernCategory } from './concerns.js';

/** The signs, on normalized text (lower case, accents folded, apostrophes gone). */
const SIGNS = new RegExp(
  [
    // Not even water: "not even water", "not even a sip", "ni el agua", "ni siquiera agua".
    String.raw`\bnot even (?:water|fluids|liquids|a sip|sips|ice chips|broth|gatorade|pedialyte)\b`,
    String.raw`\b(?:cant|cannot|couldnt|wont|not) (?:keep|hold) (?:water|fluids|liquids|even water) (?:\w+ ){0,2}?down\b`,
    String.raw`\bni (?:siquiera )?(?:el |un )?(?:agua|suero|traguito|sorbo)\b`,
    String.raw`\bno (?:retiene|retengo|aguanta|aguanto|tolera|tolero|le queda|me queda) (?:ni )?(?:el )?(?:agua|liquidos|suero)\b`,
    // No water passed: "ain't peed since yesterday", "hasn't urinated all day" (not "hasn't peed blood since").
    String.raw`\b(?:aint|havent|hasnt|hadnt|not|didnt|never|no) (?:peed|pee|peeing|urinated|urinating|passed water|made water)\b(?! (?:blood|red|pink|dark|brown))`,
    String.raw`\bno (?:he|ha|has) (?:orinado|hecho pipi|hecho pis)\b`,
    String.raw`\b(?:no|barely any|hardly any) (?:urine|pee|orina)\b(?! (?:test|sample|infection))`,
  ].join('|'),
);

/** True when the text reads vomiting or diarrhoea (`concerns`) with a sign that the body is running dry. */
export function fluidsLostInDanger(text: string, concerns: readonly ConcernCategory[]): boolean {
  return concerns.includes('vomiting') && SIGNS.test(normalizeText(text));
}
