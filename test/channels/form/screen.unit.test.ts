import { describe, expect, it } from 'vitest';
import { renderScreenPage } from '../../../src/channels/form/index.js';
import type { Screen } from '../../../src/flows/questionnaire/types.js';
import { messageScreen, readingsScreen, screenView } from './fixtures.js';
import { byId, count, inner, tags, text } from './markup.js';

const render = (...args: Parameters<typeof screenView>) => renderScreenPage(screenView(...args)).value;

/** Every control a patient fills in has a label tied to it by for/id. */
function expectLabelled(doc: string) {
  const controls = [...tags(doc, 'input'), ...tags(doc, 'textarea')].filter((t) => t.attrs.type !== 'hidden');
  expect(controls.length).toBeGreaterThan(0);
  const labelled = new Set(tags(doc, 'label').map((l) => l.attrs.for));
  for (const control of controls) expect(labelled, `a label for #${control.attrs.id}`).toContain(control.attrs.id);
}

const ids = (doc: string) => tags(doc).flatMap((t) => (t.attrs.id === undefined ? [] : [t.attrs.id]));

describe('a screen with a choice', () => {
  const doc = render({ answers: { 'phq2.1': '2' } });

  it('is a fieldset: the question as its legend, each answer a radio inside its own label', () => {
    expect(count(doc, '<fieldset')).toBe(1);
    const legend = tags(doc, 'legend')[0]!;
    expect(text(inner(doc, legend))).toBe('Little interest or pleasure in doing things?');
    const radios = tags(doc, 'input').filter((t) => t.attrs.type === 'radio');
    expect(radios.map((r) => r.attrs.value)).toEqual(['0', '1', '2', '3']);
    expect(new Set(radios.map((r) => r.attrs.name))).toEqual(new Set(['phq2.1']));
    for (const label of tags(doc, 'label')) {
      // The whole label is the target: the radio sits inside the label that names it.
      const body = inner(doc, label);
      expect(body).toContain(`id="${label.attrs.for}"`);
      expect(label.attrs.class).toBe('option');
    }
    expectLabelled(doc);
  });

  it('checks what the patient answered before', () => {
    const checked = tags(doc, 'input').filter((t) => 'checked' in t.attrs);
    expect(checked.map((t) => t.attrs.value)).toEqual(['2']);
    expect(tags(render(), 'input').filter((t) => 'checked' in t.attrs)).toEqual([]);
  });

  it('posts to the action with the CSRF token, and has no error summary when nothing is wrong', () => {
    const form = tags(doc, 'form')[0]!;
    expect(form.attrs).toMatchObject({ method: 'post', action: '/q/screens/mood' });
    expect(tags(doc, 'input').find((t) => t.attrs.name === '_csrf')?.attrs).toMatchObject({ type: 'hidden', value: 'csrf-token-123' });
    expect(doc).not.toContain('error-summary');
    expect(doc).not.toContain('aria-invalid');
  });

  it('says where the patient is: the words and a progress bar', () => {
    expect(text(inner(doc, byId(doc, 'progress-text')!))).toBe('Step 2 of 6');
    expect(tags(doc, 'progress')[0]!.attrs).toMatchObject({ max: '6', value: '2', 'aria-labelledby': 'progress-text' });
  });

  it('offers Next and a Back link; the last screen offers Send, the first no Back', () => {
    expect(text(inner(doc, tags(doc, 'button')[0]!))).toBe('Next');
    expect(tags(doc, 'a').find((a) => a.attrs.href === '/q/screens/health')).toBeDefined();
    const last = render({ last: true, back: null });
    expect(text(inner(last, tags(last, 'button')[0]!))).toBe('Send');
    expect(last).not.toContain('class="back"');
  });
});

