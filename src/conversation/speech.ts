import { renderSms, type PromptKey, type SmsPart } from '../../prompts/index.js';
import type { Expectation, FlowOutput, Locale, PromptVars } from '../flows/types.js';
import { formatForReading } from '../phone.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';

/** The variables every patient-facing prompt may use. */
export function promptVars(practice: Practice, patient: Pick<Patient, 'firstName'> | null): PromptVars {
  return {
    firstName: patient?.firstName ?? '',
    practiceName: practice.name,
    practicePhone: formatForReading(practice.contactPhone),
  };
}

/** One system prompt (opt-out confirmation, help, ...) as a text for this patient. */
export function systemText(
  key: PromptKey,
  locale: Locale,
  practice: Practice,
  patient: Patient | null,
  params: Record<string, string> = {},
): string {
  return renderSms([{ prompt: key, params }], locale, promptVars(practice, patient), practice.prompts);
}

/**
 * What a flow step says, before a channel renders it: the prompts in order,
 * and the answer its question waits for (null when it asks nothing). The SMS
 * channel makes one text of it; the voice channel, <Say>s and a <Gather>.
 */
export interface Utterance {
  parts: SmsPart[];
  expects: Expectation | null;
}

/** The step's utterance; null when it says nothing. */
export function utteranceOf(outputs: readonly FlowOutput[]): Utterance | null {
  const says = outputs.flatMap((output) => (output.type === 'say' ? [output] : []));
  if (says.length === 0) return null;
  return {
    parts: says.map((say) => ({ prompt: say.prompt, ...(say.params ? { params: say.params } : {}) })),
    expects: says.findLast((say) => say.expects)?.expects ?? null,
  };
}

/** An utterance as one text. */
export function textOf(utterance: Utterance, locale: Locale, practice: Practice, patient: Patient): string {
  return renderSms(utterance.parts, locale, promptVars(practice, patient), practice.prompts);
}

/** What a flow step says, as one text; null when the step says nothing. */
export function flowText(outputs: FlowOutput[], locale: Locale, practice: Practice, patient: Patient): string | null {
  const utterance = utteranceOf(outputs);
  return utterance ? textOf(utterance, locale, practice, patient) : null;
}
