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
 * it does not know) are news when there are two or more. Pure: no I/O.
 */
import { splitClauses } from '../text/clauses.js';
import { IDIOMS, RESOLVED } from '../text/figures-of-speech.js';
import { NEGATION_BRIDGE, NEGATION_FILLER, NEGATORS, SELF_NEGATING } from '../text/negation.js';
import { findPhrase } from '../text/phrase-match.js';
import { compilePattern } from '../text/phrase-pattern.js';
import { tokenize } from '../text/normalize.js';
import { concernSpans } from './concerns.js';
import { isDictionaryWord } from './dictionary.js';
import { requestSpans } from './requests.js';
import { EXCESS, LEVELS, WELL, healthGroup } from './lexicon.js';

/** Words that only hold a sentence together, in English and Spanish, and chat ("lol", "jaja"). */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but so if then than that thats this these those it its is are was were be been being am im i me my mine myself ' +
    'we us our you your yours u ur he him his she her hers they them their theirs there here to of in on at by for with from ' +
    'as just too very really real also still even only not no nor do does did done dont doesnt didnt have has had having ive ' +
    'will would could should can may might must shall wont wouldnt get got gets getting go goes going went gone ' +
    'what when where who why how which all any some each every much many more most bit little lot lots like well oh ah um ' +
    'uh hmm ya yall yeah yep yup yes ok okay okey k kk hi hello hey thanks thank thx ty please pls plz lol lmao haha hahaha hehe omg ' +
    'about around since till until back again else somebody someone something itself ones one anyway up say said says tell ' +
    'told know knows see saw mean want wanted let lets ill id youre were theyre hes shes whats thats gonna wanna gotta ' +
    'el la los las un una unos unas y e o u pero que de del al a en con por para sin sobre es son era eran fue ser ' +
    'estar esta estas estoy estaba estan este esto eso esa ese estos esas yo me mi mis tu tus te su sus se le les lo nos ' +
    'muy mas ya no si tambien pues bueno buena aqui ahi alli hay como cuando donde quien porque pq asi ok vale ' +
    'soy eres es fui voy va vamos dice dijo dio puse hice algo alguien tengo tiene tenia cual desde hasta tanto puedo uno dos ' +
    'jaja jajaja jajajaja jeje jiji xd tv pc ac maam yall fyi btw asap yrs yr hrs hr mins min wks wk mos yet todavia aun youd hed wed theyd itd youll theyll thatll ' +
    // Days and months (dictionaries leave proper nouns out).
    'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september ' +
    'october november december lunes martes miercoles jueves viernes sabado domingo enero febrero marzo abril mayo junio ' +
    'julio agosto septiembre setiembre octubre noviembre diciembre'
  ).split(' '),
);

/** How someone is doing, said plainly; answers; thanks and greetings; taking one's medicines. No news in any of them. */
const NO_NEWS = new Set(
  (
    'fine good great well better best okay alright normal usual same doing feeling feel felt today tonight morning ' +
    'night day days evening afternoon yesterday now always everything nothing anything excellent wonderful ' +
    'fantastic perfect blessed happy glad nice kind appreciate love bless god care sure right correct ' +
    'took taken take taking pills pill meds med medicine medicines medication medications em both ' +
    'nope si gracias muchas mil bien mejor igual excelente perfecto perfecta tranquilo tranquila feliz ' +
    'contento contenta sano sana todo toda todos nada buenos buenas dias noches tardes hoy ayer manana ahora siempre ' +
    'dios bendiga amable cuidado tome tomado tomo pastillas pastilla medicina medicinas medicamento medicamentos ' +
    'siento sentir sentido estado'
  ).split(' '),
);

/** Thanks, greetings, times and quantities are never news, denied or not ("no thank you", "not today"). */
const NEVER_NEWS = new Set(
  (
    'thanks thank gracias mil muchas appreciate bless dios bendiga love care cuidado right correct nothing anything ' +
    'everything nada todo toda todos siempre always now ahora today hoy tonight yesterday ayer manana morning night day days ' +
    'evening afternoon dias noches tardes buenos buenas si nope em both answer contesto contestar'
  ).split(' '),
);

/** The words of a reading the reader parsed: they are accounted for with it. */
export const READING_WORDS = (
  'blood pressure bp sugar sugars glucose bs bg meter reading readings weight weighed weigh weighs lbs lb pounds pound ' +
  'pulse heart rate hr oxygen o2 sat sats spo2 temp temperature degrees over con sobre presion azucar glucosa peso pese ' +
  'libras pulso ritmo oxigeno saturacion temperatura grados kilos kg'
).split(' ');

