import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { systemClock } from '../../src/clock.js';
import { claimDueJobOrNext, enqueueJob, listPendingJobs, type JobLockLifetime, type JobName } from '../../src/store/job-queue.js';
import type { Database } from '../../src/store/database.js';
import { createTestDatabase } from '../helpers/database.js';
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
    // Ran, and recorded as finished (Agenda saves the job after its handler returns).
    const pendingData = async () => (await listPendingJobs(t.db.pool, PING)).map((job) => job.data);
    await eventually(async () => runs.includes(3) && !(await pendingData()).some((data) => (data as { n: number }).n === 3));
    expect(runs).not.toContain(4);
    expect(await pendingData()).toEqual([{ n: 4 }]);
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

describe('the clock-driven claim, beside a week of finished jobs', () => {
  let db: Database;
  const now = new Date('2026-12-15T12:00:00Z');
  const JOBS: JobLockLifetime[] = ['message.send', 'conversation.timeout', 'voice.call', 'outreach.plan'].map((name) => ({ name, lockLifetimeMs: 15_000 }));

  beforeAll(async () => {
    db = await createTestDatabase();
    // Queued for later (so the measured claims take nothing), and three held by a live worker.
    await db.pool.query(
      `INSERT INTO agenda_jobs (name, data, next_run_at) SELECT (ARRAY['message.send', 'conversation.timeout'])[1 + i % 2], '{}', $1::timestamptz + i * interval '1 minute' FROM generate_series(1, 200) i`,
      [now],
    );
    await db.pool.query(`INSERT INTO agenda_jobs (name, data, next_run_at, locked_at) SELECT 'voice.call', '{}', $1, $1 FROM generate_series(1, 3)`, [new Date(now.getTime() - 1000)]);
  });
  afterAll(() => db.close());

  /** Pages one empty claim touches (its prepared statement, under EXPLAIN ANALYZE), and whether any part that ran read the whole table. */
  async function claimCost(): Promise<{ pages: number; tableRead: boolean; nextDueAt: Date | null }> {
    const client = await db.pool.connect();
    try {
      const { job, nextDueAt } = await claimDueJobOrNext(client, JOBS, now);
      expect(job).toBeNull();
      const array = (values: string[], type: string) => `ARRAY[${values.join(', ')}]::${type}[]`;
      const params = [
        array(JOBS.map((j) => client.escapeLiteral(j.name)), 'text'),
        array(JOBS.map((j) => String(j.lockLifetimeMs)), 'float8'),
        `${client.escapeLiteral(now.toISOString())}::timestamptz`,
      ];
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE "claim-due-job"(${params.join(', ')})`);
      type Node = { 'Node Type': string; 'Actual Loops': number; 'Shared Hit Blocks': number; 'Shared Read Blocks': number; Plans?: Node[] };
      const plan = rows[0]['QUERY PLAN'][0].Plan as Node;
      const ran = (node: Node): Node[] => (node['Actual Loops'] > 0 ? [node, ...(node.Plans ?? []).flatMap(ran)] : []);
      const tableRead = ran(plan).some((node) => node['Node Type'] === 'Seq Scan');
      return { pages: plan['Shared Hit Blocks'] + plan['Shared Read Blocks'], tableRead, nextDueAt };
    } finally {
      client.release();
    }
  }

  it('reads the same few index pages with 20,000 finished jobs as with none, whatever the statistics say', async () => {
    // With next to nothing in the table, reading it through may well be the cheapest way.
    const empty = await claimCost();
    // The first lock to run out comes before the first waiting job.
    expect(empty.nextDueAt).toEqual(new Date(now.getTime() - 1000 + 15_000));
    await db.pool.query(
      `INSERT INTO agenda_jobs (name, data, next_run_at, last_run_at, last_finished_at) SELECT (ARRAY['message.send', 'conversation.timeout', 'voice.call'])[1 + i % 3], '{}', NULL, t, t
       FROM generate_series(1, 20000) i, LATERAL (SELECT $1::timestamptz - i * interval '30 seconds' AS t) at`,
      [now],
    );
    // Never analysed since (on embedded PGlite, nothing else counts the table): the planner guesses.
    const unknown = await claimCost();
    await db.pool.query('ANALYZE agenda_jobs');
    const counted = await claimCost();
    for (const cost of [unknown, counted]) {
      expect(cost).toMatchObject({ tableRead: false, nextDueAt: empty.nextDueAt });
      // A page more at most (an index's second level), never a page per finished job.
      expect(cost.pages).toBeLessThanOrEqual(empty.pages + 2);
    }
  });
});
