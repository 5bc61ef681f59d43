/**
 * The CCM consent page on a candidate's phone, in a real browser: the link in
 * the text opens the page at /c (the token never in the address bar); she
 * taps "Sign" too soon and is told, at the top and next to each field, what
 * is missing; ticks "I understand" under each part, types her name and signs;
 * the thank-you page says what happens next, and she is enrolled. A Spanish
 * candidate reads it in Spanish and taps "No, gracias": the page says she will
 * not be asked again. A 320px-wide screen (200% zoom) never scrolls sideways,
 * and every target is at least 44px tall; an expired link names the practice
 * and its phone. Every page is checked with axe-core and photographed under
 * test-results/screenshots/; no page may log an error or break its CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CONSENT_WORDING } from '../../prompts/consent.js';
import type { Candidate } from '../../src/store/candidates.js';
import { addCandidate, addPractitioner, sendLink } from '../enrolment/consent-support.js';
import { launchChromium, screenshot, seriousViolations, startServedScenario, type ServedScenario } from './support.js';

const DAY = 24 * 60 * 60 * 1000;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
/** 200% zoom on a 640px-wide phone is a 320 CSS px wide page (WCAG 1.4.10, reflow). */
const NARROW = { ...PHONE, viewport: { width: 320, height: 640 } };
/** WCAG 2.2 target size as the issue asks it: 44 CSS px. */
const TARGET = 44;
const EN = CONSENT_WORDING.en;
const ES = CONSENT_WORDING.es;

let s: ServedScenario;
let browser: Browser;
let links: Record<'maria' | 'lucia' | 'nell' | 'otto', { candidate: Candidate; link: string; token: string }>;
const problems: string[] = [];
const contexts: BrowserContext[] = [];
const url = (path: string) => s.baseUrl + path;

async function check(p: Page, name: string) {
  await screenshot(p, `consent-${name}`);
  const violations = await seriousViolations(p);
  expect(violations, `accessibility on ${name} (${p.url()}):\n${violations.join('\n')}`).toEqual([]);
}

/** The page answers 404 (a link that matches nothing) and 422 (something to fix) on purpose; Chromium logs those as errors. */
const EXPECTED_DOCUMENT_STATUS = /^Failed to load resource: the server responded with a status of (404|422) /;
const CONSENT_DOCUMENT = /\/c(\/[\w-]+)?$/;

function watch(p: Page) {
  p.on('pageerror', (error) => problems.push(`${p.url()}: ${error.message}`));
  p.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (EXPECTED_DOCUMENT_STATUS.test(message.text()) && CONSENT_DOCUMENT.test(message.location().url)) return;
    problems.push(`${p.url()}: ${message.text()} (${message.location().url || 'no location'})`);
  });
  p.on('response', (response) => {
    if (response.request().resourceType() !== 'document' && response.status() >= 400) problems.push(`${p.url()}: ${response.url()} answered ${response.status()}`);
  });
}

