/**
 * The text-understanding layer of the flows: pure functions, no I/O.
 */
export { normalizeText, tokenize } from './normalize.js';
export { editDistance, tokenEquals, tokenHasStem } from './fuzzy.js';
export { splitClauses } from './clauses.js';
export { NEGATORS, findNegator } from './negation.js';
export { compilePattern, literalPattern } from './phrase-pattern.js';
export type { PhrasePattern, Slot, WordSpec } from './phrase-pattern.js';
export { findPhrase } from './phrase-match.js';
export type { PhraseMatch } from './phrase-match.js';
export { compilePhraseDetectorsInBackground } from './phrase-detector.js';
export * from './replies/index.js';
export { isPleasantry } from './pleasantry.js';
export { isQuestion } from './question.js';
