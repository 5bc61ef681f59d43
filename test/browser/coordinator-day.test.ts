/**
 * A care coordinator's day in a real browser: sign in, an urgent case that
 * arrives while Today is open (one card per patient, however many texts),
 * acknowledging and resolving it, a patient's
 * blood pressure on their chart, logging time and approving the month, and
 * the automatic logoff after 15 minutes without activity (by the service's
 * clock). Every page is checked with axe-core and photographed under
 * test-results/screenshots/.
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
    await page.locator('#urgent-cases li', { hasText: 'Brooks, Walter' }).getByRole('link').click();
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

    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved by Nora Nurse').waitFor();
    await expect(page.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
    await check(page, 'e3-month-approved');
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
