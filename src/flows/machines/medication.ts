/**
 * Medication check-in: "Did you take your {medicationName} today?"; if not,
 * why, because each reason needs a different follow-up (a reminder, a look at
 * side effects, a refill). The bot never gives dosing advice.
 */
import { parseChoice, parseYesNo } from '../text/index.js';
import { readMedicineMentions } from '../understand/index.js';
import type { PromptKey } from '../../../prompts/en.js';
import type { FlowOutput } from '../types.js';
import type { FlowAnswers, MissedReason } from './answers.js';
import { MISSED_REASON_OPTIONS } from './choices.js';
import { adherenceObservations, missedClosing } from './doses.js';
import { createFlowContext, flowSetup } from './flow-setup.js';
import type { FlowContext } from './flow-setup.js';
import { ask, endStates, flowOutcome, routeVia } from './question.js';
import type { Parsed, Question, Route } from './question.js';
import { choiceOrDescription, description, wordsOnly } from './replies.js';
import type { ChoiceWithText } from './replies.js';

/** Ends the flow: the adherence record and the closing for the reason. */
function finish(answers: FlowAnswers, context: FlowContext): FlowOutput[] {
  return [...adherenceObservations(answers, context), missedClosing(answers, context)];
}

export type TakenReply = { taken: true } | { taken: false; reason?: ChoiceWithText<MissedReason> };

/** Words only: in a yes/no reply "2" means no, not "side effects". */
const REASON_WORDS = wordsOnly(MISSED_REASON_OPTIONS);

/**
 * Yes or no, and the reason when it came along ("No, I ran out"), so we do
 * not ask it again. The words are not kept as details: a side effect or an
 * "other" reason is still asked about in the patient's own words.
 */
export function parseTaken(text: string): Parsed<TakenReply> {
  const answer = parseYesNo(text);
  if (answer === null) return { ok: false };
  if (answer === 'yes') return { ok: true, value: { taken: true } };
  const choice = parseChoice(text, REASON_WORDS);
  return { ok: true, value: choice ? { taken: false, reason: { choice } } : { taken: false } };
}

/**
 * The answer for the medicine asked about: a yes with an exception for it by
 * name ("sí, menos la metformina", "yes, all but the metformin") is a no for
 * it. Anything else it says of the medicine in words the menu cannot take ("I
 * stopped the water pill cause...") is the turn's to record (conversation/medicines.ts).
 */
export function parseTakenOf(text: string, context: FlowContext): Parsed<TakenReply> {
  const plain = parseTaken(text);
  if (!plain.ok || !plain.value.taken || !context.medication?.id) return plain;
  const { id, name, onFile } = context.medication;
  const [named] = readMedicineMentions(text, [{ id, name: onFile ?? name }]);
  if (!named || named.taken) return plain;
  const reason = MISSED_REASON_OPTIONS.find((o) => o.id === named.reason);
  return { ok: true, value: reason ? { taken: false, reason: { choice: reason.id } } : { taken: false } };
}

const taken: Question<TakenReply> = {
  prompt: 'medication.opening',
  expects: { kind: 'choice', options: 2 },
  reprompt: 'medication.reprompt_taken',
  parse: parseTakenOf,
};

const reason: Question<ChoiceWithText<MissedReason>> = {
  prompt: 'medication.ask_reason',
  expects: { kind: 'choice', options: MISSED_REASON_OPTIONS.length },
  reprompt: 'medication.reprompt_reason',
  parse: choiceOrDescription(MISSED_REASON_OPTIONS, 'other'),
  onAbandon: adherenceObservations,
};

const sideEffects: Question<string> = {
  prompt: 'medication.ask_side_effects',
  expects: { kind: 'words' },
  reprompt: 'medication.reprompt_side_effects',
  parse: description,
  onAbandon: adherenceObservations,
};

const otherReason: Question<string> = {
  prompt: 'medication.ask_other_reason',
  expects: { kind: 'words' },
  reprompt: 'medication.reprompt_other_reason',
  parse: description,
  onAbandon: adherenceObservations,
};

/** Asks for details when the reason came without them; finishes otherwise. */
function reasonRoute(choice: 'side_effects' | 'other', detailState: string): Route<ChoiceWithText<MissedReason>> {
  return {
    when: (reply) => reply.choice === choice && reply.text === undefined,
    target: detailState,
    answer: () => ({ missedReason: choice }),
  };
}

const reasonRoutes: readonly Route<ChoiceWithText<MissedReason>>[] = [
  reasonRoute('side_effects', 'askSideEffects'),
  reasonRoute('other', 'askOtherReason'),
  {
    target: 'done',
    answer: (reply) => ({ missedReason: reply.choice, ...(reply.text ? { missedDetail: reply.text } : {}) }),
    outputs: finish,
  },
];

const detailRoute: Route<string> = {
  target: 'done',
  answer: (detail) => ({ missedDetail: detail }),
  outputs: finish,
};

/**
 * Where "did you take it?" leads: done when taken (closing with `takenClose`),
 * else to the reason, unless the reply already gave it ("No, I ran out").
 */
export function takenRoutes(takenClose: PromptKey): Route<TakenReply>[] {
  return [
    {
      when: (reply) => reply.taken,
      target: 'done',
      answer: () => ({ medicationTaken: true }),
      outputs: (answers, context) => [...adherenceObservations(answers, context), { type: 'say', prompt: takenClose }],
    },
    ...reasonRoutes.map((route) =>
      routeVia(route, (reply: TakenReply) => (reply.taken ? undefined : reply.reason), { medicationTaken: false }),
    ),
    { target: 'askReason', answer: () => ({ medicationTaken: false }) },
  ];
}

/** The questions after "no": why, and the details for side effects or another reason. */
export const reasonStates = {
  askReason: ask(reason, reasonRoutes),
  askSideEffects: ask(sideEffects, [detailRoute]),
  askOtherReason: ask(otherReason, [detailRoute]),
};

export const medicationMachine = flowSetup.createMachine({
  id: 'medication',
  context: ({ input }) => createFlowContext(input),
  initial: 'askTaken',
  output: flowOutcome,
  states: {
    askTaken: ask(taken, takenRoutes('medication.close_taken')),
    ...reasonStates,
    ...endStates,
  },
});
