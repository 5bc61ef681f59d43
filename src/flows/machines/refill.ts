/**
 * The refill question, 3 days before a refill is due: "Do you have it?" Yes
 * confirms it; no is a refill the care team helps with (triage raises it).
 * Silence changes nothing: a refill not confirmed by its date is raised then.
 */
import { parseYesNo } from '../text/index.js';
import { createFlowContext, flowSetup } from './flow-setup.js';
import { ask, endStates, flowOutcome, type Question } from './question.js';

const hasRefill: Question<boolean> = {
  prompt: 'refill.opening',
  expects: { kind: 'choice', options: 2 },
  reprompt: 'refill.reprompt',
  parse: (text) => {
    const answer = parseYesNo(text);
    return answer === null ? { ok: false } : { ok: true, value: answer === 'yes' };
  },
};

export const refillMachine = flowSetup.createMachine({
  id: 'refill',
  context: ({ input }) => createFlowContext(input),
  initial: 'askHasRefill',
  output: flowOutcome,
  states: {
    askHasRefill: ask(hasRefill, [
      {
        when: (yes) => yes,
        target: 'done',
        answer: () => ({ hasRefill: true }),
        outputs: (_answers, context) => [
          { type: 'observe', observation: { kind: 'refill_confirmed', value: { medicationId: context.medication?.id ?? '' } } },
          { type: 'say', prompt: 'refill.close_yes' },
        ],
      },
      {
        target: 'done',
        answer: () => ({ hasRefill: false }),
        outputs: (_answers, context) => [
          { type: 'observe', observation: { kind: 'refill_concern', value: { medicationId: context.medication?.id ?? '' } } },
          { type: 'say', prompt: 'refill.close_no' },
        ],
      },
    ]),
    ...endStates,
  },
});