async function phone(options: typeof PHONE = PHONE): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  contexts.push(context);
  context.setDefaultTimeout(10_000);
  context.on('page', watch);
  await context.exposeBinding('reportCspViolation', ({ page }, line: string) => problems.push(`${page.url()}: CSP refused ${line}`));
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => globalThis.reportCspViolation(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));`,
  });
  return context;
}

async function press(p: Page, name: string) {
  const loaded = p.waitForEvent('load');
  await p.getByRole('button', { name, exact: true }).tap();
  await loaded;
}

const heading = (p: Page) => p.locator('h1').innerText();
const part = (p: Page, words: string) => p.getByRole('group', { name: words });

/** Taps the words "I understand" under a part (the label, not the small box) and sees it ticked. */
async function understand(p: Page, partHeading: string, words: string) {
  await part(p, partHeading).getByText(words, { exact: true }).tap();
  expect(await part(p, partHeading).getByRole('checkbox', { name: words }).isChecked(), `"${partHeading}" ticked`).toBe(true);
}

beforeAll(async () => {
  s = await startServedScenario({ start: '2026-12-01T16:00:00Z' });
  const doctor = await addPractitioner(s);
  const make = async (overrides: Parameters<typeof addCandidate>[2]) => {
    const candidate = await addCandidate(s, doctor.id, overrides);
    const { token, text } = await sendLink(s, candidate);
    const link = `${s.baseUrl}/c/${token}`;
    expect(text).toContain(link);
    return { candidate, link, token };
  };
  links = {
    maria: await make({ firstName: 'Maria' }),
    lucia: await make({ firstName: 'Lucía', language: 'es' }),
    nell: await make({ firstName: 'Nell' }),
    otto: await make({ firstName: 'Otto' }),
  };
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('a candidate reads the consent page on her phone and signs it', () => {
  let page: Page;

  it('a. the link in her text opens the page at /c: the practice, the billing practitioner, and each part with its box', async () => {
    page = await (await phone()).newPage();
    const response = await page.goto(links.maria.link);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(url('/c'));
    expect(await heading(page)).toBe(EN.title);
    expect(await page.locator('header.practice').innerText()).toMatch(/Riverside Family Medicine\s+Questions\? Call us at \(555\) 123-4567\./);
    expect(await page.locator('.intro').innerText()).toContain('with Alan Grant, MD as your CCM practitioner');
    for (const key of ['offered', 'cost_sharing', 'one_practitioner', 'stop_any_time'] as const) {
      expect(await part(page, EN.headings[key]).getByRole('checkbox', { name: 'I understand' }).isChecked()).toBe(false);
    }
    await check(page, 'a1-page');
  });

  it('b. "Sign" too soon: the summary at the top says what is missing and has the focus; each part and the name are marked', async () => {
    await press(page, 'Sign');
    expect(page.url()).toBe(url('/c'));
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.locator('.error-summary');
    expect(await summary.getAttribute('role')).toBe('alert');
    await page.waitForFunction(() => (globalThis as unknown as { document: { activeElement: { classList: { contains(c: string): boolean } } | null } }).document.activeElement?.classList.contains('error-summary'));
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      `Tick "I understand" under "${EN.headings.offered}"`,
      `Tick "I understand" under "${EN.headings.cost_sharing}"`,
      `Tick "I understand" under "${EN.headings.one_practitioner}"`,
      `Tick "I understand" under "${EN.headings.stop_any_time}"`,
      'Type your full name to sign',
    ]);
    expect(await part(page, EN.headings.cost_sharing).locator('.field-error').innerText()).toMatch(/^Error:/);
    expect(await part(page, EN.headings.cost_sharing).getByRole('checkbox').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Your full name').getAttribute('aria-invalid')).toBe('true');
    await check(page, 'a2-missing');
  });

  it('c. ticks "I understand" under each part, types her name and signs: the thank-you page says what happens next', async () => {
    for (const key of ['offered', 'cost_sharing', 'one_practitioner', 'stop_any_time'] as const) await understand(page, EN.headings[key], 'I understand');
    const name = page.getByLabel('Your full name');
    await name.tap();
    await name.pressSequentially('Maria Gonzalez');
    await check(page, 'a3-ticked');
    await press(page, 'Sign');
    expect(page.url()).toBe(url('/c/signed'));
    expect(await heading(page)).toBe('Thank you for signing');
    expect(await page.locator('main').innerText()).toContain('What happens next');
    await check(page, 'a4-signed');
    const { rows } = await s.t.db.pool.query('SELECT c.state, p.status, x.signature_name FROM candidates c JOIN patients p ON p.id = c.patient_id JOIN ccm_consents x ON x.patient_id = p.id WHERE c.id = $1', [links.maria.candidate.id]);
    expect(rows).toEqual([{ state: 'consented', status: 'enrolled', signature_name: 'Maria Gonzalez' }]);
  });
});

describe('in Spanish', () => {
  it('a. the page in Spanish; "No, gracias" is recorded and she is told she will not be asked again', async () => {
    const page = await (await phone()).newPage();
    await page.goto(links.lucia.link);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await heading(page)).toBe(ES.title);
    expect(await part(page, ES.headings.stop_any_time).getByRole('checkbox', { name: 'Entiendo' }).count()).toBe(1);
    await understand(page, ES.headings.offered, 'Entiendo');
    await check(page, 'es1-page');
    await press(page, 'No, gracias');
    expect(page.url()).toBe(url('/c/declined'));
    expect(await heading(page)).toBe('No le volveremos a preguntar');
    await check(page, 'es2-declined');
    const { rows } = await s.t.db.pool.query('SELECT state, declined_how FROM candidates WHERE id = $1', [links.lucia.candidate.id]);
    expect(rows).toEqual([{ state: 'declined', declined_how: 'said no on the consent page' }]);
  });
});

describe('at 200% zoom (a 320 CSS px wide screen)', () => {
  it('a. the page reflows with no sideways scrolling, and every box, button and field is at least 44px tall', async () => {
    const page = await (await phone(NARROW)).newPage();
    await page.goto(links.nell.link);
    expect(await heading(page)).toBe(EN.title);
    const noSidewaysScroll = async () => {
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      expect(clientWidth).toBe(320);
      expect(scrollWidth, `the page is ${scrollWidth}px wide on a ${clientWidth}px screen`).toBeLessThanOrEqual(clientWidth);
    };
    const bigTargets = async () => {
      const targets = [...(await page.locator('label.option').all()), ...(await page.getByRole('button').all()), page.getByLabel('Your full name')];
      expect(targets.length).toBe(4 + 2 + 1);
      for (const target of targets) {
        const box = await target.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.height, `a target is ${box!.height}px tall`).toBeGreaterThanOrEqual(TARGET);
        expect(box!.x + box!.width).toBeLessThanOrEqual(320);
      }
    };
    await noSidewaysScroll();
    await bigTargets();
    await check(page, 'z1-320');
    await press(page, 'Sign');
    await noSidewaysScroll();
    await bigTargets();
    await check(page, 'z2-320-missing');
  });
});

describe('links that no longer work', () => {
  it('a. after 14 days the link has expired: the page names the practice and its phone', async () => {
    await s.advance(15 * DAY);
    const page = await (await phone()).newPage();
    await page.goto(links.otto.link);
    expect(await heading(page)).toBe('This link has expired');
    expect(await page.locator('main').innerText()).toContain('To join Chronic Care Management, call Riverside Family Medicine at (555) 123-4567.');
    expect(await page.getByRole('link', { name: '(555) 123-4567' }).first().getAttribute('href')).toMatch(/^tel:\+1555/);
    await check(page, 'x1-expired');
  });

  it('b. a link that matches nothing says the same, and names no practice', async () => {
    const page = await (await phone()).newPage();
    const response = await page.goto(url(`/c/${'Zq3'.repeat(14)}x`));
    expect(response?.status()).toBe(404);
    expect(await heading(page)).toBe('This link has expired');
    expect(await page.locator('body').innerText()).not.toContain('Riverside');
    await check(page, 'x2-invalid');
  });
});

describe('every page', () => {
  it('logged no script or console error, broke no CSP rule, and loaded every resource', async () => {
    for (const context of contexts) await context.close();
    expect(problems).toEqual([]);
  });
});
