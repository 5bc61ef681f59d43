/**
 * What a call says beyond the catalog's rules for the ear (voice.test.ts): a
 * call greets once, in its first turn, so no question greets again; the
 * menu and the offer of a nurse take speech, and say so in both languages;
 * every goodbye after a red flag repeats the emergency advice.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/flows/types.js';
import { PROMPT_KEYS, catalogs } from '../../prompts/index.js';
import { voiceText } from '../../prompts/voice.js';

const VARS = { firstName: 'Ana', practiceName: 'Riverside', practicePhone: '(555) 123-4567' };

describe('a call greets once', () => {
  it.each(LOCALES)('no question greets in its voice text (%s)', (locale) => {
    for (const key of PROMPT_KEYS) {
      const voice = catalogs[locale][key].voice;
      if (voice) expect(voice, key).not.toMatch(/^(Hi|Hello|Hola),? \{firstName\}/);
    }
  });

  it.each(LOCALES)('every first turn of a call greets (%s)', (locale) => {
    for (const key of ['voice.menu', 'voice.check_in_due', 'voice.continue'] as const) {
      expect(voiceText(key, locale, VARS), key).toMatch(/^(Hello|Hola) Ana, (this is|le habla) Riverside\./);
    }
  });
});

describe('keys or words', () => {
  it('the menu and the offer of a nurse say "say or press" in English and "diga u oprima" in Spanish', () => {
    expect(voiceText('voice.menu', 'en', VARS).match(/say or press [123]\./g)).toHaveLength(3);
    expect(voiceText('voice.menu', 'es', VARS).match(/diga u oprima [123]\./g)).toHaveLength(3);
    for (const key of ['voice.red_flag_offer', 'voice.self_harm_offer'] as const) {
      expect(voiceText(key, 'en', VARS)).toMatch(/say yes or press 1\.$/);
      expect(voiceText(key, 'es', VARS)).toMatch(/diga sí u oprima 1\.$/);
    }
  });

  it('the advice said again names 911 (and 988 for self-harm), and no voice text has a space before a stop', () => {
    for (const locale of LOCALES) {
      expect(voiceText('voice.emergency_advice', locale, VARS)).toContain('911');
      expect(voiceText('voice.self_harm_advice', locale, VARS)).toMatch(/988.*911/);
      for (const key of PROMPT_KEYS) expect(catalogs[locale][key].voice ?? '', key).not.toMatch(/ [?.,!]|¿ /);
    }
  });
});
