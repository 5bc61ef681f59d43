import { describe, expect, it } from 'vitest';
import { spokenNumbersToDigits } from '../../../src/flows/text/spoken-numbers.js';

describe('numbers said aloud become digits', () => {
  it.each([
    ['one forty over ninety', '140 over 90'],
    ['one fifty two over ninety five', '152 over 95'],
    ['one hundred two over sixty', '102 over 60'],
    ['ninety-five', '95'],
    ['ciento cuarenta sobre noventa', '140 sobre 90'],
    ['doscientos diez sobre ciento diez', '210 sobre 110'],
    ['ochenta y cinco', '85'],
    ['my pain is a nine', 'my pain is a 9'],
    ['one forty over ninety, thanks', '140 over 90, thanks'],
    ['I am fine', 'I am fine'],
  ])('%s -> %s', (said, written) => {
    expect(spokenNumbersToDigits(said)).toBe(written);
  });
});
