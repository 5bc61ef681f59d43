/**
 * A dose reminder at the time the patient takes a medicine: "Reply 1 when
 * you have taken it, 2 if you cannot take it." The reply is adherence;
 * silence for the reminder's window is a missed dose. "Cannot take it" asks
 * why, as the medication check-in does.
 */
import { createFlowContext, flowSetup } from './flow-setup.js';
import { parseTaken, reasonStates, takenRoutes, type TakenReply } from './medication.js';
import { ask, endStates, flowOutcome, type Question } from './question.js';

const taken: Question<TakenReply> = {
  prompt: 'reminder.opening',
  expects: { kind: 'choice', options: 2 },
  reprompt: 'reminder.reprompt',
  parse: parseTaken,
  onTimeout: (_answers, context) => [
    {
      type: 'observe',
      observation: { kind: 'medication_adherence', value: { medicationId: context.medication?.id ?? '', taken: false, reason: 'no_reply' } },
    },
  ],
};

export const reminderMachine = flowSetup.createMachine({
  id: 'reminder',
  context: ({ input }) => createFlowContext(input),
  initial: 'askTaken',
  output: flowOutcome,
  states: {
    askTaken: ask(taken, takenRoutes('reminder.close_taken')),
    ...reasonStates,
    ...endStates,
  },
});
