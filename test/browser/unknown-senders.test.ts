/**
 * A text from an unknown number in a real browser: a daughter texts "Mom fell
 * and hit her head" from a number no patient has; the coordinator reads it on
 * Today, opens it, finds her mother and links it (it joins her case), and
 * resolves it with what was done. Her case shows the conversation around the
 * words and who was texted; the outbound log shows what the service sent.
 * Every page is checked with axe-core and photographed under
 * test-results/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, seriousViolations, startServedScenario, type ServedScenario } from './support.js';

const EMAIL = 'nora@riverside.example';
const PASSWORD = 'correct horse battery staple';
const DAUGHTER = '+13125550100';

let s: ServedScenario;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function check(p: Page, name: string) {
  await screenshot(p, name);
  const violations = await seriousViolations(p);
  expect(violations, `accessibility on ${name} (${p.url()}):\n${violations.join('\n')}`).toEqual([]);
}

const url = (path: string) => s.baseUrl + path;

beforeAll(async () => {
  s = await startServedScenario();
  const login = await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, { name: 'Nora Nurse', email: EMAIL, role: 'coordinator', password: PASSWORD, staffId: s.coordinator.id });
  expect(login.status, JSON.stringify(login.body)).toBe(201);
  await s.newPatient({ firstName: 'Ruth', lastName: 'Okafor', phone: '(312) 555-0191' });
  await s.newPatient({ firstName: 'Walter', lastName: 'Brooks' });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) pageErrors.push(`${page.url()}: ${message.text()}`);
  });
  await page.goto(url('/app'));
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(url('/app'));
});

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('a text from an unknown number', () => {
  it('a. is on Today, urgent, with the number as people read it', async () => {
    await s.say({ phone: DAUGHTER }, 'Mom fell and hit her head, shes confused');
    await s.runDue();
    await page.goto(url('/app'));
    const item = page.locator('#unknown-texts li', { hasText: '(312) 555-0100' });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('Mom fell and hit her head, shes confused');
    await expect(item.locator('.badge').textContent()).resolves.toBe('urgent');
    await check(page, 'u1-today-unknown-text');
  });

  it('b. opens to its page: the text, when, the number, what was read in it, who was texted', async () => {
    await page.locator('#unknown-texts li', { hasText: '(312) 555-0100' }).getByRole('link').click();
    await page.waitForURL(/\/app\/unknown-senders\/[0-9a-f-]+$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Text from (312) 555-0100');
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('reports a fall');
    await expect(page.locator('section', { hasText: 'Texts sent to the care team' }).textContent()).resolves.toContain('Nora Nurse');
    await check(page, 'u2-unknown-text');
  });

  it('c. links it to the patient it is about, found by name', async () => {
    await page.getByLabel('Find the patient by name or phone').fill('Ruth');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: 'Link to Ruth Okafor' }).waitFor();
    await check(page, 'u3-unknown-text-find');
    await page.getByRole('button', { name: 'Link to Ruth Okafor' }).click();
    await page.getByText('linked by Nora Nurse').waitFor();
    await expect(page.getByRole('button', { name: 'Link to Ruth Okafor' }).count()).resolves.toBe(0);
    await check(page, 'u4-unknown-text-linked');
  });

  it("d. her case shows the daughter's words in the conversation, her phone, and who was texted", async () => {
    await page.getByRole('link', { name: 'their case' }).click();
    await page.waitForURL(/\/app\/cases\/[0-9a-f-]+$/);
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('(312) 555-0191');
    const words = page.locator('#conversation-title + ol li.evidence');
    await expect(words.textContent()).resolves.toContain("not the patient's phone");
    await expect(page.locator('section', { hasText: 'Texts sent to the care team' }).textContent()).resolves.toContain('Nora Nurse');
    await check(page, 'u5-case-with-linked-text');
  });

  it('e. resolves it with what was done: Today no longer lists it', async () => {
    await page.goBack();
    await page.getByLabel('What was done').fill('Called back: her daughter. Ruth is on her way to the ER.');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('Resolved by Nora Nurse').waitFor();
    await check(page, 'u6-unknown-text-resolved');
    await page.goto(url('/app'));
    await expect(page.locator('#unknown-texts li', { hasText: '(312) 555-0100' }).count()).resolves.toBe(0);
    await expect(page.locator('#urgent-cases li', { hasText: 'Okafor, Ruth' }).count()).resolves.toBe(1);
  });

  it('f. the list of texts, and the outbound log from the navigation', async () => {
    await page.goto(url('/app/unknown-senders?status=all'));
    await expect(page.locator('main li', { hasText: '(312) 555-0100' }).count()).resolves.toBe(1);
    await check(page, 'u7-unknown-texts');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sent texts' }).click();
    await page.waitForURL(url('/app/outbound'));
    await expect(page.locator('main table').textContent()).resolves.toContain('urgent text from an unknown number');
    await check(page, 'u8-outbound');
  });

  it('g. an alert page: the conversation around the words and the texts to the care team', async () => {
    const walter = (await s.admin.get(`/api/v1/practices/${s.practice.id}/patients`)).body.data.find((p: { firstName: string }) => p.firstName === 'Walter');
    await s.say(walter, 'I have chest pain');
    await s.runDue();
    const [alert] = (await s.t.db.pool.query('SELECT id FROM alerts WHERE patient_id = $1', [walter.id])).rows;
    await page.goto(url(`/app/alerts/${alert.id}`));
    await expect(page.locator('section', { hasText: 'The conversation around it' }).textContent()).resolves.toContain('I have chest pain');
    await expect(page.locator('section', { hasText: 'Texts sent to the care team' }).textContent()).resolves.toContain('urgent alert');
    await check(page, 'u9-alert');
  });

  it('no script errors or refused resources on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
