/**
 * Safety checks run on every inbound reply before any flow sees it.
 */
export * from './red-flags/index.js';
export { classifyKeyword } from './keywords.js';
export type { KeywordIntent } from './keywords.js';
export { HELP_KEYWORDS, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS, OPT_OUT_PHRASES } from './keyword-phrases.js';
