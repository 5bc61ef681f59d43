/**
 * start: how long `npm start` takes to answer /health on a fresh data folder,
 * on the embedded database, and again on the same folder (a restart). Runs
 * the built service (dist/, made once by `npm ci` through `prepare`), as
 * `npm start` does. Target: healthy within 5 s.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = 3931;

async function timeToHealthy(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/src/server.js'], {
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

if (!existsSync('dist/src/server.js')) {
  console.error('dist/ is missing: run `npm run build` (npm ci does it) first');
  process.exit(1);
}
const dataDir = await mkdtemp(join(tmpdir(), 'ccm-bot-start-'));
try {
  const first = await timeToHealthy(dataDir);
  const restart = await timeToHealthy(dataDir);
  console.log('\nstart: npm start to a healthy /health, embedded database');
  console.log(`  fresh data folder: ${first.toFixed(2)} s (target <= 5 s)`);
  console.log(`  restart:           ${restart.toFixed(2)} s`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
