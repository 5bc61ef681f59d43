/**
 * A care coordinator's day in a real browser: sign in, an urgent case that
 * arrives while Today is open (one card per patient, however many texts),
 * acknowledging and resolving it, a patient's
 * blood pressure on their chart; on the patient's page adding a medicine (and
 * a refused one that comes back as typed), writing the care plan and
 * recording consent; logging time (and an overlapping entry refused in
 * words), approving the month, and the question approval asks while a case
 * is open; and the automatic logoff after 15 minutes without activity (by
 * the service's clock). Every page is checked with axe-core and photographed
 * under test-results/screenshots/; the pages this walk added must have no
 * violation at all.
 *
 * The steps share one browser and one service and run in order; each starts
 * from a page it opens itself, so one that fails leaves the later ones
 * meaningful.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, screenshot, seriousViolations, startServedScenario, type ServedScenario } from './support.js';

const EMAIL = 'nora@riverside.example';
const PASSWORD = 'correct horse battery staple';
const LIVE_WAIT = { timeout: 10_000 };

let s: ServedScenario;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** What the browser reported that a page should never cause: script errors, CSP refusals. */
const pageErrors: string[] = [];
let chestPain: { id: string; phone: string };
let bpPatient: { id: string; phone: string };

/** Screenshot, then axe: no serious or critical violation on the page as it is now. */
async function check(p: Page, name: string) {
  await screenshot(p, name);
  const violations = await seriousViolations(p);
  expect(violations, `accessibility on ${name} (${p.url()}):\n${violations.join('\n')}`).toEqual([]);
}

