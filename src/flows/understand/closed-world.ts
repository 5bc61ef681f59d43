/**
 * Closed world: what of a message the reader cannot settle by itself. The
 * turn settles a message alone only when it can account for all of it: the
 * answer to the question, the readings and concerns it found (those raise
 * what they raise), pleasantries, and everyday life ("went to church with my
 * granddaughter"). Whatever is left goes to a person. The reader does not
 * look for a list of concerns here (such lists are always behind the words
 * patients use) but the other way round: every real word that is not a word
 * of health (lexicon.ts) is everyday life; a word of health counts as news
 * unless its clause settles it ("no pain", "legs look fine", "the cough is
 * gone"); a denied everyday word is news ("didn't take them", "no puedo
 * caminar"); and tokens that are no word at all (a typo, a name, a medicine
 * it does not know) are news when there are two or more. A figure standing
 * alone ("got a 62 before supper") is news; a clause about someone who is
 * never the patient ("my dog is sick") is not. Pure: no I/O.
 */
import { redFlagHistory, redFlagSpans } from '../safety/red-flags/index.js';
import { splitClauses } from '../text/clauses.js';
import { governs, IMPROVED, LINGERING, RESOLVED } from '../text/figures-of-speech.js';
import { findNegator, NEGATORS, SELF_NEGATING } from '../text/negation.js';
import { eachPatternFound, findEach, findsAny } from '../text/phrase-match.js';
import { isSpokenNumber } from '../text/spoken-numbers.js';
import { compilePattern } from '../text/phrase-pattern.js';
import { tokenize } from '../text/normalize.js';
import { CLINICIAN_CHANGES, DID_NOT_FAIL, PREVENTED_DISEASES, VACCINE_WORDS, EXCESS_BUT_SLEEP, HELD_UP, EXCESS_PATTERNS, FUNCTION_WORDS, NAMING_WORDS, PAST_WELL_PATTERNS, READING_WORDS, SLEEP, MEDICINE_WORDS, IDIOM_PATTERNS, INTENSIFIERS, NEVER_NEWS, NO_NEWS, NEWS_PHRASES, SAYINGS } from './closed-world-words.js';
import { concernSpans, quietClauses } from './concerns.js';
import { denied, deniedDoing, deniedEveryday, NEEDS, RIDES } from './denial.js';
import { CONTENT, LAPSES, LEVELS, healthGroup, isWell } from './lexicon.js';
import { findCues, SAYS_NOT_TAKEN, verdictOf } from './medicine-cues.js';
import { requestSpans } from './requests.js';
import { isWord, namesIn, withoutFigures, wordsByEar } from './word-forms.js';

export { READING_WORDS } from './closed-world-words.js';

export interface LeftOver {
  /** Words of health, trouble or denied doing that the message leaves unsettled, in the order written. */
  news: string[];
  /** Tokens that are no word the reader knows (typos, names, medicines it was not told of). */
  unknown: string[];
}

/** Two or more unknown tokens, or any unsettled word of health: a person should read the message. */
export const UNKNOWN_WORDS_FOR_REVIEW = 2;
export const needsAPerson = (left: LeftOver) => left.news.length > 0 || left.unknown.length >= UNKNOWN_WORDS_FOR_REVIEW;

/** A lone digit answers a menu ("2"); a lone letter is a slip of the thumb. */
const isMenuAnswer = (token: string) => /^[\da-z]$/.test(token);

/** Blanks the words of each match (only those no negator denies, when `undenied`); true when any were found. */
function blank(tokens: string[], patterns: readonly ReturnType<typeof compilePattern>[], undenied = false): boolean {
  let found = false;
  for (const { matches } of eachPatternFound(patterns, tokens)) {
    for (const { start, end } of matches) {
      if (undenied && findNegator(tokens, start) >= 0) continue;
      tokens.fill('', start, end);
      found = true;
    }
  }
  return found;
}

