/**
 * Today in the web app: the texts from unknown numbers waiting for a person
 * (urgent ones first), and the call list, which is the API's call list, the
 * same patients in the same order (Today once dropped everyone with an open
 * alert and said "Nobody to call today" while the API listed them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { nextPhone } from '../helpers/api.js';
import { signInNora, type Browser } from './signed-in.js';

let s: Scenario;
let nora: Browser;

beforeAll(async () => {
  s = await startScenario();
  nora = await signInNora(s);
});
afterAll(() => s.close());

/** A section of Today, by its id: its count and the text of the list. */
function section(body: string, id: string) {
  const start = body.indexOf(`<section aria-labelledby="${id}-title">`);
  expect(start, id).toBeGreaterThan(-1);
  const html = body.slice(start, body.indexOf('</section>', start));
  return { html, count: Number(/data-count>(\d+)</.exec(html)?.[1]) };
}

describe('Today', () => {
  it('lists the texts from unknown numbers that wait for a person, urgent first, each linking to its page', async () => {
    const daughter = nextPhone();
    const husband = nextPhone();
    await s.say({ phone: daughter }, "This is Ruth's daughter, can someone call me about her pills");
    await s.say({ phone: nextPhone() }, 'hello');
    await s.say({ phone: husband }, 'my husband has chest pain');
    const texts = section((await nora.get('/app')).body, 'unknown-texts');
    expect(texts.count).toBe(2);
    expect(texts.html).not.toContain('hello');
    const urgent = texts.html.indexOf('chest pain');
    expect(urgent).toBeGreaterThan(-1);
    expect(urgent).toBeLessThan(texts.html.indexOf('pills'));
    expect(texts.html).toContain('<span class="badge level-urgent">urgent</span>');
    expect(texts.html).toMatch(/<a href="\/app\/unknown-senders\/[0-9a-f-]{36}"><strong>\(555\) \d{3}-\d{4}<\/strong>: reports chest pain<\/a>/);
    expect(texts.html).toContain('mentions a request to be called');
  });

  it('shows the call list the API gives: the same patients, in the same order, with their cases linked', async () => {
    const urgent = await s.newPatient({ firstName: 'Walter', lastName: 'Brooks' });
    const callback = await s.newPatient({ firstName: 'Ada', lastName: 'Callback' });
    const refill = await s.newPatient({ firstName: 'Rita', lastName: 'Refill' });
    const question = await s.newPatient({ firstName: 'Quinn', lastName: 'Question' });
    await s.say(urgent, 'I have chest pain');
    await s.say(callback, 'please call me back');
    await s.say(refill, 'I need a refill of my metformin');
    await s.say(question, 'can I get a ride to my appointment?');
    // Enrolled today and asked nothing yet: not a non-responder, nobody's call to make.
    const silent = await s.newPatient({ firstName: 'Silent', lastName: 'Sam' });

    const api = (await s.admin.get(`/api/v1/practices/${s.practice.id}/call-list`)).body.data as Array<{ patient: { id: string } }>;
    expect(api.length).toBeGreaterThanOrEqual(4);
    expect(api.map((e) => e.patient.id)).not.toContain(silent.id);
    const today = (await nora.get('/app')).body;
    const calls = section(today, 'call-list');
    expect(calls.count).toBe(api.length);
    expect(calls.html).not.toContain('Nobody to call today');
    const shown = [...calls.html.matchAll(/<li>\s*<a href="\/app\/patients\/([0-9a-f-]{36})">/g)].map((m) => m[1]);
    expect(shown).toEqual(api.map((e) => e.patient.id));
    // A patient with an open case is still someone to call; the entry leads to the case.
    const walter = calls.html.slice(calls.html.indexOf('Brooks, Walter'));
    expect(walter.slice(0, walter.indexOf('</li>'))).toMatch(/<a href="\/app\/cases\/[0-9a-f-]{36}">their case<\/a>/);
    expect(walter.slice(0, walter.indexOf('</li>'))).toContain('<a href="tel:+1555');
  });
});
