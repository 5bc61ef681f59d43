/**
 * Reading a candidate's answer to an enrolment invitation ("Reply YES to
 * learn more, NO if not interested, STOP to end texts"), in English and
 * Spanish. Pure. Red flags and distress are looked for by the caller first.
 *
 * What it settles by itself it must account for whole (the closed world):
 * a yes only when every word says yes ("yes please", "sí, me interesa");
 * a no when a clause refuses and the others only refuse, thank or say they
 * are looked after ("no, I already have a nurse who calls"). A question is
 * never a no: it is answered (who we are) or read by a person, as is
 * anything mixed or unsure ("yes but how much does it cost", "not sure").
 * Opting out goes first and as broadly as for patients (classifyKeyword),
 * except that "not interested" to an invitation is a no to the invitation.
 */
import { classifyKeyword } from '../safety/index.js';
import { CARRIER_OPT_OUT_KEYWORDS } from '../safety/keyword-phrases.js';
import { splitClauses } from '../text/clauses.js';
import { findNegator } from '../text/negation.js';
import { tokenize } from '../text/normalize.js';
import { findPhrase } from '../text/phrase-match.js';
import { compilePattern, type PhrasePattern } from '../text/phrase-pattern.js';
import { isPleasantry } from '../text/pleasantry.js';
import { isQuestion } from '../text/question.js';
import { readRequests } from '../understand/requests.js';
import { INVITATION_NO_WHOLE, INVITATION_NO, INVITATION_WHO, INVITATION_YES, REPLY_FILLER } from './reply-words.js';

export type InvitationReply = 'opt_out' | 'yes' | 'no' | 'help' | 'who_is_this' | 'other';

const compile = (phrases: readonly string[]) => phrases.map(compilePattern);
const YES = compile(INVITATION_YES);
const NO_ANYWHERE = compile(INVITATION_NO);
const NO_WHOLE = compile(INVITATION_NO_WHOLE);
const WHO = compile(INVITATION_WHO);
const FILLER: ReadonlySet<string> = new Set(REPLY_FILLER);
const CARRIER_STOP = CARRIER_OPT_OUT_KEYWORDS.map((k) => tokenize(k).join(' '));

/** Token ranges in `tokens` that the patterns match, not denied by a negator before them. */
function spans(patterns: readonly PhrasePattern[], tokens: readonly string[], allowNegated = false): Array<[number, number]> {
  return patterns.flatMap((pattern) =>
    findPhrase(pattern, tokens)
      .filter(({ start }) => allowNegated || pattern.selfNegated || findNegator(tokens, start) < 0)
      .map(({ start, end }): [number, number] => [start, end]),
  );
}

/** Whether the ranges and filler words cover every token of the clause. */
function covers(ranges: ReadonlyArray<[number, number]>, tokens: readonly string[]): boolean {
  return tokens.every((token, i) => FILLER.has(token) || ranges.some(([start, end]) => i >= start && i < end));
}

/** The clause is only what the patterns match, and filler; at least one matches. */
function only(patterns: readonly PhrasePattern[], tokens: readonly string[], allowNegated: boolean): boolean {
  const found = spans(patterns, tokens, allowNegated);
  return found.length > 0 && covers(found, tokens);
}

/** The clause is only a refusal: "no", "no thanks", "nope", "no gracias". */
const refusesWhole = (tokens: readonly string[]) => only(NO_WHOLE, tokens, true);
/** The clause says no somewhere: "not interested", "no me interesa", "I already have a nurse". */
const refusesIn = (tokens: readonly string[]) => spans(NO_ANYWHERE, tokens, true).length > 0 || refusesWhole(tokens);
const saysYes = (tokens: readonly string[]) => spans(YES, tokens).length > 0;
const onlyFiller = (tokens: readonly string[]) => tokens.every((t) => FILLER.has(t));
/** A carrier keyword standing alone in a clause ("no, stop"). */
const stopsInClause = (tokens: readonly string[]) => CARRIER_STOP.includes(tokens.filter((t) => !FILLER.has(t)).join(' '));
/** Words about stopping in a question ("how do I stop these?"): answered with how to stop. */
const STOP_WORDS = new Set(['stop', 'unsubscribe', 'optout', 'parar', 'baja', 'cancelar', 'cancel']);

/** The text without its refusals (a whole "no" clause, "not interested"): what is left must opt out by itself. */
function withoutRefusals(clauses: readonly string[][]): string {
  return clauses
    .filter((tokens) => !refusesWhole(tokens))
    .map((tokens) => {
      const ranges = spans(NO_ANYWHERE, tokens, true);
      return tokens.filter((_t, i) => !ranges.some(([start, end]) => i >= start && i < end)).join(' ');
    })
    .filter((clause) => clause !== '')
    .join('. ');
}