/** Blanks only the first word of each match: the intensifier, leaving the word it intensifies. */
function blankFirstWord(tokens: string[], patterns: readonly ReturnType<typeof compilePattern>[]): void {
  for (const { matches } of eachPatternFound(patterns, tokens)) for (const { start } of matches) tokens[start] = '';
}

const has = (tokens: readonly string[], patterns: readonly ReturnType<typeof compilePattern>[]) => findsAny(patterns, tokens);

/**
 * A symptom that passed, said in the clause after it ("but it's gone now",
 * "pero ya se me quitó", "it went down overnight"). Only the closed world
 * reads "went down" this way: after a clause, it settles that clause.
 */
const SUBSIDED = [...RESOLVED, '(it|its|they|that|thats|all) ...2 (went|gone|come|came|going) down', 'se (me|le)? (bajo|paso|quito)'].map(compilePattern);
/** Better than it was ("got better", "mucho mejor"): settles its clause unless the symptom is still there. */
const BETTER = [...IMPROVED, '(got|getting|is|its) better'].map(compilePattern);
/**
 * "I better mention it", "you'd better believe it": "better" after a person and before what they
 * should do is advice, not a course ("figured I better mention it" settles nothing said before it).
 * Followed by nothing, or by when, it is how they are ("me better now", "I better, thanks").
 */
const ADVISED = new Set(['i', 'you', 'u', 'ya', 'we', 'he', 'she', 'they', 'yall', 'id', 'youd', 'wed', 'hed', 'shed', 'theyd', 'had']);
const HOW_THEY_ARE = new Set(['now', 'today', 'tonight', 'than', 'this', 'already', 'lately', 'since', 'yet', 'overall', 'too', 'also', 'thanks', 'thank', 'every', 'each']);
const advice = (clause: readonly string[], i: number) =>
  clause[i] === 'better' && ADVISED.has(clause[i - 1] ?? '') && i + 1 < clause.length && !HOW_THEY_ARE.has(clause[i + 1]!);
const withoutAdvice = (clause: string[]) => (clause.includes('better') ? clause.map((t, i) => (advice(clause, i) ? 'should' : t)) : clause);
const saysBetter = (clause: readonly string[]) => has(clause, BETTER) || clause.some((t) => t === 'better' || t === 'mejor');
/** A word that tells nothing new by itself: little words, plain answers, care. */
const settles = (t: string) => t === '' || FUNCTION_WORDS.has(t) || NO_NEWS.has(t) || NEVER_NEWS.has(t) || [null, 'care'].includes(healthGroup(t));
function onlyResolution(clause: readonly string[]): boolean {
  const tokens = [...clause];
  if (!(blank(tokens, SUBSIDED) || blank(tokens, BETTER))) return false;
  return tokens.every(settles);
}

/**
 * "Knees held up", "my back didn't complain once": a part of the body that did its work. Blanks those
 * words and says whether the clause has them ("no me aguantan las piernas" is the opposite, and is kept).
 */
function heldUp(tokens: string[]): boolean {
  const failedNot = blank(tokens, DID_NOT_FAIL);
  return blank(tokens, HELD_UP, true) || failedNot;
}

/** "Cansadita pero contenta", "tired but happy": the clause after says the tiredness is the good kind. */
const glad = (t: string) => CONTENT.has(t) || isWell(t);
const onlyContentment = (clause: readonly string[]) => clause.some((t, i) => glad(t) && !denied(clause, i)) && clause.every((t) => settles(t) || glad(t));

/**
 * A word of the body after a denied one, joined by little words: "no
 * swelling in my feet", "ya no me falta el aire", "sin dolor en las rodillas".
 */
function deniedBefore(tokens: readonly string[], index: number): boolean {
  for (let i = index - 1, reach = 0; i >= 0 && reach < 3; i--) {
    const token = tokens[i] ?? '';
    if (token === '' || FUNCTION_WORDS.has(token)) {
      reach += 1;
      continue;
    }
    return (healthGroup(token) !== null || LAPSES.has(token)) && denied(tokens, i);
  }
  return false;
}

