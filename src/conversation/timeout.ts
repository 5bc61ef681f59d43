import { advanceFlow } from '../flows/index.js';
import type { Conversation } from '../store/conversations.js';
import { noteUnanswered, type Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import { lockForTimeout } from '../store/timeout-context.js';
import { queueTimeoutAtEnd } from '../store/conversation-timeouts.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { recordStep } from './step.js';
import { assessPatient } from '../alerts/index.js';
import type { RuntimeDeps } from '../runtime.js';
import { markedUnreachable } from '../outreach/index.js';

/**
 * A conversation's timeout job is due: when the wait for an answer has run
 * out, the conversation times out. An answer since the job was queued moved
 * the wait's end later: then the job queues itself again at the new end,
 * unless another is pending by then (store/conversation-timeouts.ts), and
 * does nothing more. The job's `version` (the conversation's when it was
 * queued) is not read. Returns whether it acted.
 */
export function expireConversation(deps: RuntimeDeps, job: { conversationId: string }): Promise<boolean> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    // Nothing is locked when the conversation has ended; else the same lock order as an inbound text (patient, then conversation), so the two never deadlock.
    const locked = await lockForTimeout(tx, job.conversationId);
    if (!locked) return false;
    const { patient, conversation, practice } = locked;
    if (!patient || !practice || conversation?.status !== 'active' || conversation.expiresAt === null) return false;
    if (Date.parse(conversation.expiresAt) > at.getTime()) {
      await queueTimeoutAtEnd(tx, conversation.id, at);
      return false;
    }
    // Its step queues the next wait's job, if it waits again: this one, due now, is pending no more.
    await timeOut(tx, deps, { practice, patient, conversation, at });
    return true;
  });
}

/**
 * Ends a conversation as unanswered, in the caller's transaction (patient and
 * conversation locked): what the patient had told us is recorded and
 * assessed, and if they never said a word since it opened, it counts towards
 * their becoming unreachable.
 */
export async function timeOut(
  tx: Queryable,
  deps: RuntimeDeps,
  c: { practice: Practice; patient: Patient; conversation: Conversation; at: Date },
): Promise<void> {
  const { practice, patient, conversation, at } = c;
  const step = advanceFlow(conversation.flow, conversation.snapshot, { type: 'TIMEOUT' }, conversation.flowVersion);
  const recorded = await recordStep(tx, deps, { practice, patient, conversation, inbound: null, at, speaksNow: false }, step);
  if (recorded.observations.length > 0) await assessPatient(tx, { practice, patient, conversationId: conversation.id, messageId: null }, at, 'timeout');
  // Not a word from them since this conversation opened: one more contact unanswered.
  const silent = !patient.lastReplyAt || Date.parse(patient.lastReplyAt) < Date.parse(conversation.startedAt);
  if (silent && (await noteUnanswered(tx, patient.id, practice.outreach.unreachableAfter, at))) await markedUnreachable(tx, practice, patient, at);
}
