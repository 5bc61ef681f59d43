import { describe, expect, it } from 'vitest';
import { parseFreeText } from '../../../src/flows/text/index.js';

describe('parseFreeText', () => {
  it.each([
    ['  my knee is sore  ', 'my knee is sore'],
    ['7', '7'],
    ['¡Hola!', '¡Hola!'],
    ['ok 👍', 'ok 👍'],
    ['me duele la rodilla', 'me duele la rodilla'],
  ])('%j -> %j', (text, expected) => {
    expect(parseFreeText(text)).toBe(expected);
  });

  it.each(['', '   ', '👍', '?!...', '🙂🙂 !!', '\n\t'])('%j -> null', (text) => {
    expect(parseFreeText(text)).toBeNull();
  });
});
