/**
 * Browser tests: the real service listening on a loopback port, Debian's
 * Chromium driven by playwright-core, axe-core for accessibility, and
 * full-page screenshots under test-results/screenshots/ to look at.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import twilio from 'twilio';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startScenario } from '../helpers/scenario.js';
import { AUTH_TOKEN, type TestServiceOptions } from '../helpers/service.js';
import { inboundSmsParams, messageBodies } from '../helpers/twilio.js';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url);

/** A port nobody listens on right now (the service's PUBLIC_URL must name it before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The usual scenario (manual clock, faked Twilio, a practice with coordinator
 * Nora Nurse), served over HTTP at `baseUrl`, which is also its PUBLIC_URL;
 * `options` as for startScenario (where the clock starts).
 */
export async function startServedScenario(options: TestServiceOptions = {}, env: Record<string, string> = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const s = await startScenario({ ...env, PUBLIC_URL: baseUrl }, options);
  const app = s.t.service.app;
  if (!app.server.listening) await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address() as AddressInfo;
  if (address.port !== port) throw new Error(`the service listens on ${address.port}, not on ${port}`);
  return {
    ...s,
    baseUrl,
    /**
     * The patient texts the practice. Like the scenario's `say`, but signed
     * for this service's PUBLIC_URL (the scenario's signs for the default one).
     */
    async say(patient: { phone: string }, body: string) {
      const params = inboundSmsParams(patient.phone, s.practice.phoneNumber, body);
      const path = '/webhooks/twilio/sms';
      const response = await app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, baseUrl + path, params) },
        payload: new URLSearchParams(params).toString(),
      });
      if (response.statusCode !== 200) throw new Error(`webhook answered ${response.statusCode}: ${response.body}`);
      const replies = messageBodies(response.body);
      s.twilio.acceptTwiml(patient.phone, s.practice.phoneNumber, replies);
      return replies;
    },
  };
}
export type ServedScenario = Awaited<ReturnType<typeof startServedScenario>>;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** A full-page screenshot, test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * Runs axe-core on the page as it is now; returns the serious and critical
 * violations, one readable line each (rule, help, the elements it found).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: the pages' Content-Security-Policy (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const results = await (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run();
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`).join('\n')}`);
}
