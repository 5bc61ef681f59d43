import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { systemClock } from '../../src/clock.js';
import { enqueueJob, listPendingJobs, type JobName } from '../../src/store/job-queue.js';
import { withTransaction } from '../../src/store/sql.js';
import { advanceToNextJob } from '../../src/jobs/drive.js';

/** A job name only these tests define; the runner's typed API is for the service's own jobs. */
const PING = 'test.ping' as JobName;
const HOUR = 60 * 60 * 1000;

/** Waits for Agenda's workers (they poll every 0.2 s here) to have done something; fails after 10 s. */
async function eventually(check: () => boolean | Promise<boolean>) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the job workers');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("Agenda's workers on the service database (the machine's clock)", () => {
  let t: TestService;
  const runs: number[] = [];

  beforeAll(async () => {
    t = await startTestService({}, { clock: systemClock });
    t.service.jobs.agenda.define<{ n: number }>(PING, async (job) => {
      runs.push(job.attrs.data.n);
    });
    await t.service.jobs.start();
  });
  afterAll(() => t.close());

  it('run a job queued inside a committed transaction, and never one whose transaction rolled back', async () => {
    await expect(
      withTransaction(t.db.pool, async (tx) => {
        await enqueueJob(tx, PING, { n: 2 } as never, { runAt: systemClock.now() });
        throw new Error('step failed');
      }),
    ).rejects.toThrow('step failed');
    await withTransaction(t.db.pool, (tx) => enqueueJob(tx, PING, { n: 1 } as never, { runAt: systemClock.now() }));
    await eventually(() => runs.includes(1));
    expect(runs).not.toContain(2);
  });

  it('leave a job that is not yet due where it is', async () => {
    const now = systemClock.now();
    await enqueueJob(t.db.pool, PING, { n: 4 } as never, { runAt: new Date(now.getTime() + HOUR), now });
    await enqueueJob(t.db.pool, PING, { n: 3 } as never, { runAt: now });
    await eventually(() => runs.includes(3));
    expect(runs).not.toContain(4);
    const pending = await listPendingJobs(t.db.pool, PING);
    expect(pending.map((job) => job.data)).toEqual([{ n: 4 }]);
  });

  it('stop taking jobs at shutdown and let a running one finish first', async () => {
    let finished = false;
    let started = false;
    t.service.jobs.agenda.define('test.slow' as JobName, async () => {
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 500)); // a job that takes a while to do its work
      finished = true;
    });
    await enqueueJob(t.db.pool, 'test.slow' as JobName, {} as never, { runAt: systemClock.now() });
    await eventually(() => started);
    await t.service.stop();
    expect(finished).toBe(true);
    // The service leaves the test's database open; the job is recorded as finished.
    const job = await t.db.pool.query("SELECT last_finished_at FROM agenda_jobs WHERE name = 'test.slow'");
    expect(job.rows[0].last_finished_at).not.toBeNull();
  });
});

describe('jobs driven by a manual clock', () => {
  let t: TestService;
  const runs: Array<{ n: number; at: string }> = [];

  beforeAll(async () => {
    t = await startTestService();
    // Registered through the runner like the service's own jobs, so runDue() knows it.
    t.service.jobs.define(PING, async (data) => {
      runs.push({ n: (data as unknown as { n: number }).n, at: t.clock.now().toISOString() });
    });
  });
  afterAll(() => t.close());

  it('run each job when the clock reaches it, in due order, and record it as Agenda does', async () => {
    const start = t.clock.now();
    const later = (ms: number) => new Date(start.getTime() + ms);
    await enqueueJob(t.db.pool, PING, { n: 3 } as never, { runAt: later(3 * HOUR), now: start });
    await enqueueJob(t.db.pool, PING, { n: 1 } as never, { runAt: later(HOUR), now: start });
    await enqueueJob(t.db.pool, PING, { n: 2 } as never, { runAt: later(2 * HOUR), now: start });
    expect(await t.runDue()).toBe(0);
    expect(await t.advance(2 * HOUR)).toBe(2);
    expect(runs).toEqual([
      { n: 1, at: later(HOUR).toISOString() },
      { n: 2, at: later(2 * HOUR).toISOString() },
    ]);
    expect(t.clock.now()).toEqual(later(2 * HOUR));
    const done = await t.db.pool.query("SELECT data, last_finished_at, next_run_at FROM agenda_jobs WHERE name = $1 AND data->>'n' = '1'", [PING]);
    expect(done.rows[0]).toMatchObject({ last_finished_at: later(HOUR), next_run_at: null });
    expect((await listPendingJobs(t.db.pool, PING)).map((job) => job.data)).toEqual([{ n: 3 }]);
  });

  it('never move the clock backwards', async () => {
    await expect(t.advanceTo('2020-01-01T00:00:00Z')).rejects.toThrow(/before/);
  });

  it('step to the first job due before a limit, and stop there (advanceToNextJob)', async () => {
    runs.length = 0;
    const start = t.clock.now();
    const later = (ms: number) => new Date(start.getTime() + ms);
    // The job the first test left pending (n 3) falls due an hour from here.
    await enqueueJob(t.db.pool, PING, { n: 5 } as never, { runAt: later(2 * HOUR), now: start });
    expect(await advanceToNextJob(t.service.jobs, t.clock, later(30 * 60_000))).toEqual({ ran: 0, nextDueAt: later(HOUR) });
    expect(t.clock.now()).toEqual(later(30 * 60_000));
    expect(await advanceToNextJob(t.service.jobs, t.clock, later(5 * HOUR))).toEqual({ ran: 1, nextDueAt: later(2 * HOUR) });
    expect(t.clock.now()).toEqual(later(HOUR));
    // Told nothing was queued since, it does not ask again; a job queued due now runs before the clock moves.
    await enqueueJob(t.db.pool, PING, { n: 6 } as never, { runAt: later(HOUR) });
    expect(await advanceToNextJob(t.service.jobs, t.clock, later(5 * HOUR))).toMatchObject({ ran: 1 });
    expect(t.clock.now()).toEqual(later(HOUR));
    expect(runs.map((r) => r.n)).toEqual([3, 6]);
    expect(await advanceToNextJob(t.service.jobs, t.clock, later(5 * HOUR), { nextDueAt: later(2 * HOUR) })).toMatchObject({ ran: 1 });
    expect(runs.at(-1)).toEqual({ n: 5, at: later(2 * HOUR).toISOString() });
  });

  it("keep the job table: finished jobs a week old go, newer ones stay, and the planner knows the table's size", async () => {
    const now = t.clock.now();
    const finished = (ageMs: number, n: number) =>
      t.db.pool.query(`INSERT INTO agenda_jobs (name, data, next_run_at, last_finished_at, type) VALUES ($1, $2, NULL, $3, 'normal')`, [PING, { n }, new Date(now.getTime() - ageMs)]);
    await finished(8 * 24 * HOUR, 101);
    await finished(24 * HOUR, 102);
    await t.service.jobs.maintain();
    const left = await t.db.pool.query("SELECT data->>'n' AS n FROM agenda_jobs WHERE name = $1 AND data->>'n' IN ('101', '102')", [PING]);
    expect(left.rows.map((r) => r.n)).toEqual(['102']);
    // Never analysed, a table counts -1 rows (PostgreSQL 14 and later); once counted, 0 or more.
    const counted = await t.db.pool.query("SELECT reltuples FROM pg_class WHERE relname = 'agenda_jobs'");
    expect(Number(counted.rows[0].reltuples)).toBeGreaterThanOrEqual(0);
  });
});