/** A denied word of the body right after this one: "ya no tengo los pies HINCHADOS". */
function deniedAfter(tokens: readonly string[], index: number): boolean {
  for (let i = index + 1, reach = 0; i < tokens.length && reach < 2; i++) {
    const token = tokens[i] ?? '';
    if (FUNCTION_WORDS.has(token)) continue;
    if (healthGroup(token) === 'symptom' && denied(tokens, i)) return true;
    reach += 1;
  }
  return false;
}

/** Meals: what a lapse lets go when it is no medicine. */
const MEALS = new Set(['breakfast', 'lunch', 'dinner', 'supper', 'brunch', 'desayuno', 'almuerzo', 'comida', 'cena', 'merienda']);

/** Whose a body is when it is the care team's: the reader's ("your hands", "tus manos"). */
const YOURS = new Set(['your', 'ur', 'yours', 'tu', 'tus']);

/** Words ending in "s" that are not a word of health with its "is": a verb, a language. */
const S_LOOKALIKES = new Set(['does', 'ingles', 'goes', 'has', 'was', 'is', 'this', 'his', 'hers', 'yes', 'us']);

/**
 * A token as the reader takes it: the word a Spanish spelling by ear stands for; under Spanish
 * diminutives, which say the same thing softly ("la presión está bajita", "cansadita", "un
 * dolorcito"), the word of health they soften. A token that is no word of health but whose plain
 * form is one is read as the plain form.
 */
function plainForm(token: string, names: ReadonlySet<string>): string {
  if (healthGroup(token) !== null || LEVELS.has(token)) return token;
  // A name ("the Kansas line") and the little words ("aint", "q") are as written.
  if (names.has(token) || FUNCTION_WORDS.has(token) || NEGATORS.has(token) || NEVER_NEWS.has(token) || NO_NEWS.has(token)) return shapeOf(token);
  // Written by ear ("me duele la rodiya", "ya me puse la bacuna"): the word it sounds like. A word of health
  // first, even where the token could be read as a form of an everyday word ("ando con bomitos").
  const heard = wordsByEar(token).map(shapeOf);
  const health = heard.find((word) => healthGroup(word) !== null || LEVELS.has(word));
  if (health !== undefined) return health;
  return heard.length > 0 && !isWord(token) ? heard[0]! : shapeOf(token);
}

/** The word of health under a word's run-on "is" or its fondness ("pee's", "la tosecita"); else the token. */
function shapeOf(token: string): string {
  if (healthGroup(token) !== null || LEVELS.has(token)) return token;
  // "Pee's been dark", "breathing's better": the word and its "is", run together when the apostrophe goes.
  // (Not a word that only looks so: "does" is no chart's "doe", "inglés" no "ingle".)
  if (token.endsWith('s') && !S_LOOKALIKES.has(token) && healthGroup(token.slice(0, -1)) !== null) return token.slice(0, -1);
  const match = /^(.{3,}?)(?:c?it)([oa]s?)$/.exec(token);
  if (!match) return token;
  const plain = match[1]! + match[2]!;
  return healthGroup(plain) !== null || LEVELS.has(plain) ? plain : token;
}

/**
 * "Stopped eating", "stopped my pills", "stop taking it": stopping a doing or a medicine is news. A
 * stop that stops nothing named is a place or a pause: "the truck stop in Joplin", "the 'next stop'
 * voice", "stopping only to admire a cardinal".
 */
const STOP = /^stop(?:s|ped|ping)?$/;
const STOPPED_THINGS = new Set(['it', 'them', 'em', 'my', 'the', 'his', 'her', 'all', 'everything', 'that', 'this', 'those', 'these']);
const stopsSomething = (tokens: readonly string[], i: number) => {
  const next = tokens[i + 1] ?? '';
  // "Stop worrying", "stopped fretting": a feeling let go is no doing stopped (the feeling is read as itself).
  if (healthGroup(next) === 'mood') return false;
  return next.endsWith('ing') || STOPPED_THINGS.has(next) || MEDICINE_WORDS.has(next) || healthGroup(next) === 'medicine';
};

