/**
 * A voice request answered once. Twilio may send one request more than once,
 * and the copies may arrive together (a retry racing the first try). Every
 * copy must hear what the first heard, and the call must act once: so looking
 * up the earlier answer, running the turn and keeping its answer are one
 * transaction, and copies of one request take it one at a time.
 */
import { withTransaction, type Queryable } from '../../store/sql.js';
import { findWebhookReply, saveWebhookReply } from '../../store/webhook-replies.js';
import type { RuntimeDeps } from '../../runtime.js';
import type { VoiceTurn } from './turn.js';

/**
 * A Twilio voice request as the runtime answers it: its key (a copy of the
 * request has the same) and how the voice channel writes a turn down. What is
 * kept is the written answer, so a copy gets it byte for byte.
 */
export interface VoiceRequest {
  key: string;
  render(turn: VoiceTurn): string;
}

/** One turn of a call, run inside the transaction that keeps its answer. */
export type VoiceStep = (tx: Queryable) => Promise<VoiceTurn>;

/** The answer to `request`: the one kept from an earlier copy, or `step`'s turn, written down and kept. */
export function answerVoiceOnce(deps: Pick<RuntimeDeps, 'pool' | 'clock'>, request: VoiceRequest, step: VoiceStep): Promise<string> {
  return withTransaction(deps.pool, async (tx) => {
    await waitForCopies(tx, request.key);
    // Read after the lock: under READ COMMITTED this statement sees what a copy ahead of us committed.
    const earlier = await findWebhookReply(tx, request.key);
    if (earlier !== null) return earlier;
    const answer = request.render(await step(tx));
    await saveWebhookReply(tx, request.key, answer, deps.clock.now());
    return answer;
  });
}

/**
 * Holds the request's key until this transaction ends; a copy of the request
 * waits here until the first has committed its answer (or rolled back). The
 * key is hashed into the 64-bit lock space: two different requests colliding
 * only wait for each other. Embedded PGlite is one session, where the lock
 * is granted at once; there the copies are serialised anyway, as the store
 * runs one transaction at a time on its one connection.
 */
async function waitForCopies(tx: Queryable, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}
