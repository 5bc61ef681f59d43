import { statusRank, toMessage, type Message, type MessageRow } from './messages.js';
import type { Queryable } from './sql.js';

/**
 * Takes a pending message for sending. Only one job can win it, so a job that
 * runs twice never sends twice. The claim time tells a later worker whether a
 * send still under way may yet finish, or was cut short by a crash.
 */
export async function claimForSending(db: Queryable, id: string, at: Date): Promise<Message | null> {
  const { rows } = await db.query<MessageRow>(
    `UPDATE messages SET status = 'submitting', status_rank = $2, attempts = attempts + 1, claimed_at = $3, updated_at = $3
     WHERE id = $1 AND status = 'pending' RETURNING *`,
    [id, statusRank('submitting'), at],
  );
  return rows[0] ? toMessage(rows[0]) : null;
}

/** Puts a claimed message back to wait for another attempt. */
export async function releaseForRetry(db: Queryable, id: string, errorCode: number | null, at: Date): Promise<void> {
  await db.query(
    `UPDATE messages SET status = 'pending', status_rank = 0, error_code = $2, updated_at = $3
     WHERE id = $1 AND status = 'submitting'`,
    [id, errorCode, at],
  );
}

/**
 * Leaves a claimed message `submitting` after a send whose answer was lost
 * or was a 5xx: Twilio may have the text, so the next attempt asks Twilio
 * first, as after a crash mid-send. The claim time stays: the lookup covers
 * texts from then on.
 */
export async function keepUncertain(db: Queryable, id: string, errorCode: number | null, at: Date): Promise<void> {
  await db.query(`UPDATE messages SET error_code = $2, updated_at = $3 WHERE id = $1 AND status = 'submitting'`, [id, errorCode, at]);
}

/**
 * Puts a message whose send is known not to have reached Twilio back to
 * pending: a send cut short by a crash, or a webhook reply Twilio never got.
 * Only from the state it was found in, so two workers cannot both reopen it.
 */
export async function reopenForSending(db: Queryable, id: string, from: 'submitting' | 'queued', at: Date): Promise<Message | null> {
  const { rows } = await db.query<MessageRow>(
    `UPDATE messages SET status = 'pending', status_rank = 0, updated_at = $3
     WHERE id = $1 AND status = $2 AND twilio_sid IS NULL RETURNING *`,
    [id, from, at],
  );
  return rows[0] ? toMessage(rows[0]) : null;
}

/** Which of these Twilio message sids are already recorded against one of our messages. */
export async function knownSids(db: Queryable, sids: readonly string[]): Promise<Set<string>> {
  if (sids.length === 0) return new Set();
  const { rows } = await db.query<{ twilio_sid: string }>('SELECT twilio_sid FROM messages WHERE twilio_sid = ANY($1)', [sids]);
  return new Set(rows.map((row) => row.twilio_sid));
}

/**
 * Takes a message being handed over to hand it over again (an invitation
 * call Twilio turned out not to have), only if its claim is still the one
 * taken at `heldSince`: of two workers settling it, one places it.
 */
export async function claimAgain(db: Queryable, id: string, heldSince: Date, at: Date): Promise<Message | null> {
  const { rows } = await db.query<MessageRow>(
    `UPDATE messages SET attempts = attempts + 1, claimed_at = $3, updated_at = $3
     WHERE id = $1 AND status = 'submitting' AND twilio_sid IS NULL AND claimed_at = $2 RETURNING *`,
    [id, heldSince, at],
  );
  return rows[0] ? toMessage(rows[0]) : null;
}

/**
 * Moves a claim to `at` when its turn to reach Twilio comes (a call's turn
 * after pacing), only if it is still the one taken at `heldSince`. False: a
 * retry took the message over meanwhile, and this worker must stop.
 */
export async function renewClaim(db: Queryable, id: string, heldSince: Date, at: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE messages SET claimed_at = $3, updated_at = $3 WHERE id = $1 AND status = 'submitting' AND twilio_sid IS NULL AND claimed_at = $2`,
    [id, heldSince, at],
  );
  return (rowCount ?? 0) > 0;
}