/**
 * A need asked for: "need a ride to my appt", "necesito raite", "ocupo quien me lleve". A ride is asked
 * for with a modal too ("can I get a ride to my appointment?", "¿me pueden llevar?"), so "my son can give
 * me a ride" goes to a person as well: asking and offering read alike there, and the care team solves
 * rides. (Help asked with a modal is the request reader's: "can you help me with the portal" is a chore.)
 */
const ASKING = new Set(['need', 'needs', 'needed', 'necesito', 'necesita', 'necesitamos', 'ocupo', 'ocupa', 'want', 'looking', 'buscando']);
const MODALS = new Set(['can', 'could', 'may', 'would', 'puedo', 'puede', 'pueden', 'podria', 'podrian']);
const askedFor = (tokens: readonly string[], i: number) =>
  tokens.slice(Math.max(0, i - 4), i).some((t) => ASKING.has(t) || (MODALS.has(t) && RIDES.has(tokens[i]!)));

/** A price: "$95", "400 bucks", "80 dólares". What a medicine costs is why many stop it. */
const MONEY = /\$\s?\d|\b\d+\s?(?:dollars|bucks|d[oó]lares|pesos)\b/gi;
/** Money won is no price: "I win $14 at mahjong", "hit a jackpot, $1,200", "gané 40 dólares". */
const WON = /(?<!\p{L})(?:win|wins|won|winning|winnings|jackpot|prize|raffle|lottery|lotto|gan[eé]|ganamos|gan[oó]|premio)(?!\p{L})[^.!?]{0,25}$/iu;
const pricesIn = (text: string) => [...text.matchAll(MONEY)].filter((m) => !WON.test(text.slice(0, m.index)));

/** The words of medicines and their getting: a price beside them is news, "won $40 at bingo" is not. */
const aboutMedicine = (tokens: readonly string[], placed: ReadonlySet<string>) =>
  tokens.some((t) => placed.has(t) || MEDICINE_WORDS.has(t) || ['medicine', 'care'].includes(healthGroup(t) ?? '') || (t.length > 4 && !isWord(t)));

/** Words that say what a figure counts ("30 minutes", "82 years old", "a 90 day supply"): no reading. */
const COUNTED = new Set(
  (
    'minute minutes min mins hour hours hr hrs day days week weeks wk wks month months year years yr yrs yo mile miles block blocks step steps times percent ' +
    'minuto minutos hora horas dia dias semana semanas mes meses ano anos milla millas cuadras pasos veces por'
  ).split(' '),
);
/** Readings fall from 40 up (a sugar of 62, a pulse of 48); smaller figures are counts and dates. */
const READING_FLOOR = 40;
/** A two- or three-digit figure from 40 up, standing alone: it may be a reading that was not read. */
const bareFigure = (tokens: readonly string[], i: number) =>
  /^\d{2,3}$/.test(tokens[i] ?? '') && Number(tokens[i]) >= READING_FLOOR && !counts(tokens[i + 1] ?? '') && !isNumber(tokens[i - 1] ?? '') && !isNumber(tokens[i + 1] ?? '') && !scoreOrAge(tokens, i);
/**
 * A figure a game or a birthday gives: "bowled a 187", "shot a 94", "she turned 91", "cumplí 82".
 * ("Got a 62 before supper" is none of these: it may be a sugar.)
 */
const SCORED_OR_AGED = new Set(['bowled', 'bowl', 'rolled', 'shot', 'shoots', 'scored', 'carded', 'golfed', 'turned', 'turning', 'turns', 'cumpli', 'cumplio', 'cumple', 'cumplo', 'cumplira', 'aged']);
const scoreOrAge = (tokens: readonly string[], i: number) =>
  SCORED_OR_AGED.has(tokens[i - 1] ?? '') || (['a', 'an'].includes(tokens[i - 1] ?? '') && SCORED_OR_AGED.has(tokens[i - 2] ?? ''));
