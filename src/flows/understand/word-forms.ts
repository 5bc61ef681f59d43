/**
 * Word forms the dictionaries do not list (closed-world.ts): money, times
 * and dates; names written with a capital; Spanish verbs with their
 * pronouns joined on and little-words; Spanish written by ear. Pure: no I/O.
 */
import { tokenize } from '../text/normalize.js';
import { isDictionaryWord } from '../text/dictionary.js';
import { ALL_DRUG_NAMES, sameName } from './medicine-names.js';

/**
 * Words written with a capital inside a sentence are names: of people, towns, shows ("won at Black
 * Hawk"). So is a word no dictionary knows written with its capital each of the two or more times it
 * opens a sentence ("Walter says 1. Walter's rash cleared up"): someone written of in the third person;
 * unless it could be a medicine ("Metforman gone. Metforman ran out").
 */
export function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/(?<=[\p{L}\p{N},;'"]\s+)\p{Lu}[\p{Ll}'’]+/gu)) names.add(tokenize(match[0])[0] ?? '');
  for (const name of namesAlwaysCapitalised(text)) names.add(name).add(`${name}s`);
  return names;
}

/** A word with its capital (and maybe its "'s"): "Walter", "Walter's". */
const CAPITALISED = /(?<![\p{L}\p{N}'’])\p{Lu}\p{Ll}+(?=(?:['’]s)?(?![\p{L}\p{N}]))/gu;

/** Words no dictionary knows, nor any medicine, written two or more times and each time with a capital. */
function namesAlwaysCapitalised(text: string): string[] {
  const capitalised = new Map<string, number>();
  for (const [word] of text.matchAll(CAPITALISED)) {
    const token = tokenize(word)[0] ?? '';
    capitalised.set(token, (capitalised.get(token) ?? 0) + 1);
  }
  const twice = [...capitalised].filter(([, times]) => times >= 2);
  // Most texts have none: the text is not tokenized again for them.
  if (twice.length === 0) return [];
  const tokens = tokenize(text);
  const written = (word: string) => tokens.filter((t) => t === word || t === `${word}s`).length;
  return twice.filter(([word, times]) => times === written(word) && !isWord(word) && !ALL_DRUG_NAMES.some((name) => sameName(word, name))).map(([word]) => word);
}

/**
 * A clock time said to be a measure is a reading dictated wrong ("my sugar
 * was 3:15" is 315): it stays, as the figure, so a person reads it. "Checked my sugar at
 * 3:15" is a time.
 */
const MEASURE_BEFORE = /\b(?:sugars?|glucose|bs|bg|meter|reading|bp|pressure|pulse|azucar|azúcar|glucosa|presion|presión)\s+(?:was|is|were|read|reads|came out|fue|salio|salió|estaba|esta|está|de)?\s*$/i;
const clockTime = (match: string, offset: number, text: string) => (MEASURE_BEFORE.test(text.slice(Math.max(0, offset - 30), offset)) ? match.replace(':', '') : ' ');

