import { describe, expect, it } from 'vitest';
import { startFlow } from '../../../src/flows/index.js';
import { TIMEOUT, finalStep, play } from './drive.js';

const concern = (value: Record<string, unknown>) => ({ type: 'observe', observation: { kind: 'concern', value } });

describe('wellness flow', () => {
  it('opens with the feeling question', () => {
    const step = startFlow('wellness', { locale: 'en' });
    expect(step).toMatchObject({ state: 'askFeeling', done: false, answers: {} });
    expect(step.outputs).toEqual([{ type: 'say', prompt: 'wellness.opening', expects: { kind: 'choice', options: 2 } }]);
    expect(step.outcome).toBeUndefined();
  });

  it('1 (feeling well): records it, thanks the patient and completes', () => {
    const step = finalStep('wellness', ['1']);
    expect(step.outputs).toEqual([
      { type: 'observe', observation: { kind: 'wellness', value: { status: 'well' } } },
      { type: 'say', prompt: 'wellness.close_well' },
    ]);
    expect(step).toMatchObject({ state: 'done', done: true, outcome: 'completed', answers: { wellness: 'well' } });
  });

  it('2 -> pain -> moderate -> worse: one concern recorded, the review close', () => {
    const [, concerns, category, severity, trend] = play('wellness', ['2', '1', '2', '2']);
    expect(concerns?.outputs).toEqual([
      { type: 'observe', observation: { kind: 'wellness', value: { status: 'concerns' } } },
      { type: 'say', prompt: 'wellness.ask_concern', expects: { kind: 'choice', options: 6 } },
    ]);
    expect(category?.outputs).toEqual([{ type: 'say', prompt: 'wellness.ask_severity', expects: { kind: 'choice', options: 3 } }]);
    expect(category?.answers).toEqual({ wellness: 'concerns', concernCategory: 'pain' });
    expect(severity?.outputs).toEqual([{ type: 'say', prompt: 'wellness.ask_trend', expects: { kind: 'choice', options: 3 } }]);
    expect(severity?.state).toBe('askConcernTrend');
    expect(trend?.outputs).toEqual([
      concern({ category: 'pain', severity: 'moderate', trend: 'worse' }),
      { type: 'say', prompt: 'wellness.close_concern' },
    ]);
    expect(trend).toMatchObject({
      done: true,
      outcome: 'completed',
      answers: { wellness: 'concerns', concernCategory: 'pain', severity: 'moderate', concernTrend: 'worse' },
    });
  });

  it('records a new concern and one the same as usual alike (triage tells them apart)', () => {
    expect(finalStep('wellness', ['2', '4', '1', '1']).outputs).toContainEqual(concern({ category: 'swelling', severity: 'mild', trend: 'new' }));
    const same = finalStep('wellness', ['2', '4', '1', '3']);
    expect(same.outputs).toEqual([
      concern({ category: 'swelling', severity: 'mild', trend: 'same' }),
      { type: 'say', prompt: 'wellness.close_concern' },
    ]);
  });

  it('severe: the urgent close at once, without asking the trend', () => {
    const step = finalStep('wellness', ['2', '2', '3']);
    expect(step.outputs).toEqual([
      concern({ category: 'breathing', severity: 'severe' }),
      { type: 'say', prompt: 'wellness.close_urgent' },
    ]);
    expect(step).toMatchObject({ done: true, outcome: 'completed' });
  });

  it('free text that names no menu item is a concern of category other, text kept', () => {
    const [, , category] = play('wellness', ['2', 'I feel lonely since my wife passed']);
    expect(category?.state).toBe('askSeverity');
    expect(category?.answers).toMatchObject({ concernCategory: 'other', concernText: 'I feel lonely since my wife passed' });
    const end = finalStep('wellness', ['2', 'I feel lonely since my wife passed', '2', '3']);
    expect(end.outputs[0]).toEqual(
      concern({ category: 'other', text: 'I feel lonely since my wife passed', severity: 'moderate', trend: 'same' }),
    );
  });

  it('a description that names a menu item keeps the category and the words', () => {
    const [, , category] = play('wellness', ['2', 'my knee hurts a lot']);
    expect(category?.answers).toMatchObject({ concernCategory: 'pain', concernText: 'my knee hurts a lot' });
  });

  it('understands menu words in English', () => {
    expect(finalStep('wellness', ['not good', 'headache', 'not too bad', 'same as usual']).answers).toEqual({
      wellness: 'concerns',
      concernCategory: 'pain',
      severity: 'mild',
      concernTrend: 'same',
    });
  });

  it('6 (something else) asks for a few words before the severity', () => {
    const [, , other, detail] = play('wellness', ['2', '6', 'headache since Monday']);
    expect(other?.outputs).toEqual([{ type: 'say', prompt: 'wellness.ask_concern_detail', expects: { kind: 'words' } }]);
    expect(detail?.outputs).toEqual([{ type: 'say', prompt: 'wellness.ask_severity', expects: { kind: 'choice', options: 3 } }]);
    expect(detail?.answers).toMatchObject({ concernCategory: 'other', concernText: 'headache since Monday' });
  });

  it('a reply with no words to the concern menu is re-prompted', () => {
    const [, , reply] = play('wellness', ['2', '9']);
    expect(reply?.outputs).toEqual([{ type: 'say', prompt: 'wellness.reprompt_concern', expects: { kind: 'choice', options: 6 } }]);
    expect(reply?.state).toBe('askConcern');
  });

  it('re-prompts twice, then accepts an answer', () => {
    const [, first, second, third] = play('wellness', ['maybe', '???', '1']);
    expect(first?.outputs).toEqual([{ type: 'say', prompt: 'wellness.reprompt_feeling', expects: { kind: 'choice', options: 2 } }]);
    expect(second?.outputs).toEqual([{ type: 'say', prompt: 'wellness.reprompt_feeling', expects: { kind: 'choice', options: 2 } }]);
    expect(third).toMatchObject({ done: true, outcome: 'completed', answers: { wellness: 'well' } });
  });

  it('the third unusable reply ends the flow with no_usable_answer', () => {
    const step = finalStep('wellness', ['maybe', '???', 'hmm']);
    expect(step.outputs).toEqual([
      { type: 'observe', observation: { kind: 'no_usable_answer', value: { question: 'wellness.opening' } } },
      { type: 'say', prompt: 'common.no_usable_answer' },
    ]);
    expect(step).toMatchObject({ state: 'noUsableAnswer', done: true, outcome: 'no_usable_answer' });
  });

  it('the re-prompt count starts again for each question', () => {
    const step = finalStep('wellness', ['maybe', 'hmm', '2', '1', 'x', 'y', '2']);
    expect(step.state).toBe('askConcernTrend');
  });

  it('exhausting a later question still records the concern told so far', () => {
    const step = finalStep('wellness', ['2', '1', '2', 'x', 'y', 'z']);
    expect(step.outputs).toEqual([
      concern({ category: 'pain', severity: 'moderate' }),
      { type: 'observe', observation: { kind: 'no_usable_answer', value: { question: 'wellness.ask_trend' } } },
      { type: 'say', prompt: 'common.no_usable_answer' },
    ]);
  });

  describe('TIMEOUT in each waiting state ends the flow silently', () => {
    const cases = [
      { state: 'askFeeling', moves: [], question: 'wellness.opening', before: [] },
      // "2: I have concerns" and then silence still tells the care team something is wrong.
      { state: 'askConcern', moves: ['2'], question: 'wellness.ask_concern', before: [concern({ category: 'other' })] },
      { state: 'askConcernDetail', moves: ['2', '6'], question: 'wellness.ask_concern_detail', before: [concern({ category: 'other' })] },
      { state: 'askSeverity', moves: ['2', '3'], question: 'wellness.ask_severity', before: [concern({ category: 'dizzy' })] },
      {
        state: 'askConcernTrend',
        moves: ['2', '5', '1'],
        question: 'wellness.ask_trend',
        before: [concern({ category: 'medicine', severity: 'mild' })],
      },
    ];
    for (const { state, moves, question, before } of cases) {
      it(state, () => {
        const steps = play('wellness', moves);
        expect(steps[steps.length - 1]?.state).toBe(state);
        const step = finalStep('wellness', [...moves, TIMEOUT]);
        expect(step.outputs).toEqual([
          ...before,
          { type: 'observe', observation: { kind: 'non_response', value: { question } } },
        ]);
        expect(step).toMatchObject({ state: 'timedOut', done: true, outcome: 'timed_out' });
      });
    }
  });

  it('keeps the words written beside the "2" with the concern when the patient says no more', () => {
    const step = finalStep('wellness', ['2 mi vieja, la presión está bajita, 88/50', TIMEOUT], 'es');
    expect(step.outputs).toContainEqual(concern({ category: 'other', text: '2 mi vieja, la presión está bajita, 88/50' }));
    // The answer alone is no description: "no muy bien" is how they feel, not what is wrong.
    expect(finalStep('wellness', ['no muy bien', TIMEOUT], 'es').outputs).toContainEqual(concern({ category: 'other' }));
  });

  it('understands Spanish replies', () => {
    const step = finalStep('wellness', ['tengo preocupaciones', 'me duele la espalda', 'muy fuerte'], 'es');
    expect(step.outputs).toEqual([
      concern({ category: 'pain', text: 'me duele la espalda', severity: 'severe' }),
      { type: 'say', prompt: 'wellness.close_urgent' },
    ]);
    expect(finalStep('wellness', ['no muy bien', 'tengo tos', 'más o menos', 'es nuevo'], 'es').answers).toEqual({
      wellness: 'concerns',
      concernCategory: 'breathing',
      severity: 'moderate',
      concernTrend: 'new',
    });
    expect(finalStep('wellness', ['2', 'mareo', 'leve', 'peor'], 'es').answers).toEqual({
      wellness: 'concerns',
      concernCategory: 'dizzy',
      severity: 'mild',
      concernTrend: 'worse',
    });
  });
});
