import { describe, expect, it } from 'vitest';
import {
  QUESTIONNAIRE_PARTS,
  answerObservations,
  freeTextAnswers,
  phq9Severity,
  reportsSelfHarm,
  scores,
  week2Questionnaire,
  type Answers,
} from '../../../src/flows/questionnaire/index.js';

const definition = week2Questionnaire({
  parts: QUESTIONNAIRE_PARTS,
  medicines: [
    { id: 'lis', name: 'lisinopril' },
    { id: 'met', name: 'metformin' },
    { id: 'asa', name: 'aspirin' },
  ],
});

/** The PHQ-9 answered with these points per item (0-3). */
const phq = (...points: number[]): Answers => {
  const values = ['not_at_all', 'several_days', 'more_than_half', 'nearly_every_day'];
  return Object.fromEntries(points.map((p, i) => [`phq.${i + 1}`, values[p]!]));
};

describe('scores', () => {
  it('totals the PHQ-2 once both items are answered, the PHQ-9 once all nine are', () => {
    expect(scores({})).toEqual({ phq2: null, phq9: null });
    expect(scores(phq(2))).toEqual({ phq2: null, phq9: null });
    expect(scores(phq(2, 1))).toEqual({ phq2: 3, phq9: null });
    expect(scores(phq(2, 1, 3, 3, 0, 1, 2))).toEqual({ phq2: 3, phq9: null });
    expect(scores(phq(2, 1, 3, 3, 0, 1, 2, 1, 1))).toEqual({ phq2: 3, phq9: 14 });
    expect(scores({ 'phq.1': 'nearly_every_day', 'phq.2': 'often' })).toEqual({ phq2: null, phq9: null });
  });

  it('bands the PHQ-9 at 5, 10, 15 and 20', () => {
    expect([4, 5, 9, 10, 14, 15, 19, 20, 27].map(phq9Severity)).toEqual([
      'minimal',
      'mild',
      'mild',
      'moderate',
      'moderate',
      'moderately severe',
      'moderately severe',
      'severe',
      'severe',
    ]);
  });
});

describe('reportsSelfHarm', () => {
  it('is item 9 answered above "not at all"', () => {
    expect(reportsSelfHarm({})).toBe(false);
    expect(reportsSelfHarm({ 'phq.9': 'not_at_all' })).toBe(false);
    expect(reportsSelfHarm({ 'phq.9': 'several_days' })).toBe(true);
    expect(reportsSelfHarm({ 'phq.9': 'nearly_every_day' })).toBe(true);
    expect(reportsSelfHarm({ 'phq.8': 'nearly_every_day' })).toBe(false);
  });
});

