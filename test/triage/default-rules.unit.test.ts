import { describe, expect, it } from 'vitest';
import { evaluateTriage } from '../../src/triage/index.js';
import { bp, facts, missed, obs, taken } from './facts.js';

const fired = (e: ReturnType<typeof evaluateTriage>) => e.findings.map((f) => `${f.level}:${f.reason}`);

describe('the default triage rules, at their edges', () => {
  it.each([
    // [what, observations, level, findings]
    ['BP 179/119: high, not a crisis', [bp(179, 119)], 'elevated', ['elevated:bp_high']],
    ['BP 180/90: a crisis by the systolic alone', [bp(180, 90)], 'urgent', ['urgent:bp_crisis']],
    ['BP 150/120: a crisis by the diastolic alone', [bp(150, 120)], 'urgent', ['urgent:bp_crisis']],
    ['BP 159/99: in range', [bp(159, 99)], 'routine', []],
    ['BP 160/80: high', [bp(160, 80)], 'elevated', ['elevated:bp_high']],
    ['an old crisis reading, superseded by a normal one', [bp(190, 125, 3), bp(128, 82, 1)], 'routine', []],
    ['a crisis reading 15 days ago (outside the 14-day window)', [bp(190, 125, 15)], 'routine', []],
    ['BP rising 10 over 3 readings', [bp(130, 80, 10), bp(135, 82, 5), bp(140, 85, 1)], 'elevated', ['elevated:bp_rising']],
    ['BP rising 9 over 3 readings', [bp(130, 80, 10), bp(134, 82, 5), bp(139, 85, 1)], 'routine', []],
    ['BP up then down', [bp(130, 80, 10), bp(145, 82, 5), bp(140, 85, 1)], 'routine', []],
    // "Worse" is already part of the urgent finding: no second, elevated alert for it.
    ['pain 8, worse', [obs('pain', { score: 8 }), obs('symptom_trend', { trend: 'worse' })], 'urgent', ['urgent:pain_severe_worse']],
    ['pain 8, the same', [obs('pain', { score: 8 }), obs('symptom_trend', { trend: 'same' })], 'elevated', ['elevated:pain_high']],
    ['pain 7, worse', [obs('pain', { score: 7 }), obs('symptom_trend', { trend: 'worse' })], 'elevated', ['elevated:symptoms_worse']],
    ['pain 8 last week, worse in another check-in', [obs('pain', { score: 8 }, 3, 'a'), obs('symptom_trend', { trend: 'worse' }, 0, 'b')], 'elevated', ['elevated:pain_high', 'elevated:symptoms_worse']],
    ['3 missed doses in 7 days', [missed('lis', 1), missed('lis', 3), missed('met', 6)], 'urgent', ['urgent:missed_doses']],
    ['2 missed doses in 7 days', [missed('lis', 1), missed('lis', 3), taken('lis', 2)], 'elevated', ['elevated:missed_dose']],
    ['3 missed doses, one 8 days ago', [missed('lis', 1), missed('lis', 3), missed('lis', 8)], 'elevated', ['elevated:missed_dose']],
    ['every dose taken, for a month', [taken('lis', 1), taken('lis', 2)], 'stable', []],
    ['a missed dose because of side effects', [missed('lis', 0, 'side_effects')], 'elevated', ['elevated:missed_dose', 'elevated:side_effects']],
    ['ran out of a medicine', [missed('lis', 0, 'ran_out'), obs('refill_concern', { medicationId: 'lis' }, 0, 'm0')], 'elevated', ['elevated:missed_dose', 'elevated:refill_needed']],
    ['a severe concern', [obs('concern', { category: 'pain', severity: 'severe' })], 'urgent', ['urgent:severe_symptom']],
    ['a new moderate concern', [obs('concern', { category: 'breathing', severity: 'moderate', trend: 'new' })], 'elevated', ['elevated:new_or_worse_concern']],
    ['a usual mild concern', [obs('concern', { category: 'pain', severity: 'mild', trend: 'same' })], 'routine', []],
    ['a red flag yesterday', [obs('red_flag', { category: 'chest_pain' }, 1)], 'urgent', ['urgent:red_flag:chest_pain']],
    ['a red flag three days ago', [obs('red_flag', { category: 'chest_pain' }, 3)], 'routine', []],
    ['a text to the team', [obs('patient_message', {}, 0.5, null)], 'elevated', ['elevated:message_for_team']],
  ] as const)('%s', (_what, observations, level, findings) => {
    const evaluation = evaluateTriage(facts([...observations]));
    expect(evaluation.level).toBe(level);
    expect(fired(evaluation).sort()).toEqual([...findings].sort());
  });

  const HF = { conditions: ['heart failure', 'hypertension'] };
  it.each([
    // [what, observations, extra facts, level, findings]
    ['sugar 69', [obs('glucose', { mgdl: 69 })], {}, 'urgent', ['urgent:glucose_low']],
    ['sugar 70', [obs('glucose', { mgdl: 70 })], {}, 'routine', []],
    ['sugar 300', [obs('glucose', { mgdl: 300 })], {}, 'routine', []],
    ['sugar 301', [obs('glucose', { mgdl: 301 })], {}, 'elevated', ['elevated:glucose_high']],
    ['sugar "over 300"', [obs('glucose', { mgdl: 300, over: true })], {}, 'elevated', ['elevated:glucose_high']],
    ['oxygen 89%', [obs('oxygen', { percent: 89 })], {}, 'urgent', ['urgent:oxygen_low']],
    ['oxygen 90%', [obs('oxygen', { percent: 90 })], {}, 'routine', []],
    ['pulse 49', [obs('pulse', { bpm: 49 })], {}, 'urgent', ['urgent:pulse_abnormal']],
    ['pulse 50 and 120', [obs('pulse', { bpm: 50 }, 1), obs('pulse', { bpm: 120 })], {}, 'routine', []],
    ['pulse 121', [obs('pulse', { bpm: 121 })], {}, 'urgent', ['urgent:pulse_abnormal']],
    ['temperature 100.4', [obs('temperature', { fahrenheit: 100.4 })], {}, 'elevated', ['elevated:fever']],
    ['temperature 100.3', [obs('temperature', { fahrenheit: 100.3 })], {}, 'routine', []],
    ['heart failure: 3 lb in a day, reported', [obs('weight_gain', { pounds: 3, days: 1 })], HF, 'elevated', ['elevated:weight_gain_hf']],
    ['heart failure: 2 lb in a day, reported', [obs('weight_gain', { pounds: 2, days: 1 })], HF, 'routine', []],
    ['heart failure: 5 lb in a week, from the weights sent', [obs('weight', { pounds: 180 }, 6), obs('weight', { pounds: 185 })], HF, 'elevated', ['elevated:weight_gain_hf']],
    ['no heart failure: 5 lb in a week is not this rule', [obs('weight', { pounds: 180 }, 6), obs('weight', { pounds: 185 })], {}, 'routine', []],
  ] as const)('%s', (_what, observations, extra, level, findings) => {
    const evaluation = evaluateTriage(facts([...observations], extra));
    expect(evaluation.level).toBe(level);
    expect(fired(evaluation).sort()).toEqual([...findings].sort());
  });

  it('explain themselves in words, with dates and times where the practice is', () => {
    const crisis = evaluateTriage(facts([bp(184, 121, 0)]));
    expect(crisis.reasons).toEqual(['BP 184/121 on Nov 24 at 10:00 is at or above 180/120']);
    const doses = evaluateTriage(facts([missed('lis', 1), missed('lis', 3), missed('met', 6)]));
    expect(doses.reasons).toEqual(['3 missed doses in the last 7 days (metformin Nov 18, lisinopril Nov 21, lisinopril Nov 23)']);
    const rising = evaluateTriage(facts([bp(130, 80, 10), bp(135, 82, 5), bp(141, 85, 1)]));
    expect(rising.reasons).toEqual(['BP rose over the last 3 readings, from 130/80 on Nov 14 to 141/85 on Nov 23']);
    const pain = evaluateTriage(facts([obs('pain', { score: 9 }), obs('symptom_trend', { trend: 'worse' })]));
    expect(pain.reasons[0]).toBe('Pain 9/10 on Nov 24 at 10:00, reported as worse (at or above 8)');
    expect(evaluateTriage(facts([obs('red_flag', { category: 'stroke' })])).reasons).toEqual(['Reported possible stroke signs on Nov 24 at 10:00']);
  });

  it('find a refill overdue and not confirmed, and let a confirmation settle it', () => {
    const medications = [{ id: 'lis', name: 'lisinopril', refillDueOn: '2026-11-23' }];
    expect(evaluateTriage(facts([], { medications })).reasons).toEqual(['Refill of lisinopril was due Nov 23 and is not confirmed']);
    expect(evaluateTriage(facts([], { medications: [{ id: 'lis', name: 'lisinopril', refillDueOn: '2026-11-24' }] })).level).toBe('routine');
    const confirmed = obs('refill_confirmed', { medicationId: 'lis' }, 2);
    expect(evaluateTriage(facts([confirmed], { medications })).level).toBe('routine');
  });
});

