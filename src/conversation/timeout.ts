import { advanceFlow } from '../flows/index.js';
import type { Conversation } from '../store/conversations.js';
import { noteUnanswered, type Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import { lockForTimeout } from '../store/timeout-context.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { recordStep } from './step.js';
import { assessPatient } from '../alerts/index.js';
import type { RuntimeDeps } from '../runtime.js';
import { markedUnreachable } from '../outreach/index.js';

/**
 * The wait for an answer ran out. Acts only when the conversation is still
 * open at the version the job was scheduled for: an answer (or anything else)
 * since then has bumped the version, and the job does nothing.
 * Returns whether it acted.
 */
export function expireConversation(deps: RuntimeDeps, job: { conversationId: string; version: number }): Promise<boolean> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    // Nothing is locked when the job is stale; else the same lock order as an inbound text (patient, then conversation), so the two never deadlock.
    const locked = await lockForTimeout(tx, job.conversationId, job.version);
    if (!locked) return false;
    const { patient, conversation, practice } = locked;
    if (!patient || !practice || conversation?.status !== 'active' || conversation.version !== job.version) return false;
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
