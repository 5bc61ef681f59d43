/**
 * The closed world's reading: the words of a message the reader cannot
 * place. Function words, plain "fine, thanks" words, a menu digit, the
 * patient's own medicines and a parsed reading carry no news; anything else
 * is left for a person to read.
 */
import { describe, expect, it } from 'vitest';
import { UNPLACED_WORDS_FOR_REVIEW, unplacedWords } from '../../src/flows/understand/index.js';

describe('words the reader cannot place', () => {
  it('finds none in plain answers, thanks and how someone is doing, in English and Spanish', () => {
    for (const text of ['1', '2', 'yes', 'YES I TOOK THEM', 'fine thank you', "I'm doing well today, thanks!", 'Sí, gracias, muy bien', 'todo bien, Dios le bendiga', 'no', '👍']) {
      expect(unplacedWords(text), text).toEqual([]);
    }
  });

  it('leaves the news beside an answer, in the order written', () => {
    expect(unplacedWords('2. kind of a squeeze in the middle of my chest that goes up into my jaw')).toEqual(['squeeze', 'middle', 'chest', 'into', 'jaw']);
    expect(unplacedWords('NO ran out of the lisinopril thursday')).toEqual(['ran', 'out', 'lisinopril', 'thursday']);
    expect(unplacedWords('la metformina me cae pesada en la panza')).toEqual(['metformina', 'cae', 'pesada', 'panza']);
  });

  it('takes the patient\'s own medicines and a parsed reading as placed', () => {
    expect(unplacedWords('yep took my metformin and lisinopril at 8', ['metformin', 'lisinopril', '8'])).toEqual([]);
    expect(unplacedWords('bp 128/76 this morning', ['128/76'])).toEqual(['bp']);
  });

  it('asks a person to read two or more such words', () => {
    expect(UNPLACED_WORDS_FOR_REVIEW).toBe(2);
    expect(unplacedWords('i stopped the water pill cause i was going to the bathroom too much').length).toBeGreaterThanOrEqual(UNPLACED_WORDS_FOR_REVIEW);
  });
});
