import { hostname } from 'node:os';
import { Agenda } from 'agenda';
import type pg from 'pg';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import {
  claimDueJobOrNext,
  failJob,
  finishJob,
  pruneFinishedJobs,
  type JobLockLifetime,
  type JobName,
  type JobPayloads,
} from '../store/job-queue.js';
import { analyzeGrownTables } from '../store/statistics.js';
import { createJobBackend } from './backend.js';

export type JobHandler<N extends JobName> = (data: JobPayloads[N]) => Promise<void>;

export interface JobOptions {
  /** How many of these run at once per process. */
  concurrency?: number;
  /**
   * How long a worker holds the job before another may take it. A process
   * killed mid-job leaves its lock behind; the job runs again once it expires,
   * so short jobs (an urgent escalation) resume within seconds. Must exceed the
   * longest run: Agenda cancels a job that outlives its lock.
   */
  lockLifetimeMs?: number;
}

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
  define<N extends JobName>(name: N, handler: JobHandler<N>, options?: JobOptions): void;
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
  /**
   * runDue(), and when the next job can be taken (null: none is queued), read
   * by the same statement that found nothing more to run: a clock-driven loop
   * needs both at every step (jobs/drive.ts).
   */
  runDueJobs(): Promise<{ ran: number; nextDueAt: Date | null }>;
  /**
   * The database's upkeep, every 10 minutes (start() schedules it; a clock-driven loop calls it itself): finished
   * jobs older than a week go, and tables that have grown are counted again for the planner.
   */
  maintain(): Promise<void>;
  /** The jobs this runner handles, with their lock lifetimes. */
  readonly jobs: readonly JobLockLifetime[];
  readonly agenda: Agenda;
}

const KEEP_FINISHED_JOBS_MS = 7 * 24 * 60 * 60 * 1000;
const DEFAULT_LOCK_LIFETIME_MS = 10_000;
/** After this many failures a job is given up (about 14 hours of retrying) and logged as an error. */
const MAX_JOB_FAILURES = 60;
const RETRY_DELAYS_MS = [5_000, 15_000, 60_000, 5 * 60_000];
const LAST_RETRY_DELAY_MS = 15 * 60_000;

/**
 * When a job whose handler threw (the database restarting, a bug) runs
 * again: soon at first, then every 15 minutes. Work that was accepted is
 * never dropped because a dependency was briefly away.
 */
export function jobRetryDelayMs(failures: number): number | null {
  if (failures >= MAX_JOB_FAILURES) return null;
  return RETRY_DELAYS_MS[failures - 1] ?? LAST_RETRY_DELAY_MS;
}

/** Agenda on the service's own PostgreSQL pool (server or embedded). */
export function createJobRunner({ pool, clock, logger, pollMs, notifications }: JobRunnerOptions): JobRunner {
  const backend = createJobBackend(pool, notifications);
  // The LISTEN connection reports a lost server as an 'error' event, and reconnects by
  // itself; an 'error' event nobody listens to would end the process.
  backend.notificationChannel?.on('error', (err: unknown) => logger.warn({ err }, 'job notification channel lost; reconnecting'));
  const agenda = new Agenda({
    backend,
    name: `ccm-bot ${hostname()} ${process.pid}`,
    processEvery: pollMs,
    defaultLockLifetime: DEFAULT_LOCK_LIFETIME_MS,
    // Finished jobs stay a week as an operations record (see jobs.prune). Removing
    // them on completion also makes drain() miss the last completion and wait out its timeout.
    removeOnComplete: false,
  });
  agenda.on('error', (err) => logger.error({ err }, 'job runner error'));
  agenda.on('fail', (err: Error | string, job: { attrs?: { name?: string; _id?: unknown; failCount?: number } }) =>
    logger.warn({ err, job: job.attrs?.name, jobId: String(job.attrs?._id ?? ''), failures: job.attrs?.failCount }, 'job failed'),
  );
  agenda.on('retry exhausted', (err: Error, job: { attrs?: { name?: string; _id?: unknown } }) =>
    logger.error({ err, job: job.attrs?.name, jobId: String(job.attrs?._id ?? '') }, 'job failed too often; given up'),
  );
  const handlers = new Map<string, (data: unknown) => Promise<void>>();
  const jobs: JobLockLifetime[] = [];

  async function runDueJobs(): Promise<{ ran: number; nextDueAt: Date | null }> {
    let ran = 0;
    for (;;) {
      const { job, nextDueAt } = await claimDueJobOrNext(pool, jobs, clock.now());
      if (!job) return { ran, nextDueAt };
      try {
        await handlers.get(job.name)!(job.data);
        await finishJob(pool, job.id, clock.now());
      } catch (error) {
        const now = clock.now();
        const failCount = job.failCount + 1;
        const delay = jobRetryDelayMs(failCount);
        const reason = error instanceof Error ? error.message : String(error);
        logger.warn({ err: error, job: job.name, jobId: job.id, failures: failCount }, 'job failed');
        await failJob(pool, job.id, { now, reason, failCount, retryAt: delay === null ? null : new Date(now.getTime() + delay) });
      }
      ran += 1;
    }
  }

  async function maintain(): Promise<void> {
    await pruneFinishedJobs(pool, new Date(clock.now().getTime() - KEEP_FINISHED_JOBS_MS));
    // The database's tables too: on embedded PGlite nothing else counts them (store/statistics.ts).
    await analyzeGrownTables(pool);
  }

  return {
    agenda,
    jobs,
    maintain,
    define(name, handler, options) {
      const lockLifetimeMs = options?.lockLifetimeMs ?? DEFAULT_LOCK_LIFETIME_MS;
      handlers.set(name, handler as (data: unknown) => Promise<void>);
      jobs.push({ name, lockLifetimeMs });
      agenda.define<JobPayloads[typeof name]>(name, (job) => handler(job.attrs.data), {
        concurrency: options?.concurrency ?? 5,
        lockLifetime: lockLifetimeMs,
        backoff: ({ attempt }) => jobRetryDelayMs(attempt),
      });
    },
    async start() {
      agenda.define('jobs.prune', maintain, { lockLifetime: 60_000 });
      await agenda.start();
      // Often enough that a table grown by an import is counted before its queries are planned for long
      // from old counts (store/statistics.ts); a look that finds nothing grown reads only the catalog.
      await agenda.every('10 minutes', 'jobs.prune');
    },
    async stop(graceMs) {
      const result = await agenda.drain({ timeout: graceMs });
      if (result.timedOut) logger.warn({ running: result.running }, 'jobs still running at shutdown; they will be retried');
      await agenda.stop(false);
    },
    runDue: async () => (await runDueJobs()).ran,
    runDueJobs,
  };
}
