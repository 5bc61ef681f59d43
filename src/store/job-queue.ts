import type { Queryable } from './sql.js';

/** Agenda's table and notification channel (the @agendajs/postgres-backend defaults). */
export const JOB_TABLE = 'agenda_jobs';
const JOB_CHANNEL = 'agenda_jobs';
/** Jobs due within this long get a NOTIFY; later ones wait for the workers' regular scan. */
const WAKE_UP_HORIZON_MS = 60_000;

/** Every job the service runs, with the data it carries. */
export interface JobPayloads {
  /** Deliver one outbound message (retried with backoff on Twilio 429/5xx/timeouts). */
  'message.send': { messageId: string };
  /** The wait for a reply ran out; acts only if the conversation is still at `version`. */
  'conversation.timeout': { conversationId: string; version: number };
  /** Tell the on-call coordinators about an urgent alert. */
  'alert.escalate': { alertId: string };
}
export type JobName = keyof JobPayloads;

export interface JobTiming {
  /** When the job is due. */
  runAt: Date;
  /** The service clock's time now; a job due soon wakes the workers. Defaults to `runAt` (due now). */
  now?: Date;
  priority?: number;
}

/**
 * Queues a job for Agenda inside the caller's transaction, by writing Agenda's
 * own table. The job exists exactly when the rows that asked for it were
 * committed: no urgent alert is lost to a crash between commit and
 * scheduling, and a rolled-back step schedules nothing. For a job due now the
 * NOTIFY, delivered at commit, wakes the job processors at once.
 */
export async function enqueueJob<N extends JobName>(db: Queryable, name: N, data: JobPayloads[N], timing: JobTiming): Promise<string> {
  const { runAt, now = runAt, priority = 0 } = timing;
  const { rows } = await db.query<{ id: string }>({
    name: 'enqueue-job',
    text: `INSERT INTO ${JOB_TABLE} (name, data, next_run_at, type, priority) VALUES ($1, $2, $3, 'normal', $4) RETURNING id`,
    values: [name, JSON.stringify(data), runAt, priority],
  });
  const id = rows[0]!.id;
  // Only a job due soon is worth waking the workers for (a 24-hour timeout is found by the
  // regular scan), and NOTIFY serialises committing transactions on a global queue lock.
  if (runAt.getTime() - now.getTime() < WAKE_UP_HORIZON_MS) {
    const notification = { jobId: id, jobName: name, nextRunAt: runAt.toISOString(), priority, timestamp: now.toISOString() };
    await db.query('SELECT pg_notify($1, $2)', [JOB_CHANNEL, JSON.stringify(notification)]);
  }
  return id;
}

export interface QueuedJob {
  id: string;
  name: string;
  data: unknown;
  nextRunAt: string | null;
}

/** Jobs of `name` not yet run or still scheduled (for tests and operations). */
export async function listPendingJobs(db: Queryable, name: JobName): Promise<QueuedJob[]> {
  const { rows } = await db.query<{ id: string; name: string; data: unknown; next_run_at: Date | null }>(
    `SELECT id, name, data, next_run_at FROM ${JOB_TABLE}
     WHERE name = $1 AND last_finished_at IS NULL ORDER BY next_run_at`,
    [name],
  );
  return rows.map((row) => ({ id: row.id, name: row.name, data: row.data, nextRunAt: row.next_run_at?.toISOString() ?? null }));
}

/**
 * Takes the next job due at `now`, in Agenda's order (earliest first, then
 * highest priority), and locks it as Agenda's processor would. Used by the
 * clock-driven runner (jobs/drive.ts); SKIP LOCKED leaves jobs another worker holds.
 */
export async function claimDueJob(db: Queryable, names: readonly string[], now: Date): Promise<QueuedJob | null> {
  const { rows } = await db.query<{ id: string; name: string; data: unknown; next_run_at: Date | null }>(
    `UPDATE ${JOB_TABLE} SET locked_at = $2, last_run_at = $2
     WHERE id = (
       SELECT id FROM ${JOB_TABLE}
       WHERE name = ANY($1) AND disabled = false AND locked_at IS NULL AND next_run_at <= $2
       ORDER BY next_run_at, priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED
     ) RETURNING id, name, data, next_run_at`,
    [names, now],
  );
  const row = rows[0];
  return row ? { id: row.id, name: row.name, data: row.data, nextRunAt: row.next_run_at?.toISOString() ?? null } : null;
}

/** Records a claimed job as run, as Agenda records a one-off job: finished, or failed with its reason. */
export async function finishJob(db: Queryable, id: string, now: Date, failure: string | null): Promise<void> {
  await db.query(
    `UPDATE ${JOB_TABLE} SET locked_at = NULL, next_run_at = NULL, last_finished_at = $2,
       fail_reason = $3,
       failed_at = CASE WHEN $3::text IS NULL THEN failed_at ELSE $2 END,
       fail_count = CASE WHEN $3::text IS NULL THEN fail_count ELSE coalesce(fail_count, 0) + 1 END
     WHERE id = $1`,
    [id, now, failure],
  );
}

/** When the earliest job of `names` that is waiting to run is due; null when none waits. */
export async function nextDueAt(db: Queryable, names: readonly string[]): Promise<Date | null> {
  const { rows } = await db.query<{ at: Date | null }>(
    `SELECT min(next_run_at) AS at FROM ${JOB_TABLE} WHERE name = ANY($1) AND disabled = false AND locked_at IS NULL`,
    [names],
  );
  return rows[0]?.at ?? null;
}

/** Deletes finished one-off jobs older than `before` (they are kept a while as an operations record). */
export async function pruneFinishedJobs(db: Queryable, before: Date): Promise<number> {
  const { rowCount } = await db.query(`DELETE FROM ${JOB_TABLE} WHERE next_run_at IS NULL AND last_finished_at < $1`, [before]);
  return rowCount ?? 0;
}
