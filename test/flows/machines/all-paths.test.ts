/**
 * Walks every reachable path of every flow in both locales (all answers,
 * re-prompts, exhaustion, timeouts), renders each step's texts exactly as the
 * runtime will, and checks the patient always gets one text of at most two
 * GSM-7 segments.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, startFlow } from '../../../src/flows/index.js';
import type { FlowInput, FlowName, FlowStep, Locale } from '../../../src/flows/index.js';
import { medicationMachine } from '../../../src/flows/machines/medication.js';
import { refillMachine } from '../../../src/flows/machines/refill.js';
import { reminderMachine } from '../../../src/flows/machines/reminder.js';
import { symptomsMachine } from '../../../src/flows/machines/symptoms.js';
import { wellnessMachine } from '../../../src/flows/machines/wellness.js';
import { PROMPT_KEYS, renderSms, smsSegments, toGsm7 } from '../../../prompts/index.js';
import { LONG_VARS, MEDICATION, TIMEOUT, advance, inputFor, sayParts } from './drive.js';
import type { Move } from './drive.js';

/** Replies that, between them, take every branch of each flow. */
const REPLIES: Record<FlowName, readonly string[]> = {
  wellness: ['1', '2', '3', '4', '5', '6', 'my knee hurts a lot', 'I feel lonely since my wife passed', '???'],
  medication: ['1', '2', '3', '4', 'No, I ran out', 'No, it makes me sick', 'the pills upset my stomach every morning', '???'],
  symptoms: ['128/82', '165/95', '190/125', '80/120', 'skip', '0', '9', '12', '1', '3', '???'],
  reminder: [
    '1', '2', '3', '4', 'No, I ran out', 'the pills upset my stomach every morning', '???',
    // A reminder for two medicines: one named, one of them unnamed, both.
    'took the lisinopril', 'took the lisinopril but not the hydrochlorothiazide', 'I took one of them', 'both',
  ],
  refill: ['1', '2', 'yes', 'no', '???'],
};

/** Prompts a flow borrows from another: after "cannot take it", a reminder asks why as the medication check-in does. */
const BORROWED: Partial<Record<FlowName, (key: string) => boolean>> = {
  reminder: (key) => key.startsWith('medication.') && !/opening|close_taken|reprompt_taken/.test(key),
};

const STATES: Record<FlowName, string[]> = {
  wellness: Object.keys(wellnessMachine.root.states),
  medication: Object.keys(medicationMachine.root.states),
  symptoms: Object.keys(symptomsMachine.root.states),
  // 'start' only picks the opening (one medicine or several, named or not): no step rests there.
  reminder: Object.keys(reminderMachine.root.states).filter((state) => state !== 'start'),
  refill: Object.keys(refillMachine.root.states),
};

interface Walk {
  steps: number;
  states: Set<string>;
  prompts: Set<string>;
}

function check(step: FlowStep, move: Move | undefined, locale: Locale): void {
  const text = renderSms(sayParts(step.outputs), locale, LONG_VARS);
  const info = smsSegments(text);
  const where = `${step.state} after ${JSON.stringify(move)}: ${text}`;
  expect(info.segments, where).toBeLessThanOrEqual(2);
  // UCS-2 only when the exact text (accents kept) costs no more segments than the GSM-7 fold (prompts/sms.ts smsBody).
  if (info.encoding !== 'GSM-7') expect(info.segments, where).toBeLessThanOrEqual(smsSegments(toGsm7(text)).segments);
  // A reply always gets an answer; a timeout never sends one.
  if (typeof move === 'string' || move === undefined) expect(text.length, where).toBeGreaterThan(0);
  else expect(text, where).toBe('');
}

/** A reminder is walked for one medicine and for two due at once, with names kept out of texts and shown. */
function inputsFor(name: FlowName, locale: Locale): FlowInput[] {
  if (name !== 'reminder') return [inputFor(name, locale)];
  const medications = [MEDICATION, { id: 'med-2', name: 'lisinopril', dose: '10 mg' }];
  return [inputFor(name, locale), { locale, medications, namesInTexts: false }, { locale, medications, namesInTexts: true }];
}

/** Breadth-first over distinct snapshots: every reply from every reachable state. */
function walk(name: FlowName, locale: Locale): Walk {
  const result: Walk = { steps: 0, states: new Set(), prompts: new Set() };
  const record = (step: FlowStep, move?: Move) => {
    check(step, move, locale);
    result.steps += 1;
    result.states.add(step.state);
    for (const part of sayParts(step.outputs)) result.prompts.add(part.prompt);
  };
  const starts = inputsFor(name, locale).map((input) => startFlow(name, input));
  for (const start of starts) record(start);
  const queue = [...starts];
  const seen = new Set(starts.map((start) => JSON.stringify(start.snapshot)));
  for (let step = queue.shift(); step; step = queue.shift()) {
    for (const move of [...REPLIES[name], TIMEOUT]) {
      const next = advance(name, step, move);
      record(next, move);
      const key = JSON.stringify(next.snapshot);
      if (!next.done && !seen.has(key)) {
        seen.add(key);
        queue.push(next);
      }
    }
  }
  return result;
}

describe('every path of every flow fits in two GSM-7 segments', () => {
  for (const name of ['wellness', 'medication', 'symptoms', 'reminder', 'refill'] as const) {
    for (const locale of LOCALES) {
      it(`${name} (${locale})`, () => {
        const result = walk(name, locale);
        expect(result.steps).toBeGreaterThan(10);
        expect([...result.states].sort()).toEqual([...STATES[name]].sort());
        const flowPrompts = PROMPT_KEYS.filter((key) => key.startsWith(`${name}.`) || key.startsWith('common.') || BORROWED[name]?.(key));
        expect([...result.prompts].sort()).toEqual([...flowPrompts].sort());
      });
    }
  }
});
