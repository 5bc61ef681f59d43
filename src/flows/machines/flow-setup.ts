/**
 * The one XState `setup` shared by every flow: the same context, events,
 * input, output and emitted outputs, so the runtime drives all flows alike and
 * the question pattern in `question.ts` is written once.
 */
import { assign, emit, setup } from 'xstate';
import type { PromptKey } from '../../../prompts/en.js';
import type { BloodPressureLimit, Expectation, FlowEvent, FlowInput, FlowOutcome, FlowOutput, Locale } from '../types.js';
import type { FlowAnswers } from './answers.js';

export interface FlowContext {
  locale: Locale;
  medication?: { id: string; name: string; dose: string };
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
    ...(input.bpCrisis ? { bpCrisis: { ...input.bpCrisis } } : {}),
    ...(input.refillDate ? { refillDate: input.refillDate } : {}),
    answers: {},
    reprompts: 0,
  };
}

/**
 * Adds the medication's name and dose to every `say` of a medication flow, so
 * any of its prompts (opening, re-prompt, refill close) can name the medicine
 * without each call site remembering to pass them.
 */
export function withFlowParams(context: FlowContext, output: FlowOutput): FlowOutput {
  if (output.type !== 'say' || !context.medication) return output;
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
