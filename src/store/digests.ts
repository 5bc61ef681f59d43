import type { Queryable } from './sql.js';

export interface QueueCounts {
  urgent: number;
  elevated: number;
  overdue: number;
  /** Texts from numbers no patient has, waiting for a person to read them. */
  unmatched: number;
}

/** What is waiting for the care team of a practice, in numbers (a digest names nobody). */
export async function queueCounts(db: Queryable, practiceId: string): Promise<QueueCounts> {
  const { rows } = await db.query<QueueCounts>(
    `SELECT count(*) FILTER (WHERE level = 'urgent')::int AS urgent,
            count(*) FILTER (WHERE level = 'elevated')::int AS elevated,
            count(*) FILTER (WHERE level = 'elevated' AND overdue_at IS NOT NULL)::int AS overdue,
            (SELECT count(*)::int FROM messages
             WHERE practice_id = $1 AND patient_id IS NULL AND direction = 'inbound' AND review_needed AND reviewed_at IS NULL) AS unmatched
     FROM alerts WHERE practice_id = $1 AND status <> 'resolved'`,
    [practiceId],
  );
  return rows[0]!;
}

/** Records that a coordinator gets the digest of `localDate`; false when they already did. */
export async function claimDigestDelivery(db: Queryable, coordinatorId: string, localDate: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'INSERT INTO digest_deliveries (coordinator_id, local_date) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [coordinatorId, localDate],
  );
  return rowCount === 1;
}

export async function setDigestMessage(db: Queryable, coordinatorId: string, localDate: string, messageId: string): Promise<void> {
  await db.query('UPDATE digest_deliveries SET message_id = $3 WHERE coordinator_id = $1 AND local_date = $2', [coordinatorId, localDate, messageId]);
}
