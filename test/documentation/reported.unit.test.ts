import { describe, expect, it } from 'vitest';
import { summariseReported } from '../../src/documentation/reported.js';
import { icd10For } from '../../src/documentation/icd10.js';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T15:00:00.000Z`;
const meds = [
  { id: 'm1', name: 'lisinopril' },
  { id: 'm2', name: 'metformin' },
  { id: 'm3', name: 'atorvastatin' },
];

describe('what the patient reported in a month', () => {
  it('lists BP readings with their average and trend', () => {
    const bp = (day: number, systolic: number, diastolic: number) => ({ at: at(day), kind: 'blood_pressure', value: { systolic, diastolic } });
    const rising = summariseReported([bp(3, 132, 84), bp(10, 138, 86), bp(17, 146, 90), bp(24, 152, 94)], meds).bloodPressure;
    expect(rising).toMatchObject({ trend: 'rising', average: { systolic: 142, diastolic: 89 } });
    expect(rising.readings).toHaveLength(4);
    expect(summariseReported([bp(3, 140, 90), bp(10, 138, 88), bp(17, 141, 90)], meds).bloodPressure.trend).toBe('steady');
    expect(summariseReported([bp(3, 160, 95), bp(10, 150, 90), bp(17, 140, 85)], meds).bloodPressure.trend).toBe('falling');
    expect(summariseReported([bp(3, 160, 95), bp(10, 150, 90)], meds).bloodPressure.trend).toBeNull();
    expect(summariseReported([], meds).bloodPressure).toEqual({ readings: [], trend: null, average: null });
  });

  it('counts adherence per medication as doses taken of doses reported', () => {
    const dose = (day: number, medicationId: string, taken: boolean) => ({ at: at(day), kind: 'medication_adherence', value: { medicationId, taken } });
    const observations = [...Array.from({ length: 28 }, (_, i) => dose(i + 1, 'm1', i !== 4 && i !== 11)), dose(2, 'm2', true)];
    expect(summariseReported(observations, meds).adherence).toEqual([
      {
        medicationId: 'm1',
        name: 'lisinopril',
        dosesReported: 28,
        taken: 26,
        missed: 2,
        percent: 93,
        missedDoses: [
          { at: at(5), reason: null, days: null },
          { at: at(12), reason: null, days: null },
        ],
      },
      { medicationId: 'm2', name: 'metformin', dosesReported: 1, taken: 1, missed: 0, percent: 100, missedDoses: [] },
    ]);
  });

  it('keeps refills, pain and every other reading or concern in words', () => {
    const r = summariseReported(
      [
        { at: at(4), kind: 'pain', value: { score: 6 } },
        { at: at(5), kind: 'refill_concern', value: { medicationId: 'm2' } },
        { at: at(6), kind: 'glucose', value: { mgdl: 320 } },
        { at: at(7), kind: 'weight_gain', value: { pounds: 3, days: 1 } },
        { at: at(8), kind: 'concern_reported', value: { category: 'fall' } },
        { at: at(9), kind: 'non_response', value: { question: 'x' } },
      ],
      meds,
    );
    expect(r.pain).toEqual([{ at: at(4), score: 6 }]);
    expect(r.refills).toEqual([{ at: at(5), medicationId: 'm2', name: 'metformin', outcome: 'needs_refill' }]);
    expect(r.other.map((o) => o.description)).toEqual(['Blood sugar 320 mg/dL', 'Weight gain of 3 lb in 1 day (as the patient reported it)', 'Mentioned a fall']);
  });
});

describe('ICD-10 codes of conditions named in words', () => {
  it.each([
    ['hypertension', 'I10'],
    ['High blood pressure', 'I10'],
    ['type 2 diabetes', 'E11.9'],
    ['Diabetes mellitus type 2', 'E11.9'],
    ['CHF', 'I50.9'],
    ['COPD', 'J44.9'],
    ['chronic kidney disease', 'N18.9'],
    ['e11.65', 'E11.65'],
    ['gout', null],
    ['feeling sad sometimes', null],
  ])('%s -> %s', (name, code) => {
    expect(icd10For(name)).toBe(code);
  });
});