describe('answerObservations', () => {
  it('makes the observations every channel records, in the form\'s order', () => {
    const answers: Answers = {
      'health.general': 'fair',
      ...phq(2, 1, 3, 3, 0, 1, 2, 1, 1),
      'medicine.lis.taken': 'yes',
      'medicine.met.taken': 'missed',
      'medicine.met.why': 'side_effects',
      'medicine.met.note': 'upsets my stomach',
      'medicine.asa.taken': 'stopped',
      'medicine.asa.why': 'forgot',
      'reading.systolic': '150',
      'reading.diastolic': '95',
      'reading.glucose': '180',
      'reading.weight': '182.5',
      'falls.fell': 'yes',
      'falls.hurt': 'no',
      'symptoms.any': 'no',
      'message.text': 'Thank you',
    };
    expect(answerObservations(definition, answers)).toEqual([
      { kind: 'self_rated_health', value: { answer: 'fair', score: 2 } },
      { kind: 'depression_screen', value: { instrument: 'phq2', score: 3 } },
      { kind: 'depression_screen', value: { instrument: 'phq9', score: 14 } },
      { kind: 'medication_adherence', value: { medicationId: 'lis', taken: true } },
      { kind: 'medication_adherence', value: { medicationId: 'met', taken: false, reason: 'side_effects', detail: 'upsets my stomach' } },
      { kind: 'medication_adherence', value: { medicationId: 'asa', taken: false, reason: 'stopped' } },
      { kind: 'blood_pressure', value: { systolic: 150, diastolic: 95 } },
      { kind: 'glucose', value: { mgdl: 180 } },
      { kind: 'weight', value: { pounds: 182.5 } },
      { kind: 'concern_reported', value: { category: 'fall' } },
    ]);
  });

  it('records blood pressure only with both numbers', () => {
    expect(answerObservations(definition, { 'reading.systolic': '150' })).toEqual([]);
    expect(answerObservations(definition, { 'reading.diastolic': '95', 'reading.weight': '170' })).toEqual([{ kind: 'weight', value: { pounds: 170 } }]);
  });

  it('gives a PHQ-2 only when the PHQ-9 was not asked, and ignores PHQ-9 answers left from a higher PHQ-2', () => {
    expect(answerObservations(definition, phq(1, 1))).toEqual([{ kind: 'depression_screen', value: { instrument: 'phq2', score: 2 } }]);
    // The PHQ-2 changed to 2 after the rest was answered: the rest no longer counts.
    expect(answerObservations(definition, phq(1, 1, 3, 3, 3, 3, 3, 3, 0))).toEqual([{ kind: 'depression_screen', value: { instrument: 'phq2', score: 2 } }]);
  });

  it('maps the reasons a medicine was not taken; "stopped" unless the reason calls for its own follow-up', () => {
    const reasonOf = (taken: string, why?: string) => {
      const [observation] = answerObservations(definition, { 'medicine.lis.taken': taken, ...(why ? { 'medicine.lis.why': why } : {}) });
      return (observation!.value as { reason?: string }).reason;
    };
    const reasons = ['forgot', 'side_effects', 'ran_out', 'cost', 'other'];
    expect(reasonOf('missed')).toBeUndefined();
    expect(reasons.map((why) => reasonOf('missed', why))).toEqual(['forgot', 'side_effects', 'ran_out', 'cost', 'other']);
    expect(reasons.map((why) => reasonOf('stopped', why))).toEqual(['stopped', 'side_effects', 'ran_out', 'cost', 'stopped']);
    expect(reasonOf('stopped')).toBe('stopped');
  });

  it('records new or worse symptoms as worse, and a fall whether or not they were hurt; never a red flag', () => {
    const answers = { 'symptoms.any': 'yes', 'symptoms.what': 'chest pain', 'falls.fell': 'yes', 'falls.hurt': 'yes', ...phq(3, 3, 3, 3, 3, 3, 3, 3, 3) };
    const observations = answerObservations(definition, answers);
    expect(observations).toContainEqual({ kind: 'symptom_trend', value: { trend: 'worse' } });
    expect(observations).toContainEqual({ kind: 'concern_reported', value: { category: 'fall' } });
    expect(observations.map((o) => o.kind)).not.toContain('red_flag');
    expect(answerObservations(definition, { 'falls.fell': 'no', 'symptoms.any': 'no' })).toEqual([]);
  });
});

describe('freeTextAnswers', () => {
  it('lists what the patient wrote, in order, for the shared turn to read', () => {
    const answers = {
      'message.text': 'Call me please',
      'symptoms.any': 'yes',
      'symptoms.what': 'more swelling',
      'medicine.lis.taken': 'missed',
      'medicine.lis.note': 'lost the bottle',
      // Not asked: metformin was taken.
      'medicine.met.taken': 'yes',
      'medicine.met.note': 'left over',
    };
    expect(freeTextAnswers(definition, answers)).toEqual([
      { linkId: 'medicine.lis.note', text: 'lost the bottle' },
      { linkId: 'symptoms.what', text: 'more swelling' },
      { linkId: 'message.text', text: 'Call me please' },
    ]);
  });
});
