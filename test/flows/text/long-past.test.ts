/** History is no emergency: a red flag told of long ago goes to a person, not to the on-call phone. */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/flows/text/normalize.js';
import { toldAsLongPast } from '../../../src/flows/text/long-past.js';
import { detectRedFlag } from '../../../src/flows/safety/index.js';
import { leftOver, needsAPerson } from '../../../src/flows/understand/index.js';

describe('a clause told as long past', () => {
  it.each([
    'i had a heart attack in 2015',
    'my brother had a stroke last year',
    'he passed out two years ago at church',
    'i fainted a few months ago',
    'tuve un infarto hace dos años',
    'a mi esposo le dio un derrame el año pasado',
    'mi mamá se desmayó hace unos meses y fue al hospital',
  ])('"%s" is', (text) => {
    expect(toldAsLongPast(tokenize(text))).toBe(true);
  });

  it.each([
    // Lasting up to now.
    'since last year i get chest pain', 'tengo dolor de pecho desde hace un mes', 'i had chest pain for a month',
    // Brought to now in the same clause.
    'he had a stroke 2 months ago and now he cant talk', 'i had chest pain last month and it is back', 'tuve un infarto hace un año y otra vez me duele el pecho',
    // No date, or a recent one.
    'i had chest pain this morning', 'he passed out last night', 'i fainted last week',
  ])('"%s" is not', (text) => {
    expect(toldAsLongPast(tokenize(text))).toBe(false);
  });
});

describe('a red flag told as history', () => {
  it.each(['I had a heart attack in 2015 and I\'m fine', 'tuve un infarto hace dos años, gracias a Dios estoy bien', 'my husband had a stroke last year'])(
    '"%s" pages nobody, and a person reads it',
    (text) => {
      expect(detectRedFlag(text)).toBeNull();
      expect(needsAPerson(leftOver(text))).toBe(true);
    },
  );

  it('a friend\'s, long past, is neither', () => {
    const text = "My buddy Earl had a heart attack last month, he's home now and cranky as ever. Tell the doc he says hi";
    expect(detectRedFlag(text)).toBeNull();
    expect(needsAPerson(leftOver(text))).toBe(false);
  });

  it.each(['he had a stroke 2 months ago and now he cant talk', 'my dad had a stroke in 2019, today he is slurring his words', 'tengo dolor de pecho desde hace un mes'])(
    '"%s" is an emergency now',
    (text) => {
      expect(detectRedFlag(text)).not.toBeNull();
    },
  );
});
