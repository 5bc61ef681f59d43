import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { enqueueJob, type JobName } from '../../src/store/job-queue.js';
import { withTransaction } from '../../src/store/sql.js';

/** A job name only this test defines; the runner's typed API is for the service's own jobs. */
const PING = 'test.ping' as JobName;

let t: TestService;
const runs: Array<{ n: number }> = [];

beforeAll(async () => {
  t = await startTestService();
  t.service.jobs.agenda.define<{ n: number }>(PING, async (job) => {
    runs.push(job.attrs.data);
  });
  await t.service.jobs.start();
});
afterAll(() => t.close());

async function waitFor(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('jobs on the service database', () => {
  it('runs a job queued inside a committed transaction', async () => {
    await withTransaction(t.db.pool, (tx) => enqueueJob(tx, PING, { n: 1 } as never));
    await waitFor(() => runs.some((r) => r.n === 1));
  });

  it('never runs a job whose transaction rolled back', async () => {
    await expect(
      withTransaction(t.db.pool, async (tx) => {
        await enqueueJob(tx, PING, { n: 2 } as never);
        throw new Error('step failed');
      }),
    ).rejects.toThrow('step failed');
    await withTransaction(t.db.pool, (tx) => enqueueJob(tx, PING, { n: 3 } as never));
    await waitFor(() => runs.some((r) => r.n === 3));
    expect(runs.some((r) => r.n === 2)).toBe(false);
  });

  it('runs a scheduled job at its time, not before', async () => {
    const at = new Date(Date.now() + 1500);
    await enqueueJob(t.db.pool, PING, { n: 4 } as never, at);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(runs.some((r) => r.n === 4)).toBe(false);
    await waitFor(() => runs.some((r) => r.n === 4));
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
  });
});

describe('graceful shutdown', () => {
  it('stops taking jobs and lets a running one finish before closing', async () => {
    let finished = false;
    t.service.jobs.agenda.define('test.slow' as JobName, async () => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      finished = true;
    });
    await enqueueJob(t.db.pool, 'test.slow' as JobName, {} as never);
    await waitFor(() => runningNames().includes('test.slow'));
    await t.service.stop();
    expect(finished).toBe(true);
    // The service leaves the test's database open; the job is recorded as finished.
    const job = await t.db.pool.query("SELECT last_finished_at FROM agenda_jobs WHERE name = 'test.slow'");
    expect(job.rows[0].last_finished_at).not.toBeNull();
  });
});

function runningNames(): string[] {
  // Agenda exposes running jobs only through its stats; the processor keeps them in memory.
  const processor = (t.service.jobs.agenda as unknown as { jobProcessor?: { runningJobs: Array<{ attrs: { name: string } }> } })
    .jobProcessor;
  return processor?.runningJobs.map((job) => job.attrs.name) ?? [];
}