/** Sayings that deny trouble in trouble's words: "can't complain", "could be worse", "no me quejo". */
const SAYINGS = ['flu (shot|vaccine)', '(vacuna|vacunaron|vacune) de la gripe', '(cant|can not|cannot) complain', 'could (be|have been) worse', '(couldnt|could not) be better', 'no me (quejo|puedo quejar)', 'no hay (problema|queja)*'].map(compilePattern);
const IDIOM_PATTERNS = IDIOMS.map(compilePattern);
const EXCESS_PATTERNS = EXCESS.map(compilePattern);
/** Running out of medicine, in the words of the errand ("ran out", "se me acabaron"). */
const RAN_OUT = ['lost (some|a lot of|a bunch of)? weight', 'lost ...2 (pounds|lbs|lb|libras|kilos)', '(baje|perdi) (de)? peso', '(ran|run|runs|running|runnin) (out|low)', 'se (me|le)? (acabo|acabaron|termino|terminaron)'].map(compilePattern);

/** How far back (in words) a "no" reaches to deny a word. */
const DENIAL_REACH = 3;

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

/** Words written with a capital inside a sentence are names: of people, towns, shows ("won at Black Hawk"). */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/(?<=[\p{L}\p{N},;'"]\s+)\p{Lu}[\p{Ll}'’]+/gu)) names.add(tokenize(match[0])[0] ?? '');
  return names;
}

function blank(tokens: string[], patterns: readonly ReturnType<typeof compilePattern>[]): boolean {
  let found = false;
  for (const pattern of patterns) {
    for (const { start, end } of findPhrase(pattern, tokens)) {
      tokens.fill('', start, end);
      found = true;
    }
  }
  return found;
}

const has = (tokens: readonly string[], patterns: readonly ReturnType<typeof compilePattern>[]) => patterns.some((p) => findPhrase(p, tokens).length > 0);

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
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i] ?? '';
    if (NEGATORS.has(token) || SELF_NEGATING.has(token) || NOBODY.has(token)) return token;
    if (token === '' || NEGATION_FILLER.has(token)) continue;
    if (++counted > DENIAL_REACH) return null;
    if (!NEGATION_BRIDGE.has(token) && !FUNCTION_WORDS.has(token) && !NO_NEWS_VERBS.has(token)) return null;
  }
  return null;
}

/** Verbs of feeling and doing a denial reaches across ("no me SIENTO bien", "not FEELING great"). */
const NO_NEWS_VERBS = new Set(['feeling', 'feel', 'felt', 'doing', 'siento', 'sentido', 'estado', 'looking', 'look', 'looks', 'sound', 'sounds', 'seem', 'seems']);

/** A symptom denied: "no pain", "sin mareos", "nada de hinchazón", "nobody" aside. */
const denied = (tokens: readonly string[], index: number) => {
  const negator = negatorOf(tokens, index);
  return negator !== null && !NOBODY.has(negator);
};

/** A doing denied: "didn't take them", "no puedo caminar", "nobody helps"; "nothing new" denies no doing. */
const deniedDoing = (tokens: readonly string[], index: number) => {
  if (HARDLY.has(tokens[index - 1] ?? '') || HARDLY.has(tokens[index - 2] ?? '')) return true;
  const negator = negatorOf(tokens, index);
  return negator !== null && !THING_NEGATORS.has(negator);
};

/**
 * A symptom that passed, said in the clause after it ("but it's gone now",
 * "pero ya se me quitó", "it went down overnight"). Only the closed world
 * reads "went down" this way: after a clause, it settles that clause.
 */
const SUBSIDED = [...RESOLVED, '(it|its|they|that|thats|all) ...2 (went|gone|come|came|going) down', '(got|getting|is|its) better', 'se (me|le)? (bajo|paso|quito)'].map(compilePattern);
function onlyResolution(clause: readonly string[]): boolean {
  const tokens = [...clause];
  if (!blank(tokens, SUBSIDED)) return false;
  return tokens.every((t) => t === '' || FUNCTION_WORDS.has(t) || NO_NEWS.has(t) || NEVER_NEWS.has(t) || [null, 'care'].includes(healthGroup(t)));
}

