/**
 * A dose reminder at the time the patient takes their medicines: one text for
 * every medicine due then, "It is time for your 2 medicines" (named only
 * where the practice allows names), never one text per medicine that a
 * patient might take as two calls to take a dose. One answer stands for all
 * of them ("1", "took both of em", "no"); a reply that names a medicine is
 * taken per medicine ("took the metformin but not the lisinopril"), and the
 * medicines it did not name are asked about once more. "Cannot take it" asks
 * why, as the medication check-in does. Silence for the reminder's window
 * records each medicine not answered as unanswered, never as a missed dose:
 * a patient who took the pill and did not text back has missed nothing.
 */
import type { PromptKey } from '../../../prompts/en.js';
import type { FlowAnswers } from './answers.js';
import { adherenceObservations, doseOf, medicinesAsked, missedClosing, reasonMissing, unanswered } from './doses.js';
import { createFlowContext, flowSetup, type FlowContext } from './flow-setup.js';
import { reasonStates } from './medication.js';
import { ask, endStates, flowOutcome, type Question, type Route } from './question.js';
import { parseReminderReply, type ReminderReply } from './reminder-reply.js';

const several = (context: FlowContext) => (context.medications?.length ?? 0) > 1;

/** A question about taking the medicines; the reminder asks it in the words for one medicine or several. */
function takenQuestion(prompt: PromptKey, reprompt: PromptKey): Question<ReminderReply> {
  return {
    prompt,
    expects: { kind: 'choice', options: 2 },
    reprompt,
    parse: parseReminderReply,
    onAbandon: adherenceObservations,
    onTimeout: (answers, context) =>
      unanswered(answers, context).map((m) => ({
        type: 'observe',
        observation: { kind: 'reminder_unanswered', value: { medicationId: m.id } },
      })),
  };
}

/** The reply added to the answers: what it said of medicines by name, and its answer for the rest. */
function answerOf(reply: ReminderReply): FlowAnswers {
  const { doses, rest } = reply;
  const named = Object.keys(doses).length > 0 ? { doses } : {};
  if (!rest) return named;
  if (rest.taken || !rest.reason) return { ...named, medicationTaken: rest.taken };
  const { choice, text } = rest.reason;
  return { ...named, medicationTaken: false, missedReason: choice, ...(text ? { missedDetail: text } : {}) };
}

const after = (reply: ReminderReply, context: FlowContext): FlowAnswers => ({ ...context.answers, ...answerOf(reply) });
/** A plain "no, it makes me sick" whose words the reason questions still ask for, as the medication check-in does. */
const detailAsked = (reply: ReminderReply, choice: 'side_effects' | 'other') =>
  reply.rest !== undefined && !reply.rest.taken && reply.rest.reason?.choice === choice && reply.rest.reason.text === undefined;

/** Whether a dose was missed: the closing is the one for its reason, not "thank you". */
const missedAny = (answers: FlowAnswers, context: FlowContext) => medicinesAsked(context).some((m) => doseOf(answers, m.id)?.taken === false);

/** Where an answer leads: the medicines not named yet, why a dose was missed, or the end. */
const routes: readonly Route<ReminderReply>[] = [
  { when: (reply, context) => unanswered(after(reply, context), context).length > 0 && context.namesInTexts === true, target: 'askRestNamed', reenter: true, answer: answerOf },
  { when: (reply, context) => unanswered(after(reply, context), context).length > 0, target: 'askRest', reenter: true, answer: answerOf },
  { when: (reply) => detailAsked(reply, 'side_effects'), target: 'askSideEffects', answer: answerOf },
  { when: (reply) => detailAsked(reply, 'other'), target: 'askOtherReason', answer: answerOf },
  { when: (reply, context) => reasonMissing(after(reply, context), context), target: 'askReason', answer: answerOf },
  {
    when: (reply, context) => !missedAny(after(reply, context), context),
    target: 'done',
    answer: answerOf,
    outputs: (answers, context) => [...adherenceObservations(answers, context), { type: 'say', prompt: 'reminder.close_taken' }],
  },
  { target: 'done', answer: answerOf, outputs: (answers, context) => [...adherenceObservations(answers, context), missedClosing(answers, context)] },
];

export const reminderMachine = flowSetup.createMachine({
  id: 'reminder',
  context: ({ input }) => createFlowContext(input),
  // One medicine is asked about by name (or "your medicine"); several by how many, and by name where allowed.
  initial: 'start',
  output: flowOutcome,
  states: {
    start: {
      always: [
        { guard: ({ context }) => !several(context), target: 'askTaken' },
        { guard: ({ context }) => context.namesInTexts === true, target: 'askAllNamed' },
        { target: 'askAll' },
      ],
    },
    askTaken: ask(takenQuestion('reminder.opening', 'reminder.reprompt'), routes),
    askAll: ask(takenQuestion('reminder.opening_several', 'reminder.reprompt_several'), routes),
    askAllNamed: ask(takenQuestion('reminder.opening_named', 'reminder.reprompt_several'), routes),
    askRest: ask(takenQuestion('reminder.ask_rest', 'reminder.reprompt_rest'), routes),
    askRestNamed: ask(takenQuestion('reminder.ask_rest_named', 'reminder.reprompt_rest'), routes),
    ...reasonStates,
    ...endStates,
  },
});
