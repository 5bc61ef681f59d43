/**
 * Clause splitting. Negation and ambiguity are judged per clause: in
 * "no chest pain, but I can't breathe" the "no" must not reach the breathing
 * complaint, and in "no, I took it" the "no" is an answer of its own.
 */
import { tokenize } from './normalize.js';

/**
 * Punctuation that ends a clause. "." and "," between digits are decimals
 * ("7.5"), and a dash only counts with spaces around it ("145-92" is a reading).
 */
const BOUNDARY = /[.,](?!\d)|(?<!\d)[.,]|[;:!?¡¿…\n\r]+|\s[-–—]+\s/u;

/** Conjunctions that start a new clause ("no chest pain but ..."). */
const CONJUNCTIONS: ReadonlySet<string> = new Set([
  'but', 'though', 'although', 'however', 'except', 'pero', 'aunque', 'sino', 'excepto',
]);

/** A leading "no" followed by one of these is an interjection ("no I took it"), not a negator. */
const INTERJECTION_SUBJECTS: ReadonlySet<string> = new Set([
  'i', 'im', 'ive', 'id', 'ill', 'we', 'its', 'it', 'thats', 'everything', 'yo', 'todo',
]);
const INTERJECTIONS: ReadonlySet<string> = new Set(['no', 'nope', 'nah']);

/**
 * Splits text into clauses of normalised tokens.
 *
 * @returns non-empty token lists in reading order
 */
export function splitClauses(text: string): string[][] {
  const clauses: string[][] = [];
  for (const piece of joinDeniedLists(text.split(BOUNDARY).map(tokenize))) {
    let current: string[] = [];
    for (const token of piece) {
      if (CONJUNCTIONS.has(token)) {
        pushClause(clauses, current);
        current = [];
      } else {
        current.push(token);
      }
    }
    pushClause(clauses, current);
  }
  return clauses;
}

/** Determiners of denial: "no swelling", "sin dolor", "without fever" deny a thing ("not great" denies a quality). */
const DENYING_DETERMINERS: ReadonlySet<string> = new Set(['no', 'without', 'sin', 'ningun', 'ninguna', 'denies', 'deny', 'denied']);
/** "... or weight gain", "... ni mareo": the word that closes a list of things denied together. */
const LIST_CLOSERS: ReadonlySet<string> = new Set(['or', 'nor', 'ni']);
/** Longest list item, in words: "shortness of breath", "dolor de pecho". */
const LIST_ITEM_WORDS = 3;
const LIST_TAIL_WORDS = 8;

/**
 * "No swelling, shortness of breath or weight gain": the commas of a list of
 * things denied together are no clause boundary. A piece that ends in a
 * denied thing joins the pieces after it while they are short lists ending in
 * "or"/"nor"/"ni"; "no swelling, short of breath and dizzy" (with "and") stays
 * apart, since the patient may be telling what they do have.
 */
function joinDeniedLists(pieces: string[][]): string[][] {
  const joined: string[][] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = [...pieces[i]!];
    joined.push(piece);
    if (!endsInDeniedThing(piece)) continue;
    // "no swelling, cough, fever or chills": short items, then the one with "or".
    let end = i + 1;
    while (end < pieces.length && !isListTail(pieces[end]!) && isListItem(pieces[end]!)) end += 1;
    if (end >= pieces.length || !isListTail(pieces[end]!)) continue;
    for (const item of pieces.slice(i + 1, end + 1)) piece.push('or', ...item);
    i = end;
  }
  return joined;
}

const isListItem = (tokens: readonly string[]) => tokens.length > 0 && tokens.length <= LIST_ITEM_WORDS && !tokens.some((t) => CONJUNCTIONS.has(t) || DENYING_DETERMINERS.has(t));

function endsInDeniedThing(tokens: readonly string[]): boolean {
  const from = tokens.length - 1 - LIST_ITEM_WORDS;
  return tokens.slice(Math.max(0, from)).some((t, i, tail) => DENYING_DETERMINERS.has(t) && i < tail.length - 1 && !tail.slice(i + 1).some((u) => CONJUNCTIONS.has(u)));
}

/** A short piece that is list items: one or more, the last after "or"/"nor"/"ni", with no "but" and no other denial. */
const isListTail = (tokens: readonly string[]) =>
  tokens.length <= LIST_TAIL_WORDS && tokens.some((t, i) => LIST_CLOSERS.has(t) && i > 0 && i < tokens.length - 1) && !tokens.some((t) => CONJUNCTIONS.has(t) || DENYING_DETERMINERS.has(t));

function pushClause(clauses: string[][], tokens: string[]): void {
  if (tokens.length === 0) return;
  const [first, second] = tokens;
  if (first !== undefined && second !== undefined && INTERJECTIONS.has(first) && INTERJECTION_SUBJECTS.has(second)) {
    clauses.push([first], tokens.slice(1));
  } else {
    clauses.push(tokens);
  }
}
