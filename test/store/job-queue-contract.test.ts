import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PostgresBackend } from '@agendajs/postgres-backend';
import type { JobNotification } from 'agenda';
import { createTestDatabase, testDbKind } from '../helpers/database.js';
import type { Database } from '../../src/store/database.js';
import { JOB_TABLE, claimDueJob, enqueueJob, failJob, finishJob, namesWithJobToTake, type JobName } from '../../src/store/job-queue.js';
import { withTransaction } from '../../src/store/sql.js';
import { createJobBackend } from '../../src/jobs/backend.js';

/**
 * ccm-bot writes Agenda's table itself (store/job-queue.ts), so that a job is
 * queued in the same transaction as the change that asks for it. That relies
 * on Agenda's schema and notification format, which belong to the library:
 * these tests fail if an upgrade changes either (the versions are pinned).
 */
const NAME = 'contract.job' as JobName;
let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe("Agenda's job table, as ccm-bot writes it", () => {
  it('has the columns and types the queue writes', async () => {
    const { rows } = await db.pool.query<{ column_name: string; data_type: string }>(
      'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1',
      [JOB_TABLE],
    );
    const types = Object.fromEntries(rows.map((row) => [row.column_name, row.data_type]));
    expect(types).toMatchObject({
      id: 'uuid',
      name: 'character varying',
      data: 'jsonb',
      type: 'character varying',
      priority: 'integer',
      next_run_at: 'timestamp with time zone',
      locked_at: 'timestamp with time zone',
      last_run_at: 'timestamp with time zone',
      last_finished_at: 'timestamp with time zone',
      failed_at: 'timestamp with time zone',
      fail_reason: 'text',
      fail_count: 'integer',
      disabled: 'boolean',
    });
  });

  it("holds a job Agenda's own repository finds, locks and reads back as written", async () => {
    const backend = new PostgresBackend({ pool: db.pool, ensureSchema: false, disableNotifications: true });
    const runAt = new Date('2026-11-24T16:00:00Z');
    const id = await withTransaction(db.pool, (tx) => enqueueJob(tx, NAME, { messageId: 'abc' } as never, { runAt, priority: 7 }));
    const job = await backend.repository.getNextJobToRun(NAME, new Date(runAt.getTime() + 1), new Date(0), runAt, undefined);
    expect(job).toMatchObject({ name: NAME, data: { messageId: 'abc' }, priority: 7, nextRunAt: runAt });
    expect(String(job!._id)).toBe(id);
  });

  it("records runs in the states Agenda reports: completed, and failed with a retry due", async () => {
    const backend = new PostgresBackend({ pool: db.pool, ensureSchema: false, disableNotifications: true });
    const now = new Date('2026-11-24T17:00:00Z');
    const name = 'contract.runs' as JobName;
    const done = await enqueueJob(db.pool, name, { n: 1 } as never, { runAt: now });
    const failing = await enqueueJob(db.pool, name, { n: 2 } as never, { runAt: now });
    const jobs = [{ name, lockLifetimeMs: 10_000 }];
    for (let i = 0; i < 2; i += 1) {
      const claimed = await claimDueJob(db.pool, jobs, now);
      if (claimed?.id === done) await finishJob(db.pool, done, now);
      else await failJob(db.pool, claimed!.id, { now, reason: 'boom', failCount: 1, retryAt: new Date(now.getTime() + 5000) });
    }
    const { jobs: listed } = await backend.repository.queryJobs({ name });
    const state = (id: string) => listed.find((job) => String(job._id) === id);
    expect(state(done)).toMatchObject({ state: 'completed' });
    expect(state(failing)).toMatchObject({ failReason: 'boom', failCount: 1, nextRunAt: new Date(now.getTime() + 5000) });
  });
});

