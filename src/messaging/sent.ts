import { setExpiry } from '../store/conversations.js';
import { applyStatus, type Message } from '../store/messages.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';

/** Twilio has the text: record its sid and status; a check-in's question is out, so the wait for the answer starts. */
export async function recordSent(deps: RuntimeDeps, message: Message, result: { sid: string | null; status: string }): Promise<void> {
  const sentAt = deps.clock.now();
  await withTransaction(deps.pool, async (tx) => {
    await applyStatus(tx, { id: message.id }, { status: result.status, twilioSid: result.sid, at: sentAt, sent: true });
    if (message.kind === 'check_in' && message.conversationId) await startReplyClock(tx, deps, message.conversationId, sentAt);
  });
}

/** The question is out: the wait for the answer starts now (its timeout job queued with it). */
export async function startReplyClock(tx: Queryable, deps: RuntimeDeps, conversationId: string, sentAt: Date): Promise<void> {
  await setExpiry(tx, conversationId, sentAt, deps.conversationTimeoutMs);
}
