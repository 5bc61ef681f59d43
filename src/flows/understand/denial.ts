/**
 * Denials as the closed world reads them (closed-world.ts): a denied
 * symptom is settled ("no pain", "nada de hinchazón"), a denied doing is news
 * ("didn't take them", "no puedo caminar", "barely touching his food").
 * Pure: no I/O.
 */
import { NEGATION_BRIDGE, NEGATION_FILLER, NEGATORS, SELF_NEGATING, deniesNothing, saysWhichDenied } from '../text/negation.js';
import { FUNCTION_WORDS } from './closed-world-words.js';
import { healthGroup } from './lexicon.js';

/** How far back (in words) a "no" reaches to deny a word. */
const DENIAL_REACH = 3;

/** "Nobody helps me", "nadie me ayuda": nobody doing it is as news as not doing it. */
const NOBODY = new Set(['nobody', 'noone', 'nadie']);
/** "Barely touching his food", "apenas come": as good as not doing it. */
const HARDLY = new Set(['barely', 'hardly', 'scarcely', 'apenas']);
/** "Nothing new", "nada nuevo": a negator of a thing, not of a doing; it denies no everyday word. */
const THING_NEGATORS = new Set(['nothing', 'nothin', 'nada', 'none', 'zero', 'ningun', 'ninguna', 'ninguno', 'sin', 'without']);

/**
 * The negator that reaches the word at `index`, if any: up to DENIAL_REACH
 * words back, across words that only hold the sentence together ("not
 * really feeling good", "no me siento bien") but never across a word with
 * meaning ("no, legs are fine" denies nothing of "fine").
 */
function negatorOf(tokens: readonly string[], index: number): string | null {
  let counted = 0;
  // ("No chest trouble", "no knee problems": the body part is part of what is denied; "no, legs are fine" denies no "fine".)
  const troubleWord = ['symptom', 'trouble'].includes(healthGroup(tokens[index] ?? '') ?? '');
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i] ?? '';
    if (deniesNothing(tokens, i)) return null;
    if (NEGATORS.has(token) || SELF_NEGATING.has(token) || NOBODY.has(token)) return token;
    if (token === '' || NEGATION_FILLER.has(token) || saysWhichDenied(tokens, i)) continue;
    if (++counted > DENIAL_REACH) return null;
    if (!NEGATION_BRIDGE.has(token) && !FUNCTION_WORDS.has(token) && !NO_NEWS_VERBS.has(token) && !(troubleWord && healthGroup(token) === 'symptom')) return null;
  }
  return null;
}

/** Verbs of feeling and doing a denial reaches across ("no me SIENTO bien", "not FEELING great"). */
const NO_NEWS_VERBS = new Set(['feeling', 'feel', 'felt', 'doing', 'siento', 'sentido', 'estado', 'looking', 'look', 'looks', 'sound', 'sounds', 'seem', 'seems']);

/** A symptom denied: "no pain", "sin mareos", "nada de hinchazón", "nobody" aside. */
export const denied = (tokens: readonly string[], index: number) => {
  const negator = negatorOf(tokens, index);
  return negator !== null && !NOBODY.has(negator);
};

/**
 * Spanish "no" denies a verb ("no puedo caminar"); English "no" denies a thing ("no changes", "no
 * overnight awakenings"), and English denies a doing with "not", "didn't", "never". Words that
 * mark a clause as Spanish, so its "no" is read as Spanish.
 */
const SPANISH_CLAUSE = new Set(['me', 'te', 'se', 'le', 'lo', 'la', 'las', 'los', 'el', 'que', 'de', 'en', 'con', 'por', 'para', 'yo', 'mi', 'mis', 'su', 'tengo', 'puedo', 'quiero', 'he', 'ha', 'hay', 'estoy', 'esta', 'muy', 'ya', 'nada', 'ni', 'pero', 'porque', 'del', 'al', 'una', 'un']);
const englishNo = (tokens: readonly string[], negator: string) => negator === 'no' && !tokens.some((t) => SPANISH_CLAUSE.has(t));

/**
 * What one needs to live and get care: without it is news however it is denied ("no money for the
 * pills", "no food in the house", "no ride", "no tengo quien me lleve", "sin dinero"). Had, it is no
 * news: "my son will give me a ride", "mi hija me va a llevar a la cita".
 */
export const RIDES: ReadonlySet<string> = new Set(['ride', 'rides', 'transportation', 'transport', 'raite', 'transporte', 'lleve', 'lleva', 'llevar', 'llevarme', 'llevan']);
export const NEEDS: ReadonlySet<string> = new Set([
  'money', 'cash', 'food', 'groceries', 'help', 'heat', 'heating', 'power', 'electricity', 'dinero', 'plata', 'comida', 'ayuda', 'luz', 'calefaccion',
  ...RIDES,
]);

/** An everyday word denied as a doing: as deniedDoing, but English "no" before it denies a thing, not a doing. */
export const deniedEveryday = (tokens: readonly string[], index: number) => {
  if (!deniedDoing(tokens, index)) return false;
  const negator = negatorOf(tokens, index);
  return negator === null || !englishNo(tokens, negator);
};

/** A doing denied: "didn't take them", "no puedo caminar", "nobody helps"; "nothing new" denies no doing. */
export const deniedDoing = (tokens: readonly string[], index: number) => {
  if (HARDLY.has(tokens[index - 1] ?? '') || HARDLY.has(tokens[index - 2] ?? '')) return true;
  const negator = negatorOf(tokens, index);
  return negator !== null && !THING_NEGATORS.has(negator);
};

