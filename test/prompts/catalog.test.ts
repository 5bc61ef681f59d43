import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/flows/types.js';
import { PROMPT_KEYS, catalogs, en, es, renderPrompt, renderSms, smsSegments, toGsm7 } from '../../prompts/index.js';
import type { PromptKey } from '../../prompts/index.js';

const VARS = {
  firstName: 'Maximiliana',
  practiceName: 'Riverside Family Medicine Associates',
  practicePhone: '(555) 123-4567',
  medicationName: 'hydrochlorothiazide',
  medicationDose: '12.5 mg twice daily',
  // A reminder for several medicines due at once.
  medicationCount: 3,
  medicationList: 'hydrochlorothiazide 12.5 mg, metformin 500 mg and lisinopril 10 mg',
  otherMedications: 'metformin 500 mg and lisinopril 10 mg',
  patientName: 'Maximiliana Villanueva-Rodriguez',
  patientPhone: '+15551234567',
  reason: 'a blood pressure of 190/125',
  alertId: 'c0a80121-7ac0-4e1c-9f1b-3b8e6c2d9f10',
  when: 'a más tardar el miércoles',
  refillDate: 'el miércoles 10 de diciembre',
  // A questionnaire link with its 43-character token.
  link: 'https://ccm.riversidefamilymedicine.org/q/Qm9vaGJhbmFuYXNwbGl0cmVhbGx5bG9uZ3Rva2VuX2E',
};

const OPENINGS: PromptKey[] = ['wellness.opening', 'medication.opening', 'symptoms.opening'];

describe('prompt catalogs', () => {
  it('es has exactly the keys of en', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      it.each(PROMPT_KEYS)('%s renders in at most 2 segments with long values, GSM-7 unless the exact text costs no more', (key) => {
        const text = renderSms([{ prompt: key }], locale, VARS);
        expect(text).not.toMatch(/[{}]/);
        const info = smsSegments(text);
        if (info.encoding !== 'GSM-7') expect(info.segments, text).toBeLessThanOrEqual(smsSegments(toGsm7(text)).segments);
        expect(info.segments, text).toBeLessThanOrEqual(2);
      });

      it.each(OPENINGS)('%s greets by first name, names the practice and offers STOP', (key) => {
        const template = catalogs[locale][key].sms;
        expect(template).toContain('{firstName}');
        expect(template).toContain('{practiceName}');
        expect(template).toMatch(/(Reply STOP to opt out|Responda STOP para no recibir más mensajes)\.$/);
      });

      it('texts to an unknown number do not use a first name and are bilingual', () => {
        const template = catalogs[locale]['system.unknown_sender'].sms;
        expect(template).not.toContain('{firstName}');
        expect(template.indexOf('This is')).toBeLessThan(template.indexOf('Le escribe'));
      });

      it('every patient-facing emergency text says 911', () => {
        for (const key of ['system.help', 'system.red_flag', 'system.opt_out_confirmation', 'system.acknowledgement'] as const) {
          expect(catalogs[locale][key].sms).toContain('911');
        }
      });
    });
  }

  it('Spanish is written with its accents; only SMS rendering folds them', () => {
    expect(es['wellness.opening'].sms).toContain('¿Cómo se siente hoy?');
    expect(renderPrompt('es', 'wellness.opening', VARS)).toContain('¿Cómo se siente hoy?');
    expect(renderSms([{ prompt: 'wellness.opening' }], 'es', VARS)).toContain('¿Como se siente hoy?');
  });
});

describe('renderPrompt', () => {
  it('fills placeholders from vars', () => {
    expect(renderPrompt('en', 'system.help', VARS)).toBe(
      'Riverside Family Medicine Associates care team: call (555) 123-4567. For emergencies, call 911. Reply STOP to opt out.',
    );
  });

  it('throws, naming the key and placeholder, when a value is missing', () => {
    expect(() =>
      renderPrompt('en', 'medication.opening', { firstName: 'A', practiceName: 'B', practicePhone: 'C' }),
    ).toThrow('Prompt "medication.opening" (en) needs a value for {medicationName}');
  });

  it('renders the voice text for a call', () => {
    expect(renderPrompt('en', 'wellness.opening', VARS, 'voice')).toMatch(/press 1\..*press 2\.$/);
    expect(renderPrompt('en', 'wellness.opening', VARS, 'voice')).not.toMatch(/reply|STOP/i);
  });
});

describe('renderSms', () => {
  it('joins the parts of one step into one text, params added to vars', () => {
    const text = renderSms(
      [{ prompt: 'medication.reprompt_reason' }, { prompt: 'medication.close_ran_out', params: { medicationName: 'insulin' } }],
      'en',
      { firstName: 'Ana', practiceName: 'Clinic', practicePhone: '555' },
    );
    expect(text).toBe(
      'Please reply with a number from 1 to 4, like 1 if you forgot. Thank you, Ana. Your care team will help you get a refill of insulin. You can also call us at 555.',
    );
  });

  it('folds a name with a curly apostrophe or accents so a longer text stays GSM-7', () => {
    const text = renderSms([{ prompt: 'wellness.close_well' }], 'en', {
      firstName: 'D’Angelo Ramón Villanueva',
      practiceName: 'X',
      practicePhone: '1',
    });
    expect(text).toContain("D'Angelo Ramon Villanueva");
    expect(smsSegments(text).encoding).toBe('GSM-7');
  });

  it('keeps every accent of a short Spanish text (one segment either way), and GSM-7 letters in a long one', () => {
    expect(renderSms([{ prompt: 'medication.close_taken' }], 'es', { firstName: 'José', practiceName: 'X', practicePhone: '1' })).toBe(
      '¡Muy bien, José, gracias! Siga así.',
    );
    const long = renderSms([{ prompt: 'medication.reprompt_taken', params: { medicationName: 'metformina' } }], 'es', VARS);
    expect(long).toBe('Disculpe, no le entendimos. ¿Pudo tomar hoy su metformina? Responda 1 Si, 2 No.');
    expect(renderSms([{ prompt: 'wellness.reprompt_concern' }], 'es', VARS)).toContain('qué le preocupa');
  });

  it('renders nothing for a step with nothing to say', () => {
    expect(renderSms([], 'en', VARS)).toBe('');
  });
});
