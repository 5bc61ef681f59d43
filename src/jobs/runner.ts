import { Agenda } from 'agenda';
import { PostgresBackend } from '@agendajs/postgres-backend';
import type pg from 'pg';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { claimDueJob, finishJob, pruneFinishedJobs, type JobName, type JobPayloads } from '../store/job-queue.js';

export type JobHandler<N extends JobName> = (data: JobPayloads[N]) => Promise<void>;

export interface JobRunnerOptions {
  pool: pg.Pool;
  clock: Clock;
  /** LISTEN/NOTIFY wake-ups; off on embedded PGlite, where they are not delivered. */
  notifications: boolean;
  logger: Logger;
  /** How often idle workers look for due jobs; NOTIFY wakes them sooner on a server. */
  pollMs: number;
}

export interface JobRunner {
  define<N extends JobName>(name: N, handler: JobHandler<N>, options?: { concurrency?: number }): void;
  /** Starts Agenda's workers: jobs run when the machine's clock reaches them. */
  start(): Promise<void>;
  /** Stops taking jobs and waits up to `graceMs` for running ones to finish. */
  stop(graceMs: number): Promise<void>;
  /**
   * Runs, one at a time in this process, every job due at the service
   * clock's time, including jobs those jobs queue for now; returns how many
   * ran. This is how tests and simulations drive the same handlers on a
   * clock they move (jobs/drive.ts); the service itself relies on start().
   */
  runDue(): Promise<number>;
  /** The job names this runner handles. */
  readonly names: readonly string[];
  readonly agenda: Agenda;
}

const KEEP_FINISHED_JOBS_MS = 7 * 24 * 60 * 60 * 1000;

/** Agenda on the service's own PostgreSQL pool (server or embedded). */
export function createJobRunner({ pool, clock, logger, pollMs, notifications }: JobRunnerOptions): JobRunner {
  const agenda = new Agenda({
    // The table is created by migrate() under its advisory lock.
    backend: new PostgresBackend({ pool, ensureSchema: false, disableNotifications: !notifications }),
    processEvery: pollMs,
    defaultLockLifetime: 5 * 60 * 1000,
    // Finished jobs stay a week as an operations record (see jobs.prune). Removing
    // them on completion also makes drain() miss the last completion and wait out its timeout.
    removeOnComplete: false,
  });
  agenda.on('error', (err) => logger.error({ err }, 'job runner error'));
  agenda.on('fail', (err: Error | string, job: { attrs?: { name?: string; _id?: unknown }; jobName?: string }) =>
    logger.warn({ err, job: job.attrs?.name ?? job.jobName, jobId: String(job.attrs?._id ?? '') }, 'job failed'),
  );
  const handlers = new Map<string, (data: unknown) => Promise<void>>();

  async function runDue(): Promise<number> {
    const names = [...handlers.keys()];
    let ran = 0;
    for (;;) {
      const now = clock.now();
      const job = await claimDueJob(pool, names, now);
      if (!job) return ran;
      let failure: string | null = null;
      try {
        await handlers.get(job.name)!(job.data);
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
        logger.warn({ err: error, job: job.name, jobId: job.id }, 'job failed');
      }
      await finishJob(pool, job.id, clock.now(), failure);
      ran += 1;
    }
  }

  return {
    agenda,
    get names() {
      return [...handlers.keys()];
    },
    define(name, handler, options) {
      handlers.set(name, handler as (data: unknown) => Promise<void>);
      agenda.define<JobPayloads[typeof name]>(name, (job) => handler(job.attrs.data), {
        concurrency: options?.concurrency ?? 5,
      });
    },
    async start() {
      agenda.define('jobs.prune', async () => {
        await pruneFinishedJobs(pool, new Date(clock.now().getTime() - KEEP_FINISHED_JOBS_MS));
      });
      await agenda.start();
      await agenda.every('1 hour', 'jobs.prune');
    },
    async stop(graceMs) {
      const result = await agenda.drain({ timeout: graceMs });
      if (result.timedOut) logger.warn({ running: result.running }, 'jobs still running at shutdown; they will be retried');
      await agenda.stop(false);
    },
    runDue,
  };
}