/** "84 quarts of peaches", "30 minutes": a figure before things in the plural counts them; it is no reading. */
const counts = (next: string) => COUNTED.has(next) || (next.length > 3 && next.endsWith('s') && isWord(next) && healthGroup(next) === null && !READING_WORDS.includes(next));

/** How far a level may stand from the measure it is said of: "my sugar has been running high". */
const LEVEL_REACH = 4;
const nearAMeasure = (tokens: readonly string[], i: number) =>
  tokens.slice(Math.max(0, i - LEVEL_REACH), i + LEVEL_REACH + 1).some((t) => healthGroup(t) === 'measure');
/** "Bp been good down here", "up north": a level before a place is where the patient is. */
const PLACES = new Set(['here', 'there', 'yonder', 'home', 'north', 'south', 'east', 'west', 'aqui', 'alla', 'aca', 'alli']);
const aPlace = (tokens: readonly string[], i: number) => PLACES.has(tokens[i + 1] ?? '');

/**
 * "Fasting sugars 182, 190, 205, 211. Creeping up.": a clause that opens on a
 * course goes on with the measure named just before it. "Up" and "down"
 * only after a word of moving ("creeping up", not "up early"), and not on the
 * way somewhere ("going down to the lake").
 */
const MOVING = /^(creep|crept|inch|edg|trend|climb|ris|go|went|gone|head|keep|kept|still|get|got|slowly|steadily)/;
const ON_THE_WAY = new Set(['to', 'the', 'a', 'for', 'at', 'in', 'with', 'and', 'there', 'here', 'home', 'north', 'south', 'east', 'west', 'town', 'early', 'late']);
const opensACourse = (tokens: readonly string[], i: number, before: readonly string[]) =>
  i < LEVEL_REACH &&
  before.slice(-2 * LEVEL_REACH).some((t) => healthGroup(t) === 'measure') &&
  !ON_THE_WAY.has(tokens[i + 1] ?? '') &&
  (!['up', 'down', 'over'].includes(tokens[i]!) || MOVING.test(tokens[i - 1] ?? ''));

/**
 * A doing done too much or too little ("sleeping all day", "eats too much", "eating less"), but not an amount
 * of a thing: "ate too much shrimp", "comí demasiado pavo", "eat less salt" say how much of what, a holiday's
 * or a diet's news.
 */
const WHEN_WORDS = new Set(['lately', 'recently', 'anymore', 'these', 'this', 'last', 'again', 'now', 'nowadays', 'since', 'every', 'each', 'ultimamente']);
const aThing = (token: string | undefined) =>
  token !== undefined && token !== '' && isWord(token) && healthGroup(token) === null && !FUNCTION_WORDS.has(token) && !NEVER_NEWS.has(token) && !NO_NEWS.has(token) && !WHEN_WORDS.has(token);
const excessive = (tokens: readonly string[], patterns: readonly ReturnType<typeof compilePattern>[]) =>
  findEach(patterns, tokens).some(
    ({ start, end }) => !(/^(?:too|demasiad|less|menos)/.test(tokens[start] ?? '') && aThing(tokens[end])) && (!LESS.test(tokens[start] ?? '') || saidOfADoing(tokens, start)),
  );
/** "Less" says how much of the doing just before it ("eating less", "walk a lot less"), not of a name ("Food 4 Less"). */
const LESS = /^(?:less|menos|not)$/;
const saidOfADoing = (tokens: readonly string[], at: number) =>
  tokens.slice(Math.max(0, at - 3), at).some((token) => ['function', 'care'].includes(healthGroup(token) ?? ''));

/**
 * Tired from an everyday doing: "just tired from babysitting los nietos", "likkle tired from di heat",
 * "cansada de tanto cocinar". Not from a thing of health or a medicine ("tired from the new pill",
 * "tired from not sleeping"), nor from the exertions that tire a failing heart ("tired from walking to
 * the mailbox", "cansado de subir las escaleras"): those stay news.
 */
