/**
 * What the service says to a candidate, rendered from the prompt catalog
 * (prompts/invitation.ts) in their language: as a text, or as a call says it.
 */
import { renderPrompt, renderSms, type PromptKey } from '../../prompts/index.js';
import { promptVars } from '../conversation/index.js';
import type { Candidate } from '../store/candidates.js';
import type { Practice } from '../store/practices.js';

type Addressee = Pick<Candidate, 'firstName' | 'language'>;

/** One prompt as a text to the candidate. */
export const candidateSms = (key: PromptKey, practice: Practice, candidate: Addressee): string =>
  renderSms([{ prompt: key }], candidate.language, promptVars(practice, candidate), practice.prompts);

/** One prompt as a call to the candidate says it. */
export const candidateSpeech = (key: PromptKey, practice: Practice, candidate: Addressee): string =>
  renderPrompt(candidate.language, key, { ...promptVars(practice, candidate) }, 'voice', practice.prompts);
