/**
 * Carrier keywords and free-text opt-outs. Opt-out is checked first and
 * most broadly: a missed opt-out breaks the law and the patient's trust,
 * while a wrong one is undone by replying START.
 */
import { splitClauses } from '../text/clauses.js';
import { tokenEquals } from '../text/fuzzy.js';
import { findNegator } from '../text/negation.js';
import { tokenize } from '../text/normalize.js';
import { findPhrase } from '../text/phrase-match.js';
import { compilePattern } from '../text/phrase-pattern.js';
import { isQuestion } from '../text/question.js';
import { CARRIER_OPT_OUT_KEYWORDS, HELP_KEYWORDS, KEYWORD_FILLER, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS, OPT_OUT_PHRASES, WHOLE_MESSAGE_OPT_OUT_KEYWORDS } from './keyword-phrases.js';

export type KeywordIntent = 'opt_out' | 'opt_in' | 'help';

const toWords = (keywords: readonly string[]): string[][] => keywords.map((keyword) => tokenize(keyword));

const CARRIER_OPT_OUT = toWords(CARRIER_OPT_OUT_KEYWORDS);
const OPT_OUT = toWords(OPT_OUT_KEYWORDS);
const OPT_OUT_AS_THE_MESSAGE = [...OPT_OUT, ...toWords(WHOLE_MESSAGE_OPT_OUT_KEYWORDS)];
const OPT_IN = toWords(OPT_IN_KEYWORDS);
const HELP = toWords(HELP_KEYWORDS);
const FILLER: ReadonlySet<string> = new Set(KEYWORD_FILLER);
const OPT_OUT_PATTERNS = OPT_OUT_PHRASES.map(compilePattern);

/**
 * Keywords are short everyday words ("end", "cancel" is one letter from
 * "cancer"), so they match exactly or stretched ("stopp"); only long ones
 * ("unsubscribe") forgive a typo.
 */
function keywordTokenEquals(token: string, word: string): boolean {
  if (token === word) return true;
  if (word.length >= 8) return tokenEquals(token, word);
  return token.length > word.length && token.startsWith(word) && tokenEquals(token, word);
}

/** Whether the tokens are only keywords from `keywords` and filler, with at least one keyword. */
function isKeywordMessage(tokens: readonly string[], keywords: readonly string[][]): boolean {
  let sawKeyword = false;
  let i = 0;
  while (i < tokens.length) {
    const keyword = keywords
      .filter((words) => words.every((word, k) => keywordTokenEquals(tokens[i + k] ?? '', word)))
      .sort((a, b) => b.length - a.length)[0];
    if (keyword !== undefined) {
      sawKeyword = true;
      i += keyword.length;
    } else if (FILLER.has(tokens[i] ?? '')) {
      i++;
    } else {
      return false;
    }
  }
  return sawKeyword;
}

function isFreeTextOptOut(text: string): boolean {
  return splitClauses(text).some((tokens) =>
    OPT_OUT_PATTERNS.some((pattern) =>
      findPhrase(pattern, tokens).some(({ start }) => pattern.selfNegated || findNegator(tokens, start) < 0),
    ),
  );
}

/**
 * A request to us, even with a question mark: "can you stop texting me?",
 * "¿pueden dejar de mandarme mensajes?". Asking whether one can ("can I stop
 * these?") or what something is asks for an answer, not an action.
 */
function asksUsTo(tokens: readonly string[]): boolean {
  const text = ` ${tokens.join(' ')} `;
  return / (can|could|would|will|please|pls|plz) (you|u|yall|ya) /.test(text) || / (pueden|puede|podrian|podria|puedes|podrias|favor de) (dejar|parar|no|quitar|sacar|borrar|dar) /.test(text);
}

/**
 * Keywords only, an opt-out among them ("yes stop", "ok STOP", "STOP. HELP"):
 * a STOP is honoured whatever keyword stands beside it.
 */
function mixesInOptOut(tokens: readonly string[]): boolean {
  const hasOptOut = CARRIER_OPT_OUT.some((words) => tokens.some((_, i) => words.every((word, k) => keywordTokenEquals(tokens[i + k] ?? '', word))));
  return hasOptOut && isKeywordMessage(tokens, [...CARRIER_OPT_OUT, ...OPT_IN, ...HELP, ['no']]);
}

/**
 * Classifies carrier keywords and opt-out requests.
 *
 * - opt_out: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT
 *   and Spanish PARAR, ALTO, BAJA, CANCELAR, as the whole message or one
 *   sentence of it ("STOP. Thanks"), plus free-text requests anywhere
 *   ("please stop texting me", "no me manden más mensajes");
 * - help: HELP, INFO, AYUDA as the whole message, or a question about
 *   stopping ("how do I unsubscribe?", "¿número equivocado?"): it
 *   is answered with how to stop, and stops nothing;
 * - opt_in: START, UNSTOP, YES, RESUME, ... as the whole message.
 *
 * "I had to stop taking my meds" or "help me I can't breathe" are not
 * keywords: keywords must stand alone, free text must say what to stop. A
 * question is never an opt-out unless a carrier keyword stands alone in it
 * ("STOP?", "who is this? STOP") or it asks us to stop ("can you stop texting me?").
 */
export function classifyKeyword(text: string): KeywordIntent | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  // Each sentence with its own end, so a question beside a statement stays a question ("who is this? stop texting me").
  const sentences = (text.match(/[^.!?;\n]+[.!?;\n]*/g) ?? []).filter((sentence) => tokenize(sentence).length > 0);
  const alone = (keywords: readonly string[][]) => isKeywordMessage(tokens, keywords) || sentences.some((s) => isKeywordMessage(tokenize(s), keywords));
  if (alone(CARRIER_OPT_OUT) || mixesInOptOut(tokens)) return 'opt_out';
  const optsOut = (s: string) => isKeywordMessage(tokenize(s), OPT_OUT) || isFreeTextOptOut(s);
  // A statement that opts out opts out, whatever else the message asks.
  if (sentences.some((s) => !isQuestion(s) && optsOut(s))) return 'opt_out';
  if (alone(OPT_OUT) || isKeywordMessage(tokens, OPT_OUT_AS_THE_MESSAGE) || isFreeTextOptOut(text)) return isQuestion(text) && !asksUsTo(tokens) ? 'help' : 'opt_out';
  if (isKeywordMessage(tokens, HELP)) return 'help';
  if (isKeywordMessage(tokens, OPT_IN)) return 'opt_in';
  return null;
}
