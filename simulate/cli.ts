/**
 * npm run simulate -- --patients 400 --days 30 --seed 7 --practice-tz America/Chicago [--profile FILE] [--html report.html]
 *   [--sequence fixed|learned] [--compare]
 * Prints the report (and writes it as an HTML page when --html names a file);
 * exits 1 when an invariant breaks (2 on bad options or a bad profile file).
 * --sequence sets the practice's outreach.channelChoice (default learned, the
 * service's default); --compare runs the same seed twice, fixed then learned,
 * and prints the two sequences side by side (issue 24), with the HTML page of
 * the learned run holding the comparison too.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runPanel, SEQUENCES, type Sequence, type SimOptions } from './panel.js';
import { broken, buildReport, type Report } from './report.js';
import { formatComparison, formatReport } from './format.js';
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
    sequence: { type: 'string', default: 'learned' },
    compare: { type: 'boolean', default: false },
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
if (!SEQUENCES.includes(values.sequence as Sequence)) {
  console.error(`--sequence must be ${SEQUENCES.join(' or ')}, not "${values.sequence}"`);
  process.exit(2);
}
const options = {
  patients: int('patients', values.patients, 100_000),
  days: int('days', values.days, 366),
  seed: int('seed', values.seed, 2 ** 31),
  practiceTz: values['practice-tz'],
  startDate: values.start,
  profile,
};

/** One run and its report; the phases' wall times go to the console beside it (never into the report). */
async function simulate(sequence: Sequence): Promise<Report> {
  const run = await runPanel({ ...options, sequence } satisfies SimOptions);
  try {
    const t1 = performance.now();
    const report = await buildReport(run);
    run.timings.report = (performance.now() - t1) / 1000;
    const t = run.timings;
    console.log(`phases (${sequence}): start ${t.startup.toFixed(1)} s, enrol ${t.enrol.toFixed(1)} s, month ${t.month.toFixed(1)} s, report ${t.report.toFixed(1)} s (${t.jobs} jobs in ${t.steps} clock steps)`);
    return report;
  } finally {
    await run.close();
  }
}

const t0 = performance.now();
// Fixed first, then learned: the same seed, so the same panel, the same draws; only the setting differs.
const reports = values.compare ? [await simulate('fixed'), await simulate('learned')] : [await simulate(values.sequence as Sequence)];
const wall = (performance.now() - t0) / 1000;
const shown = reports.at(-1)!;
console.log(values.compare ? formatComparison(reports, wall) : formatReport(shown, wall));
if (values.html) {
  await writeFile(values.html, renderHtml(shown, values.compare ? reports : undefined));
  console.log(`HTML report written to ${values.html}`);
}
console.log(`peak memory (rss) ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
const failed = reports.flatMap((r) => broken(r).map((i) => `${values.compare ? `${r.sequence.sequence}: ` : ''}${i.name}`));
if (failed.length > 0) {
  console.error(`\nSIMULATION FAILED: ${failed.length} invariant(s) broken: ${failed.join('; ')}`);
  process.exitCode = 1;
}