function asksWho(text: string, clauses: readonly string[][]): boolean {
  return readRequests(text).includes('who_is_this') || clauses.some((tokens) => spans(WHO, tokens, true).length > 0);
}

/** Words that make an answer conditional or unsure ("yes but only texts", "no, I mean yes", "sí pero llámenme"). */
const HEDGES = new Set(['but', 'pero', 'only', 'solo', 'unless', 'if', 'maybe', 'perhaps', 'quizas', 'quiza', 'depends', 'depende', 'mean', 'sino', 'aunque', 'although', 'vez']);
/** A thumb or a tick sent alone answers: many older patients reply with one. */
const EMOJI_ANSWERS: ReadonlyArray<[RegExp, 'yes' | 'no']> = [
  [/^(?:\s|\p{Emoji_Modifier}|\u{FE0F}|[\u{1F44D}\u{1F44C}\u{2705}\u{2714}])+$/u, 'yes'],
  [/^(?:\s|\p{Emoji_Modifier}|\u{FE0F}|\u{1F44E})+$/u, 'no'],
];

export interface InvitationAnswer {
  reply: InvitationReply;
  /** The text says more than its answer ("No thank you. I get home health visits already"): a person reads the rest. */
  leftover: boolean;
}

/**
 * The answer, when the text opens with a plain yes or no and says more
 * besides: the answer is acted on and the rest goes to a person. Only when
 * nothing else in it hedges, asks or says the opposite; otherwise the whole
 * text is a person's to read (reply 'other').
 */
export function readInvitationAnswer(text: string): InvitationAnswer {
  const emoji = EMOJI_ANSWERS.find(([pattern]) => pattern.test(text));
  if (emoji) return { reply: emoji[1], leftover: false };
  const reply = readInvitationReply(text);
  if (reply !== 'other' || isQuestion(text) || readRequests(text).length > 0) return { reply, leftover: false };
  const [first, ...rest] = splitClauses(text);
  if (!first || rest.length === 0 || [first, ...rest].some((tokens) => tokens.some((t) => HEDGES.has(t)))) return { reply, leftover: false };
  const opens = only(YES, first, false) ? 'yes' : refusesWhole(first) || (refusesIn(first) && !saysYes(first)) ? 'no' : null;
  const contradicts = opens === 'yes' ? rest.some(refusesIn) : rest.some((tokens) => saysYes(tokens) && !refusesIn(tokens));
  return opens && !contradicts ? { reply: opens, leftover: true } : { reply, leftover: false };
}

/**
 * What the candidate's text answers to the invitation: opt_out (STOP, "please
 * stop texting me"), yes, no, help (HELP, or how to stop), who_is_this (any
 * question about who we are or what this is), or other (for a person).
 */
export function readInvitationReply(text: string): InvitationReply {
  const clauses = splitClauses(text);
  if (clauses.length === 0) return 'other';
  const question = isQuestion(text);
  const keyword = classifyKeyword(text);
  if (keyword === 'opt_out') {
    // "Not interested" and "no me interesa" are carrier-style words for no; anything besides them opts out.
    const rest = withoutRefusals(clauses);
    if (rest === clauses.map((tokens) => tokens.join(' ')).join('. ')) return 'opt_out';
    if (classifyKeyword(`${rest}${question ? '?' : ''}`) === 'opt_out') return 'opt_out';
  }
  if (!question && clauses.some(stopsInClause)) return 'opt_out';
  if (question) {
    if (asksWho(text, clauses)) return 'who_is_this';
    return keyword === 'help' || clauses.some((tokens) => tokens.some((t) => STOP_WORDS.has(t))) ? 'help' : 'other';
  }
  if (keyword === 'help') return 'help';
  if (asksWho(text, clauses)) return 'who_is_this';
  // Anything asked of the care team besides (a call, an appointment) is for a person, whatever else it says.
  if (readRequests(text).length > 0) return 'other';
  // Every clause only says yes ("sí, por favor": the second is only politeness).
  if (clauses.some(saysYes) && clauses.every((tokens) => onlyFiller(tokens) || only(YES, tokens, false))) return 'yes';
  const refusing = clauses.map(refusesIn);
  const saysYesToo = clauses.some((tokens) => saysYes(tokens) && !refusesIn(tokens));
  if (refusing.some(Boolean) && !saysYesToo && clauses.every((tokens, i) => refusing[i] || isPleasantry(tokens.join(' ')))) return 'no';
  return 'other';
}
