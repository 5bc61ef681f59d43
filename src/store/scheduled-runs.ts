import { insertJobsFrom, wakeUpFor, type JobName, type JobPayloads } from './job-queue.js';
import type { Queryable } from './sql.js';

/**
 * One occurrence of something scheduled, by a key that names it (a
 * practice's digest for one day). Scheduling the same occurrence twice (two
 * instances, a restart) creates it once; running it twice runs it once.
 */
export async function scheduleRun(db: Queryable, kind: string, key: string, dueAt: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    'INSERT INTO scheduled_runs (kind, key, due_at) VALUES ($1, $2, $3) ON CONFLICT (kind, key) DO NOTHING',
    [kind, key, dueAt],
  );
  return rowCount === 1;
}

/**
 * Schedules each occurrence not scheduled before, each with its job of the
 * same name carrying `data`, in one statement; returns how many were new.
 * The set-based scheduleRun-then-enqueueJob (a batch of deferred contacts,
 * a month's plan of due times).
 */
export async function scheduleJobRuns<N extends JobName>(
  db: Queryable,
  name: N,
  runs: ReadonlyArray<{ key: string; dueAt: Date }>,
  data: JobPayloads[N],
  now: Date,
): Promise<number> {
  if (runs.length === 0) return 0;
  const { rows } = await db.query<{ queued: number }>(
    `WITH run AS (
       INSERT INTO scheduled_runs (kind, key, due_at) SELECT $1, key, due_at FROM unnest($2::text[], $3::timestamptz[]) AS r(key, due_at)
       ON CONFLICT (kind, key) DO NOTHING RETURNING due_at
     ),
     job AS (${insertJobsFrom('SELECT $1::text, $4::jsonb, due_at, 0 FROM run')} RETURNING name, next_run_at),
     wake AS (${wakeUpFor('job', '$5')})
     SELECT (SELECT count(*) FROM job) AS queued, (SELECT count(*) FROM wake) AS woke`,
    [name, runs.map((r) => r.key), runs.map((r) => r.dueAt), JSON.stringify(data), now],
  );
  return rows[0]!.queued;
}

/** Takes a due occurrence to run it; false when it ran already, is not due yet, or was cancelled. */
export async function claimRun(db: Queryable, kind: string, key: string, at: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE scheduled_runs SET done_at = $3 WHERE kind = $1 AND key = $2 AND done_at IS NULL AND due_at <= $3',
    [kind, key, at],
  );
  return rowCount === 1;
}

/** Cancels the occurrences of `kind` whose key starts with `prefix` that have not run (a changed schedule). */
export async function cancelPendingRuns(db: Queryable, kind: string, prefix: string): Promise<number> {
  const { rowCount } = await db.query(
    "DELETE FROM scheduled_runs WHERE kind = $1 AND starts_with(key, $2) AND done_at IS NULL",
    [kind, prefix],
  );
  return rowCount ?? 0;
}
