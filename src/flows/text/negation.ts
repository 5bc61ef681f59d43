/**
 * Negation vocabulary shared by the reply parsers, the red-flag detector and
 * the opt-out detector. Negation decides between "not good" and "good",
 * "no chest pain" and "chest pain", so the rules live in one place.
 */

/** Words that deny what follows them ("no chest pain", "sin dolor", "I don't feel good"). */
export const NEGATORS: ReadonlySet<string> = new Set([
  // "Nuh": the Caribbean no ("nuh complain", "mi nuh tek dem").
  // A count of none: "cero dolor" (and "0 headaches": countsNone).
  'no', 'not', 'never', 'without', 'nor', 'neither', 'none', 'zero', 'cero', 'nuh',
  'dont', 'doesnt', 'didnt', 'havent', 'hasnt', 'hadnt', 'isnt', 'arent', 'wasnt', 'werent', 'aint',
  'deny', 'denies', 'denied',
  'sin', 'nunca', 'jamas', 'ningun', 'ninguna', 'ninguno', 'ni', 'tampoco', 'nada',
]);

/**
 * Words that make a phrase negative in itself ("can't breathe", "won't stop
 * bleeding"). A phrase containing one is never cancelled by a negator before it.
 */
export const SELF_NEGATING: ReadonlySet<string> = new Set([
  ...NEGATORS,
  'cant', 'cannot', 'couldnt', 'wont', 'unable', 'wouldnt', 'shouldnt', 'nothing', 'nothin',
]);

/**
 * A negator followed by one of these expresses doubt, not denial ("not sure
 * if it's chest pain", "no sé si es dolor de pecho"): safety code must not
 * read them as a denial.
 */
const DOUBT_AFTER_NEGATOR: ReadonlySet<string> = new Set([
  'sure', 'know', 'think', 'remember', 'certain', 'se', 'seguro', 'segura', 'creo', 'sabe', 'recuerdo',
]);

/**
 * "se" after "no" is "I don't know" unless a pronoun follows ("no se me olvidó" = I didn't forget) or
 * the auxiliary of a reflexive verb ("no se ha tomado nada" = he hasn't taken anything; "no sé ha" is no Spanish).
 */
const CLITICS: ReadonlySet<string> = new Set(['me', 'te', 'le', 'les', 'nos', 'lo', 'la', 'ha', 'han', 'habia', 'habian']);

function isDoubt(tokens: readonly string[], negatorIndex: number): boolean {
  const next = tokens[negatorIndex + 1] ?? '';
  if (next === 'se' && CLITICS.has(tokens[negatorIndex + 2] ?? '')) return false;
  return DOUBT_AFTER_NEGATOR.has(next);
}

/**
 * English past forms that cannot follow "no" as its object: "no" before one is
 * the answer to the question, and the words after it say what happened ("NO
 * forgot last nights dose", "no, took them late", "no had chest pain again").
 * English denies a doing with "not", "didn't", "never"; a bare "no" denies a
 * thing ("no pain"). Irregular forms only: "no missed doses" and "no added
 * salt" use a form in -ed as an adjective, and are denials. Spanish "no" does
 * deny a verb ("no tomé"), and these words are not Spanish.
 */
const ENGLISH_IRREGULAR_PAST: ReadonlySet<string> = new Set([
  'forgot', 'took', 'ran', 'had', 'got', 'fell', 'felt', 'went', 'did', 'made', 'left', 'ate', 'slept', 'woke',
  'gave', 'kept', 'saw', 'came', 'quit', 'threw', 'lost', 'spent', 'paid', 'brought', 'bought', 'thought', 'told', 'said',
]);

/** The negator at `index` denies nothing after it: "no" answers the question ("no forgot it", "no all good"), or "not till" says later. */
export const deniesNothing = (tokens: readonly string[], index: number): boolean =>
  (tokens[index] === 'no' && (ENGLISH_IRREGULAR_PAST.has(tokens[index + 1] ?? '') || (tokens[index + 1] === 'all' && ALL_WELL.has(tokens[index + 2] ?? '')))) ||
  // "Not till lunch", "no hasta la tarde": later, not denied.
  (NEGATORS.has(tokens[index] ?? '') && UNTIL.has(tokens[index + 1] ?? ''));
/** "No all good": the answer, then how it is ("not all good" does deny it). */
const ALL_WELL: ReadonlySet<string> = new Set(['good', 'fine', 'well', 'ok', 'okay', 'right', 'clear', 'normal', 'great', 'better']);
const UNTIL: ReadonlySet<string> = new Set(['till', 'til', 'until', 'untill', 'hasta']);

/** Words skipped when counting the distance from a negator ("not really very good"). */
export const NEGATION_FILLER: ReadonlySet<string> = new Set([
  // "nada de hinchazón", "no tengo nada de dolor".
  'de', 'a', 'an', 'the', 'any', 'more', 'my', 'very', 'so', 'too', 'that', 'really', 'quite', 'all', 'much', 'real', 'even',
  'el', 'la', 'los', 'las', 'un', 'una', 'mi', 'mis', 'muy', 'tan', 'mas', 'tanto', 'mucho',
]);

