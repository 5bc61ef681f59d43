/**
 * npm run simulate -- --patients 400 --days 30 --seed 7 --practice-tz America/Chicago [--profile FILE] [--html report.html]
 * Prints the report (and writes it as an HTML page when --html names a file);
 * exits 1 when an invariant breaks (2 on bad options or a bad profile file).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runPanel } from './panel.js';
import { broken, buildReport } from './report.js';
import { formatReport } from './format.js';
import { renderHtml } from './html.js';
import { DEFAULT_PROFILE, loadProfile, ProfileError } from './profile.js';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '400' },
    days: { type: 'string', default: '30' },
    seed: { type: 'string', default: '7' },
    'practice-tz': { type: 'string', default: 'America/Chicago' },
    start: { type: 'string', default: '2026-12-01' },
    html: { type: 'string' },
    profile: { type: 'string' },
  },
});
const profile = values.profile
  ? await loadProfile(values.profile).then(
      (loaded) => loaded.profile,
      (error: unknown) => {
        if (!(error instanceof ProfileError)) throw error;
        console.error(error.message);
        process.exit(2);
      },
    )
  : DEFAULT_PROFILE;
const int = (name: string, value: string, max: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`--${name} must be a whole number from 1 to ${max}, not "${value}"`);
    process.exit(2);
  }
  return n;
};
const options = {
  patients: int('patients', values.patients, 100_000),
  days: int('days', values.days, 366),
  seed: int('seed', values.seed, 2 ** 31),
  practiceTz: values['practice-tz'],
  startDate: values.start,
  profile,
};

const t0 = performance.now();
const run = await runPanel(options);
try {
  const t1 = performance.now();
  const report = await buildReport(run);
  run.timings.report = (performance.now() - t1) / 1000;
  const wall = (performance.now() - t0) / 1000;
  console.log(formatReport(report, wall));
  if (values.html) {
    await writeFile(values.html, renderHtml(report));
    console.log(`HTML report written to ${values.html}`);
  }
  const t = run.timings;
  console.log(`phases: start ${t.startup.toFixed(1)} s, enrol ${t.enrol.toFixed(1)} s, month ${t.month.toFixed(1)} s, report ${t.report.toFixed(1)} s (${t.jobs} jobs in ${t.steps} clock steps)`);
  console.log(`peak memory (rss) ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
  const failed = broken(report);
  if (failed.length > 0) {
    console.error(`\nSIMULATION FAILED: ${failed.length} invariant(s) broken: ${failed.map((i) => i.name).join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  await run.close();
}
