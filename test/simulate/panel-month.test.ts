/**
 * The panel-month simulator on a small panel: 30 patients, 14 days, a fixed
 * seed. The service's own code runs the fortnight (simulate/); this checks the
 * invariants hold and that the same seed gives the same report.
 */
import { describe, expect, it } from 'vitest';
import { runPanel, type SimOptions } from '../../simulate/panel.js';
import { buildReport, type Report } from '../../simulate/report.js';
import { formatReport } from '../../simulate/format.js';
import { createEmptyDatabase, testDbKind } from '../helpers/database.js';

const OPTIONS: SimOptions = { patients: 30, days: 14, seed: 11, practiceTz: 'America/Chicago' };

/**
 * Concerning texts the service is known not to raise, by corpus ref, with why.
 * Pinned rather than hidden: a new miss fails this test, and so does a fix
 * (then remove it here).
 */
const KNOWN_MISSES: Record<string, string> = {};

async function simulate(): Promise<Report> {
  const run = await runPanel({ ...OPTIONS, db: await createEmptyDatabase() });
  try {
    return await buildReport(run);
  } finally {
    await run.close();
  }
}

// One database is enough: this is about the service's behaviour over a month, not the store.
// Its clock is its own (the month starts 2026-12-01), so the runs at faked machine times (.ci/run) skip it.
describe.skipIf(testDbKind() === 'server' || process.env.TESTS_AT_FAKED_TIME === '1')('a simulated fortnight for 30 patients', () => {
  it('keeps every rule, and the same seed gives the same report', async () => {
    const first = await simulate();
    const byName = Object.fromEntries(first.invariants.map((i) => [i.name, i]));
    const failed = first.invariants.filter((i) => i.violations > 0 && i.name !== 'every concerning text reached a person');
    expect(failed, formatReport(first)).toEqual([]);
    expect(first.reachedNobody, formatReport(first)).toEqual(Object.keys(KNOWN_MISSES));
    expect(byName['every concerning text reached a person']!.violations).toBe(Object.keys(KNOWN_MISSES).length);

    // The month really happened: texts went out, patients answered about two in three, some wrote concerning texts.
    expect(first.texts.byKind.check_in).toBeGreaterThan(30);
    expect(first.answered.rate).toBeGreaterThan(0.4);
    expect(first.answered.rate).toBeLessThan(0.9);
    expect(first.written.concerning).toBeGreaterThan(0);
    expect(first.alerts.cases).toBeGreaterThan(0);

    expect(await simulate()).toEqual(first);
  }, 120_000);
});
