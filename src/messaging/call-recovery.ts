import { knownCallSids } from '../store/call-sids.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import type { FoundCall } from '../transport/index.js';
import { PLACING_MS } from './call-placing.js';

/** Times Twilio is asked for one call (the first, then after answers lost and not found) before it counts as failed. */
export const MAX_PLACING_ATTEMPTS = 3;
/**
 * How long after its claim a call Twilio turned out not to have may still
 * be placed (Twilio's call list may have been unreadable for a while). Later
 * it counts as failed, and its flow decides what next: a call rung long
 * after it was due could be stale, or fall in quiet hours.
 */
export const PLACE_AGAIN_WITHIN_MS = 10 * 60_000;

/** A call claimed for placing that has no Twilio id: Twilio may or may not have it. */
export interface UncertainCall {
  to: string;
  from: string;
  /** When its placing began (its claim, or its turn after pacing): Twilio cannot have it from before. */
  placingSince: Date;
  /** Times Twilio has been asked for it so far. */
  attempts: number;
  /** Records Twilio's call as this one; false when another worker recorded a call for it meanwhile. */
  adopt(tx: Queryable, found: FoundCall): Promise<boolean>;
}

/** What to do with an uncertain call, from what Twilio has. */
export type Settlement =
  /** Its placing may still be under way: look again then. */
  | { next: 'wait'; until: Date }
  /** Twilio has it: recorded (adopt), not to be placed again. */
  | { next: 'found'; call: FoundCall }
  /** Another worker recorded its call meanwhile: nothing to do. */
  | { next: 'settled' }
  /** Twilio never got it: claim it again and place it. */
  | { next: 'place again' }
  /** Twilio never got it, and it is too late or it was tried too often: it failed. */
  | { next: 'give up' };

/**
 * Settles a call whose placing was cut short: a crash between asking Twilio
 * and recording its answer, or an answer lost (a timeout, a reset, a 5xx).
 * Once the placing time has passed, Twilio's list of calls from `from` to
 * `to` since the placing began is read; a call there that none of ours has
 * recorded is this one's, and is adopted instead of ringing again. Twilio's
 * records do not name our call, so two of ours to one number, both
 * uncertain, may swap ids; each still ends with one call of its own.
 * A list that cannot be read throws (a TransportError): the job runs again
 * with backoff, rather than ringing without knowing.
 */
export async function settleUncertainCall(deps: RuntimeDeps, call: UncertainCall): Promise<Settlement> {
  const now = deps.clock.now();
  const until = new Date(call.placingSince.getTime() + PLACING_MS);
  if (now < until) return { next: 'wait', until };
  const found = await deps.calls.lookup({ to: call.to, from: call.from, since: call.placingSince });
  const adopted = await withTransaction(deps.pool, async (tx) => {
    // One number's uncertain calls settle one at a time: two never take the same call of Twilio's.
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`calls-to:${call.to}`]);
    const known = await knownCallSids(tx, found.map((c) => c.sid));
    const match = found.find((c) => !known.has(c.sid));
    if (!match) return null;
    return (await call.adopt(tx, match)) ? match : 'settled';
  });
  if (adopted === 'settled') return { next: 'settled' };
  if (adopted) return { next: 'found', call: adopted };
  const tooLate = now.getTime() - call.placingSince.getTime() > PLACE_AGAIN_WITHIN_MS;
  return tooLate || call.attempts >= MAX_PLACING_ATTEMPTS ? { next: 'give up' } : { next: 'place again' };
}
