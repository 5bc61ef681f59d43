import { describe, expect, it } from 'vitest';
import { DONE_KINDS, renderCrisisPage, renderDonePage } from '../../../src/channels/form/index.js';
import { practice } from './fixtures.js';
import { count, inner, tags, text } from './markup.js';

const base = { practice, stylesheet: '/q/assets/form.css', icon: '/q/icon.svg' };
const crisis = (locale: 'en' | 'es') => renderCrisisPage({ ...base, locale, continueAction: '/q/continue', csrf: 'tok' }).value;
const mainOf = (doc: string) => inner(doc, tags(doc, 'main')[0]!);

describe('the crisis page', () => {
  const doc = crisis('en');

  it('says 988 before anything else in <main>, and <main> comes before anything else on the page', () => {
    expect(text(mainOf(doc)).startsWith('If you are thinking about hurting yourself, call or text 988 now.')).toBe(true);
    const body = inner(doc, tags(doc, 'body')[0]!);
    expect(body.trimStart().startsWith('<main')).toBe(true);
  });

  it('gives 988 (call and text) and 911 as big buttons, 988 first', () => {
    const links = tags(mainOf(doc), 'a').map((a) => a.attrs);
    expect(links.slice(0, 3)).toEqual([
      { class: 'button urgent', href: 'tel:988' },
      { class: 'button urgent', href: 'sms:988' },
      { class: 'button urgent', href: 'tel:911' },
    ]);
    const words = text(mainOf(doc));
    expect(words).toContain('Suicide & Crisis Lifeline'.replace('&', '&amp;'));
    expect(words).toContain('If you are in danger, call 911.');
  });

  it('then says the care team knows, then offers to continue by a form post with the CSRF token', () => {
    const main = mainOf(doc);
    expect(main.indexOf('We have told your care team at Sunrise Family Clinic. They will call you.')).toBeGreaterThan(main.indexOf('tel:911'));
    const form = tags(main, 'form')[0]!;
    expect(form.attrs).toMatchObject({ method: 'post', action: '/q/continue' });
    expect(main.indexOf('<form')).toBeGreaterThan(main.indexOf('care team'));
    expect(tags(main, 'input')[0]!.attrs).toEqual({ type: 'hidden', name: '_csrf', value: 'tok' });
    expect(text(inner(main, tags(main, 'button')[0]!))).toBe('Continue the questionnaire');
  });

  it("still shows the practice's name and phone, after the crisis lines", () => {
    expect(doc.indexOf('tel:+15551234567')).toBeGreaterThan(doc.indexOf('</main>'));
    expect(count(doc, '<h1')).toBe(1);
    expect(doc).not.toMatch(/<script|<style|\sstyle=/i);
  });

  it('in Spanish', () => {
    const es = crisis('es');
    expect(tags(es, 'html')[0]!.attrs.lang).toBe('es');
    expect(text(mainOf(es)).startsWith('Si está pensando en hacerse daño, llame o mande un mensaje de texto al 988 ahora mismo.')).toBe(true);
    for (const phrase of ['Llamar al 988', 'Mandar un texto al 988', 'Si está en peligro, llame al 911.', 'Ya le avisamos a su equipo médico', 'Seguir con el cuestionario']) {
      expect(text(es)).toContain(phrase);
    }
  });
});

describe('the pages that end a visit', () => {
  const done = (kind: (typeof DONE_KINDS)[number], locale: 'en' | 'es' = 'en') => renderDonePage({ ...base, locale, kind }).value;

  it('thank the patient', () => {
    const doc = done('thanks');
    expect(text(mainOf(doc))).toContain('Thank you. Your care team will see your answers.');
    expect(text(mainOf(done('thanks', 'es')))).toContain('Gracias. Su equipo médico verá sus respuestas.');
  });

  it('say the answers were already received on a second visit', () => {
    expect(text(inner(done('already_received'), tags(done('already_received'), 'h1')[0]!))).toBe('We already have your answers');
  });

  it('say an expired link has expired and how to answer by phone; an invalid link says exactly the same', () => {
    const expired = done('expired');
    expect(text(mainOf(expired))).toBe('This link has expired To answer the questions by phone, call Sunrise Family Clinic at (555) 123-4567.');
    expect(done('invalid')).toBe(expired);
    expect(done('invalid', 'es')).toBe(done('expired', 'es'));
  });

  it('ask to try again later after too many tries', () => {
    expect(text(mainOf(done('too_many_attempts')))).toContain('Please wait a while, then open the link again.');
    expect(text(mainOf(done('too_many_attempts', 'es')))).toContain('Espere un rato y vuelva a abrir el enlace.');
  });

  it('each has the chrome: one h1, the practice and its phone, the emergency line, no form, no script', () => {
    for (const kind of DONE_KINDS) {
      for (const locale of ['en', 'es'] as const) {
        const doc = done(kind, locale);
        expect(tags(doc, 'html')[0]!.attrs.lang).toBe(locale);
        expect(count(doc, '<h1')).toBe(1);
        expect(count(doc, '<main')).toBe(1);
        expect(doc).toContain('href="tel:+15551234567"');
        expect(doc).toContain('href="tel:911"');
        expect(doc).not.toMatch(/<form|<script|<style|\sstyle=/i);
      }
    }
  });
});
