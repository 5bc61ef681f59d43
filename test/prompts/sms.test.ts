import { describe, expect, it } from 'vitest';
import { smsBody, smsSegments, toGsm7 } from '../../prompts/sms.js';

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
  it('keeps every letter GSM-7 has and folds only the others', () => {
    expect(toGsm7('¿Cómo está? Sí, aquí. Ñandú, café, pingüino, ¡Árbol! Úlcera Íntimo Óscar')).toBe(
      '¿Como esta? Si, aqui. Ñandu, café, pingüino, ¡Arbol! Ulcera Intimo Oscar',
    );
    expect(toGsm7('¿Qué es lo que más le preocupa? Cuéntenos. Atención.')).toBe('¿Qué es lo que mas le preocupa? Cuéntenos. Atencion.');
    const gsm = 'é è ù ì ò à ä ö ñ ü Ä Ö Ñ Ü É Ç Å å Ø ø ¿ ¡';
    expect(toGsm7(gsm)).toBe(gsm);
    expect(smsSegments(gsm).encoding).toBe('GSM-7');
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

describe('smsBody', () => {
  it('sends a short text exactly: "Sí" costs nothing when the text fits one UCS-2 segment', () => {
    expect(smsBody('¡Muy bien, Ana, gracias! Siga así.')).toBe('¡Muy bien, Ana, gracias! Siga así.');
    expect(smsBody('Responda 1 Sí, 2 No.')).toBe('Responda 1 Sí, 2 No.');
  });

  it('folds a longer text rather than split it into more segments, keeping the GSM-7 letters', () => {
    const text = 'Disculpe, no le entendimos. ¿Pudo tomar hoy su metformina de 500 mg? Responda 1 Sí, 2 No.';
    expect(smsBody(text)).toBe('Disculpe, no le entendimos. ¿Pudo tomar hoy su metformina de 500 mg? Responda 1 Si, 2 No.');
    expect(smsSegments(smsBody(text))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(smsBody(`Hola José. ${'a'.repeat(70)} ¿Qué tal?`)).toContain('José');
  });

  it('never sends typographic punctuation, and leaves a text with an emoji as it is', () => {
    expect(smsBody('It’s fine')).toBe("It's fine");
    expect(smsBody('Gracias 🙏 Sí')).toBe('Gracias 🙏 Sí');
  });
});
