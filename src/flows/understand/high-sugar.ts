/**
 * A high sugar that has become an emergency. A sugar over 300 is a nurse's to
 * review (DOMAIN.md); with the signs of diabetic ketoacidosis or a
 * hyperosmolar state it is urgent: nothing kept down, a breath that smells
 * fruity or odd, a mind gone foggy or drowsy, thirst with drowsiness or with
 * water passed all day ("sugar reading 384 and my wife says my breath smells
 * funny", "meter just says HI ... head feels foggy", "HI, then 412 ... so
 * thirsty, peeing constantly").
 * Each sign alone means little (a foggy morning, a sweet breath after candy);
 * beside a high sugar they mean a call now. Pure: no I/O.
 */
import { normalizeText } from '../text/normalize.js';
import type { ConcernCategory } from './concerns.js';
import type { Vital } from './vitals.js';

/** A reading at or over this is high enough for its signs to be urgent (DOMAIN.md's "above 300"). */
export const HIGH_SUGAR_MGDL = 300;

/** Water passed, as written and as spoken. */
const PEEING = '(?:peeing|peein|pee|pissing|urinating|orinando|orino|orina)';

/** The signs, on normalized text (lower case, accents folded, apostrophes gone). */
const SIGNS = new RegExp(
  [
    // The breath.
    String.raw`\bbreath\w* (?:\w+ ){0,2}(?:smell|smells|smelling|smelled|smelt|stink|stinks|funny|fruity|sweet|weird)\b`,
    String.raw`\b(?:fruity|nail polish|acetone)\b`,
    String.raw`\baliento (?:\w+ ){0,2}(?:fruta|dulce|raro|feo|acetona|quitaesmalte)\b`,
    // The mind.
    String.raw`\b(?:foggy|fogged|groggy|drowsy|(?:so|real|really|very|super|awful) sleepy|cant stay awake|hard to stay awake|cant think|hard to wake|(?:wont|cant) (?:hardly |barely )?wake)\b`,
    String.raw`\b(?:somnolient\w*|atontad\w*|aturdid\w*|confundid\w*|no puedo pensar)\b`,
    // Thirst with drowsiness: the hyperosmolar picture ("real thirsty and sleepy", "mucha sed y con sueño").
    String.raw`\b(?:thirsty|thirst|sed)\b(?: \w+){0,4} (?:sleepy|drowsy|cant stay awake|sueno|somnolient\w*|dormid\w*)\b`,
    // Thirst with water passed all day: the body losing water to the sugar ("so thirsty, peeing constantly").
    String.raw`\b(?:thirsty|thirst|sed)\b(?: \w+){0,4} ${PEEING}\b`,
    String.raw`\b${PEEING}\b(?: \w+){0,4} (?:thirsty|thirst|sed)\b`,
    // Nothing kept down.
    String.raw`\b(?:cant|cannot|couldnt|not|wont) (?:keep|hold) (?:\w+ ){0,3}down\b`,
    String.raw`\bno (?:retiene|retengo|aguanta|aguanto|le queda|me queda) (?:\w+ ){0,2}(?:nada|agua|comida)\b`,
  ].join('|'),
);

/** True when the text reads a high sugar (a reading of 300 or more, "HI"; "sugar through the roof" when no figure is given) and a sign of its emergency. */
export function highSugarInDanger(text: string, vitals: readonly Vital[], concerns: readonly ConcernCategory[]): boolean {
  // A figure, when one is given, says how high ("sugar 250 and threw up": not over 300, whatever "up" seemed to say).
  const sugars = vitals.filter((v) => v.kind === 'glucose');
  const high = sugars.length > 0 ? sugars.some((v) => v.mgdl >= HIGH_SUGAR_MGDL) : concerns.includes('glucose_high');
  return high && (concerns.includes('vomiting') || SIGNS.test(normalizeText(text)));
}