/** Money, times of day, dates and hashtags are no news: "$40", "at 7:30", "10 am", "the 14th", "#blessed". */
export const withoutFigures = (text: string) =>
  text
    .replace(/#[\p{L}\p{N}_]+/gu, ' ')
    .replace(/\$\s?\d+(?:[.,]\d+)?/g, ' ')
    .replace(/\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)/gi, ' ')
    .replace(/\b\d{1,2}:\d{2}\b/g, clockTime)
    .replace(/\b\d+(?:st|nd|rd|th)\b/gi, ' ')
    // A date ("12/20", "1/3"): no reading starts below 40.
    .replace(/\b([1-3]?\d)\/\d{1,2}(?:\/\d{2,4})?\b/g, (date, first: string) => (Number(first) < 40 ? ' ' : date))
    // The military's clock, "taken 0600", "scheduled 1800", "at 2130 hrs": no reading has four figures (a phone number's "555-0143" stays).
    .replace(/\b(?:0\d|1\d|2[0-3])[0-5]\d\b(?=\s?(?:hours|hrs|hr|h)\b)|(?<=\b(?:at|@|taken|scheduled|by|from|until|till|since|around)\s)(?:[01]\d|2[0-3])[0-5]\d\b|(?<![-\d.(])\b0\d[0-5]\d\b(?!-)/gi, ' ')
    // "At 8 sharp": the hour, not a pain.
    .replace(/\b(?:at|by)\s+\d{1,2}(?::\d{2})?\s+sharp\b/gi, ' ')
    .replace(/\b\d+(?:[.,]\d+)?\s?(?:dollars|bucks|cents|dolares|pesos)\b/gi, ' ');

/** Spanish pronouns joined to a verb ("avisarles", "dígame") and little-words ("cuartito") the dictionaries leave out. */
const CLITIC = /(?:selos|selas|selo|sela|les|los|las|nos|me|te|le|lo|la|se)$/;
/** Diminutives, doubled ones ("todititas") and augmentatives ("la pastillota"): the same word, said fondly. */
const DIMINUTIVE = /(?:(?:c?it)+[oa]s?|ot[ea]s?)$/;
export function isWord(token: string): boolean {
  if (isDictionaryWord(token)) return true;
  if (token.endsWith('s') && isDictionaryWord(token.slice(0, -1))) return true;
  // "Th" said as "t" or "d" (Caribbean, West African, Irish English): "everyting", "dem", "tink", "dat".
  const th = token.replace(/^[td](?=[aeiouy])/, 'th').replace(/t(?=ing$)/, 'th');
  if (th !== token && token.length >= 3 && isDictionaryWord(th)) return true;
  const bare = token.replace(CLITIC, '');
  if (bare !== token && bare.length >= 3 && isDictionaryWord(bare)) return true;
  // "flaquita" is "flaca", "amiguito" is "amigo", "todititas" "todas", "pastillota" "pastilla": the spelling keeps the sound.
  const stem = token.replace(DIMINUTIVE, '').replace(/qu$/, 'c').replace(/gu$/, 'g');
  return stem !== token && stem.length >= 3 && ['o', 'a', 'e', ''].some((end) => isDictionaryWord(stem + end));
}

/**
 * Spanish as it sounds, written by ear: letters the language says alike ("grasias" for "gracias", "yevo"
 * for "llevo", "bacuna" for "vacuna", "estoi" for "estoy") and the silent h left out ("ija" for "hija").
 * Each is one sound written with another letter; the word is the one spelt the dictionary's way.
 */
const SOUNDS_ALIKE: ReadonlyArray<readonly [RegExp, string]> = [
  [/s(?=[ei])/g, 'c'], [/c(?=[ei])/g, 's'], [/s/g, 'z'], [/z/g, 's'],
  [/y/g, 'll'], [/ll/g, 'y'], [/b/g, 'v'], [/v/g, 'b'], [/i$/g, 'y'], [/j(?=[ei])/g, 'g'], [/g(?=[ei])/g, 'j'], [/k/g, 'c'],
];

/** Every spelling one sound away from `token`: each letter that sounds like another, replaced at one place. */
function oneSoundAway(token: string): string[] {
  const spellings: string[] = token.length >= 3 && /^[aeiou]/.test(token) ? [`h${token}`] : [];
  for (const [letter, alike] of SOUNDS_ALIKE) {
    for (const match of token.matchAll(letter)) spellings.push(token.slice(0, match.index) + alike + token.slice(match.index + match[0].length));
  }
  return spellings;
}

/**
 * The words a token written by ear may stand for ("rodiya": "rodilla", "farmasia": "farmacia"), one
 * sound away, else two; none when the dictionary lists the token as it is. Short tokens stay as they
 * are: with three letters or fewer, too many words sound alike.
 */
export function wordsByEar(token: string): readonly string[] {
  if (token.length < 3 || !/^[a-zñ]+$/.test(token) || isDictionaryWord(token)) return [];
  let words = HEARD.get(token);
  if (words === undefined) {
    const once = oneSoundAway(token);
    const near = once.filter(isWord);
    words = near.length > 0 ? near : once.flatMap(oneSoundAway).filter(isWord);
    if (HEARD.size >= HEARD_LIMIT) HEARD.clear();
    HEARD.set(token, words);
  }
  return words;
}

/**
 * What each token was heard as: a text is read by the closed world more than once (the front desk's
 * reading and the care team's), and two sounds away is a few hundred spellings to look up. Bounded: a
 * service that runs for months meets new misspellings every day.
 */
const HEARD = new Map<string, readonly string[]>();
const HEARD_LIMIT = 10_000;
