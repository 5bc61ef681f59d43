/**
 * Whether a message asks something. A question is never taken as a request
 * to stop texting or as "wrong number" ("is this a wrong number?", "¿quién
 * me escribe? no conozco este número", "can I stop these texts?"): it is
 * answered, and only a statement or a keyword stops anything.
 */
import { tokenize } from './normalize.js';

/** Words that open a question in English and Spanish (accents folded); not "do", which opens "do not text me". */
const OPENERS = new Set([
  'who', 'whos', 'what', 'whats', 'how', 'why', 'when', 'where', 'which', 'can', 'could', 'would', 'will', 'should', 'is', 'are',
  'does', 'did', 'am', 'was', 'may',
  'quien', 'quienes', 'que', 'como', 'cuando', 'donde', 'cual', 'cuales', 'porque', 'puedo', 'puede', 'pueden', 'podria', 'es', 'son',
]);

/**
 * A question mark anywhere (phones put them mid-message), an opening "¿", or an opening question word,
 * unless the message opens as an exclamation: "¡Qué golazo de Messi!", "what a game last night".
 */
export function isQuestion(text: string): boolean {
  if (/[?¿]/.test(text)) return true;
  if (/^\s*¡/.test(text)) return false;
  const [first, second] = tokenize(text);
  return first !== undefined && OPENERS.has(first) && !(first === 'what' && (second === 'a' || second === 'an'));
}
