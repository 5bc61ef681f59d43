import { describe, expect, it } from 'vitest';
import { advanceFlow, startFlow } from '../../../src/flows/index.js';
import { TIMEOUT, finalStep, play, says, stored } from './drive.js';

const bp = (systolic: number, diastolic: number) => ({
  type: 'observe',
  observation: { kind: 'blood_pressure', value: { systolic, diastolic } },
});
const pain = (score: number) => ({ type: 'observe', observation: { kind: 'pain', value: { score } } });
const trend = (value: string) => ({ type: 'observe', observation: { kind: 'symptom_trend', value: { trend: value } } });

describe('symptoms flow', () => {
  it('opens by asking for the blood pressure', () => {
    const step = startFlow('symptoms', { locale: 'en' });
    expect(step.outputs).toEqual([{ type: 'say', prompt: 'symptoms.opening', expects: { kind: 'blood_pressure' } }]);
    expect(step.state).toBe('askBloodPressure');
  });

  it('happy path: reading, pain, trend, thanks', () => {
    const [, reading, score, end] = play('symptoms', ['128/82', '3', '2']);
    expect(reading?.outputs).toEqual([bp(128, 82), { type: 'say', prompt: 'symptoms.ask_pain', expects: { kind: 'number', min: 0, max: 10 } }]);
    expect(score?.outputs).toEqual([pain(3), { type: 'say', prompt: 'symptoms.ask_trend', expects: { kind: 'choice', options: 3 } }]);
    expect(end?.outputs).toEqual([trend('same'), { type: 'say', prompt: 'symptoms.close' }]);
    expect(end).toMatchObject({
      state: 'done',
      done: true,
      outcome: 'completed',
      answers: { bloodPressure: { systolic: 128, diastolic: 82 }, pain: 3, trend: 'same' },
    });
  });

  it.each(['165/90', '179/119'])('%s (high, below the crisis limit) is recorded and the flow goes on', (reply) => {
    const [, reading] = play('symptoms', [reply]);
    const [systolic, diastolic] = reply.split('/').map(Number);
    expect(reading?.outputs).toEqual([bp(systolic!, diastolic!), { type: 'say', prompt: 'symptoms.ask_pain', expects: { kind: 'number', min: 0, max: 10 } }]);
  });

  it.each(['185/95', '170/121', '180/80'])('%s (at or above the crisis limit) closes at once with the call-now message', (reply) => {
    const step = finalStep('symptoms', [reply]);
    const [systolic, diastolic] = reply.split('/').map(Number);
    expect(step.outputs).toEqual([bp(systolic!, diastolic!), { type: 'say', prompt: 'symptoms.close_bp_crisis' }]);
    expect(step).toMatchObject({ done: true, outcome: 'completed' });
  });

  it("reacts at the practice's own crisis limit, and at none when its rules have no urgent blood pressure", () => {
    const strict = startFlow('symptoms', { locale: 'en', bpCrisis: { systolic: 170, diastolic: 110 } });
    expect(advanceFlow('symptoms', stored(strict), { type: 'REPLY', text: '172/90' }).done).toBe(true);
    const none = startFlow('symptoms', { locale: 'en' });
    expect(says(advanceFlow('symptoms', stored(none), { type: 'REPLY', text: '210/130' }))).toEqual(['symptoms.ask_pain']);
  });

  it.each(['skip', 'SKIP', "I don't have one", 'I do not have a cuff', 'no tengo', 'saltar'])('"%s" skips the reading and records nothing for it', (reply) => {
    const [, skipped] = play('symptoms', [reply]);
    expect(skipped?.outputs).toEqual([{ type: 'say', prompt: 'symptoms.ask_pain', expects: { kind: 'number', min: 0, max: 10 } }]);
    expect(skipped?.answers).toEqual({ bloodPressure: 'skipped' });
  });

  it('an implausible reading gets the specific re-prompt, counted as a re-prompt', () => {
    const [, first, second, third] = play('symptoms', ['80/120', '400/90', '30/20']);
    expect(says(first!)).toEqual(['symptoms.bp_implausible']);
    expect(says(second!)).toEqual(['symptoms.bp_implausible']);
    expect(third).toMatchObject({ outcome: 'no_usable_answer' });
    expect(says(third!)).toEqual(['common.no_usable_answer']);
  });

  it('no numbers at all gets the general re-prompt with an example', () => {
    const [, first] = play('symptoms', ['fine']);
    expect(first?.outputs).toEqual([{ type: 'say', prompt: 'symptoms.reprompt_bp', expects: { kind: 'blood_pressure' } }]);
  });

  it('pain out of range and missing get their re-prompts, then a usable number', () => {
    const [, , high, none, ok] = play('symptoms', ['skip', '12', 'a lot', '9']);
    expect(says(high!)).toEqual(['symptoms.pain_out_of_range']);
    expect(says(none!)).toEqual(['symptoms.reprompt_pain']);
    expect(ok?.outputs).toEqual([pain(9), { type: 'say', prompt: 'symptoms.ask_trend', expects: { kind: 'choice', options: 3 } }]);
  });

  it('records the trend as told (triage decides what "worse" calls for)', () => {
    expect(finalStep('symptoms', ['120/80', '2', '3']).outputs).toEqual([trend('worse'), { type: 'say', prompt: 'symptoms.close' }]);
    expect(finalStep('symptoms', ['120/80', '2', '1']).outputs).toEqual([trend('better'), { type: 'say', prompt: 'symptoms.close' }]);
  });

  it('exhausting the trend question ends politely', () => {
    const step = finalStep('symptoms', ['skip', '0', 'x', 'y', 'z']);
    expect(step.outputs).toEqual([
      { type: 'observe', observation: { kind: 'no_usable_answer', value: { question: 'symptoms.ask_trend' } } },
      { type: 'say', prompt: 'common.no_usable_answer' },
    ]);
    expect(step.answers).toEqual({ bloodPressure: 'skipped', pain: 0 });
  });

  describe('TIMEOUT in each waiting state ends the flow silently', () => {
    const cases = [
      { state: 'askBloodPressure', moves: [], question: 'symptoms.opening' },
      { state: 'askPain', moves: ['120/80'], question: 'symptoms.ask_pain' },
      { state: 'askTrend', moves: ['120/80', '4'], question: 'symptoms.ask_trend' },
    ];
    for (const { state, moves, question } of cases) {
      it(state, () => {
        const steps = play('symptoms', moves);
        expect(steps[steps.length - 1]?.state).toBe(state);
        const step = finalStep('symptoms', [...moves, TIMEOUT]);
        expect(step.outputs).toEqual([{ type: 'observe', observation: { kind: 'non_response', value: { question } } }]);
        expect(step).toMatchObject({ state: 'timedOut', done: true, outcome: 'timed_out' });
      });
    }
  });

  it('understands Spanish replies', () => {
    const step = finalStep('symptoms', ['saltar', 'cinco', 'peor'], 'es');
    expect(step.answers).toEqual({ bloodPressure: 'skipped', pain: 5, trend: 'worse' });
    expect(finalStep('symptoms', ['130 sobre 80', '2', 'mejor'], 'es').answers).toEqual({
      bloodPressure: { systolic: 130, diastolic: 80 },
      pain: 2,
      trend: 'better',
    });
  });
});
