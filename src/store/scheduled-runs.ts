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
