/**
 * Blood being lost with the head going light: a bleed the body is not
 * keeping up with. A bleed is a nurse's to review within the day (elevated),
 * and so is dizziness; a bleed with dizziness, woozy or about to faint is a
 * call now, whatever the bleed's place ("bleedin from my back end all mornin,
 * bright red, toilet full, I'm real woozy", "me sale sangre por la nariz y
 * estoy mareada"). A bruise is no blood lost ("bruised my arm, a little
 * dizzy" stays as it was). Pure: no I/O.
 */
import { normalizeText } from '../text/normalize.js';
import type { ConcernCategory } from './concerns.js';

/** Blood itself, seen leaving: not a bruise, a blood test or a pressure (those are no bleed). */
const BLOOD = /\b(?:bleed\w*|bled|bloody|blood(?! (?:test|tests|work|draw|pressure|sugar|sugars|thinner|thinners|count|counts|panel))|sangr\w*)\b/;
/** About to faint, said without the dizziness words: "feel like I'm gonna pass out", "siento que me desmayo". */
const FAINTING = /\b(?:faint\w*|pass(?:ing)? out|black(?:ing)? out|desmay\w*)\b/;

/** True when the text reads a bleed (`concerns`) with dizziness or fainting. */
export function bloodLostInDanger(text: string, concerns: readonly ConcernCategory[]): boolean {
  if (!concerns.includes('bleeding')) return false;
  const normal = normalizeText(text);
  return BLOOD.test(normal) && (concerns.includes('dizziness') || FAINTING.test(normal));
}
