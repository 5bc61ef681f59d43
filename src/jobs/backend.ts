import { PostgresBackend, PostgresJobRepository } from '@agendajs/postgres-backend';
import type { JobParameters, JobRepository, JobRepositoryOptions } from 'agenda';
import type pg from 'pg';
import { systemClock } from '../clock.js';
import { claimNamedJob, JOB_CHANNEL, JOB_TABLE } from '../store/job-queue.js';

type RepositoryConfig = ConstructorParameters<typeof PostgresJobRepository>[0];

/**
 * Agenda's PostgreSQL repository with its claim asked so that an index bounds it
 * (store/job-queue.ts, claimNamedJob). Everything else, and the row Agenda reads
 * back, is the library's own.
 */
class BoundedClaimRepository extends PostgresJobRepository {
  override async getNextJobToRun(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    now: Date | undefined,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    const row = await claimNamedJob(this.getPool(), {
      name: jobName,
      dueBy: nextScanAt,
      lockTakenBefore: lockDeadline,
      // Agenda's workers pass no time: their locks and deadlines are on the machine's clock, as the library's own are.
      lockedAt: now ?? systemClock.now(),
      lockedBy: options?.lastModifiedBy ?? null,
    });
    // The library's own mapping of its row (private in its types, so reached by name).
    return row === null ? undefined : this['rowToJob'](row);
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