describe('a screen of numbers with an error', () => {
  const doc = render({
    screen: readingsScreen,
    answers: { 'bp.systolic': '1300', weight: '182.5' },
    errors: { 'bp.systolic': { en: 'Enter a number between 60 and 260', es: 'Escriba un número entre 60 y 260' } },
  });
  const systolic = tags(doc, 'input').find((t) => t.attrs.name === 'bp.systolic')!;
  const weight = tags(doc, 'input').find((t) => t.attrs.name === 'weight')!;

  it('asks with a number keypad and a visible label, keeping what was typed', () => {
    expect(systolic.attrs).toMatchObject({ type: 'text', inputmode: 'decimal', value: '1300' });
    expect(weight.attrs).toMatchObject({ inputmode: 'decimal', value: '182.5' });
    expectLabelled(doc);
    const label = tags(doc, 'label').find((l) => l.attrs.for === systolic.attrs.id)!;
    expect(text(inner(doc, label))).toBe('Your top blood pressure number (optional)');
  });

  it('links the hint, the error and the unit to the input', () => {
    const describedBy = systolic.attrs['aria-describedby']!.split(' ');
    const said = describedBy.map((id) => text(inner(doc, byId(doc, id)!)));
    expect(said).toEqual(['For example, 130', 'Error: Enter a number between 60 and 260', 'mmHg']);
    expect(text(inner(doc, byId(doc, weight.attrs['aria-describedby']!)!))).toBe('lb');
  });

  it('marks the field invalid and lists it in a summary at the top that links to it', () => {
    expect(systolic.attrs['aria-invalid']).toBe('true');
    expect(weight.attrs['aria-invalid']).toBeUndefined();
    const summary = tags(doc).find((t) => t.attrs.class === 'error-summary')!;
    expect(summary.attrs).toMatchObject({ role: 'alert', tabindex: '-1', autofocus: '' });
    expect(summary.at).toBeLessThan(tags(doc, 'h1')[0]!.at);
    const link = tags(inner(doc, summary), 'a')[0]!;
    expect(link.attrs.href).toBe(`#${systolic.attrs.id}`);
    expect(text(inner(doc, summary))).toBe('Please check your answers Enter a number between 60 and 260');
  });

  it('says "Error:" first in the page title', () => {
    expect(text(inner(doc, tags(doc, 'title')[0]!))).toBe('Error: Your readings at home (Step 2 of 6) – Sunrise Family Clinic');
  });

  it('an error on a choice marks its radios and links to the first', () => {
    const choice = render({ errors: { 'phq2.1': { en: 'Choose one answer', es: 'Elija una respuesta' } } });
    const radios = tags(choice, 'input').filter((t) => t.attrs.type === 'radio');
    expect(radios.every((r) => r.attrs['aria-invalid'] === 'true')).toBe(true);
    expect(tags(choice, 'a').find((a) => a.attrs.href === `#${radios[0]!.attrs.id}`)).toBeDefined();
    const fieldset = tags(choice, 'fieldset')[0]!;
    expect(text(inner(choice, byId(choice, fieldset.attrs['aria-describedby']!)!))).toBe('Error: Choose one answer');
  });

  it('an error for an item not on the screen is still said, without a link', () => {
    const other = render({ errors: { elsewhere: { en: 'Something to fix', es: 'Algo que corregir' } } });
    expect(text(other)).toContain('Please check your answers Something to fix');
  });
});

describe('a screen with a note', () => {
  const typed = '</textarea><script>alert("hi")</script> & more';
  const doc = render({ screen: messageScreen, answers: { message: typed }, last: true });

  it('is a labelled textarea holding what was typed, escaped', () => {
    expectLabelled(doc);
    const area = tags(doc, 'textarea')[0]!;
    expect(area.attrs.name).toBe('message');
    expect(inner(doc, area)).toBe('\n&lt;/textarea&gt;&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; more');
    expect(doc).not.toMatch(/<script/i);
  });
});

