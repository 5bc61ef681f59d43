import { Agenda, type Job } from 'agenda';
import { PostgresBackend } from '@agendajs/postgres-backend';
import type pg from 'pg';
import type { Logger } from '../logger.js';
import { JOB_TABLE, type JobName, type JobPayloads } from '../store/job-queue.js';

export type JobHandler<N extends JobName> = (data: JobPayloads[N], job: Job<JobPayloads[N]>) => Promise<void>;

export interface JobRunnerOptions {
  pool: pg.Pool;
  /** LISTEN/NOTIFY wake-ups; off on embedded PGlite, where they are not delivered. */
  notifications: boolean;
  logger: Logger;
  /** How often idle workers look for due jobs; NOTIFY wakes them sooner on a server. */
  pollMs: number;
}

export interface JobRunner {
  define<N extends JobName>(name: N, handler: JobHandler<N>, options?: { concurrency?: number }): void;
  start(): Promise<void>;
  /** Stops taking jobs and waits up to `graceMs` for running ones to finish. */
  stop(graceMs: number): Promise<void>;
  readonly agenda: Agenda;
}

const KEEP_FINISHED_JOBS_DAYS = 7;

async function pruneFinishedJobs(pool: pg.Pool): Promise<void> {
  await pool.query(
    `DELETE FROM ${JOB_TABLE} WHERE next_run_at IS NULL AND last_finished_at < now() - make_interval(days => $1)`,
    [KEEP_FINISHED_JOBS_DAYS],
  );
}

/** Agenda on the service's own PostgreSQL pool (server or embedded). */
export function createJobRunner({ pool, logger, pollMs, notifications }: JobRunnerOptions): JobRunner {
  const agenda = new Agenda({
    // The table is created by migrate() under its advisory lock.
    backend: new PostgresBackend({ pool, ensureSchema: false, disableNotifications: !notifications }),
    processEvery: pollMs,
    defaultLockLifetime: 5 * 60 * 1000,
    // Finished jobs stay a week as an operations record (see pruneFinishedJobs). Removing
    // them on completion also makes drain() miss the last completion and wait out its timeout.
    removeOnComplete: false,
  });
  agenda.on('error', (err) => logger.error({ err }, 'job runner error'));
  agenda.on('fail', (err: Error | string, job: { attrs?: { name?: string; _id?: unknown }; jobName?: string }) =>
    logger.warn({ err, job: job.attrs?.name ?? job.jobName, jobId: String(job.attrs?._id ?? '') }, 'job failed'),
  );

  return {
    agenda,
    define(name, handler, options) {
      agenda.define<JobPayloads[typeof name]>(name, (job) => handler(job.attrs.data, job), {
        concurrency: options?.concurrency ?? 5,
      });
    },
    async start() {
      agenda.define('jobs.prune', () => pruneFinishedJobs(pool));
      await agenda.start();
      await agenda.every('1 hour', 'jobs.prune');
    },
    async stop(graceMs) {
      const result = await agenda.drain({ timeout: graceMs });
      if (result.timedOut) logger.warn({ running: result.running }, 'jobs still running at shutdown; they will be retried');
      await agenda.stop(false);
    },
  };
}
