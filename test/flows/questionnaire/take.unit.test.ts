import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, QUESTIONNAIRE_PARTS, parseNumber, takeScreen, week2Questionnaire } from '../../../src/flows/questionnaire/index.js';

const definition = week2Questionnaire({ parts: QUESTIONNAIRE_PARTS, medicines: [{ id: 'lis', name: 'lisinopril' }] });
const screen = (id: string) => definition.screens.find((s) => s.id === id)!;

describe('takeScreen', () => {
  it('takes a choice among its options, trimmed', () => {
    expect(takeScreen(screen('mood'), { 'phq.1': ' several_days ', 'phq.2': 'not_at_all' })).toEqual({
      answers: { 'phq.1': 'several_days', 'phq.2': 'not_at_all' },
      errors: {},
    });
  });

  it('refuses a choice that is not one of its options', () => {
    const { answers, errors } = takeScreen(screen('mood'), { 'phq.1': 'sometimes', 'phq.2': 'not_at_all' });
    expect(answers).toEqual({ 'phq.2': 'not_at_all' });
    expect(errors['phq.1']).toEqual({ en: 'Please choose one answer.', es: 'Por favor, elija una respuesta.' });
  });

  it('needs an answer to a required question (the PHQ)', () => {
    const { answers, errors } = takeScreen(screen('mood'), { 'phq.1': '  ' });
    expect(answers).toEqual({});
    expect(Object.keys(errors)).toEqual(['phq.1', 'phq.2']);
  });

  it('lets an optional question be skipped: no answer, no error', () => {
    expect(takeScreen(screen('health'), {})).toEqual({ answers: {}, errors: {} });
    expect(takeScreen(screen('readings'), { 'reading.systolic': '', 'reading.diastolic': ' ', 'reading.glucose': '', 'reading.weight': '' })).toEqual({
      answers: {},
      errors: {},
    });
  });

  it('takes numbers as people type them, units and all', () => {
    const { answers, errors } = takeScreen(screen('readings'), {
      'reading.systolic': '130 mmHg',
      'reading.diastolic': '80',
      'reading.glucose': '112 mg/dL',
      'reading.weight': '180 lbs',
    });
    expect(errors).toEqual({});
    expect(answers).toEqual({ 'reading.systolic': '130', 'reading.diastolic': '80', 'reading.glucose': '112', 'reading.weight': '180' });
    expect(takeScreen(screen('readings'), { 'reading.weight': '180,5 libras' }).answers).toEqual({ 'reading.weight': '180.5' });
  });

  it('refuses a number out of range, or not a number, saying what fits', () => {
    const { answers, errors } = takeScreen(screen('readings'), { 'reading.glucose': '900', 'reading.weight': 'heavy' });
    expect(answers).toEqual({});
    expect(errors['reading.glucose']).toEqual({
      en: 'Please enter a whole number between 20 and 600, or leave it blank.',
      es: 'Por favor, escriba un número sin decimales entre 20 y 600, o déjelo en blanco.',
    });
    expect(errors['reading.weight']!.en).toBe('Please enter a number between 50 and 700, or leave it blank.');
    expect(takeScreen(screen('readings'), { 'reading.weight': '80 kg' }).errors['reading.weight']).toBeDefined();
    expect(takeScreen(screen('readings'), { 'reading.glucose': '110.5' }).errors['reading.glucose']).toBeDefined();
  });

  it('wants both blood pressure numbers or neither, the bottom one below the top one', () => {
    const onlyTop = takeScreen(screen('readings'), { 'reading.systolic': '130' });
    expect(onlyTop.answers).toEqual({ 'reading.systolic': '130' });
    expect(onlyTop.errors['reading.diastolic']!.en).toBe('Please enter both blood pressure numbers, or leave both blank.');
    const swapped = takeScreen(screen('readings'), { 'reading.systolic': '80', 'reading.diastolic': '130' });
    expect(swapped.errors['reading.diastolic']!.en).toContain('The bottom number is usually smaller');
    expect(swapped.answers['reading.diastolic']).toBeUndefined();
  });

  it('keeps words as written, and refuses (never cuts) a text over the limit', () => {
    const written = 'My feet are more swollen.\r\nSince Sunday.';
    expect(takeScreen(screen('message'), { 'message.text': `  ${written}  ` }).answers).toEqual({ 'message.text': 'My feet are more swollen.\nSince Sunday.' });
    const long = 'a'.repeat(MAX_TEXT_LENGTH + 1);
    const { answers, errors } = takeScreen(screen('message'), { 'message.text': long });
    expect(answers).toEqual({});
    expect(errors['message.text']!.en).toBe(`Please shorten this to ${MAX_TEXT_LENGTH} characters or fewer. It has ${MAX_TEXT_LENGTH + 1} now.`);
    expect(takeScreen(screen('message'), { 'message.text': 'ñ'.repeat(MAX_TEXT_LENGTH) }).errors).toEqual({});
  });
});

describe('parseNumber', () => {
  it.each([
    ['130', undefined, 130],
    ['130.5', undefined, 130.5],
    ['1,234', undefined, 1234],
    ['98,6', undefined, 98.6],
    ['180 lbs', 'lb', 180],
    ['180lb', 'lb', 180],
    ['180 Pounds', 'lb', 180],
    ['130 mm Hg', 'mm[Hg]', 130],
    ['180 lbs', undefined, null],
    ['130/80', 'mm[Hg]', null],
    ['about 130', 'mm[Hg]', null],
    ['-5', undefined, null],
    ['1,23,4', undefined, null],
  ] as const)('%s (%s) -> %s', (typed, unit, value) => {
    expect(parseNumber(typed, unit)).toBe(value);
  });
});
