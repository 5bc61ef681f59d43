/**
 * A bleed with dizziness or fainting is urgent; either alone is not
 * (src/flows/understand/blood-lost.ts). It came from a twenty-fifth fresh set
 * (Y), where a bowl full of bright red blood with the patient "real woozy"
 * was raised only as a bleed and a dizziness.
 */
import { describe, expect, it } from 'vitest';
import { readMessage } from '../../src/flows/understand/index.js';
import { evaluateTriage } from '../../src/triage/index.js';
import { facts, obs } from '../triage/facts.js';

const danger = (text: string) => readMessage(text).concerns.includes('blood_lost_danger');

describe('a bleed with the head going light', () => {
  it.each([
    "Mais, I been bleedin from my back end all mornin, bright red, toilet full, I'm real woozy. Ain't my hemorrhoids this time",
    'me sale sangre por la nariz y estoy mareada',
    'nose has been bleeding on and off all day and now I feel like I might pass out',
    'been bleeding from my bottom since last night and I feel faint',
  ])('is read in %j', (text) => {
    expect(danger(text)).toBe(true);
  });

  it.each([
    // A bleed alone, dizziness alone, a bruise, a blood pressure.
    'my gums bleed a little when I floss',
    'a little dizzy when I get up too fast',
    'bruised my arm on the door, a little dizzy this morning',
    'my blood pressure was low and I was dizzy',
  ])('is not read in %j', (text) => {
    expect(danger(text)).toBe(false);
  });

  it("is urgent by the practice's default rules, raising the concern's own alert", () => {
    const evaluation = evaluateTriage(facts([obs('concern_reported', { category: 'blood_lost_danger' })]));
    expect(evaluation.level).toBe('urgent');
    expect(evaluation.findings.map((f) => f.reason)).toContain('concern:blood_lost_danger');
  });
});
