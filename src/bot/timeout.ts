import { advanceFlow } from '../flows/index.js';
import { findConversation, lockConversation } from '../store/conversations.js';
import { lockPatient } from '../store/patients.js';
import { findPractice } from '../store/practices.js';
import { withTransaction } from '../store/sql.js';
import { recordStep } from './conversation-step.js';
import { assessPatient } from './triage.js';
import type { BotDeps } from './deps.js';

/**
 * The wait for an answer ran out. Acts only when the conversation is still
 * open at the version the job was scheduled for: an answer (or anything else)
 * since then has bumped the version, and the job does nothing.
 * Returns whether it acted.
 */
export function expireConversation(deps: BotDeps, job: { conversationId: string; version: number }): Promise<boolean> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const current = await findConversation(tx, job.conversationId);
    if (!current || current.status !== 'active' || current.version !== job.version) return false;
    // Same lock order as an inbound text (patient, then conversation), so the two never deadlock.
    const patient = await lockPatient(tx, current.patientId);
    const conversation = await lockConversation(tx, job.conversationId);
    const practice = await findPractice(tx, current.practiceId);
    if (!patient || !practice || conversation?.status !== 'active' || conversation.version !== job.version) return false;
    const step = advanceFlow(conversation.flow, conversation.snapshot, { type: 'TIMEOUT' }, conversation.flowVersion);
    const recorded = await recordStep(tx, deps, { practice, patient, conversation, inbound: null, at, speaksNow: false }, step);
    if (recorded.observations.length > 0) await assessPatient(tx, { practice, patient, conversationId: conversation.id, messageId: null }, at, 'timeout');
    return true;
  });
}