/** As check, and no violation of any impact (minor and moderate too), for the pages and states this walk added. */
async function checkAll(p: Page, name: string) {
  await check(p, name);
  const all = await p.evaluate(async () => {
    const results = await (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe.run();
    return results.violations.map((v) => `${v.impact} ${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  expect(all, `accessibility (every impact) on ${name} (${p.url()})`).toEqual([]);
}

/** The element that has the focus, by id. */
const focused = (p: Page) => p.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ?? '');

const url = (path: string) => s.baseUrl + path;

function watch(p: Page) {
  p.on('pageerror', (error) => pageErrors.push(`${p.url()}: ${error.message}`));
  p.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) {
      pageErrors.push(`${p.url()}: ${message.text()}`);
    }
  });
}

beforeAll(async () => {
  s = await startServedScenario();
  const login = await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, {
    name: 'Nora Nurse',
    email: EMAIL,
    role: 'coordinator',
    password: PASSWORD,
    staffId: s.coordinator.id,
  });
  expect(login.status, JSON.stringify(login.body)).toBe(201);
  chestPain = await s.newPatient({ firstName: 'Walter', lastName: 'Brooks' });
  bpPatient = await s.newPatient({ firstName: 'Maria', lastName: 'Gonzalez' });
  await s.newPatient({ firstName: 'Ruth', lastName: 'Okafor', language: 'es', preferredChannel: 'voice' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Live updates arrive within a poll (2 s); anything slower than this is a failure, not a wait.
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  watch(page);
});

afterAll(async () => {
  // The browser first: its live channel holds a connection the service would wait for.
  await browser?.close();
  await s?.close();
});

describe("a coordinator's day", () => {
  it('a. /app asks to sign in; signing in opens Today', async () => {
    await page.goto(url('/app'));
    expect(new URL(page.url()).pathname).toBe('/app/login');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in');
    await check(page, 'a1-sign-in');

    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(url('/app'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Today');
    await check(page, 'a2-today');
  });

  it('Today on a phone (390 x 844)', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, storageState: await context.storageState() });
    try {
      const small = await phone.newPage();
      watch(small);
      await small.goto(url('/app'));
      await expect(small.locator('h1').textContent()).resolves.toBe('Today');
      // Nothing wider than the screen: no sideways scrolling on a phone.
      const overflow = await small.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      await check(small, 'a3-today-phone');
    } finally {
      await phone.close();
    }
  });

  it("b. an urgent case appears on Today without a reload, and the patient's next text updates its card", async () => {
    // The live channel fixes where it starts when it connects: wait for that before the patient texts.
    const connected = page.waitForResponse((r) => r.url().startsWith(url('/app/events')));
    await page.goto(url('/app'));
    await connected;
    await page.evaluate(() => ((globalThis as unknown as { sameDocument: boolean }).sameDocument = true));

    await s.say(chestPain, 'I have chest pain');
    expect(await s.alerts(chestPain.id)).toEqual([expect.objectContaining({ level: 'urgent', status: 'open' })]);

    const item = page.locator('#urgent-cases li', { hasText: 'Brooks, Walter' });
    await item.waitFor(LIVE_WAIT);
    await expect(item.getByText('I have chest pain').count()).resolves.toBe(1);
    expect(await page.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await expect(page.locator('#announcer').textContent()).resolves.toContain('New urgent case');

    // A second urgent reason joins his case: the card is replaced, not added to.
    await s.say(chestPain, 'and now I cant breathe');
    await page.locator('#urgent-cases li', { hasText: 'and now I cant breathe' }).waitFor(LIVE_WAIT);
    await expect(page.locator('#urgent-cases li', { hasText: 'Brooks, Walter' }).count()).resolves.toBe(1);
    await expect(page.locator('#announcer').textContent()).resolves.toContain('Urgent case updated');
    await check(page, 'b-today-live-case');
  });

  it('c. the case: acknowledge, then resolve with a note', async () => {
    await page.goto(url('/app'));
    // The card's link to the case (it also has the patient's phone as a link).
    await page.locator('#urgent-cases li', { hasText: 'Brooks, Walter' }).getByRole('link', { name: /Brooks, Walter/ }).click();
    await page.waitForURL(/\/app\/cases\/[0-9a-f-]+$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Case');
    await check(page, 'c1-case-open');

    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByText('acknowledged by Nora Nurse').waitFor();
    await expect(page.getByRole('button', { name: 'Acknowledge' }).count()).resolves.toBe(0);
    await check(page, 'c2-case-acknowledged');

    await page.getByLabel('What was done').fill('Called him: pain eased, daughter driving him to the ER.');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.locator('dl.facts dt', { hasText: 'Resolved' }).waitFor();
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('daughter driving him to the ER');
    await expect(page.getByRole('button', { name: 'Resolve' }).count()).resolves.toBe(0);
    // Every alert of the case is resolved with it.
    expect(await s.alerts(chestPain.id)).toEqual([expect.objectContaining({ status: 'resolved' }), expect.objectContaining({ status: 'resolved' })]);
    await check(page, 'c3-case-resolved');

    // Today no longer lists it.
    await page.goto(url('/app'));
    await expect(page.locator('#urgent-cases li', { hasText: 'Brooks, Walter' }).count()).resolves.toBe(0);
  });

  it("d. the patient's blood pressure on their chart", async () => {
    await s.say(bpPatient, 'my blood pressure is 152/94');
    const bp = (await s.observations(bpPatient.id)).filter((o) => JSON.stringify(o).includes('152'));
    expect(bp, JSON.stringify(await s.observations(bpPatient.id))).toHaveLength(1);

    const response = await page.goto(url(`/app/patients/${bpPatient.id}`));
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Maria Gonzalez');
    const chart = page.locator('figure.chart').first();
    await chart.waitFor();
    // The reading is on the chart: a dot's title, and a row of the table screen readers get.
    const texts = (selector: string) => page.locator(selector).evaluateAll((all) => all.map((e) => (e as unknown as { textContent: string }).textContent));
    expect((await texts('figure.chart circle title')).some((t) => t.includes('152'))).toBe(true);
    expect((await texts('figure.chart table.sr-only tr')).some((t) => t.includes('152') && t.includes('94'))).toBe(true);
    await check(page, 'd-patient');
  });

  it('d2. add a medicine; a refused one comes back as typed, saying what to fix', async () => {
    await page.goto(url(`/app/patients/${bpPatient.id}`));
    const add = page.locator('form[action$="/medications"]');
    await page.getByText('Add a medicine', { exact: true }).click();
    await add.getByLabel('Medicine', { exact: true }).fill('amlodipine');
    await add.getByLabel('Dose').fill('5 mg');
    await add.getByLabel(/^Times/).fill('22:30');
    await add.getByRole('button', { name: 'Add the medicine' }).click();
    await page.waitForLoadState();
    // The same page, the form open with what was typed, the times marked and focused, the problem in words.
    const refused = page.locator('form[action$="/medications"]');
    await expect(refused.getByRole('alert').textContent()).resolves.toContain("Times: 22:30 falls in the practice's quiet hours");
    await expect(refused.getByLabel('Medicine', { exact: true }).inputValue()).resolves.toBe('amlodipine');
    await expect(refused.getByLabel('Dose').inputValue()).resolves.toBe('5 mg');
    await expect(focused(page)).resolves.toBe('new-med-times');
    await checkAll(page, 'd2-medicine-refused');

    await refused.getByLabel(/^Times/).fill('09:00');
    await refused.getByRole('button', { name: 'Add the medicine' }).click();
    await page.getByText('Medicine added').waitFor();
    await expect(page.locator('section[aria-labelledby="medicines-title"]').textContent()).resolves.toContain('amlodipine');
    await checkAll(page, 'd3-medicine-added');
  });

  it('d3. write the care plan', async () => {
    await page.goto(url(`/app/patients/${bpPatient.id}`));
    await page.getByText('Write the care plan', { exact: true }).click();
    const plan = page.locator('form[action$="/care-plan"]');
    await plan.getByLabel('Problem 1', { exact: true }).fill('Hypertension');
    await plan.getByLabel('Problem 2', { exact: true }).fill('Type 2 diabetes');
    await plan.getByLabel(/^Goals/).fill('BP under 140/90\nA1c under 7.5%');
    await plan.getByLabel(/^Interventions/).fill('Home BP log twice weekly');
    await plan.getByLabel('Review schedule').fill('every 3 months');
    await checkAll(page, 'd4-care-plan-form');
    await plan.getByRole('button', { name: 'Save the care plan' }).click();
    await page.getByText('Care plan saved.').waitFor();
    const shown = await page.locator('section[aria-labelledby="care-plan-title"]').textContent();
    expect(shown).toMatch(/Hypertension\s*I10/);
    expect(shown).toContain('A1c under 7.5%');
    await checkAll(page, 'd5-care-plan-saved');
  });

  it('d4. record consent', async () => {
    await page.goto(url(`/app/patients/${bpPatient.id}`));
    await page.getByText('Record or correct consent', { exact: true }).click();
    const consent = page.locator('form[action$="/consent"]');
    await consent.getByLabel('In writing').check();
    await consent.getByLabel('Date').fill('2026-11-20');
    await consent.getByLabel(/^Recorded by/).fill('Nora Nurse, RN');
    await consent.getByRole('button', { name: 'Save consent' }).click();
    await page.getByText('Consent saved').waitFor();
    await expect(page.locator('[data-consent]').textContent()).resolves.toBe('Granted, written, on Nov 20, 2026 (recorded by Nora Nurse, RN)');
    await checkAll(page, 'd6-consent-saved');
  });

  it('e. log time and approve the month', async () => {
    const month = DateTime.fromJSDate(s.clock.now(), { zone: 'America/Chicago' }).toFormat('yyyy-MM');
    const response = await page.goto(url(`/app/patients/${bpPatient.id}/months/${month}`));
    expect(response?.status()).toBe(200);
    await check(page, 'e1-month');

    // The section around the form is labelled "Minutes" too: look for the fields inside the form.
    const logTime = page.locator('form', { has: page.getByRole('button', { name: 'Log time' }) });
    await fillField(logTime, /activity/i, 'call');
    await fillField(logTime, /start/i, DateTime.fromJSDate(s.clock.now(), { zone: 'America/Chicago' }).minus({ hours: 1 }));
    await fillField(logTime, /minutes/i, '25');
    await logTime.getByRole('button', { name: 'Log time' }).click();
    await page.waitForLoadState();
    await expect(page.locator('main').textContent()).resolves.toMatch(/25\s*min/);
    await check(page, 'e2-month-time-logged');

    // A second entry inside the first: refused in words, in the practice's time, with what was typed kept.
    const again = page.locator('form', { has: page.getByRole('button', { name: 'Log time' }) });
    const start = DateTime.fromJSDate(s.clock.now(), { zone: 'America/Chicago' }).minus({ minutes: 50 });
    await fillField(again, /start/i, start);
    await fillField(again, /minutes/i, '10');
    await again.getByRole('button', { name: 'Log time' }).click();
    await page.waitForLoadState();
    const refused = page.locator('form', { has: page.getByRole('button', { name: 'Log time' }) });
    const first = start.minus({ minutes: 10 });
    const span = `${first.toFormat('h:mm')}-${first.plus({ minutes: 25 }).toFormat('h:mm a')}`;
    await expect(refused.getByRole('alert').textContent()).resolves.toContain(`Started: overlaps your ${span} entry for Maria Gonzalez on ${first.toFormat('LLL d')}`);
    await expect(refused.getByLabel(/minutes/i).inputValue()).resolves.toBe('10');
    await expect(refused.getByLabel(/start/i).inputValue()).resolves.toBe(start.toFormat("yyyy-MM-dd'T'HH:mm"));
    await expect(focused(page)).resolves.toBe('start');
    await checkAll(page, 'e2b-month-time-refused');

    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved by Nora Nurse').waitFor();
    await expect(page.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
    await check(page, 'e3-month-approved');
  });

  it('e2. approving while a case is open asks first, and says how many', async () => {
    const patient = await s.newPatient({ firstName: 'Abel', lastName: 'Open' });
    await s.say(patient, 'I have chest pain');
    const month = DateTime.fromJSDate(s.clock.now(), { zone: 'America/Chicago' }).toFormat('yyyy-MM');
    await page.goto(url(`/app/patients/${patient.id}/months/${month}`));
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approve the month anyway?').waitFor();
    await expect(page.locator('#approve-question').textContent()).resolves.toContain('This patient has 1 alert nobody has acknowledged and 1 case not yet resolved.');
    await expect(focused(page)).resolves.toBe('approve-question');
    await expect(page.getByText(/^Approved by/).count()).resolves.toBe(0);
    await checkAll(page, 'e4-month-approve-question');

    await page.getByRole('button', { name: 'Approve anyway' }).click();
    await page.getByText('Approved by Nora Nurse').waitFor();
    await check(page, 'e5-month-approved-anyway');
  });

  it('f. signed out after 15 minutes without activity', async () => {
    // A page load is activity: the 15 minutes start now.
    const connected = page.waitForResponse((r) => r.url().startsWith(url('/app/events')));
    await page.goto(url('/app'));
    await connected;
    const warning = page.getByRole('alertdialog', { name: 'Still there?' });
    await expect(warning.isVisible()).resolves.toBe(false);

    await s.advance(14 * 60_000);
    await warning.waitFor({ state: 'visible', ...LIVE_WAIT });
    await expect(warning.textContent()).resolves.toContain('1 minute');
    // The warning offers its way out: "Stay signed in" has the focus.
    await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).resolves.toBe('Stay signed in');
    await check(page, 'f1-still-there');

    await s.advance(60_000 + 1000);
    await page.waitForURL(/\/app\/login\?timeout=1$/, LIVE_WAIT);
    await page.getByText('signed out after 15 minutes').waitFor();
    await check(page, 'f2-signed-out');

    // The session is over on the server too.
    await page.goto(url('/app'));
    expect(new URL(page.url()).pathname).toBe('/app/login');
  });

  it('no script errors or refused resources on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** A form field by its label: a select takes its first real option (or `value`), a date/time input the instant's form, others the text. */
async function fillField(form: Locator, label: RegExp, value: string | DateTime) {
  const field = form.getByLabel(label).first();
  const tag = await field.evaluate((el) => (el as unknown as { tagName: string }).tagName.toLowerCase());
  if (tag === 'select') {
    const options = await field.locator('option').evaluateAll((all) => all.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
    await field.selectOption(typeof value === 'string' && options.includes(value) ? value : options[0]!);
    return;
  }
  const type = (await field.getAttribute('type')) ?? 'text';
  if (value instanceof DateTime) {
    const formats: Record<string, string> = { 'datetime-local': "yyyy-MM-dd'T'HH:mm", date: 'yyyy-MM-dd', time: 'HH:mm' };
    await field.fill(value.toFormat(formats[type] ?? "yyyy-MM-dd'T'HH:mm"));
    return;
  }
  await field.fill(value);
}
