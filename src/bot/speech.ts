import { renderSms, type PromptKey, type SmsPart } from '../../prompts/index.js';
import type { FlowOutput, Locale, PromptVars } from '../flows/types.js';
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

/** What a flow step says, as one text; null when the step says nothing. */
export function flowText(outputs: FlowOutput[], locale: Locale, practice: Practice, patient: Patient): string | null {
  const parts: SmsPart[] = outputs.flatMap((output) =>
    output.type === 'say' ? [{ prompt: output.prompt, ...(output.params ? { params: output.params } : {}) }] : [],
  );
  return parts.length > 0 ? renderSms(parts, locale, promptVars(practice, patient), practice.prompts) : null;
}
