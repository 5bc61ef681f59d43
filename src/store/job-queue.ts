import type { Queryable } from './sql.js';

/** Agenda's table and notification channel (the @agendajs/postgres-backend defaults). */
export const JOB_TABLE = 'agenda_jobs';
/**
 * The channel Agenda's workers LISTEN on. Named explicitly when the backend is
 * built (jobs/runner.ts): left unset, the backend listens on 'agenda:jobs'
 * while its own log says 'agenda_jobs'.
 */
export const JOB_CHANNEL = 'agenda_jobs';
/** Jobs due within this long get a NOTIFY; later ones wait for the workers' regular scan. */
const WAKE_UP_HORIZON_MS = 60_000;

/** Every job the service runs, with the data it carries. */
export interface JobPayloads {
  /** Deliver one outbound message (retried with backoff on Twilio 429/5xx/timeouts). */
  'message.send': { messageId: string };
  /** Send one email (retried with backoff on 4xx replies, lost connections and timeouts). */
  'email.send': { emailId: string };
  /** A conversation's wait for a reply may have run out (store/conversation-timeouts.ts); `version` is the conversation's when queued, not read. */
  'conversation.timeout': { conversationId: string; version: number };
  /** One step of an urgent alert's escalation: call the next coordinator, or text everyone at the end. */
  'escalation.step': { alertId: string; step: number };
  /** An elevated alert's review deadline: still waiting means overdue. */
  'alert.review_due': { alertId: string };
  /** A practice's morning digest for one local day ('2026-11-25'). */
  'digest.send': { practiceId: string; date: string };
  /** Plan a practice's outreach (nightly; `replan` after its cadence changed), or one patient's (a pause ended). */
  'outreach.plan': { practiceId: string; patientId?: string; replan?: boolean };
  /** Start the practice's outreach that is due. */
  'outreach.dispatch': { practiceId: string };
  /** Place a check-in call to a patient who takes calls. */
  'voice.call': { callId: string };
  /** Two days after a questionnaire's link went: one reminder if it was never opened. */
  'questionnaire.remind': { linkId: string };
  /** A questionnaire's link ran out: unanswered, it counts as an unanswered contact. */
  'questionnaire.lapse': { linkId: string };
  /** The month's summary, made: render it as an email and queue it. */
  'summary.email': { summaryId: string };
  /** Send one approved month (or one addendum) to the practice's EHR (retried with backoff on 5xx and network errors). */
  'ehr.writeback': { writeBackId: string };
  /** Three days after a consent link went: one reminder if it is still unsigned. */
  'consent.remind': { linkId: string };
  /** Six days after a consent link went, still unsigned: no answer, and a person is asked to call. */
  'consent.lapse': { linkId: string };
  /** A campaign's next contact with a candidate: the invitation, a reminder, or giving up to a person's call. */
  'enrolment.invite': { candidateId: string; campaignId: string };
  /** Place an invitation call to a candidate who takes calls (the call's message). */
  'enrolment.call': { messageId: string };
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

/**
 * SQL that queues one job per row of `select` (columns: name, data, due time,
 * priority), for a statement that must queue jobs in the same round trip as
 * the change that asks for them (conversations.saveStep). Every write to
 * Agenda's table goes through this module.
 */
export const insertJobsFrom = (select: string) =>
  `INSERT INTO ${JOB_TABLE} (name, data, next_run_at, type, priority)
   SELECT job.name, job.data, job.next_run_at, 'normal', job.priority FROM (${select}) AS job(name, data, next_run_at, priority)`;

/**
 * SQL for a CTE that wakes the job workers for jobs a statement queued:
 * `jobs` names a CTE of (name, next_run_at), an insertJobsFrom(...) RETURNING
 * them; `now` is the parameter holding the service's time. One NOTIFY per job
 * name due within the horizon, however many jobs, as enqueueJob would send
 * for each. Reference it from the statement's query, or it does not run.
 */
export const wakeUpFor = (jobs: string, now: string) =>
  `SELECT pg_notify('${JOB_CHANNEL}', json_build_object('jobName', name, 'nextRunAt', min(next_run_at), 'timestamp', ${now}::timestamptz)::text)
   FROM ${jobs} WHERE next_run_at - ${now}::timestamptz < interval '${WAKE_UP_HORIZON_MS} milliseconds' GROUP BY name`;

export interface QueuedJob {
  id: string;
  name: string;
  data: unknown;
  nextRunAt: string | null;
}

export interface ClaimedJob extends QueuedJob {
  /** Failures so far (0 for a first run). */
  failCount: number;
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

/** A job name with how long a worker's lock on it lasts (Agenda's lockLifetime). */
export interface JobLockLifetime {
  name: string;
  lockLifetimeMs: number;
}

/** The jobs of these names with their lock lifetimes, as a table to join in SQL ($1 names, $2 lifetimes). */
const DEFINITIONS = `SELECT * FROM unnest($1::text[], $2::float8[]) AS d(name, lifetime_ms)`;
const lifetimeParams = (jobs: readonly JobLockLifetime[]) => [jobs.map((j) => j.name), jobs.map((j) => j.lockLifetimeMs)];

/**
 * Our indexes on Agenda's table, created with it (store/migrate.ts: the table itself is made after the
 * numbered migrations, so a migration could not index it on a new database). Each holds one small set
 * a claim reads: the jobs waiting to run (in the clock-driven claim's order, claimDueJobOrNext, and by
 * name, for a worker's), and the jobs a worker holds.
 * Finished jobs, kept a week and by far most of the table, are in none, so what a claim reads stays
 * the same however many jobs have run. Agenda's own indexes cannot do this: its (name, next_run_at, ...)
 * index holds every finished job, and its locked_at index has no name to join the lock lifetimes on.
 *
 * The predicates follow how Agenda writes the table, so its own workers keep them true: a job waits
 * while next_run_at is set and locked_at is not (queued; failed with a retry due, last_finished_at
 * then set too; a repeating job between runs); a worker's lock sets locked_at and a run's end clears
 * it (Job.run -> saveJobState); a finished one-off job has neither (next_run_at NULL).
 */
export const JOB_TABLE_INDEXES = [
  // In the claim's order (claimDueJobOrNext), so the first due entry is the job to take.
  `CREATE INDEX IF NOT EXISTS ${JOB_TABLE}_waiting_idx ON ${JOB_TABLE} (next_run_at, priority DESC)
   WHERE next_run_at IS NOT NULL AND locked_at IS NULL AND disabled = FALSE`,
  // The same jobs by name, for a worker that asks for one name (claimNamedJob, namesWithJobToTake). With
  // only the index above, the planner walked it filtering on the name: every waiting job of every other
  // name, for each name at every poll (measured: 57 ms and 92,000 pages a poll with 3,000 jobs waiting).
  `CREATE INDEX IF NOT EXISTS ${JOB_TABLE}_waiting_by_name_idx ON ${JOB_TABLE} (name, next_run_at, priority DESC)
   WHERE next_run_at IS NOT NULL AND locked_at IS NULL AND disabled = FALSE`,
  `CREATE INDEX IF NOT EXISTS ${JOB_TABLE}_locked_idx ON ${JOB_TABLE} (name, locked_at)
   WHERE locked_at IS NOT NULL AND disabled = FALSE`,
];

/**
 * Agenda's own indexes that serve only its own claim, which ours replaces (jobs/backend.ts): its
 * (name, next_run_at, ...) index of every job, finished ones too; next_run_at; locked_at. Every job
 * queued, claimed, failed and finished wrote each of them, on the inbound path with nearly every text
 * (a reply's confirmation). Dropped where an older start made them. Its unique index on single jobs
 * stays: its upsert of a single job names it (ON CONFLICT).
 */
export const AGENDA_INDEXES_NOT_USED = ['find_and_lock_idx', 'next_run_at_idx', 'locked_at_idx'].map((suffix) => `${JOB_TABLE}_${suffix}`);

/**
 * SQL for the first instant a lock on one of the jobs named in $1 ($2 lock lifetimes) runs out; NULL
 * when none is locked. Per name, the oldest lock: ORDER BY ... LIMIT 1 on the locked index's
 * (name, locked_at) reads one entry, and a planner with no statistics, or old ones, still takes that
 * path over reading the table (a first row from an ordered index beats any sort). The same condition
 * as a plain join is what the planner once answered by reading every finished job of each name.
 * Most of the time no job is locked at all (a clock-driven run finishes each job before it claims the
 * next), and one look at the index says so before a look per name.
 */
const LOCK_RUNS_OUT = `CASE WHEN (SELECT true FROM ${JOB_TABLE} j WHERE j.locked_at IS NOT NULL AND j.disabled = false ORDER BY j.name, j.locked_at LIMIT 1)
       THEN (SELECT min(l.runs_out_at) FROM (${DEFINITIONS}) d CROSS JOIN LATERAL (
         SELECT j.locked_at + make_interval(secs => d.lifetime_ms / 1000) AS runs_out_at FROM ${JOB_TABLE} j
         WHERE j.name = d.name AND j.disabled = false AND j.locked_at IS NOT NULL ORDER BY j.locked_at LIMIT 1) l) END`;

/**
 * SQL for when the earliest of the jobs named in $1 can next be taken ($2 lock lifetimes): a waiting job when
 * it is due, a locked one when its lock expires; NULL when there is none. least() skips a NULL: either kind
 * may be missing.
 *
 * The waiting side is the first entry of an index of waiting jobs. A min() over the jobs of these names read
 * every job queued for later (thousands on a large panel, at every claim), and so did ORDER BY ... LIMIT 1
 * with the names as a filter whenever the table had no statistics: the planner then guesses that hardly
 * any row matches and sorts them all. Without the names it reads the first entry whatever it guesses;
 * when that job is of a name this runner does not handle (none in the service), the filtered form answers.
 */
const NEXT_DUE = `SELECT least(
       (SELECT CASE WHEN h.name = ANY($1::text[]) THEN h.next_run_at ELSE (
           SELECT j.next_run_at FROM ${JOB_TABLE} j
           WHERE j.name = ANY($1::text[]) AND j.disabled = false AND j.locked_at IS NULL AND j.next_run_at IS NOT NULL
           ORDER BY j.next_run_at LIMIT 1) END
        FROM (SELECT j.name, j.next_run_at FROM ${JOB_TABLE} j
              WHERE j.disabled = false AND j.locked_at IS NULL AND j.next_run_at IS NOT NULL ORDER BY j.next_run_at LIMIT 1) h),
       (${LOCK_RUNS_OUT}))`;

/** What one claim found: the job it took, or (none due) when the next can be taken. */
export interface Claim {
  job: ClaimedJob | null;
  /** When `job` is null: the earliest instant a job can next be taken (as nextDueAt); null when there is none. */
  nextDueAt: Date | null;
}

/**
 * Takes the next job due at `now`, in Agenda's order (earliest first, then
 * highest priority), and locks it as Agenda's processor would; failing that,
 * a job whose lock a dead worker left behind, once the lock has expired.
 * Jobs due at the same instant with the same priority go in the order their
 * rows lie (about the order they were queued): the waiting index's order, and
 * as far as a seed's report shows the order they went in before (the same
 * report for 100 and 400 patients; taking them by name changed it). Many jobs
 * fall due at one instant in a simulated month.
 * Used by the clock-driven runner (jobs/drive.ts); SKIP LOCKED leaves jobs
 * another worker holds right now. Finished jobs stay in the table a week;
 * every part of this reads only waiting or locked jobs (JOB_TABLE_INDEXES),
 * so its cost does not grow with them.
 *
 * One round trip whatever it finds: coalesce() and CASE evaluate their
 * sub-selects only when reached, so the abandoned kind is looked for only when
 * no job waits and some lock has run out (in a clock-driven run, almost never:
 * its own claims are finished before the next), and when the next is due only
 * when nothing was taken. A driver asks this after every job and at every
 * clock step (a simulated month: tens of thousands of times), and three
 * statements for an empty claim were most of what moving the clock cost.
 */
export async function claimDueJobOrNext(db: Queryable, jobs: readonly JobLockLifetime[], now: Date): Promise<Claim> {
  // $1 names, $2 lock lifetimes, $3 now.
  const waiting = `SELECT j.id FROM ${JOB_TABLE} j
     WHERE j.name = ANY($1::text[]) AND j.disabled = false AND j.locked_at IS NULL AND j.next_run_at <= $3::timestamptz
     ORDER BY j.next_run_at, j.priority DESC LIMIT 1 FOR UPDATE OF j SKIP LOCKED`;
  const abandoned = `SELECT j.id FROM ${JOB_TABLE} j JOIN (${DEFINITIONS}) d USING (name)
     WHERE j.disabled = false AND j.locked_at IS NOT NULL AND j.locked_at <= $3::timestamptz - make_interval(secs => d.lifetime_ms / 1000)
     ORDER BY j.next_run_at NULLS LAST, j.priority DESC LIMIT 1 FOR UPDATE OF j SKIP LOCKED`;
  const { rows } = await db.query<{ id: string | null; name: string; data: unknown; next_run_at: Date | null; fail_count: number | null; next_due_at: Date | null }>({
    name: 'claim-due-job',
    text: `WITH claimed AS (
         UPDATE ${JOB_TABLE} SET locked_at = $3, last_run_at = $3
         WHERE id = coalesce((${waiting}), CASE WHEN (${LOCK_RUNS_OUT}) <= $3::timestamptz THEN (${abandoned}) END)
         RETURNING id, name, data, next_run_at, fail_count)
       SELECT c.*, CASE WHEN c.id IS NULL THEN (${NEXT_DUE}) END AS next_due_at
       FROM (SELECT 1) AS one LEFT JOIN claimed c ON true`,
    values: [...lifetimeParams(jobs), now],
  });
  const row = rows[0]!;
  if (row.id === null) return { job: null, nextDueAt: row.next_due_at };
  return { job: { id: row.id, name: row.name, data: row.data, nextRunAt: row.next_run_at?.toISOString() ?? null, failCount: row.fail_count ?? 0 }, nextDueAt: null };
}

/** Takes the next job due at `now` (claimDueJobOrNext), or null when none is. */
export async function claimDueJob(db: Queryable, jobs: readonly JobLockLifetime[], now: Date): Promise<ClaimedJob | null> {
  return (await claimDueJobOrNext(db, jobs, now)).job;
}

/** Records a claimed job as run, as Agenda records a one-off job: finished. */
export async function finishJob(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE ${JOB_TABLE} SET locked_at = NULL, next_run_at = NULL, last_finished_at = $2, fail_count = 0 WHERE id = $1`,
    [id, now],
  );
}

export interface JobFailure {
  now: Date;
  reason: string;
  /** How many times the job has failed, this time included. */
  failCount: number;
  /** When to try again (its backoff); null when retries are exhausted. */
  retryAt: Date | null;
}

/** Records a claimed job as failed, as Agenda does: with its reason and count, due again at `retryAt`. */
export async function failJob(db: Queryable, id: string, f: JobFailure): Promise<void> {
  await db.query(
    `UPDATE ${JOB_TABLE} SET locked_at = NULL, next_run_at = $3, last_finished_at = $2, failed_at = $2, fail_reason = $4,
       fail_count = $5 WHERE id = $1`,
    [id, f.now, f.retryAt, f.reason, f.failCount],
  );
}

/**
 * When the earliest of these jobs can next be taken: a waiting job when it is
 * due, a locked one when its lock expires. Null when there is none.
 */
export async function nextDueAt(db: Queryable, jobs: readonly JobLockLifetime[]): Promise<Date | null> {
  const { rows } = await db.query<{ at: Date | null }>(`SELECT (${NEXT_DUE}) AS at`, lifetimeParams(jobs));
  return rows[0]?.at ?? null;
}

/** Deletes finished one-off jobs older than `before` (they are kept a while as an operations record). */
export async function pruneFinishedJobs(db: Queryable, before: Date): Promise<number> {
  const { rowCount } = await db.query(`DELETE FROM ${JOB_TABLE} WHERE next_run_at IS NULL AND last_finished_at < $1`, [before]);
  return rowCount ?? 0;
}

/** Which job a worker looks for when it looks for its next job of one name (Agenda's getNextJobToRun). */
export interface WantedJob {
  name: string;
  /** Take a waiting job due by then (Agenda: its next scan). */
  dueBy: Date;
  /** Or one whose lock was taken before then: its worker died (Agenda: now less the lock lifetime). */
  lockTakenBefore: Date;
}

/** What a worker asks when it claims its next job of one name. */
export interface NamedClaim extends WantedJob {
  lockedAt: Date;
  lockedBy: string | null;
}

/**
 * Locks the next job of one name for a worker, as Agenda's own repository does, and returns its
 * row (null: none). Agenda's statement asks for "waiting and due, or locked too long" in one OR,
 * which only a planner with fresh counts answers from indexes. On a table it has not counted
 * (a new database; PGlite, which runs no autovacuum, between upkeeps) it read every job of the
 * name, the week of finished ones and those queued for later included: measured on 25,000 jobs,
 * 381 pages and 2.5 ms a claim, and workers claim after every job and for every name at every scan.
 * Asked as two questions, each reads one short range whatever the counts (4 pages, 0.08 ms there):
 * due waiting jobs (the waiting-by-name index stops at `dueBy`), then expired locks (the
 * locked index). A waiting job goes before an abandoned one; a worker asks again until neither is left.
 */
export async function claimNamedJob(db: Queryable, claim: NamedClaim): Promise<Record<string, unknown> | null> {
  const { rows } = await db.query<Record<string, unknown>>({
    name: 'claim-named-job',
    text: `UPDATE ${JOB_TABLE} SET locked_at = $1, last_modified_by = $5
       WHERE id = coalesce(
         (SELECT id FROM ${JOB_TABLE} WHERE name = $2 AND disabled = false AND locked_at IS NULL AND next_run_at <= $3
          ORDER BY next_run_at, priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED),
         (SELECT id FROM ${JOB_TABLE} WHERE name = $2 AND disabled = false AND locked_at IS NOT NULL AND locked_at <= $4
          ORDER BY next_run_at NULLS LAST, priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED))
       RETURNING *`,
    values: [claim.lockedAt, claim.name, claim.dueBy, claim.lockTakenBefore, claim.lockedBy],
  });
  return rows[0] ?? null;
}

/**
 * Of many named claims, the names that have a job to take: the two questions claimNamedJob asks
 * (a waiting job due by `dueBy`; a lock taken before `lockTakenBefore`), for every name in one
 * statement and without taking anything. Each asks for the first entry of an ordered index (the
 * earliest waiting job of the name; its oldest lock) and compares it outside: as an EXISTS with
 * `next_run_at <= due_by` inside, the planner, once it had statistics, guessed a third of the table
 * matched and read the whole table for each name (measured: 62 ms and 7,000 pages a scan, every poll,
 * with 14,000 jobs kept).
 *
 * The waiting side walks the waiting-by-name index from the name on, in its (name, next_run_at) order,
 * and checks outside that the first entry is of the name. Asked as `name = c.name ORDER BY next_run_at`,
 * a planner with statistics took any index in next_run_at's order instead, guessing that one job in
 * a handful is of the name, and filtered on it: every job of every other name queued for later, for
 * each name at every poll (measured: 57 ms and 92,000 pages a poll, 3,000 timers waiting). Only that
 * index holds this order with no finished job in it.
 */
export async function namesWithJobToTake(db: Queryable, claims: readonly WantedJob[]): Promise<Set<string>> {
  const { rows } = await db.query<{ name: string }>({
    name: 'names-with-job-to-take',
    text: `SELECT c.name FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS c(name, due_by, lock_taken_before)
       WHERE (SELECT CASE WHEN w.name = c.name THEN w.next_run_at END FROM (
                SELECT j.name, j.next_run_at FROM ${JOB_TABLE} j
                WHERE j.name >= c.name AND j.disabled = false AND j.locked_at IS NULL AND j.next_run_at IS NOT NULL
                ORDER BY j.name, j.next_run_at LIMIT 1) w) <= c.due_by
          OR (SELECT j.locked_at FROM ${JOB_TABLE} j
              WHERE j.name = c.name AND j.disabled = false AND j.locked_at IS NOT NULL
              ORDER BY j.locked_at LIMIT 1) <= c.lock_taken_before`,
    values: [claims.map((c) => c.name), claims.map((c) => c.dueBy), claims.map((c) => c.lockTakenBefore)],
  });
  return new Set(rows.map((row) => row.name));
}
