/**
 * The flows' public API: the conversation runtime (src/conversation) starts and
 * advances flows here and never touches XState itself.
 */
export { advanceFlow, startFlow } from './runtime.js';
export { currentFlowVersion } from './registry.js';
export type { FlowAnswers } from './machines/answers.js';
export { MAX_REPROMPTS } from './machines/question.js';
export * from './types.js';
