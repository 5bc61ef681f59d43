/** Whose trouble a clause tells: someone who is never the patient, or possibly the patient. */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/flows/text/normalize.js';
import { splitClauses } from '../../../src/flows/text/clauses.js';
import { aboutSomeoneElse, clausesAboutSomeoneElse } from '../../../src/flows/text/someone-else.js';

describe('a clause about someone else', () => {
  it.each(['my dog is sick', '1 my neighbor went to the ER', 'mi vecina anda con tos', 'our cat threw up on the rug', 'la perrita está enferma', 'very bad cat', 'pobre perrito', "its my grandson whos limping", 'es mi vecina la que anda mala'])('"%s" is', (text) => {
    expect(aboutSomeoneElse(tokenize(text))).toBe(true);
  });

  it.each([
    // A relative may be the patient, written about by the one who texts for them.
    'my husband is sick', 'mom fell again', 'mi esposo tiene tos',
    // The writer is in the clause too.
    'my neighbor found me on the floor', 'my friend says i look pale', 'mi vecina me llevó al hospital',
    // Someone else named later is not the clause's subject.
    'i have a cough like my neighbor', 'its my dog that i worry about', 'its my husband who is sick',
  ])('"%s" is not', (text) => {
    expect(aboutSomeoneElse(tokenize(text))).toBe(false);
  });
});

describe('clauses that go on about someone else', () => {
  const about = (text: string) => clausesAboutSomeoneElse(splitClauses(text));

  it.each([
    ['My cat stole the kielbasa. Now he lies on the sofa like a dead body', [true, true]],
    ['My neighbor fell down the stairs. She broke her hip', [true, true]],
    ['mi vecina se cayó. ella tiene mucho dolor', [true, true]],
    ['the dog is sick. it threw up. it will not eat', [true, true, true]],
  ])('"%s": he, she or it after them is still them', (text, expected) => {
    expect(about(text)).toEqual(expected);
  });

  it.each([
    // The writer is back in it.
    ['My neighbor came by. She says I look pale', [true, false]],
    // A relative may be the patient: nothing before to go on about.
    ['My husband fell. He cannot get up', [false, false]],
    // No pronoun: the patient again.
    ['My dog is sick. Chest hurts today', [true, false]],
  ])('"%s": not after the writer, a relative or a new subject', (text, expected) => {
    expect(about(text)).toEqual(expected);
  });
});
