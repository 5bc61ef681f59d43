/**
 * A wound going bad (it smells, drains pus, turns black or spreads) with a
 * fever or chills is urgent; either alone is not
 * (src/flows/understand/wound-going-bad.ts). It came from a twenty-third
 * fresh set (W), where a black and foul foot wound with fever and chills was
 * raised only as a fever.
 */
import { describe, expect, it } from 'vitest';
import { readMessage } from '../../src/flows/understand/index.js';
import { evaluateTriage } from '../../src/triage/index.js';
import { facts, obs } from '../triage/facts.js';

const danger = (text: string) => readMessage(text).concerns.includes('wound_infection_danger');

describe('a wound going bad with a fever', () => {
  it.each([
    '3. Estoy peor, señorita. La herida del pie ya huele feo, está negra en la punta del dedo y tengo fiebre y escalofríos desde ayer',
    "the sore on my heel is draining pus and I've got chills",
    'my toe is turning black and I have a fever of 101',
    'cut on his leg has red streaks going up and he is burning up',
    'la llaga del talón supura y tengo calentura',
  ])('is read in %j', (text) => {
    expect(danger(text)).toBe(true);
  });

  it.each([
    // A fever alone, a wound alone, a bruise, a denied fever.
    'running a fever since Tuesday, 100.8',
    'the sore on my foot smells bad, can the nurse look at it',
    'my toe is black and blue from the door and I have a cold with chills',
    'the wound is healing, no fever, no pus',
  ])('is not read in %j', (text) => {
    expect(danger(text)).toBe(false);
  });

  it("is urgent by the practice's default rules, raising the concern's own alert", () => {
    const evaluation = evaluateTriage(facts([obs('concern_reported', { category: 'wound_infection_danger' })]));
    expect(evaluation.level).toBe('urgent');
    expect(evaluation.findings.map((f) => f.reason)).toContain('concern:wound_infection_danger');
  });
});
