/**
 * Vomiting or diarrhoea with a body running dry (not even water kept down, no
 * water passed for most of a day) is urgent; vomiting alone is not
 * (src/flows/understand/fluids-lost.ts). The first came from a twenty-second
 * fresh set (V), where it was raised only as vomiting.
 */
import { describe, expect, it } from 'vitest';
import { readMessage } from '../../src/flows/understand/index.js';
import { evaluateTriage } from '../../src/triage/index.js';
import { facts, obs } from '../triage/facts.js';

const danger = (text: string) => readMessage(text).concerns.includes('fluids_lost_danger');

describe('vomiting with the body running dry', () => {
  it.each([
    'been throwing up since Saturday and I cant keep water down',
    'the runs all night, and she hasn\'t peed since breakfast yesterday',
    'vomiting all day, not even a sip of gatorade stays',
    'mi mamá está vomitando desde ayer y no retiene ni el agua',
    'con diarrea desde el domingo y no ha orinado desde ayer',
  ])('is read in %j', (text) => {
    expect(danger(text)).toBe(true);
  });

  it.each([
    'threw up once after the bus ride, fine now',
    "can't keep anything down this morning, going to try some toast",
    "nauseous from the new pill but I haven't peed blood since the antibiotic",
    'no vomiting, drinking plenty of water',
    "I haven't peed since this morning, busy day at the fair",
  ])('is not read in %j', (text) => {
    expect(danger(text)).toBe(false);
  });

  it("is urgent by the practice's default rules, raising the concern's own alert", () => {
    const evaluation = evaluateTriage(facts([obs('concern_reported', { category: 'fluids_lost_danger' })]));
    expect(evaluation.level).toBe('urgent');
    expect(evaluation.findings.map((f) => f.reason)).toContain('concern:fluids_lost_danger');
  });
});
