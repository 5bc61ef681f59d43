/**
 * Test helpers: drive a flow through the public API exactly as the runtime
 * will, storing the snapshot as JSON (JSONB) between every step.
 */
import { advanceFlow, startFlow } from '../../../src/flows/index.js';
import type { FlowInput, FlowName, FlowOutput, FlowStep, Observation } from '../../../src/flows/index.js';

export const MEDICATION = { id: 'med-1', name: 'hydrochlorothiazide', dose: '12.5 mg twice daily' };

/** Long but realistic values: the worst case for segment budgets. */
export const LONG_VARS = {
  firstName: 'Maximiliana',
  practiceName: 'Riverside Family Medicine Associates',
  practicePhone: '(555) 123-4567',
};

/** The default triage rules' crisis limit, as the runtime passes it to the symptoms flow. */
export const BP_CRISIS = { systolic: 180, diastolic: 120 };

export function inputFor(name: FlowName, locale: FlowInput['locale'] = 'en'): FlowInput {
  if (name === 'medication' || name === 'reminder') return { locale, medication: MEDICATION };
  if (name === 'refill') return { locale, medication: MEDICATION, refillDate: locale === 'en' ? 'Wednesday, December 10' : 'el miércoles 10 de diciembre' };
  return name === 'symptoms' ? { locale, bpCrisis: BP_CRISIS } : { locale };
}

/** A reply text, or TIMEOUT. */
export type Move = string | { timeout: true };
export const TIMEOUT: Move = { timeout: true };

/** Stores the snapshot the way the runtime does: as JSON. */
export function stored(step: FlowStep): FlowStep['snapshot'] {
  return JSON.parse(JSON.stringify(step.snapshot)) as FlowStep['snapshot'];
}

export function advance(name: FlowName, step: FlowStep, move: Move): FlowStep {
  const event = typeof move === 'string' ? { type: 'REPLY' as const, text: move } : { type: 'TIMEOUT' as const };
  return advanceFlow(name, stored(step), event);
}

/** Starts `name` and plays `moves`; returns every step, the opening first. */
export function play(name: FlowName, moves: readonly Move[], locale: FlowInput['locale'] = 'en'): FlowStep[] {
  const steps = [startFlow(name, inputFor(name, locale))];
  for (const move of moves) {
    const last = steps[steps.length - 1];
    if (!last) throw new Error('unreachable');
    steps.push(advance(name, last, move));
  }
  return steps;
}

/** The last step of `play`. */
export function finalStep(name: FlowName, moves: readonly Move[], locale: FlowInput['locale'] = 'en'): FlowStep {
  const steps = play(name, moves, locale);
  const last = steps[steps.length - 1];
  if (!last) throw new Error('unreachable');
  return last;
}

export function says(step: FlowStep): string[] {
  return step.outputs.flatMap((o) => (o.type === 'say' ? [o.prompt] : []));
}

export function observations(step: FlowStep): Observation[] {
  return step.outputs.flatMap((o) => (o.type === 'observe' ? [o.observation] : []));
}

/** The say outputs of a step, as `renderSms` takes them. */
export function sayParts(outputs: readonly FlowOutput[]) {
  return outputs.flatMap((o) => (o.type === 'say' ? [o] : []));
}