const TIRED = /^(?:tired|worn|exhausted|beat|cansad[oa]s?|cansadit[oa]s?)$/;
const TIRED_BY = new Set(['from', 'after', 'de', 'por']);
const BEFORE_THE_CAUSE = new Set(['the', 'all', 'my', 'that', 'this', 'di', 'da', 'de', 'tanto', 'el', 'la', 'los', 'las', 'mi', 'mis', 'out', 'up']);
const EXERTION = /^(?:walk|climb|stair|step|moving|move|getting|get|breath|talk|eat|stand|bath|shower|dress|carry|lift|camin|subir|escaler|respir|hablar|comer|banar|vestir|cargar|levant|nothing|everything|todo|nada)/;
const TREATMENT = /^(?:chemo|radiation|treatment|infusion|therap|quimio|radiacion|tratamiento|terapia)/;
/** How many words after "from" say the cause ("the new pill", "babysitting los nietos"). */
const CAUSE_WORDS = 3;
function tiredByAnEverydayDoing(tokens: readonly string[], i: number): boolean {
  if (!TIRED.test(tokens[i] ?? '') || !TIRED_BY.has(tokens[i + 1] ?? '')) return false;
  let at = i + 2;
  while (BEFORE_THE_CAUSE.has(tokens[at] ?? '')) at++;
  const cause = tokens.slice(at, at + CAUSE_WORDS).filter((t) => t !== '');
  const everyday = (t: string) =>
    FUNCTION_WORDS.has(t) || (isWord(t) && healthGroup(t) === null && !MEDICINE_WORDS.has(t) && !NEGATORS.has(t) && !EXERTION.test(t) && !TREATMENT.test(t));
  return cause.length > 0 && !FUNCTION_WORDS.has(cause[0]!) && cause.every(everyday);
}

/**
 * Medicine left out, in the medicine reader's words, named or not: "held the water pill for the trip",
 * "he hid his pills in the couch cushion, found 2 days worth". Said of a medicine the patient has, the
 * medicine reader records it; said of "his pills", only a person can tell which. The clause names
 * medicine, or follows one that does.
 */
const namesMedicine = (clause: readonly string[]) => clause.some((t) => MEDICINE_WORDS.has(t) || healthGroup(t) === 'medicine');
function leftOut(tokens: readonly string[], before: readonly string[]): string | null {
  if (!namesMedicine(tokens) && !namesMedicine(before)) return null;
  const cues = findCues(tokens);
  const verdict = verdictOf(cues, cues);
  // (Run out is read as the closed world reads it: "the pill box is empty for today" is taken.)
  const cue = cues.find((cue) => SAYS_NOT_TAKEN.has(cue.kind) && cue.kind !== 'ran_out' && !cue.negated);
  return verdict !== null && verdict !== 'open' && !verdict.taken && cue ? tokens.slice(cue.start, cue.end).join(' ') : null;
}

/** "118 over 74": the "over" of a reading said aloud, not a level ("sugar over 300"). */
const NUMBER = /^\d+$/;
const isNumber = (t: string) => NUMBER.test(t) || isSpokenNumber(t);
const betweenNumbers = (tokens: readonly string[], i: number) => isNumber(tokens[i - 1] ?? '') && isNumber(tokens[i + 1] ?? '');

/**
 * What of `text` the reader cannot settle. `known` holds words already
 * accounted for: the patient's own medicines, the words of readings parsed;
 * `concernsPlaced` says the check-in took a concern from it ("my knee hurts"
 * to "what is your main concern?"), which accounts for its words of symptoms;
 * `answerTaken` says the check-in took it as its answer, which accounts
 * for a denied "good" or "took".
 */
