/**
 * The panel-month simulator's cost (issue 21): wall time and peak memory of a
 * whole simulated month per panel size, each size in a process of its own so
 * its peak memory is its own. Target: 400 patients x 30 days in under 3
 * minutes on the 2-core machine, and cost growing no faster than the panel.
 *
 *   node --import tsx bench/panel-month.ts                 # 400
 *   BENCH_PANEL_SIZES=100,400,4000 node --import tsx bench/panel-month.ts
 */
import { spawnSync } from 'node:child_process';

const sizes = (process.env.BENCH_PANEL_SIZES ?? '400').split(',').map(Number);
const days = Number(process.env.BENCH_PANEL_DAYS ?? 30);

if (process.argv[2] === '--one') {
  const { runPanel } = await import('../simulate/panel.js');
  const { buildReport } = await import('../simulate/report.js');
  const t0 = performance.now();
  const run = await runPanel({ patients: Number(process.argv[3]), days, seed: 7, practiceTz: 'America/Chicago' });
  await buildReport(run);
  const wall = (performance.now() - t0) / 1000;
  await run.close();
  // maxRSS is in kilobytes.
  console.log(JSON.stringify({ wall, peakMiB: Math.round(process.resourceUsage().maxRSS / 1024), jobs: run.timings.jobs }));
} else {
  console.log(`\npanel month (${days} days, seed 7, America/Chicago): wall time and peak memory`);
  const rows: Array<{ size: number; wall: number }> = [];
  for (const size of sizes) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/panel-month.ts', '--one', String(size)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      console.error(`  ${size} patients: failed\n${child.stderr.slice(-2000)}`);
      process.exit(1);
    }
    const { wall, peakMiB, jobs } = JSON.parse(line) as { wall: number; peakMiB: number; jobs: number };
    const first = rows[0];
    const growth = first ? ` (x${(wall / first.wall).toFixed(1)} the time for x${(size / first.size).toFixed(1)} the patients)` : '';
    console.log(`  ${String(size).padStart(5)} patients  ${wall.toFixed(0).padStart(5)} s  ${(wall / size).toFixed(2)} s a patient  peak ${peakMiB} MiB  ${jobs} jobs${growth}`);
    rows.push({ size, wall });
  }
}
