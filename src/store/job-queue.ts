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

/**
 * Queues a job for Agenda inside the caller's transaction, by writing Agenda's
 * own table. The job exists exactly when the rows that asked for it were
 * committed: no urgent alert is lost to a crash between commit and
 * scheduling, and a rolled-back step schedules nothing. For a job due now the
 * NOTIFY, delivered at commit, wakes the job processors at once.
 */
export async function enqueueJob<N extends JobName>(
  db: Queryable,
  name: N,
  data: JobPayloads[N],
  runAt: Date = new Date(),
  priority = 0,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>({
    name: 'enqueue-job',
    text: `INSERT INTO ${JOB_TABLE} (name, data, next_run_at, type, priority) VALUES ($1, $2, $3, 'normal', $4) RETURNING id`,
    values: [name, JSON.stringify(data), runAt, priority],
  });
  const id = rows[0]!.id;
  // Only a job due soon is worth waking the workers for (a 24-hour timeout is found by the
  // regular scan), and NOTIFY serialises committing transactions on a global queue lock.
  if (runAt.getTime() - Date.now() < WAKE_UP_HORIZON_MS) {
    const notification = { jobId: id, jobName: name, nextRunAt: runAt.toISOString(), priority, timestamp: new Date().toISOString() };
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