/** Money, times of day and dates are no news: "$40", "at 7:30", "10 am", "the 14th". */
const withoutFigures = (text: string) =>
  text
    .replace(/\$\s?\d+(?:[.,]\d+)?/g, ' ')
    .replace(/\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)/gi, ' ')
    .replace(/\b\d{1,2}:\d{2}\b/g, ' ')
    .replace(/\b\d+(?:st|nd|rd|th)\b/gi, ' ')
    .replace(/\b\d+(?:[.,]\d+)?\s?(?:dollars|bucks|cents|dolares|pesos)\b/gi, ' ');

/** Spanish pronouns joined to a verb ("avisarles", "dígame") and little-words ("cuartito") the dictionaries leave out. */
const CLITIC = /(?:selos|selas|selo|sela|les|los|las|nos|me|te|le|lo|la|se)$/;
const DIMINUTIVE = /(?:c?it[oa]s?)$/;
function isWord(token: string): boolean {
  if (isDictionaryWord(token)) return true;
  if (token.endsWith('s') && isDictionaryWord(token.slice(0, -1))) return true;
  const bare = token.replace(CLITIC, '');
  if (bare !== token && bare.length >= 3 && isDictionaryWord(bare)) return true;
  const stem = token.replace(DIMINUTIVE, '');
  return stem !== token && stem.length >= 3 && ['o', 'a', 'e', ''].some((end) => isDictionaryWord(stem + end));
}

/**
 * What of `text` the reader cannot settle. `known` holds words already
 * accounted for: the patient's own medicines, the words of readings parsed;
 * `concernsPlaced` says a concern was taken from it (by the reader, or as
 * the check-in's answer), which accounts for its words of symptoms;
 * `answerTaken` says the check-in took it as its answer, which accounts
 * for a denied "good" or "took".
 */
export function leftOver(text: string, known: Iterable<string> = [], options: { concernsPlaced?: boolean; answerTaken?: boolean } = {}): LeftOver {
  const placed = new Set([...known].flatMap((word) => tokenize(word)));
  const names = namesIn(text);
  text = withoutFigures(text);
  const left: LeftOver = { news: [], unknown: [] };
  const clauses = splitClauses(text).map((clause) => [...clause]);
  // The words of the concerns and requests the reader found are accounted for: those raise what they raise.
  for (const spans of [concernSpans(text), requestSpans(text)]) {
    spans.forEach((ranges, c) => ranges.forEach(([start, end]) => clauses[c]?.fill('', start, end)));
  }
  clauses.forEach((tokens, c) => {
    blank(tokens, IDIOM_PATTERNS);
    blank(tokens, SAYINGS);
    if (blank(tokens, RAN_OUT)) left.news.push('ran out');
    // "I was dizzy last week but it's gone now": the clause after settles this one.
    const next = clauses[c + 1];
    const settled = has(tokens, SUBSIDED) || (next !== undefined && onlyResolution(next));
    const well = tokens.some((t, i) => WELL.has(t) && !denied(tokens, i));
    const excess = has(tokens, EXCESS_PATTERNS);
    const leveled = tokens.some((t, i) => LEVELS.has(t) && !denied(tokens, i));
    tokens.forEach((token, i) => {
      if (token === '' || placed.has(token) || isMenuAnswer(token) || FUNCTION_WORDS.has(token) || NEGATORS.has(token) || NEVER_NEWS.has(token)) return;
      if (NO_NEWS.has(token)) {
        // "didn't take them", "not good", "no me siento bien": a denied answer is news.
        // Unless it is how the check-in's answer was said ("not so good" to "how are you feeling?").
        if (deniedDoing(tokens, i) && !options.answerTaken) left.news.push(token);
        return;
      }
      const group = healthGroup(token);
      if (group === 'symptom' || group === 'mood') {
        // A concern the reader or the check-in took from the text accounts for its words of the body.
        if (!(options.concernsPlaced || denied(tokens, i) || well || settled)) left.news.push(token);
      } else if (group === 'function' || group === 'care') {
        if (deniedDoing(tokens, i) || excess) left.news.push(token);
      } else if (group === 'measure') {
        if (leveled) left.news.push(token);
      } else if (group === 'trouble') {
        if (!denied(tokens, i) || SELF_NEGATING.has(token)) left.news.push(token);
      } else if (group === 'medicine' || /^\d\d+$/.test(token) || !isWord(token)) {
        if (!names.has(token) || group === 'medicine') left.unknown.push(token);
      } else if (deniedDoing(tokens, i)) {
        left.news.push(token);
      }
    });
  });
  return left;
}

