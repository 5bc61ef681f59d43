/**
 * Symptom and vitals check-in: today's blood pressure (skippable: not every
 * patient has a cuff), pain 0-10 and the trend since last week.
 */
import { compilePattern, findPhrase, parseBloodPressure, parseNumberInRange, parseTrend, splitClauses } from '../text/index.js';
import { readConcerns } from '../understand/index.js';
import type { BloodPressureLimit, FlowOutput } from '../types.js';
import type { BloodPressureReading, SymptomTrend } from './answers.js';
import { BP_SKIP_OPTIONS } from './choices.js';
import { createFlowContext, flowSetup } from './flow-setup.js';
import { ask, endStates, flowOutcome } from './question.js';
import type { Parsed, Question } from './question.js';
import { choice, fromNullable } from './replies.js';

type BloodPressureReply = { kind: 'reading'; reading: BloodPressureReading } | { kind: 'skipped' };

const isSkip = choice(BP_SKIP_OPTIONS);

function parseBloodPressureReply(text: string): Parsed<BloodPressureReply> {
  const parsed = parseBloodPressure(text);
  if (parsed.kind === 'ok') {
    const reading = { systolic: parsed.systolic, diastolic: parsed.diastolic };
    return { ok: true, value: { kind: 'reading', reading } };
  }
  if (parsed.kind === 'implausible') return { ok: false, reprompt: 'symptoms.bp_implausible' };
  return isSkip(text).ok ? { ok: true, value: { kind: 'skipped' } } : { ok: false };
}

/** "None", "no pain", "nada", "no me duele": a pain score of 0. */
const NO_PAIN = [
  'none', 'nothing', 'no pain', 'pain free', 'painless', '(doesnt|does not|dont|do not) hurt', 'no (hurt|hurting|aches)',
  'nada', 'ninguno|ninguna', 'sin dolor', 'no (me)? duele', 'no tengo (dolor|nada)',
].map(compilePattern);

const saysNoPain = (text: string) =>
  !readConcerns(text).includes('pain') && splitClauses(text).some((tokens) => NO_PAIN.some((p) => findPhrase(p, tokens).length > 0));

function parsePain(text: string): Parsed<number> {
  const parsed = parseNumberInRange(text, 0, 10);
  if (parsed.kind === 'ok') return { ok: true, value: parsed.value };
  if (parsed.kind === 'none' && saysNoPain(text)) return { ok: true, value: 0 };
  return parsed.kind === 'out_of_range' ? { ok: false, reprompt: 'symptoms.pain_out_of_range' } : { ok: false };
}

/** A reading at or above either number of the practice's crisis limit. */
const isCrisis = (reading: BloodPressureReading, limit: BloodPressureLimit | undefined) =>
  limit !== undefined && (reading.systolic >= limit.systolic || reading.diastolic >= limit.diastolic);

/** A skipped reading records nothing: "no cuff" is not a measurement. */
function readingOutputs(reply: BloodPressureReply): FlowOutput[] {
  if (reply.kind === 'skipped') return [];
  return [{ type: 'observe', observation: { kind: 'blood_pressure', value: { ...reply.reading } } }];
}

const bloodPressure: Question<BloodPressureReply> = {
  prompt: 'symptoms.opening',
  expects: { kind: 'blood_pressure' },
  reprompt: 'symptoms.reprompt_bp',
  parse: parseBloodPressureReply,
};

const pain: Question<number> = {
  prompt: 'symptoms.ask_pain',
  expects: { kind: 'number', min: 0, max: 10 },
  reprompt: 'symptoms.reprompt_pain',
  parse: parsePain,
};

const trend: Question<SymptomTrend> = {
  prompt: 'symptoms.ask_trend',
  expects: { kind: 'choice', options: 3 },
  reprompt: 'symptoms.reprompt_trend',
  parse: fromNullable(parseTrend),
};

export const symptomsMachine = flowSetup.createMachine({
  id: 'symptoms',
  context: ({ input }) => createFlowContext(input),
  initial: 'askBloodPressure',
  output: flowOutcome,
  states: {
    askBloodPressure: ask(bloodPressure, [
      {
        // A crisis reading: no more questions between the patient and "call 911 or us now".
        when: (reply, context) => reply.kind === 'reading' && isCrisis(reply.reading, context.bpCrisis),
        target: 'done',
        answer: (reply) => (reply.kind === 'reading' ? { bloodPressure: reply.reading } : {}),
        outputs: (_answers, _context, reply) => [
          ...readingOutputs(reply),
          { type: 'say', prompt: 'symptoms.close_bp_crisis' },
        ],
      },
      {
        target: 'askPain',
        answer: (reply) => ({ bloodPressure: reply.kind === 'reading' ? reply.reading : 'skipped' }),
        outputs: (_answers, _context, reply) => readingOutputs(reply),
      },
    ]),
    askPain: ask(pain, [
      {
        target: 'askTrend',
        answer: (score) => ({ pain: score }),
        outputs: (_answers, _context, score) => [{ type: 'observe', observation: { kind: 'pain', value: { score } } }],
      },
    ]),
    askTrend: ask(trend, [
      {
        target: 'done',
        answer: (value) => ({ trend: value }),
        outputs: (_answers, _context, value) => [
          { type: 'observe', observation: { kind: 'symptom_trend', value: { trend: value } } },
          { type: 'say', prompt: 'symptoms.close' },
        ],
      },
    ]),
    ...endStates,
  },
});
