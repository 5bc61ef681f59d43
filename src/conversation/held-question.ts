import type { Conversation } from '../store/conversations.js';
import { applyStatus, type Message } from '../store/messages.js';
import type { Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { startReplyClock } from '../messaging/index.js';

/**
 * The patient texted while their check-in's first question waits for the
 * morning: a reply to their own text is never held, so the question goes now,
 * as the reply, and the held copy is dropped. The wait for the answer starts now.
 * Returns the question's text. (The turn finds the held question in its first
 * read, with the medications: store/turn-context.ts.)
 */
export async function askHeldQuestionNow(tx: Queryable, deps: RuntimeDeps, conversation: Conversation, held: Message, at: Date): Promise<string> {
  await applyStatus(tx, { id: held.id }, { status: 'cancelled', at });
  await startReplyClock(tx, deps, conversation.id, at);
  return held.body;
}
