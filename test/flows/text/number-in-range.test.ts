import { describe, expect, it } from 'vitest';
import { parseNumberInRange } from '../../../src/flows/text/index.js';

describe('parseNumberInRange (0-10)', () => {
  it.each([
    ['7', 7], ['0', 0], ['10', 10], ['7/10', 7], ['7 / 10', 7], ['7 out of 10', 7], ['7 out of ten', 7], ['7 of 10', 7],
    ['7 de 10', 7], ['siete de diez', 7], ['about a 6', 6], ['pain is 4', 4], ['es un 5', 5], ['seven', 7], ['Seven!', 7],
    ['siete', 7], ['zero', 0], ['cero', 0], ['ten', 10], ['diez', 10], ['it’s like a 3 today', 3], ['8 out of 10 pain', 8],
    ['on a scale of 1 to 10 it is a 7', 7], ['del 1 al 10 es un 8', 8], ['6.5', 7], ['6,5', 7], ['7.0', 7], ['6.4', 6],
    ['3 for 2 days now', 3], ['took 2 pills, pain 5', 5], ['7. 7', 7], ['sevennn', 7],
  ])('%j -> ok %i', (text, value) => {
    expect(parseNumberInRange(text, 0, 10)).toEqual({ kind: 'ok', value });
  });

  it.each([
    ['11', 11], ['15', 15], ['100', 100], ['11 out of 10', 11],
  ])('%j -> out_of_range %i', (text, value) => {
    expect(parseNumberInRange(text, 0, 10)).toEqual({ kind: 'out_of_range', value });
  });

  it.each(['', 'bad', 'a lot', '6 or 7', '6-7', 'between 5 and 6', '145/92', '3/5', 'none', 'it hurts', '2 7'])(
    '%j -> none',
    (text) => {
      expect(parseNumberInRange(text, 0, 10)).toEqual({ kind: 'none' });
    },
  );

  it('uses the given range and scale', () => {
    expect(parseNumberInRange('3', 1, 5)).toEqual({ kind: 'ok', value: 3 });
    expect(parseNumberInRange('3/5', 1, 5)).toEqual({ kind: 'ok', value: 3 });
    expect(parseNumberInRange('0', 1, 5)).toEqual({ kind: 'out_of_range', value: 0 });
    expect(parseNumberInRange('7', 1, 5)).toEqual({ kind: 'out_of_range', value: 7 });
    expect(parseNumberInRange('7/10', 1, 5)).toEqual({ kind: 'none' });
  });
});
