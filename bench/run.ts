/** `npm run bench`: every benchmark, one after the other; each prints its own figures. */
import { spawnSync } from 'node:child_process';

const BENCHMARKS = ['bench/start.ts', 'bench/inbound-sms.ts', 'bench/schedule.ts', 'bench/today.ts', 'bench/reading.ts', 'bench/invitation-replies.ts', 'bench/panel-month.ts', 'bench/instances.ts'];

for (const script of BENCHMARKS) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
