/**
 * The one XState `setup` shared by every flow: the same context, events,
 * input, output and emitted outputs, so the runtime drives all flows alike and
 * the question pattern in `question.ts` is written once.
 */
import { assign, emit, setup } from 'xstate';
import type { PromptKey } from '../../../prompts/en.js';
import type { BloodPressureLimit, Expectation, FlowEvent, FlowInput, FlowOutcome, FlowOutput, Locale } from '../types.js';
import type { FlowAnswers } from './answers.js';
import { unanswered } from './doses.js';
import { medicineWords } from './medicine-words.js';

export interface FlowContext {
  locale: Locale;
  medication?: { id: string; name: string; dose: string; onFile?: string };
  /** Dose reminder: every medication due at its time, by the names on file (FlowInput.medications). */
  medications?: Array<{ id: string; name: string; dose: string }>;
  /** Whether texts may name them. */
  namesInTexts?: boolean;
  /** Symptoms flow: the reading answered at once with "call 911 or us now" (from the practice's rules). */
  bpCrisis?: BloodPressureLimit;
  /** Refill flow: the due date as the patient reads it. */
  refillDate?: string;
  answers: FlowAnswers;
  /** Re-prompts used on the current question; reset when a question is asked. */
  reprompts: number;
}

/** Copies the input into a JSON-only context (no `undefined` keys, which JSON drops). */
export function createFlowContext(input: FlowInput): FlowContext {
  return {
    locale: input.locale,
    ...(input.medication ? { medication: { ...input.medication } } : {}),
    ...(input.medications ? { medications: input.medications.map((m) => ({ ...m })), namesInTexts: input.namesInTexts ?? false } : {}),
    ...(input.bpCrisis ? { bpCrisis: { ...input.bpCrisis } } : {}),
    ...(input.refillDate ? { refillDate: input.refillDate } : {}),
    answers: {},
    reprompts: 0,
  };
}

/**
 * Adds the medication's name and dose to every `say` of a medication flow, so
 * any of its prompts (opening, re-prompt, refill close) can name the medicine
 * without each call site remembering to pass them. A reminder for several
 * medicines adds how many, the list and those not answered yet (names only
 * where the practice allows them), and names them all where a prompt names
 * "the" medicine.
 */
export function withFlowParams(context: FlowContext, output: FlowOutput): FlowOutput {
  if (output.type !== 'say') return output;
  const several = context.medications && context.medications.length > 1 ? context.medications : null;
  if (several) {
    const words = (medicines: readonly { name: string; dose: string }[]) => medicineWords(medicines, context.namesInTexts ?? false, context.locale);
    const list = words(several);
    const params = { medicationName: list, medicationDose: '', medicationCount: several.length, medicationList: list, otherMedications: words(unanswered(context.answers, context)) };
    return { ...output, params: { ...params, ...output.params } };
  }
  if (!context.medication) return output;
  return {
    ...output,
    params: {
      medicationName: context.medication.name,
      medicationDose: context.medication.dose,
      ...(context.refillDate ? { refillDate: context.refillDate } : {}),
      ...output.params,
    },
  };
}

export const flowSetup = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as FlowInput,
    output: {} as FlowOutcome,
    emitted: {} as FlowOutput,
  },
  actions: {
    say: emit(({ context }, params: { prompt: PromptKey; expects?: Expectation }) =>
      withFlowParams(context, { type: 'say', prompt: params.prompt, ...(params.expects ? { expects: params.expects } : {}) }),
    ),
    resetReprompts: assign({ reprompts: 0 }),
  },
});
