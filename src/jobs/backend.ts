import { PostgresBackend, PostgresJobRepository } from '@agendajs/postgres-backend';
import type { JobParameters, JobRepository, JobRepositoryOptions } from 'agenda';
import type pg from 'pg';
import { systemClock } from '../clock.js';
import { claimNamedJob, JOB_CHANNEL, JOB_TABLE, namesWithJobToTake, type WantedJob } from '../store/job-queue.js';

type RepositoryConfig = ConstructorParameters<typeof PostgresJobRepository>[0];

/**
 * Agenda's PostgreSQL repository with its claim asked so that an index bounds it
 * (store/job-queue.ts, claimNamedJob), and the claims of one scan looked over together
 * first. Everything else, and the row Agenda reads back, is the library's own.
 */
class BoundedClaimRepository extends PostgresJobRepository {
  /** The claims asked in this turn of the event loop, each waiting to hear whether it is worth asking. */
  #asked: { wanted: WantedJob; worth: (yes: boolean) => void }[] | null = null;

  override async getNextJobToRun(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    now: Date | undefined,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    const wanted: WantedJob = { name: jobName, dueBy: nextScanAt, lockTakenBefore: lockDeadline };
    if (!(await this.#worthClaiming(wanted))) return undefined;
    const row = await claimNamedJob(this.getPool(), {
      ...wanted,
      // Agenda's workers pass no time: their locks and deadlines are on the machine's clock, as the library's own are.
      lockedAt: now ?? systemClock.now(),
      lockedBy: options?.lastModifiedBy ?? null,
    });
    // The library's own mapping of its row (private in its types, so reached by name).
    return row === null ? undefined : this['rowToJob'](row);
  }

  /**
   * Whether a claim may find anything. Agenda's scan (every poll, and the first one at start) asks
   * for every job name at once, about twenty, and mostly none has a job to take: a claim per name
   * then held the embedded database's one connection for twenty statements in turn, and a request
   * arriving meanwhile (the first health check after a start) waited behind them all. Claims asked
   * in the same turn are looked over in one statement (namesWithJobToTake) and only the names with
   * a job go on to claim; a claim asked alone (a worker asking again after a job, a notification)
   * goes straight on. A job queued between the look and the claim is taken at the next scan, as
   * one queued just after a claim always was.
   */
  #worthClaiming(wanted: WantedJob): Promise<boolean> {
    return new Promise((worth) => {
      if (this.#asked === null) {
        this.#asked = [];
        queueMicrotask(() => void this.#lookOver());
      }
      this.#asked.push({ wanted, worth });
    });
  }

  async #lookOver(): Promise<void> {
    const asked = this.#asked ?? [];
    this.#asked = null;
    if (asked.length === 1) return asked[0]!.worth(true);
    // Should the look fail, every claim asks for itself (and reports what failed to Agenda).
    const names = await namesWithJobToTake(this.getPool(), asked.map(({ wanted }) => wanted)).catch(() => null);
    for (const { wanted, worth } of asked) worth(names === null || names.has(wanted.name));
  }
}

/** Agenda's PostgreSQL backend whose workers claim through BoundedClaimRepository. */
class BoundedClaimBackend extends PostgresBackend {
  readonly #repository: BoundedClaimRepository;

  constructor(config: RepositoryConfig) {
    super(config);
    this.#repository = new BoundedClaimRepository(config);
  }

  override get repository(): JobRepository {
    return this.#repository;
  }
}

/** Agenda's PostgreSQL backend on the service's pool, listening where store/job-queue.ts notifies. */
export function createJobBackend(pool: pg.Pool, notifications: boolean): PostgresBackend {
  // The table is created by migrate() under its advisory lock.
  return new BoundedClaimBackend({ pool, ensureSchema: false, disableNotifications: !notifications, tableName: JOB_TABLE, channelName: JOB_CHANNEL });
}
