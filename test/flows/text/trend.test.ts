import { describe, expect, it } from 'vitest';
import { parseTrend } from '../../../src/flows/text/index.js';

describe('parseTrend', () => {
  it.each([
    ['1', 'better'], ['one', 'better'], ['better', 'better'], ['Better!', 'better'], ['a little better', 'better'],
    ['much better thanks', 'better'], ['getting better', 'better'], ['improving', 'better'], ['improved', 'better'],
    ['beter', 'better'], ['less pain', 'better'], ['not as bad', 'better'], ['mejor', 'better'], ['un poco mejor', 'better'],
    ['mejorando', 'better'], ['menos dolor', 'better'],
    ['2', 'same'], ['two', 'same'], ['same', 'same'], ['the same', 'same'], ['about the same', 'same'],
    ['pretty much the same', 'same'], ['no change', 'same'], ['unchanged', 'same'], ['nothing changed', 'same'],
    ["hasn't changed", 'same'], ['no better no worse', 'same'], ['stable', 'same'],
    ['igual', 'same'], ['sigue igual', 'same'], ['lo mismo', 'same'], ['sin cambios', 'same'], ['más o menos', 'same'],
    ['ni mejor ni peor', 'same'], ['so-so', 'same'],
    ['3', 'worse'], ['three', 'worse'], ['worse', 'worse'], ['getting worse', 'worse'], ['much worse', 'worse'],
    ['worst', 'worse'], ['wrose', 'worse'], ['worsening', 'worse'], ['more pain', 'worse'], ['peor', 'worse'],
    ['está peor', 'worse'], ['empeorando', 'worse'], ['más dolor', 'worse'],
    // A score out of ten picks nothing from the menu: the 3 does.
    ['3 my stomach pain is 10 out of 10', 'worse'], ['3 el dolor es un 9 de 10', 'worse'],
  ])('%j -> %s', (text, expected) => {
    expect(parseTrend(text)).toBe(expected);
  });

  it.each(['not better', 'no mejor', 'not worse', 'better or worse', '1 or 3', '4', 'hello', '', 'better 3'])(
    '%j -> null',
    (text) => {
      expect(parseTrend(text)).toBeNull();
    },
  );
});
