import { describe, expect, it } from 'vitest';
import { startFlow } from '../../../src/flows/index.js';
import { MEDICATION, TIMEOUT, finalStep, play } from './drive.js';

const params = { medicationName: MEDICATION.name, medicationDose: MEDICATION.dose };
/** What each question waits for (a closing waits for nothing). */
const EXPECTS: Record<string, unknown> = {
  'medication.opening': { kind: 'choice', options: 2 },
  'medication.reprompt_taken': { kind: 'choice', options: 2 },
  'medication.ask_reason': { kind: 'choice', options: 4 },
  'medication.reprompt_reason': { kind: 'choice', options: 4 },
  'medication.ask_side_effects': { kind: 'words' },
  'medication.reprompt_side_effects': { kind: 'words' },
  'medication.ask_other_reason': { kind: 'words' },
  'medication.reprompt_other_reason': { kind: 'words' },
};
const say = (prompt: string) => ({ type: 'say', prompt, params, ...(EXPECTS[prompt] ? { expects: EXPECTS[prompt] } : {}) });
const adherence = (value: Record<string, unknown>) => ({
  type: 'observe',
  observation: { kind: 'medication_adherence', value: { medicationId: MEDICATION.id, ...value } },
});

describe('medication flow', () => {
  it('needs a medication to ask about', () => {
    expect(() => startFlow('medication', { locale: 'en' })).toThrow(/input\.medication/);
  });

  it('opens by naming the medication and dose', () => {
    const step = startFlow('medication', { locale: 'en', medication: MEDICATION });
    expect(step.outputs).toEqual([say('medication.opening')]);
    expect(step.state).toBe('askTaken');
  });

  it('1 (yes): records adherence and thanks the patient', () => {
    const step = finalStep('medication', ['1']);
    expect(step.outputs).toEqual([adherence({ taken: true }), say('medication.close_taken')]);
    expect(step).toMatchObject({ done: true, outcome: 'completed', answers: { medicationTaken: true } });
  });

  it('2 (no) asks why', () => {
    const [, no] = play('medication', ['2']);
    expect(no?.outputs).toEqual([say('medication.ask_reason')]);
    expect(no).toMatchObject({ state: 'askReason', done: false, answers: { medicationTaken: false } });
  });

  it('forgot: missed dose recorded, the no-dosing-advice close', () => {
    const step = finalStep('medication', ['2', '1']);
    expect(step.outputs).toEqual([
      adherence({ taken: false, reason: 'forgot' }),
      say('medication.close_forgot'),
    ]);
    expect(step.answers).toEqual({ medicationTaken: false, missedReason: 'forgot' });
  });

  it('side effects: asks what they are, then records them', () => {
    const [, , reason, detail] = play('medication', ['2', '2', 'upset stomach']);
    expect(reason?.outputs).toEqual([say('medication.ask_side_effects')]);
    expect(detail?.outputs).toEqual([
      adherence({ taken: false, reason: 'side_effects', detail: 'upset stomach' }),
      say('medication.close_side_effects'),
    ]);
    expect(detail).toMatchObject({ done: true, outcome: 'completed' });
  });

  it('ran out: adherence, refill concern, refill close', () => {
    const step = finalStep('medication', ['2', '3']);
    expect(step.outputs).toEqual([
      adherence({ taken: false, reason: 'ran_out' }),
      { type: 'observe', observation: { kind: 'refill_concern', value: { medicationId: MEDICATION.id } } },
      say('medication.close_ran_out'),
    ]);
  });

  it('other: asks why in a few words', () => {
    const [, , reason, detail] = play('medication', ['2', '4', 'I was away from home']);
    expect(reason?.outputs).toEqual([say('medication.ask_other_reason')]);
    expect(detail?.outputs).toEqual([
      adherence({ taken: false, reason: 'other', detail: 'I was away from home' }),
      say('medication.close_other'),
    ]);
  });

  it('maps reasons written in words, English and Spanish', () => {
    expect(finalStep('medication', ['no', 'I ran out']).answers).toMatchObject({ missedReason: 'ran_out' });
    expect(finalStep('medication', ['no', 'se me acabó'], 'es').answers).toMatchObject({ missedReason: 'ran_out' });
    expect(finalStep('medication', ['no', 'forgot'], 'en').answers).toMatchObject({ missedReason: 'forgot' });
    expect(finalStep('medication', ['no', 'olvidé'], 'es').answers).toMatchObject({ missedReason: 'forgot' });
  });

  it('a reason that is already a description is not asked for again', () => {
    const step = finalStep('medication', ['no', 'the side effects make me dizzy']);
    expect(step.outputs).toEqual([
      adherence({ taken: false, reason: 'side_effects', detail: 'the side effects make me dizzy' }),
      say('medication.close_side_effects'),
    ]);
    const other = finalStep('medication', ['2', 'I was at the hospital']);
    expect(other.outputs[0]).toEqual(adherence({ taken: false, reason: 'other', detail: 'I was at the hospital' }));
  });

  it('a no that gives its reason is not asked why again', () => {
    expect(finalStep('medication', ['No, I ran out']).outputs).toEqual([
      adherence({ taken: false, reason: 'ran_out' }),
      { type: 'observe', observation: { kind: 'refill_concern', value: { medicationId: MEDICATION.id } } },
      say('medication.close_ran_out'),
    ]);
    expect(finalStep('medication', ['No, se me olvidó'], 'es')).toMatchObject({
      done: true,
      answers: { medicationTaken: false, missedReason: 'forgot' },
    });
  });

  it('a no with side effects still asks what they are, in the patient\'s words', () => {
    const [, no] = play('medication', ['No. The pills make me dizzy']);
    expect(no?.outputs).toEqual([say('medication.ask_side_effects')]);
    expect(no?.answers).toEqual({ medicationTaken: false, missedReason: 'side_effects' });
  });

  it.each(['2', 'no side effects', 'nope'])('"%s" is a plain no: the reason is asked', (reply) => {
    const [, no] = play('medication', [reply]);
    expect(no?.state).toBe('askReason');
    expect(no?.answers).toEqual({ medicationTaken: false });
  });

  it('Spanish yes', () => {
    expect(finalStep('medication', ['sí'], 'es').answers).toEqual({ medicationTaken: true });
  });

  it('re-prompts twice naming the medication, then accepts', () => {
    const [, first, second, third] = play('medication', ['what?', '??', '1']);
    expect(first?.outputs).toEqual([say('medication.reprompt_taken')]);
    expect(second?.outputs).toEqual([say('medication.reprompt_taken')]);
    expect(third?.outcome).toBe('completed');
  });

  it('the third unusable reason ends the flow but keeps the missed dose', () => {
    const step = finalStep('medication', ['2', '7', '8', '9']);
    expect(step.outputs).toEqual([
      adherence({ taken: false }),
      { type: 'observe', observation: { kind: 'no_usable_answer', value: { question: 'medication.ask_reason' } } },
      say('common.no_usable_answer'),
    ]);
    expect(step.outcome).toBe('no_usable_answer');
  });

  it('the third unusable answer to the first question records nothing but the failure', () => {
    const step = finalStep('medication', ['?', '?', '?']);
    expect(step.outputs).toEqual([
      { type: 'observe', observation: { kind: 'no_usable_answer', value: { question: 'medication.opening' } } },
      say('common.no_usable_answer'),
    ]);
  });

  describe('TIMEOUT in each waiting state ends the flow silently', () => {
    const cases = [
      { state: 'askTaken', moves: [], question: 'medication.opening', before: [] },
      { state: 'askReason', moves: ['2'], question: 'medication.ask_reason', before: [adherence({ taken: false })] },
      {
        state: 'askSideEffects',
        moves: ['2', '2'],
        question: 'medication.ask_side_effects',
        before: [adherence({ taken: false, reason: 'side_effects' })],
      },
      {
        state: 'askOtherReason',
        moves: ['2', '4'],
        question: 'medication.ask_other_reason',
        before: [adherence({ taken: false, reason: 'other' })],
      },
    ];
    for (const { state, moves, question, before } of cases) {
      it(state, () => {
        const steps = play('medication', moves);
        expect(steps[steps.length - 1]?.state).toBe(state);
        const step = finalStep('medication', [...moves, TIMEOUT]);
        expect(step.outputs).toEqual([
          ...before,
          { type: 'observe', observation: { kind: 'non_response', value: { question } } },
        ]);
        expect(step).toMatchObject({ state: 'timedOut', done: true, outcome: 'timed_out' });
      });
    }
  });
});
