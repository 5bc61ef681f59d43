import { describe, expect, it } from 'vitest';
import {
  QUESTIONNAIRE_PARTS,
  enabledAnswers,
  firstScreenToShow,
  itemEnabled,
  screensToAsk,
  week2Questionnaire,
  type Answers,
} from '../../../src/flows/questionnaire/index.js';

const MEDICINES = [
  { id: 'lis', name: 'lisinopril' },
  { id: 'met', name: 'metformin' },
];
const definition = week2Questionnaire({ parts: QUESTIONNAIRE_PARTS, medicines: MEDICINES });
const item = (linkId: string) => definition.screens.flatMap((s) => s.items).find((i) => i.linkId === linkId)!;
const asked = (answers: Answers) => screensToAsk(definition, answers).map((s) => s.id);

/** Walks the form as a patient would: each screen shown is answered from `answers` and marked seen. */
function walk(answers: Answers, parts = definition): string[] {
  const seen: string[] = [];
  for (let screen = firstScreenToShow(parts, answers, seen); screen; screen = firstScreenToShow(parts, answers, seen)) seen.push(screen.id);
  return seen;
}

describe('PHQ-2 to PHQ-9', () => {
  const phq2 = (a: string, b: string): Answers => ({ 'phq.1': a, 'phq.2': b });

  it('a PHQ-2 total of 2 asks nothing more', () => {
    const answers = phq2('several_days', 'several_days');
    expect(itemEnabled(definition, item('phq.3'), answers)).toBe(false);
    expect(asked(answers).filter((id) => id.startsWith('mood'))).toEqual(['mood']);
  });

  it('a PHQ-2 total of 3 asks the other seven, item 9 last on its own', () => {
    const answers = phq2('more_than_half', 'several_days');
    expect(itemEnabled(definition, item('phq.3'), answers)).toBe(true);
    const mood = screensToAsk(definition, answers).filter((s) => s.part === 'mood');
    expect(mood.map((s) => s.items.map((i) => i.linkId))).toEqual([['phq.1', 'phq.2'], ['phq.3', 'phq.4', 'phq.5'], ['phq.6', 'phq.7', 'phq.8'], ['phq.9']]);
  });

  it('before the PHQ-2 is answered, or half answered, the PHQ-9 waits', () => {
    expect(itemEnabled(definition, item('phq.9'), {})).toBe(false);
    expect(itemEnabled(definition, item('phq.9'), { 'phq.1': 'nearly_every_day' })).toBe(false);
  });
});

describe('medicines, one by one', () => {
  it('asks why only about a medicine not taken as prescribed', () => {
    const answers = { 'medicine.lis.taken': 'yes', 'medicine.met.taken': 'missed' };
    const medicines = screensToAsk(definition, answers).filter((s) => s.part === 'medicines');
    expect(medicines.map((s) => s.id)).toEqual(['medicine.lis', 'medicine.met', 'medicine.met.reason']);
    expect(medicines[2]!.items.map((i) => i.linkId)).toEqual(['medicine.met.why', 'medicine.met.note']);
    expect(itemEnabled(definition, item('medicine.lis.why'), { 'medicine.lis.taken': 'stopped' })).toBe(true);
    expect(itemEnabled(definition, item('medicine.lis.why'), {})).toBe(false);
  });

  it('forgets a "why" once the medicine is changed to taken', () => {
    const answers = { 'medicine.lis.taken': 'yes', 'medicine.lis.why': 'forgot', 'medicine.lis.note': 'sorry' };
    expect(enabledAnswers(definition, answers)).toEqual({ 'medicine.lis.taken': 'yes' });
  });
});

describe('the screens in turn', () => {
  it('walks a patient through every part, follow-ups after the answers that call for them', () => {
    const answers: Answers = {
      'phq.1': 'not_at_all',
      'phq.2': 'several_days',
      'medicine.lis.taken': 'missed',
      'medicine.met.taken': 'yes',
      'falls.fell': 'yes',
      'symptoms.any': 'no',
    };
    expect(walk(answers)).toEqual(['health', 'mood', 'medicine.lis', 'medicine.lis.reason', 'medicine.met', 'readings', 'falls', 'falls.more', 'symptoms', 'message']);
  });

  it('shows the next screen not yet seen, and null when all are done', () => {
    expect(firstScreenToShow(definition, {}, [])!.id).toBe('health');
    expect(firstScreenToShow(definition, {}, ['health'])!.id).toBe('mood');
    // A higher PHQ-2 opens screens the patient has not seen, after the ones seen.
    const seen = ['health', 'mood'];
    expect(firstScreenToShow(definition, { 'phq.1': 'nearly_every_day', 'phq.2': 'not_at_all' }, seen)!.id).toBe('mood.more-1');
    const all = screensToAsk(definition, {}).map((s) => s.id);
    expect(firstScreenToShow(definition, {}, all)).toBeNull();
  });

  it('leaves out a follow-up whose question is switched off', () => {
    const fallsOff = week2Questionnaire({ parts: ['symptoms'], medicines: [] });
    expect(walk({ 'falls.fell': 'yes', 'symptoms.any': 'yes' }, fallsOff)).toEqual(['symptoms', 'symptoms.more']);
  });

  it('a "were you hurt" answer stops counting when the fall is taken back', () => {
    expect(enabledAnswers(definition, { 'falls.fell': 'no', 'falls.hurt': 'yes' })).toEqual({ 'falls.fell': 'no' });
  });
});
