/**
 * Wellness check-in: "How are you feeling?"; on concerns, what it is, how bad,
 * and whether it is new or worse, so the care team knows whom to call first.
 */
import { parseFreeText, parseWellbeing } from '../text/index.js';
import { readConcerns } from '../understand/index.js';
import type { FlowOutput } from '../types.js';
import type { ConcernCategory, ConcernTrend, FlowAnswers, Severity } from './answers.js';
import { CONCERN_OPTIONS, CONCERN_TREND_OPTIONS, SEVERITY_OPTIONS } from './choices.js';
import { createFlowContext, flowSetup } from './flow-setup.js';
import { ask, endStates, flowOutcome } from './question.js';
import type { Parsed, Question } from './question.js';
import { choice, choiceOrDescription, description } from './replies.js';
import type { ChoiceWithText } from './replies.js';

/**
 * The concern as told so far. Also used when the flow ends early, so "pain,
 * moderate" still reaches triage, whose rules decide who hears of it.
 */
function concernOutputs(answers: FlowAnswers): FlowOutput[] {
  const { concernCategory: category, concernText: text, severity, concernTrend: trend } = answers;
  if (!category) return [];
  const outputs: FlowOutput[] = [
    {
      type: 'observe',
      observation: {
        kind: 'concern',
        value: { category, ...(text ? { text } : {}), ...(severity ? { severity } : {}), ...(trend ? { trend } : {}) },
      },
    },
  ];
  return outputs;
}

/** How they feel, and the concern already named when the reply names one ("not good, my ankles are swollen"). */
type Feeling = { status: 'well' } | { status: 'concerns'; concern?: ChoiceWithText<ConcernCategory> & { text: string }; words?: string };

/** A concern read in the text, as the menu's category ("dizzy" is 3, "swollen" 4), with the patient's words. */
const MENU_CATEGORY: Partial<Record<string, ConcernCategory>> = {
  pain: 'pain',
  breathing: 'breathing',
  dizziness: 'dizzy',
  swelling: 'swelling',
  side_effects: 'medicine',
};

/**
 * "How are you feeling?" Any concern the reply names makes it a "concerns"
 * answer, even next to "ok" ("I fell last week but I'm ok now"): a nurse
 * wants to hear of it. A reply that is neither well nor unwell but names a
 * concern ("my ankles are really swollen") is that concern, not gibberish.
 */
function parseFeeling(text: string): Parsed<Feeling> {
  const named = readConcerns(text)[0];
  if (named !== undefined) {
    const words = parseFreeText(text) ?? text;
    return { ok: true, value: { status: 'concerns', concern: { choice: MENU_CATEGORY[named] ?? 'other', text: words } } };
  }
  const status = parseWellbeing(text);
  if (status === null) return { ok: false };
  // More than the answer ("2 la presión está bajita", not "no muy bien"): kept as the patient wrote it.
  const saysMore = /^\s*\d\b\W*\p{L}{3,}.*\p{L}{3,}/su.test(text) || text.trim().split(/\s+/).length > 4;
  const words = status === 'concerns' && saysMore ? text.trim() : undefined;
  return { ok: true, value: status === 'concerns' && words ? { status, words } : { status } };
}

const feeling: Question<Feeling> = {
  prompt: 'wellness.opening',
  expects: { kind: 'choice', options: 2 },
  reprompt: 'wellness.reprompt_feeling',
  parse: parseFeeling,
};

const concern: Question<ChoiceWithText<ConcernCategory>> = {
  prompt: 'wellness.ask_concern',
  expects: { kind: 'choice', options: CONCERN_OPTIONS.length },
  reprompt: 'wellness.reprompt_concern',
  parse: choiceOrDescription(CONCERN_OPTIONS, 'other'),
  // "2: I have concerns", then silence: they told us something is wrong, so a person hears of it.
  onAbandon: (answers) => concernOutputs({ ...answers, concernCategory: answers.concernCategory ?? 'other' }),
};

const concernDetail: Question<string> = {
  prompt: 'wellness.ask_concern_detail',
  expects: { kind: 'words' },
  reprompt: 'wellness.reprompt_concern_detail',
  parse: description,
  onAbandon: concernOutputs,
};

const severity: Question<Severity> = {
  prompt: 'wellness.ask_severity',
  expects: { kind: 'choice', options: SEVERITY_OPTIONS.length },
  reprompt: 'wellness.reprompt_severity',
  parse: choice(SEVERITY_OPTIONS),
  onAbandon: concernOutputs,
};

const concernTrend: Question<ConcernTrend> = {
  prompt: 'wellness.ask_trend',
  expects: { kind: 'choice', options: CONCERN_TREND_OPTIONS.length },
  reprompt: 'wellness.reprompt_trend',
  parse: choice(CONCERN_TREND_OPTIONS),
  onAbandon: concernOutputs,
};

export const wellnessMachine = flowSetup.createMachine({
  id: 'wellness',
  context: ({ input }) => createFlowContext(input),
  initial: 'askFeeling',
  output: flowOutcome,
  states: {
    askFeeling: ask(feeling, [
      {
        when: (reply) => reply.status === 'well',
        target: 'done',
        answer: () => ({ wellness: 'well' }),
        outputs: () => [
          { type: 'observe', observation: { kind: 'wellness', value: { status: 'well' } } },
          { type: 'say', prompt: 'wellness.close_well' },
        ],
      },
      {
        // The concern is named already: straight to how bad it is.
        when: (reply) => reply.status === 'concerns' && reply.concern !== undefined,
        target: 'askSeverity',
        answer: (reply) =>
          reply.status === 'concerns' && reply.concern
            ? { wellness: 'concerns', concernCategory: reply.concern.choice, concernText: reply.concern.text }
            : { wellness: 'concerns' },
        outputs: () => [{ type: 'observe', observation: { kind: 'wellness', value: { status: 'concerns' } } }],
      },
      {
        target: 'askConcern',
        // Their words beside the "2" ("2 la presión está bajita, 88/50") go with the concern if they say no more.
        answer: (reply) => ({ wellness: 'concerns', ...(reply.status === 'concerns' && reply.words ? { concernText: reply.words } : {}) }),
        outputs: () => [{ type: 'observe', observation: { kind: 'wellness', value: { status: 'concerns' } } }],
      },
    ]),
    askConcern: ask(concern, [
      {
        // "6" or "something else" says nothing a nurse can act on: ask for words.
        when: (reply) => reply.choice === 'other' && reply.text === undefined,
        target: 'askConcernDetail',
        answer: () => ({ concernCategory: 'other' }),
      },
      {
        target: 'askSeverity',
        answer: (reply) => ({ concernCategory: reply.choice, ...(reply.text ? { concernText: reply.text } : {}) }),
      },
    ]),
    askConcernDetail: ask(concernDetail, [
      { target: 'askSeverity', answer: (text) => ({ concernText: text }) },
    ]),
    askSeverity: ask(severity, [
      {
        // Urgent: no more questions between the patient and "call 911".
        when: (level) => level === 'severe',
        target: 'done',
        answer: (level) => ({ severity: level }),
        outputs: (answers) => [...concernOutputs(answers), { type: 'say', prompt: 'wellness.close_urgent' }],
      },
      { target: 'askConcernTrend', answer: (level) => ({ severity: level }) },
    ]),
    askConcernTrend: ask(concernTrend, [
      {
        target: 'done',
        answer: (trend) => ({ concernTrend: trend }),
        outputs: (answers) => [...concernOutputs(answers), { type: 'say', prompt: 'wellness.close_concern' }],
      },
    ]),
    ...endStates,
  },
});
