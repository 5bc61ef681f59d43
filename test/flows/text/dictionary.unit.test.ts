/** The dictionaries load in slices after start-up; a text that needs them first finishes the load at once. */
import { expect, it } from 'vitest';
import { isDictionaryWord, warmDictionaryInBackground } from '../../../src/flows/text/dictionary.js';

it('warms in the background, and a word asked for meanwhile is answered from the whole dictionary', async () => {
  const warmed = warmDictionaryInBackground();
  // Asked before any slice ran: the load completes now, in both languages.
  expect(isDictionaryWord('zucchini')).toBe(true);
  expect(isDictionaryWord('zanahoria')).toBe(true);
  expect(isDictionaryWord('qwzxv')).toBe(false);
  await expect(warmed).resolves.toBeUndefined();
}, 60_000);