/**
 * The check-in asks for what is new: "no new problems", "no other symptoms", "no major issues". Right
 * after the negator these say which, and the denial reaches across them; elsewhere they are words of
 * their own ("no dizziness since the new dose" denies nothing of the dose).
 */
const WHICH_ONES: ReadonlySet<string> = new Set(['new', 'other', 'major', 'big', 'serious', 'further']);
export const saysWhichDenied = (tokens: readonly string[], i: number) => WHICH_ONES.has(tokens[i] ?? '') && NEGATORS.has(tokens[i - 1] ?? '');

/**
 * Words a denial reaches across: pronouns, auxiliaries and verbs of having
 * or feeling ("I don't HAVE chest pain", "no ME SIENTO bien", "nunca HE
 * TENIDO dolor"). Any other word ends the denial's reach, so "ya no aguanto,
 * quiero morirme" still flags although a "no" stands three words before.
 */
export const NEGATION_BRIDGE: ReadonlySet<string> = new Set([
  'i', 'im', 'ive', 'id', 'it', 'its', 'me', 'is', 'am', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did',
  'have', 'has', 'had', 'having', 'feel', 'feels', 'feeling', 'felt', 'get', 'gets', 'got', 'getting', 'gotten',
  'experience', 'experienced', 'experiencing', 'notice', 'noticed', 'doing', 'going', 'gonna', 'to', 'will', 'would',
  'think', 'say', 'seem', 'seems', 'yet', 'ever', 'at', 'like',
  'te', 'se', 'le', 'lo', 'nos', 'les', 'he', 'ha', 'hemos', 'han', 'tenido', 'tengo', 'tiene', 'tenia', 'tuve',
  // "e" is a common spelling of "he" ("no e tenido mareos").
  'e', 'siento', 'sentido', 'senti', 'estoy', 'esta', 'estado', 'estuve', 'hay', 'habia', 'hubo', 'ando', 'sido', 'soy', 'es',
  // Spanish puts the part of the body between the denial and its state: "ya no tengo los pies hinchados".
  'pies', 'pie', 'piernas', 'pierna', 'tobillos', 'tobillo', 'manos', 'mano',
]);

/**
 * English parts of the body a "no more" or "no longer" reaches across: "no more belly cramps". A plain
 * "no" does not: "no feet swollen again" may answer the question and then tell the news.
 */
const BODY_AFTER_NO_MORE: ReadonlySet<string> = new Set([
  'belly', 'tummy', 'stomach', 'leg', 'legs', 'knee', 'knees', 'foot', 'feet', 'ankle', 'ankles', 'hip', 'hips', 'joint', 'joints', 'hand', 'hands', 'back',
]);
const NO_MORE: ReadonlySet<string> = new Set(['more', 'longer']);

/** How many words (filler not counted) may stand between a negator and the phrase it denies. */
export const NEGATION_WINDOW = 3;

/** Coordinators that carry one negation over a list ("no fever or chest pain", "sin fiebre ni dolor"). */
export const NEGATION_CARRIERS: ReadonlySet<string> = new Set(['or', 'nor', 'o', 'ni']);

/** Words of one item in a denied list: "no fever, SHORTNESS OF BREATH or chest pain". */
const LIST_ITEM_WORDS = 3;

/**
 * Finds a negator that denies the phrase starting at `start`: in the same
 * clause, at most {@link NEGATION_WINDOW} words before it, with only
 * bridging words (or listed items: "no fever, shortness of breath or ...")
 * in between, and not followed by a word of doubt ("not sure if").
 *
 * @param tokens one clause's tokens
 * @returns the negator's index, or -1 when the phrase is not negated
 */
/** "0 headaches" counts none; a decimal's "100.0" does not (it reads as "100", "0"). */
const countsNone = (tokens: readonly string[], i: number) => tokens[i] === '0' && !/^\d+$/.test(tokens[i - 1] ?? '');

export function findNegator(tokens: readonly string[], start: number): number {
  let counted = 0;
  // Words of the list item being crossed, after an "or"/"ni"; -1 when no list is being crossed.
  let itemWords = -1;
  let crossedBody = false;
  for (let i = start - 1; i >= 0; i--) {
    const token = tokens[i] ?? '';
    if ((NEGATORS.has(token) || countsNone(tokens, i)) && !(itemWords > 0 && NEGATION_CARRIERS.has(token))) {
      if (crossedBody && !NO_MORE.has(tokens[i + 1] ?? '')) return -1;
      return isDoubt(tokens, i) || deniesNothing(tokens, i) ? -1 : i;
    }
    if (BODY_AFTER_NO_MORE.has(token) && itemWords < 0) {
      crossedBody = true;
      continue;
    }
    if (NEGATION_FILLER.has(token) || saysWhichDenied(tokens, i)) continue;
    if (NEGATION_CARRIERS.has(token)) {
      itemWords = 0;
      continue;
    }
    if (itemWords >= 0) {
      if (++itemWords > LIST_ITEM_WORDS) return -1;
      continue;
    }
    if (++counted > NEGATION_WINDOW) return -1;
    if (!NEGATION_BRIDGE.has(token)) return -1;
  }
  return -1;
}
