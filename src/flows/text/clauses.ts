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
  for (const piece of text.split(BOUNDARY)) {
    let current: string[] = [];
    for (const token of tokenize(piece)) {
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

function pushClause(clauses: string[][], tokens: string[]): void {
  if (tokens.length === 0) return;
  const [first, second] = tokens;
  if (first !== undefined && second !== undefined && INTERJECTIONS.has(first) && INTERJECTION_SUBJECTS.has(second)) {
    clauses.push([first], tokens.slice(1));
  } else {
    clauses.push(tokens);
  }
}