describe('the week-2 depression screen', () => {
  const screen = (instrument: 'phq2' | 'phq9', score: number, daysAgo = 0) => obs('depression_screen', { instrument, score }, daysAgo, 'q1');
  it.each([
    ['a PHQ-2 of 3, the PHQ-9 left unfinished', [screen('phq2', 3)], 'elevated', ['elevated:depression_screen']],
    ['a PHQ-2 of 2', [screen('phq2', 2)], 'routine', []],
    ['a PHQ-2 of 4 and a PHQ-9 of 10', [screen('phq2', 4), screen('phq9', 10)], 'elevated', ['elevated:depression_screen']],
    ['a PHQ-2 of 3 and a PHQ-9 of 9: the PHQ-9 decides', [screen('phq2', 3), screen('phq9', 9)], 'routine', []],
    ['a PHQ-9 of 20 fifteen days ago', [screen('phq2', 6, 15), screen('phq9', 20, 15)], 'routine', []],
    ['a PHQ-9 of 12 last week, then a PHQ-2 of 1', [screen('phq2', 4, 7), screen('phq9', 12, 7), screen('phq2', 1)], 'routine', []],
  ] as const)('%s', (_what, observations, level, findings) => {
    const evaluation = evaluateTriage(facts([...observations]));
    expect(evaluation.level).toBe(level);
    expect(fired(evaluation)).toEqual(findings);
  });

  it('explains itself with the score and the PHQ-9 band', () => {
    expect(evaluateTriage(facts([screen('phq2', 5), screen('phq9', 14)])).reasons).toEqual(['PHQ-9 score 14 (moderate) on Nov 24']);
    expect(evaluateTriage(facts([screen('phq2', 6), screen('phq9', 22)])).reasons).toEqual(['PHQ-9 score 22 (severe) on Nov 24']);
    expect(evaluateTriage(facts([screen('phq2', 3)])).reasons).toEqual(['PHQ-2 score 3 on Nov 24 (at or above 3), with no PHQ-9 after it']);
  });
});

describe('routine and stable', () => {
  const answeredWeeks = [obs('wellness', { status: 'well' }, 25, 'w1'), obs('wellness', { status: 'well' }, 11, 'w2'), bp(128, 80, 4, 's1')];

  it('stable: nothing to review for 30 days and every check-in answered', () => {
    const evaluation = evaluateTriage(facts(answeredWeeks));
    expect(evaluation.level).toBe('stable');
    expect(evaluation.reasons).toEqual(['Answered 3 check-ins in the last 30 days, all in range']);
  });

  it('routine: a check-in went unanswered, or a concern in the last 30 days, or enrolled too recently', () => {
    expect(evaluateTriage(facts([...answeredWeeks, obs('non_response', { question: 'wellness.opening' }, 2, 'w3')])).level).toBe('routine');
    expect(evaluateTriage(facts(answeredWeeks, { lastConcernAt: new Date('2026-11-10T00:00:00Z') })).level).toBe('routine');
    expect(evaluateTriage(facts(answeredWeeks, { enrolledAt: new Date('2026-11-10T00:00:00Z') })).level).toBe('routine');
    expect(evaluateTriage(facts([])).level).toBe('routine');
  });
});
