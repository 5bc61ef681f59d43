/**
 * start: how long `npm start` takes to answer /health on the embedded
 * database, on a new data folder and again on the same folder (a restart).
 * Runs the built service (dist/bundle, made by `npm ci` through `prepare`, which
 * also makes the prepared database image new data folders are copied from),
 * as `npm start` does. Five rounds; the median of each is the figure (on a
 * 2-core machine one run differs from the next by up to a quarter).
 * Targets (issue 22): a new data folder <= 2 s, a restart <= 1.5 s.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = 3931;
const ROUNDS = 5;
const TARGET_FRESH_S = 2;
const TARGET_RESTART_S = 1.5;

async function timeToHealthy(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/bundle/server.js'], {
    env: { PATH: process.env.PATH ?? '', PORT: String(PORT), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('the service exited before it was healthy');
      const healthy = await fetch(`http://127.0.0.1:${PORT}/health`).then((r) => r.ok, () => false);
      if (healthy) return (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const line = (label: string, runs: number[], target: number) => {
  const figure = median(runs);
  const verdict = figure <= target ? 'meets' : 'misses';
  return `  ${label} ${figure.toFixed(2)} s (target <= ${target} s: ${verdict}; runs ${runs.map((r) => r.toFixed(2)).join(', ')})`;
};

if (!existsSync('dist/bundle/server.js')) {
  console.error('dist/bundle is missing: run `npm run build` (npm ci does it) first');
  process.exit(1);
}
// What `npm ci` leaves behind: the image is made once, not timed here (a first start without it makes it, ~5-7 s).
const prepared = spawnSync(process.execPath, ['scripts/prepare-database-image.mjs'], { stdio: 'inherit' });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const fresh: number[] = [];
const restart: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const dataDir = await mkdtemp(join(tmpdir(), 'ccm-bot-start-'));
  try {
    fresh.push(await timeToHealthy(dataDir));
    restart.push(await timeToHealthy(dataDir));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
console.log(`\nstart: npm start to a healthy /health, embedded database (median of ${ROUNDS})`);
console.log(line('new data folder:', fresh, TARGET_FRESH_S));
console.log(line('restart:        ', restart, TARGET_RESTART_S));
