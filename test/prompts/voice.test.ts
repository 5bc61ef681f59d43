/**
 * What calls say, written for the ear: every prompt of the catalog and every
 * voice-only prompt, in both languages, fits in 35 words, asks for keys only
 * at its end, and never says what only a text can do.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/flows/types.js';
import { PROMPT_KEYS, renderPrompt } from '../../prompts/index.js';
import { voicePrompts, voiceText, type VoicePromptKey } from '../../prompts/voice.js';

/** Long real-world values: the worst case for length. */
const VARS = {
  firstName: 'Maximiliana',
  practiceName: 'Riverside Family Medicine Associates',
  practicePhone: '(555) 123-4567',
  medicationName: 'hydrochlorothiazide',
  medicationDose: '12.5 mg',
  // A reminder for several medicines due at once.
  medicationCount: 3,
  medicationList: 'hydrochlorothiazide 12.5 mg, metformin 500 mg and lisinopril 10 mg',
  otherMedications: 'metformin 500 mg and lisinopril 10 mg',
  when: 'by Wednesday',
  refillDate: 'Wednesday, December 10',
  heard: 'one forty over ninety',
};

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const sentences = (text: string) => text.split(/(?<=[.?!])\s+/);
const KEYS_ASKED = /\b(press|oprima)\b/i;

function checkSpoken(text: string) {
  expect(text).not.toMatch(/[{}]/);
  expect(wordCount(text), text).toBeLessThanOrEqual(35);
  expect(text, text).not.toMatch(/\b(reply|responda|STOP|text us|escriba)\b/i);
  // Options last: once a sentence asks for a key, every sentence after it does too.
  const all = sentences(text);
  const first = all.findIndex((s) => KEYS_ASKED.test(s));
  if (first >= 0) expect(all.slice(first).every((s) => KEYS_ASKED.test(s)), text).toBe(true);
}

describe('what a call says', () => {
  for (const locale of LOCALES) {
    it.each(PROMPT_KEYS)(`%s (${locale}) is written for the ear`, (key) => {
      checkSpoken(renderPrompt(locale, key, VARS, 'voice'));
    });
    it.each(Object.keys(voicePrompts) as VoicePromptKey[])(`%s (${locale}) is written for the ear`, (key) => {
      checkSpoken(voiceText(key, locale, VARS));
    });
  }

  it('the keys a question offers by voice are the numbers its text offers', () => {
    for (const locale of LOCALES) {
      for (const key of ['wellness.opening', 'medication.opening', 'wellness.ask_severity', 'symptoms.ask_trend', 'refill.opening'] as const) {
        const text = renderPrompt(locale, key, VARS, 'sms');
        const voice = renderPrompt(locale, key, VARS, 'voice');
        const numbers = (s: string) => [...new Set([...s.matchAll(/\b([1-6])\b/g)].map((m) => m[1]))].sort();
        expect(numbers(voice), `${key} ${locale}`).toEqual(numbers(text));
      }
    }
  });
});
