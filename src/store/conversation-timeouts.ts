import { insertJobsFrom } from './job-queue.js';
import type { Queryable } from './sql.js';

/**
 * A conversation's wait for an answer is kept by one conversation.timeout job at a time, due at
 * conversations.timeout_at. An answer moves the wait's end later, and a job already pending runs
 * first: it finds the wait not over and queues itself again at the end (queueTimeoutAtEnd, from
 * conversation/timeout.ts). So a new job is queued only when none is pending by the wait's end:
 * none at all, one due after it (a shorter wait), or one due already (running now, or lost: a wait
 * is never left without a job). A job too many does no harm: the first to find the wait over acts,
 * and the others find it moved on or ended.
 *
 * This replaced a job per step, which every answer queued and the one before it then ran to find
 * itself stale: on the inbound path, a job row written for nearly every text.
 */

/** SQL: whether a wait ending at `endsAt` needs a job, given the pending job's time `pending` and the time now `at`. */
const needsTimeoutJob = (pending: string, endsAt: string, at: string) =>
  `(${endsAt} IS NOT NULL AND (${pending} IS NULL OR ${pending} > ${endsAt} OR ${pending} <= ${at}))`;

/** The row's timeout_at before the statement, locked (a row the caller has locked already is not waited for). */
const pendingBefore = (id: string) => `(SELECT timeout_at AS pending FROM conversations WHERE id = ${id} FOR NO KEY UPDATE) AS before`;

/**
 * The parts of an UPDATE of conversation `id` (aliased `c`) that sets its wait to end at `endsAt`
 * (SQL, null for no wait) at time `at`, keeping a timeout job pending by then: `set` for its SET,
 * `from` for its FROM, and `queues` for its RETURNING, a queues_timeout column for queueTimeoutJobs.
 */
export function keepsTimeout(id: string, endsAt: string, at: string): { set: string; from: string; queues: string } {
  const needs = needsTimeoutJob('before.pending', endsAt, at);
  return {
    set: `timeout_at = CASE WHEN ${needs} THEN ${endsAt} ELSE before.pending END`,
    from: pendingBefore(id),
    queues: `${needs} AS queues_timeout`,
  };
}

/**
 * SQL that queues a timeout job for each row of `waits` (a CTE of id, version, expires_at,
 * queues_timeout) that needs one.
 */
export const queueTimeoutJobs = (waits: string) =>
  insertJobsFrom(`SELECT 'conversation.timeout', jsonb_build_object('conversationId', id, 'version', version), expires_at, 0
                  FROM ${waits} WHERE queues_timeout`);

/**
 * The job that ran found the wait not over: queues one at its end, unless another is pending by
 * then. Returns whether it queued one.
 */
export async function queueTimeoutAtEnd(db: Queryable, conversationId: string, at: Date): Promise<boolean> {
  const { rows } = await db.query<{ queued: boolean }>({
    name: 'queue-timeout-at-end',
    text: `WITH wait AS (
             UPDATE conversations c SET timeout_at = c.expires_at FROM ${pendingBefore('$1')}
             WHERE c.id = $1 AND c.status = 'active' AND ${needsTimeoutJob('before.pending', 'c.expires_at', '$2::timestamptz')}
             RETURNING c.id, c.version, c.expires_at, true AS queues_timeout
           ), job AS (${queueTimeoutJobs('wait')} RETURNING 1)
           SELECT count(*) > 0 AS queued FROM job`,
    values: [conversationId, at],
  });
  return rows[0]?.queued ?? false;
}
