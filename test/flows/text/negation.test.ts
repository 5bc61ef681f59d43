/**
 * Which words a negator denies. English denies a doing with "not", "didn't",
 * "never"; a bare "no" before an irregular past form is the answer to the
 * question, and what follows is what happened.
 */
import { describe, expect, it } from 'vitest';
import { findNegator } from '../../../src/flows/text/negation.js';
import { tokenize } from '../../../src/flows/text/normalize.js';

/** Whether the word `word` of `text` is denied. */
const deniedIn = (text: string, word: string) => {
  const tokens = tokenize(text);
  return findNegator(tokens, tokens.indexOf(word)) >= 0;
};

describe('a negator', () => {
  it.each([
    ['no chest pain', 'chest', true],
    ['no missed doses', 'missed', true],
    ['I did not forget', 'forget', true],
    ['no me la tomé', 'tome', true],
    ['not sure if its chest pain', 'chest', false],
    // The answer, then what happened.
    ['NO forgot last nights dose', 'forgot', false],
    ['no had chest pain again last night', 'chest', false],
    ['no, took them late', 'took', false],
  ])('in "%s" denies "%s": %s', (text, word, expected) => {
    expect(deniedIn(text, word)).toBe(expected);
  });
});
