import { describe, expect, it } from 'vitest';
import { editDistance, tokenEquals, tokenHasStem } from '../../../src/flows/text/fuzzy.js';
import { compilePattern, literalPattern } from '../../../src/flows/text/phrase-pattern.js';
import { findPhrase } from '../../../src/flows/text/phrase-match.js';
import { tokenize } from '../../../src/flows/text/normalize.js';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['pain', 'pain', 0],
    ['pian', 'pain', 1],
    ['breth', 'breath', 1],
    ['respirrar', 'respirar', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s vs %s = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('tokenEquals', () => {
  it.each([
    ['pain', 'pain'],
    ['pian', 'pain'],
    ['shortnes', 'shortness'],
    ['pesho', 'pecho'],
    ['yesss', 'yes'],
    ['nooo', 'no'],
    ['goood', 'good'],
    ['beter', 'better'],
  ])('%s matches %s', (token, word) => {
    expect(tokenEquals(token, word)).toBe(true);
  });

  it.each([
    ['five', 'fine'],
    ['painted', 'fainted'],
    ['god', 'good'],
    ['spot', 'stop'],
    ['7', '1'],
    ['12', '1'],
    ['ill', 'i'],
  ])('%s does not match %s', (token, word) => {
    expect(tokenEquals(token, word)).toBe(false);
  });
});

describe('tokenHasStem', () => {
  it.each([
    ['breathing', 'breath', true],
    ['brething', 'breath', true],
    ['hurts', 'hurt', true],
    ['huts', 'hurt', false],
    ['breakfast', 'breath', false],
  ])('%s has stem %s: %s', (token, stem, expected) => {
    expect(tokenHasStem(token, stem)).toBe(expected);
  });
});

describe('phrase patterns', () => {
  const find = (pattern: string, text: string) => findPhrase(compilePattern(pattern), tokenize(text));

  it.each([
    ['chest pain', 'I have chest pain', [{ start: 2, end: 4 }]],
    ['pain ... chest', 'pain in my chest', [{ start: 0, end: 4 }]],
    ['chest ... pain', 'chestpain', [{ start: 0, end: 1 }]],
    ['(can not|cant) breath*', 'I can not breathing', [{ start: 1, end: 4 }]],
    ['my? chest hurt*', 'chest hurting', [{ start: 0, end: 2 }]],
    ['dont text me !after', 'dont text me please', [{ start: 0, end: 3 }]],
  ])('%j finds %j', (pattern, text, expected) => {
    expect(find(pattern, text)).toEqual(expected);
  });

  it.each([
    ['chest ... hurt*', 'my chest does not hurt'],
    ['chest ... pain', 'chest x ray and then some pain'],
    ['dont text me !after', 'dont text me after 9'],
    ['chest pain', 'best pain'],
  ])('%j does not match %j', (pattern, text) => {
    expect(find(pattern, text)).toEqual([]);
  });

  it('marks phrases that carry their own negation', () => {
    expect(compilePattern("can't breathe").selfNegated).toBe(true);
    expect(compilePattern('chest pain').selfNegated).toBe(false);
    expect(literalPattern('no tengo')?.selfNegated).toBe(true);
  });

  it('rejects patterns that start with a gap or misuse "!"', () => {
    expect(() => compilePattern('... pain')).toThrow();
    expect(() => compilePattern('!no pain')).toThrow();
    expect(() => compilePattern('(chest pain')).toThrow();
  });

  it('treats caller synonyms literally, ignoring accents', () => {
    const pattern = literalPattern('Respiración (falta)');
    if (pattern === null) throw new Error('pattern expected');
    expect(findPhrase(pattern, tokenize('mi respiracion falta'))).toEqual([{ start: 1, end: 3 }]);
  });
});

describe('a real word one letter from a listed word', () => {
  it('is another word when the letter is in its stem', () => {
    expect(tokenEquals('stepped', 'stopped')).toBe(false);
    expect(tokenEquals('smelling', 'swelling')).toBe(false);
    expect(tokenEquals('marcado', 'mareado')).toBe(false);
  });

  it('is the word when the letter is in its ending, or the token is no word', () => {
    expect(tokenEquals('hinchadas', 'hinchados')).toBe(true);
    expect(tokenEquals('sweling', 'swelling')).toBe(true);
    expect(tokenEquals('stoped', 'stopped')).toBe(true);
  });
});
