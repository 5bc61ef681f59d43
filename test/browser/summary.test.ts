/**
 * The week-4 summary in a real browser: the link from the email (received by
 * a real SMTP server on loopback) opens the summary at phone width, with no
 * horizontal scrolling and no serious accessibility fault, and it prints.
 * Screenshots and the printed PDF are under test-results/.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startSmtpServer, type SmtpTestServer } from '../helpers/smtp.js';
import { launchChromium, screenshot, seriousViolations, startServedScenario, type ServedScenario } from './support.js';

let smtp: SmtpTestServer;
let s: ServedScenario;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  s = await startServedScenario({ start: '2026-12-21T18:00:00Z' }, { SMTP_URL: smtp.url, MAIL_FROM: 'care@riverside.example' });
  const cadence = { time: '10:00', slots: [{ week: 4, weekday: 'tuesday', flow: 'summary' }] };
  expect((await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { outreach: { cadence } })).status).toBe(200);
  const patient = await s.newPatient({ firstName: 'Rosa', email: 'rosa@example.org', language: 'es' });
  const plan = { status: 'active', problems: [{ condition: 'Diabetes tipo 2' }, { condition: 'Presión alta' }], goals: ['Caminar 20 minutos al día'], interventions: ['Revisar el azúcar cada mañana'] };
  expect((await s.admin.put(`/api/v1/patients/${patient.id}/care-plan`, plan)).status).toBe(200);
  for (const name of ['Metformina', 'Lisinopril', 'Atorvastatina']) {
    expect((await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name, dose: '10 mg', times: ['08:00', '20:00'], reminders: false })).status).toBe(201);
  }
  const visit = { startsAt: '2027-01-08T09:30', withWhom: 'Dra. Patel', location: 'Riverside Family Medicine, segundo piso' };
  expect((await s.admin.post(`/api/v1/patients/${patient.id}/appointments`, visit)).status).toBe(201);
  await s.advanceTo('2026-12-22T16:05:00.000Z');
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await s?.close();
  await smtp?.close();
});

describe("the patient's summary", () => {
  it('opens from the email at phone width: readable, no sideways scrolling, nothing serious for axe', async () => {
    const text = smtp.to('rosa@example.org')[0]!.mail.text!;
    const link = /(http:\/\/127\.0\.0\.1:\d+\/s\/[\w-]{43})/.exec(text)![1]!;
    await page.goto(link);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Su resumen del mes');
    expect(await page.getByRole('heading', { name: 'Sus medicinas' }).count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain('Metformina 10 mg, a las 08:00, 20:00');
    expect(await page.locator('main').innerText()).toContain('Dra. Patel');
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'summary-phone');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('prints: the whole summary on paper, as a PDF a patient could take to an appointment', async () => {
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'summary-print');
    const dir = new URL('../../test-results/', import.meta.url);
    await mkdir(dir, { recursive: true });
    const pdf = await page.pdf({ path: new URL('summary.pdf', dir).pathname, format: 'Letter' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
  });
});
