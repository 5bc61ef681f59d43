import { describe, expect, it } from 'vitest';
import { smsSegments, toGsm7 } from '../../prompts/sms.js';

describe('smsSegments', () => {
  it.each([
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
  ])('%i GSM-7 characters are %i segment(s)', (length, segments) => {
    expect(smsSegments('a'.repeat(length))).toEqual({ encoding: 'GSM-7', segments, units: length });
  });

  it('counts an extension character (€, braces, ...) as two septets', () => {
    expect(smsSegments('€')).toEqual({ encoding: 'GSM-7', segments: 1, units: 2 });
    expect(smsSegments('a'.repeat(159) + '€').segments).toBe(2);
    expect(smsSegments('^{}\\[~]|').units).toBe(16);
  });

  it('never splits an escape pair across segments', () => {
    // 152 septets + '€' would straddle the 153 boundary, so it moves to segment 2.
    const text = 'a'.repeat(152) + '€' + 'a'.repeat(152);
    expect(smsSegments(text)).toEqual({ encoding: 'GSM-7', segments: 3, units: 306 });
  });

  it('keeps GSM-7 letters: ñ, é, ü, ¿, ¡ do not switch encoding', () => {
    expect(smsSegments('¿Señor? ¡Café! Ü').encoding).toBe('GSM-7');
  });

  it('switches to UCS-2 for an emoji or an accent outside GSM-7', () => {
    expect(smsSegments('Hi 🙂')).toEqual({ encoding: 'UCS-2', segments: 1, units: 5 });
    expect(smsSegments('¿Cómo está?').encoding).toBe('UCS-2');
  });

  it('UCS-2: 70 units in one segment, 67 per concatenated segment', () => {
    const base = 'á';
    expect(smsSegments(base.repeat(70)).segments).toBe(1);
    expect(smsSegments(base.repeat(71)).segments).toBe(2);
    expect(smsSegments(base.repeat(134)).segments).toBe(2);
    expect(smsSegments(base.repeat(135)).segments).toBe(3);
  });

  it('an empty text is no segment', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', segments: 0, units: 0 });
  });
});

describe('toGsm7', () => {
  it('writes every accented vowel plain (one rule for every text) and keeps ñ, ¿ and ¡', () => {
    expect(toGsm7('¿Cómo está? Sí, aquí. Ñandú, café, pingüino, ¡Árbol! Úlcera Íntimo Óscar')).toBe(
      '¿Como esta? Si, aqui. Ñandu, cafe, pinguino, ¡Arbol! Ulcera Intimo Oscar',
    );
    expect(toGsm7('¿Qué es lo que más le preocupa? Cuéntenos. Atención.')).toBe('¿Que es lo que mas le preocupa? Cuentenos. Atencion.');
  });

  it('folds typographic punctuation', () => {
    expect(toGsm7('It’s “fine” – really — ok… a\u00A0b ‘x’')).toBe('It\'s "fine" - really - ok... a b \'x\'');
  });

  it('folds other accented letters to their base letter', () => {
    expect(toGsm7('ç ê ë ô')).toBe('c e e o');
  });

  it('leaves characters with no equivalent as they are', () => {
    expect(toGsm7('Hi 🙂 你好')).toBe('Hi 🙂 你好');
  });

  it('makes folded Spanish text GSM-7', () => {
    expect(smsSegments(toGsm7('¿Tomó hoy su medicina? Responda 1 para sí')).encoding).toBe('GSM-7');
  });
});
