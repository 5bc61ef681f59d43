/** Whose trouble a clause tells: someone who is never the patient, or possibly the patient. */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/flows/text/normalize.js';
import { aboutSomeoneElse } from '../../../src/flows/text/someone-else.js';

describe('a clause about someone else', () => {
  it.each(['my dog is sick', '1 my neighbor went to the ER', 'mi vecina anda con tos', 'our cat threw up on the rug', 'la perrita está enferma'])('"%s" is', (text) => {
    expect(aboutSomeoneElse(tokenize(text))).toBe(true);
  });

  it.each([
    // A relative may be the patient, written about by the one who texts for them.
    'my husband is sick', 'mom fell again', 'mi esposo tiene tos',
    // The writer is in the clause too.
    'my neighbor found me on the floor', 'my friend says i look pale', 'mi vecina me llevó al hospital',
    // Someone else named later is not the clause's subject.
    'i have a cough like my neighbor',
  ])('"%s" is not', (text) => {
    expect(aboutSomeoneElse(tokenize(text))).toBe(false);
  });
});