export function leftOver(text: string, known: Iterable<string> = [], options: { concernsPlaced?: boolean; answerTaken?: boolean } = {}): LeftOver {
  const placed = new Set([...known].flatMap((word) => tokenize(word)));
  const names = namesIn(text);
  const left: LeftOver = { news: [], unknown: [] };
  if (pricesIn(text).length > 0 && aboutMedicine(tokenize(text), placed)) left.news.push('cost');
  text = withoutFigures(text);
  const clauses = splitClauses(text).map((clause) => withoutAdvice(clause.map((token) => plainForm(token, names))));
  // As written, before the found concerns are blanked: what a denial reaches is read on these.
  const written = clauses.map((clause) => [...clause]);
  // The words of the concerns, red flags and requests the reader found, denied or not, are accounted
  // for: those raise what they raise, and a denial ("no short of breath") is no news.
  const flagSpans = redFlagSpans(text);
  for (const spans of [concernSpans(text), flagSpans, requestSpans(text)]) {
    spans.forEach((ranges, c) => ranges.forEach(([start, end]) => clauses[c]?.fill('', start, end)));
  }
  const quiet = quietClauses(written);
  const history = redFlagHistory(text, flagSpans);
  clauses.forEach((tokens, c) => {
    // "My dog is sick", "mi vecina anda con tos": someone else's trouble is not the patient's news; nor is a vaccine's sore arm.
    if (quiet[c]) return;
    // "I had a stroke last year": no emergency now, but the care team would want it in the chart.
    if (history[c]) left.news.push('history');
    blank(tokens, IDIOM_PATTERNS);
    blank(tokens, CLINICIAN_CHANGES);
    blankFirstWord(tokens, INTENSIFIERS);
    blankFirstWord(tokens, NAMING_WORDS);
    blank(tokens, SAYINGS);
    // "La vacuna del covid y la de la gripe": beside a vaccine, a disease names the shot.
    if (written[c]!.some((t) => VACCINE_WORDS.test(t))) tokens.forEach((t, i) => PREVENTED_DISEASES.has(t) && (tokens[i] = ''));
    // Everyday words that tell news together ("ran out", "passed away"): the phrase is the news.
    for (const { start, end } of findEach(NEWS_PHRASES, tokens)) {
      // (Two phrases may match the same words: the first tells it.)
      const said = tokens.slice(start, end).filter(Boolean).join(' ');
      if (said) left.news.push(said);
      tokens.fill('', start, end);
    }
    // "I was dizzy last week but it's gone now": the clause after settles this one.
    const next = clauses[c + 1];
    // ("... lately. Used to be fine": well as it was says it is not now.)
    // ("Still swollen, but better": what is still there stays news.)
    const lingers = written[c]!.some((t) => LINGERING.has(t));
    const nextSettles = next !== undefined && !has(next, PAST_WELL_PATTERNS) && !(lingers && saysBetter(next)) && (onlyResolution(next) || onlyContentment(next));
    // "The cough is gone" settles the cough; "my legs are swollen and the cough is gone" not the legs.
    // ("No se me quita", "it hasn't gone away": denied, they say it has not passed.)
    // Read as written: the words of a concern may be among them ("ya no me DUELEN los pies").
    const passed = [...findEach(SUBSIDED, written[c]!), ...(lingers ? [] : findEach(BETTER, written[c]!))].filter(({ start }) => findNegator(written[c]!, start) < 0);
    const settled = (i: number) => nextSettles || passed.some((marker) => governs(tokens, marker, { start: i, end: i + 1 }));
    // The words that say it passed are accounted for with it ("never came back", "haven't had it since").
    for (const { start, end } of passed) tokens.fill('', start, end);
    const lapse = leftOut(tokens, c > 0 ? written[c - 1]! : []);
    if (lapse !== null) left.news.push(lapse);
    const well = heldUp(tokens) || tokens.some((t, i) => isWell(t) && !denied(tokens, i));
    const excess = excessive(tokens, EXCESS_PATTERNS);
    const excessBesidesSleep = excessive(tokens, EXCESS_BUT_SLEEP);
    // A level said of a measure near it: "sugar's been high", "high sugar"; not "the sugar shack ... boiling down sap".
    const leveled = tokens.some((t, i) => LEVELS.has(t) && !denied(tokens, i) && !betweenNumbers(tokens, i) && !aPlace(tokens, i) && nearAMeasure(tokens, i));
    const course = tokens.findIndex((t, i) => LEVELS.has(t) && !denied(tokens, i) && opensACourse(tokens, i, written.slice(0, c).flat()));
    if (course >= 0) left.news.push(tokens[course]!);
    // A figure beside a measure that no reading was read from ("my sugar was 3:15"): a person reads the figure.
    const unreadFigure = tokens.some((t) => /\d/.test(t) && !placed.has(t) && !isMenuAnswer(t));
    tokens.forEach((token, i) => {
      // A measure said to be high or falling is news even beside its reading ("bp keeps dropping, 92/54").
      // ("Sugar readings keep climbing: 198 Mon, 224 Wed, 251 today": a course, whatever the figures.)
      if (healthGroup(token) === 'measure' && (leveled || (unreadFigure && !placed.has(token)))) return void left.news.push(token);
      if (token === '' || placed.has(token) || isMenuAnswer(token) || FUNCTION_WORDS.has(token) || NEGATORS.has(token) || NEVER_NEWS.has(token)) return;
      if (NO_NEWS.has(token)) {
        // "didn't take them", "not good", "no me siento bien": a denied answer is news.
        // Unless it is how the check-in's answer was said ("not so good" to "how are you feeling?").
        if (deniedDoing(tokens, i) && !options.answerTaken) left.news.push(token);
        return;
      }
      // "No money for the pills", "no food in the house", "no ride": going without is news.
      if (NEEDS.has(token) && (denied(tokens, i) || deniedDoing(tokens, i) || askedFor(tokens, i))) return void left.news.push(token);
      const group = healthGroup(token);
      // "God bless the work of your hands": the care team's body is not the patient's.
      if (group === 'symptom' && YOURS.has(tokens[i - 1] ?? '')) return;
      if (group === 'symptom' || group === 'mood') {
        // A concern the check-in took from the text accounts for its words of the body.
        // ("Legs not swollen": the body part before a denied symptom is denied with it.)
        if (!(options.concernsPlaced || denied(tokens, i) || deniedBefore(written[c]!, i) || deniedAfter(written[c]!, i) || well || settled(i) || tiredByAnEverydayDoing(tokens, i))) left.news.push(token);
      } else if (group === 'function' || group === 'care') {
        if ((deniedDoing(tokens, i) && !deniedBefore(written[c]!, i)) || (SLEEP.test(token) ? excessBesidesSleep : excess)) left.news.push(token);
      } else if (group === 'trouble') {
        // "Didn't miss a single day", "no me faltó nada": a lapse denied is good news.
        if (LAPSES.has(token) && denied(tokens, i)) return;
        if (STOP.test(token) && !stopsSomething(tokens, i)) return;
        // "Skipped breakfast", "missed lunch": a meal let go is no dose missed.
        if (LAPSES.has(token) && MEALS.has(tokens[i + 1] ?? '')) return;
        if (!denied(tokens, i) || SELF_NEGATING.has(token)) left.news.push(token);
      } else if (bareFigure(tokens, i)) {
        // "1 but got a 62 before supper": a figure no reading was read from, and no unit says what it counts.
        left.news.push(token);
      } else if (/^\d+$/.test(token) && (counts(tokens[i + 1] ?? '') || scoreOrAge(tokens, i))) {
        return;
      } else if (group === 'medicine' || /^\d\d+$/.test(token) || !isWord(token)) {
        if (!names.has(token) || group === 'medicine') left.unknown.push(token);
      } else if (LAPSES.has(token) && denied(tokens, i)) {
        return;
      } else if (deniedEveryday(tokens, i) && !names.has(token) && !deniedBefore(written[c]!, i) && !deniedAfter(written[c]!, i)) {
        // The "no" of "no swelling in my feet" denies the swelling, not the feet; of "ya no tengo los
        // pies hinchados", the swelling. A name denied is who one is not ("my name isn't Rosa").
        left.news.push(token);
      }
    });
  });
  return left;
}

