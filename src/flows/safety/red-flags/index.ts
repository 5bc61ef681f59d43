export { detectRedFlag, redFlagHistory, redFlagSpans } from './detect.js';
export { RED_FLAG_CATEGORIES } from './types.js';
export type { RedFlag, RedFlagCategory, RedFlagPhrases } from './types.js';
export { EN_RED_FLAGS } from './en.js';
export { ES_RED_FLAGS } from './es.js';