describe('escaping', () => {
  it('escapes the question, the answers, the practice and odd linkIds; ids stay unique', () => {
    const odd: Screen = {
      id: 'odd',
      part: 'medicines',
      title: { en: 'Medicines <b>', es: 'Medicinas' },
      items: [
        { linkId: 'medicine.a"b<c>.taken', type: 'text', text: { en: 'Q <img src=x>', es: 'P' }, required: false },
        { linkId: 'medicine.a_b.taken', type: 'integer', text: { en: 'Q2', es: 'P2' }, required: false },
        { linkId: 'medicine.a-b.taken', type: 'integer', text: { en: 'Q3', es: 'P3' }, required: false },
      ],
    };
    const doc = renderScreenPage(
      screenView({ screen: odd, practice: { name: 'Dr. <Smith> & Co', phone: '+15551234567' }, answers: { 'medicine.a_b.taken': '"><script>' } }),
    ).value;
    expect(doc).not.toMatch(/<(script|img|b)[\s>]/i);
    expect(doc).toContain('Q &lt;img src=x&gt;');
    expect(doc).toContain('Dr. &lt;Smith&gt; &amp; Co');
    expect(tags(doc, 'textarea')[0]!.attrs.name).toBe('medicine.a&quot;b&lt;c&gt;.taken');
    expect(tags(doc, 'input').find((t) => t.attrs.name === 'medicine.a_b.taken')!.attrs.value).toBe('&quot;&gt;&lt;script&gt;');
    const all = ids(doc);
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((id) => /^[\w-]+$/.test(id))).toBe(true);
    expectLabelled(doc);
  });
});

describe('in Spanish', () => {
  const doc = render({
    locale: 'es',
    screen: readingsScreen,
    errors: { weight: { en: 'Enter a number', es: 'Escriba un número' } },
  });

  it('says everything in Spanish', () => {
    expect(tags(doc, 'html')[0]!.attrs.lang).toBe('es');
    const words = text(doc);
    for (const phrase of ['Paso 2 de 6', 'Siguiente', 'Volver', 'Por favor, revise sus respuestas', 'Escriba un número', 'Su peso (opcional)', 'libras', 'Si es una emergencia, llame al 911.', '¿Tiene preguntas? Llámenos al (555) 123-4567.', 'Sus medidas en casa', 'Su revisión de la semana 2']) {
      expect(words).toContain(phrase);
    }
    expect(words).not.toMatch(/\b(Step|Next|Back|optional|emergency)\b/);
    expect(text(renderScreenPage(screenView({ locale: 'es', last: true })).value)).toContain('Enviar');
  });
});

describe('the page', () => {
  const doc = render({ screen: readingsScreen });

  it('has the chrome every page needs: lang, viewport that lets people zoom, no referrer, a title, one h1, one main', () => {
    expect(doc.startsWith('<!doctype html>')).toBe(true);
    expect(tags(doc, 'html')[0]!.attrs.lang).toBe('en');
    const metas = tags(doc, 'meta');
    expect(metas.find((m) => m.attrs.name === 'viewport')!.attrs.content).toBe('width=device-width, initial-scale=1');
    expect(metas.find((m) => m.attrs.name === 'referrer')!.attrs.content).toBe('no-referrer');
    expect(count(doc, '<title>')).toBe(1);
    expect(count(doc, '<h1')).toBe(1);
    expect(count(doc, '<main')).toBe(1);
    expect(tags(doc, 'link')[0]!.attrs).toEqual({ rel: 'stylesheet', href: '/q/assets/form.css' });
  });

  it('carries no script and no inline style, so a strict CSP holds', () => {
    for (const page of [doc, render(), render({ screen: messageScreen })]) {
      expect(page).not.toMatch(/<script|<style|\sstyle=|\son\w+=|javascript:/i);
    }
  });

  it("shows the practice's name and phone (dialable, written for reading) and the emergency line", () => {
    expect(text(doc)).toContain('Sunrise Family Clinic');
    const phone = tags(doc, 'a').find((a) => a.attrs.href === 'tel:+15551234567')!;
    expect(text(inner(doc, phone))).toBe('(555) 123-4567');
    expect(text(doc)).toContain('If this is an emergency, call 911.');
    expect(tags(doc, 'a').find((a) => a.attrs.href === 'tel:911')).toBeDefined();
  });
});

describe('the order of a screen page', () => {
  it('is the practice, Back, progress, the h1, the form, then the emergency line', () => {
    const doc = render();
    const order = ['class="practice"', 'class="back"', 'id="progress-text"', '<h1>', '<form', 'class="emergency"'].map((s) => doc.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
