import { describe, expect, it } from 'vitest';
import { parseChoice } from '../../../src/flows/text/replies.js';
import type { ChoiceOption } from '../../../src/flows/text/replies.js';

type Feeling = 'good' | 'bad';
const FEELING: readonly ChoiceOption<Feeling>[] = [
  { id: 'good', number: 1, synonyms: ['good', 'fine', 'feeling well', 'bien', 'me siento bien'] },
  { id: 'bad', number: 2, synonyms: ['bad', 'mal', 'not so hot'] },
];

type Concern = 'pain' | 'breathing' | 'dizzy' | 'swelling' | 'medicine' | 'other';
const CONCERNS: readonly ChoiceOption<Concern>[] = [
  { id: 'pain', number: 1, synonyms: ['pain', 'hurts', 'ache', 'dolor', 'me duele'] },
  { id: 'breathing', number: 2, synonyms: ['breathing', 'short of breath', 'cough', 'respiración', 'falta de aire'] },
  { id: 'dizzy', number: 3, synonyms: ['dizzy', 'lightheaded', 'light headed', 'mareado', 'mareada'] },
  { id: 'swelling', number: 4, synonyms: ['swelling', 'swollen', 'hinchazón'] },
  { id: 'medicine', number: 5, synonyms: ['medicine', 'meds', 'pastillas'] },
  { id: 'other', number: 6, synonyms: ['something else', 'other', 'otra cosa'] },
];

const SKIP: readonly ChoiceOption<'skip'>[] = [
  { id: 'skip', number: Number.NaN, synonyms: ['skip', 'no cuff', "don't have one", 'no tengo', 'no puedo'] },
];

describe('parseChoice: numbers', () => {
  it.each([
    ['1', 'good'], ['2', 'bad'], ['1.', 'good'], ['#1', 'good'], ['(1)', 'good'], ['1)', 'good'], [' 2 ', 'bad'],
    ['option 1', 'good'], ['Option 2', 'bad'], ['opción 1', 'good'], ['opcion 2', 'bad'], ['número 1', 'good'],
    ['numero dos', 'bad'], ['number two', 'bad'], ['one', 'good'], ['ONE', 'good'], ['uno', 'good'], ['two', 'bad'],
    ['dos', 'bad'], ['first', 'good'], ['primero', 'good'], ['la primera', 'good'], ['the first one', 'good'],
    ['the second one', 'bad'], ['segunda', 'bad'], ['2nd', 'bad'], ['1st', 'good'], ['two please', 'bad'],
    ['1️⃣', 'good'], ['2 thanks', 'bad'], ["I'd say 2", 'bad'], ["I'd say two", 'bad'], ['I choose one', 'good'],
    ['maybe the second one', 'bad'], ['one or one', 'good'],
  ])('%j -> %s', (text, expected) => {
    expect(parseChoice(text, FEELING)).toBe(expected);
  });

  it.each([
    ['1 or 2'], ['1 2'], ['one or two'], ['3'], ['0'], ['12'], ['5'], ['not 1'], ['one of those days'],
    ['wait a second'], ["I don't have one"], ['I have two questions'],
  ])('%j -> null', (text) => {
    expect(parseChoice(text, FEELING)).toBeNull();
  });

  it('picks a six-option menu by number and word', () => {
    expect(parseChoice('6', CONCERNS)).toBe('other');
    expect(parseChoice('four', CONCERNS)).toBe('swelling');
    expect(parseChoice('cinco', CONCERNS)).toBe('medicine');
    expect(parseChoice('7', CONCERNS)).toBeNull();
  });

  it('never treats a digit as an option without a number (NaN)', () => {
    expect(parseChoice('1', SKIP)).toBeNull();
    expect(parseChoice('skip', SKIP)).toBe('skip');
  });
});

describe('parseChoice: synonyms', () => {
  it.each([
    ['good', 'good'], ['Good!', 'good'], ['I feel fine thanks', 'good'], ['fine, thank you', 'good'],
    ['bien', 'good'], ['Me siento bien', 'good'], ['feeling well today', 'good'], ['bad', 'bad'], ['MAL', 'bad'],
    ['pretty bad actually', 'bad'], ['not so hot', 'bad'], ['fiine', 'good'], ['goood', 'good'],
  ])('%j -> %s', (text, expected) => {
    expect(parseChoice(text, FEELING)).toBe(expected);
  });

  it.each([
    ['my knee hurts', 'pain'], ['dolor de rodilla', 'pain'], ['me duele la espalda', 'pain'],
    ['I am short of breath walking', 'breathing'], ['respiracion', 'breathing'], ['Respiración', 'breathing'],
    ['feeling dizzy', 'dizzy'], ['light-headed', 'dizzy'], ['lightheded', 'dizzy'], ['mareada', 'dizzy'],
    ['my ankles are swollen', 'swelling'], ['hinchazon', 'swelling'], ['questions about my meds', 'medicine'],
    ['something else', 'other'], ['otra cosa', 'other'],
  ])('concern %j -> %s', (text, expected) => {
    expect(parseChoice(text, CONCERNS)).toBe(expected);
  });

  it.each([
    ['not good'], ['not fine'], ['no muy bien'], ['no estoy bien'], ['no me siento bien'], ["I don't feel good"],
    ['never fine'], ['good and bad'], ['bien y mal'], ['good 2'], ['bad 1'], [''], ['👍'], ['???'], ['hello'],
  ])('%j -> null', (text) => {
    expect(parseChoice(text, FEELING)).toBeNull();
  });

  it('reads two different concerns as ambiguous', () => {
    expect(parseChoice('pain and dizzy', CONCERNS)).toBeNull();
  });

  it('matches synonyms that are negative in themselves', () => {
    expect(parseChoice("I don't have one", SKIP)).toBe('skip');
    expect(parseChoice('no tengo', SKIP)).toBe('skip');
    expect(parseChoice('no cuff at home', SKIP)).toBe('skip');
  });

  it('does not let a negated synonym pick the other option', () => {
    expect(parseChoice('not bad', FEELING)).toBeNull();
  });
});