describe("the service's job claim (Agenda's workers, jobs/backend.ts)", () => {
  let name: JobName;
  let round = 0;
  // Each test its own name: a job one leaves waiting is none of the next one's business.
  beforeEach(() => {
    round += 1;
    name = `contract.claims.${round}` as JobName;
  });
  const claim = (now: Date, lockLifetimeMs = 10_000) =>
    createJobBackend(db.pool, false).repository.getNextJobToRun(name, now, new Date(now.getTime() - lockLifetimeMs), now, { lastModifiedBy: 'worker a' });

  it('takes the earliest due job, highest priority first, and leaves jobs due later, running or finished', async () => {
    const now = new Date('2026-11-24T18:00:00Z');
    const later = await enqueueJob(db.pool, name, { n: 'later' } as never, { runAt: new Date(now.getTime() + 60_000) });
    const finished = await enqueueJob(db.pool, name, { n: 'finished' } as never, { runAt: new Date(now.getTime() - 120_000) });
    await finishJob(db.pool, finished, now);
    const low = await enqueueJob(db.pool, name, { n: 'low' } as never, { runAt: new Date(now.getTime() - 1000), priority: 0 });
    const high = await enqueueJob(db.pool, name, { n: 'high' } as never, { runAt: new Date(now.getTime() - 1000), priority: 10 });
    const taken = [await claim(now), await claim(now), await claim(now)];
    expect(taken.map((job) => job && String(job._id))).toEqual([high, low, undefined]);
    expect(taken[0]).toMatchObject({ name, data: { n: 'high' }, priority: 10, lockedAt: now, lastModifiedBy: 'worker a' });
    expect((await claim(new Date(now.getTime() + 60_000)))?._id?.toString()).toBe(later);
  });

  it("takes again a job whose worker died, once its lock has run out, and not before", async () => {
    const lockedAt = new Date('2026-11-24T19:00:00Z');
    const id = await enqueueJob(db.pool, name, { n: 'abandoned' } as never, { runAt: lockedAt });
    expect(String((await claim(lockedAt))!._id)).toBe(id);
    expect(await claim(new Date(lockedAt.getTime() + 9_000))).toBeUndefined();
    const retaken = await claim(new Date(lockedAt.getTime() + 11_000));
    expect(retaken).toMatchObject({ data: { n: 'abandoned' }, lockedAt: new Date(lockedAt.getTime() + 11_000) });
    expect(String(retaken!._id)).toBe(id);
  });

  it('looks over many names at once and names only those with a job to take: due and waiting, or locked past its lifetime', async () => {
    const now = new Date('2026-11-24T20:00:00Z');
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    const kinds = ['due', 'later', 'finished', 'abandoned', 'running', 'none'] as const;
    const of = (kind: (typeof kinds)[number]) => `${name}.${kind}` as JobName;
    await enqueueJob(db.pool, of('due'), {} as never, { runAt: at(-5) });
    await enqueueJob(db.pool, of('later'), {} as never, { runAt: at(60) });
    await finishJob(db.pool, await enqueueJob(db.pool, of('finished'), {} as never, { runAt: at(-120) }), at(-100));
    const lock = (job: string, lockedAt: Date) => db.pool.query(`UPDATE ${JOB_TABLE} SET locked_at = $2 WHERE id = $1`, [job, lockedAt]);
    await lock(await enqueueJob(db.pool, of('abandoned'), {} as never, { runAt: at(-60) }), at(-60));
    await lock(await enqueueJob(db.pool, of('running'), {} as never, { runAt: at(-2) }), at(-2));
    const found = await namesWithJobToTake(db.pool, kinds.map((kind) => ({ name: of(kind), dueBy: now, lockTakenBefore: at(-30) })));
    expect([...found].sort()).toEqual([of('abandoned'), of('due')]);
  });

  it('reads a few index pages per name, however many jobs of other names wait', async () => {
    const now = new Date('2026-11-24T21:00:00Z');
    const asked = ['a', 'b', 'c', 'd'].map((n) => ({ name: `${name}.${n}`, dueBy: now, lockTakenBefore: new Date(now.getTime() - 30_000) }));
    /** Pages the poll's prepared statement touches, under EXPLAIN ANALYZE. */
    const pollPages = async () => {
      const client = await db.pool.connect();
      try {
        expect(await namesWithJobToTake(client, asked)).toEqual(new Set());
        const array = (values: string[], type: string) => `ARRAY[${values.map((v) => client.escapeLiteral(v)).join(', ')}]::${type}[]`;
        const params = [array(asked.map((c) => c.name), 'text'), array(asked.map((c) => c.dueBy.toISOString()), 'timestamptz'), array(asked.map((c) => c.lockTakenBefore.toISOString()), 'timestamptz')];
        const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE "names-with-job-to-take"(${params.join(', ')})`);
        const plan = rows[0]['QUERY PLAN'][0].Plan as { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
        return plan['Shared Hit Blocks'] + plan['Shared Read Blocks'];
      } finally {
        client.release();
      }
    };
    const alone = await pollPages();
    // A panel's day: thousands of jobs of one other name queued for later (timers), and the asked names'
    // finished jobs, kept a week; counted by the planner.
    await db.pool.query(
      `INSERT INTO ${JOB_TABLE} (name, data, next_run_at) SELECT $1, '{}', $2::timestamptz + i * interval '1 minute' FROM generate_series(1, 3000) i`,
      [`${name}.busy`, now],
    );
    await db.pool.query(
      `INSERT INTO ${JOB_TABLE} (name, data, next_run_at, last_finished_at) SELECT ($1::text[])[1 + i % 4], '{}', NULL, $2::timestamptz - i * interval '1 minute' FROM generate_series(1, 6000) i`,
      [asked.map((c) => c.name), now],
    );
    await db.pool.query(`ANALYZE ${JOB_TABLE}`);
    // An index level more at most for each name asked; before the by-name index, every waiting job for each.
    expect(await pollPages()).toBeLessThanOrEqual(alone + 2 * asked.length);
  });
});

describe.runIf(testDbKind() === 'server')("Agenda's wake-up notification, as ccm-bot sends it", () => {
  it("reaches the listener of Agenda's backend, built as the service builds it, with the job's id, name and due time", async () => {
    const backend = createJobBackend(db.pool, true);
    await backend.connect();
    const channel = backend.notificationChannel!;
    const received: JobNotification[] = [];
    channel.subscribe(async (notification) => {
      received.push(notification);
    });
    await channel.connect();
    try {
      const runAt = new Date();
      const id = await withTransaction(db.pool, (tx) => enqueueJob(tx, NAME, { n: 3 } as never, { runAt, priority: 20 }));
      for (let i = 0; i < 100 && received.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(received).toEqual([expect.objectContaining({ jobName: NAME, nextRunAt: runAt, priority: 20 })]);
      expect(String(received[0]!.jobId)).toBe(id);
    } finally {
      await channel.disconnect();
    }
  });
});
