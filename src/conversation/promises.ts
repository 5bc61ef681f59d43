import { en, type PromptKey } from '../../prompts/index.js';

/**
 * Whether a prompt says someone will follow up, review or call ("A nurse will
 * call you", "Your care team will review this"). Such a text must be backed by
 * an alert a person works from: the runtime checks each step that says one.
 */
export const promisesFollowUp = (key: PromptKey): boolean => (en[key] as { promise?: true }).promise === true;
