/**
 * Staff cancel an open check-in (sent by mistake, or the patient was reached
 * another way): it ends at once, a first text still held for quiet hours is
 * not sent, and who did it and when is recorded. A coordinator's own text to
 * the patient ends it the same way (actions/cases.ts): the patient's answer is
 * to her, and read as the check-in's answer it could record "yes, I took it"
 * from "yes, thank you".
 */
import { DomainError } from '../errors.js';
import { findActiveConversation, findConversation, lockConversation, type Conversation } from '../store/conversations.js';
import { cancelPendingForConversation } from '../store/messages.js';
import { recordEvent } from '../store/patient-events.js';
import { lockPatient } from '../store/patients.js';
import { recordAccess, type AuditEntry } from '../store/audit.js';
import type { Queryable } from '../store/sql.js';
import { withTransaction } from '../store/sql.js';
import { stopConversation } from '../store/conversations.js';
import type { RuntimeDeps } from '../runtime.js';

export function cancelCheckIn(deps: RuntimeDeps, conversationId: string, audit: AuditEntry): Promise<Conversation> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const found = await findConversation(tx, conversationId);
    if (!found) throw new DomainError('not_found', 'conversation was not found');
    // Same lock order as a text (patient, then conversation).
    await lockPatient(tx, found.patientId);
    const conversation = (await lockConversation(tx, conversationId))!;
    if (conversation.status !== 'active') {
      throw new DomainError('conflict', `this check-in already ended (${conversation.status}); there is nothing to cancel`);
    }
    await endByStaff(tx, conversation, { by: audit.actor }, at);
    await recordAccess(tx, { ...audit, at }, [conversation.patientId]);
    return (await findConversation(tx, conversation.id))!;
  });
}

/**
 * Ends the patient's open check-in, if any, in the caller's transaction, the patient already locked:
 * staff wrote to the patient themselves (`reason`). Returns whether one was open.
 */
export async function endOpenCheckInByStaff(tx: Queryable, patientId: string, detail: { by: unknown; reason: string }, at: Date): Promise<boolean> {
  const open = await findActiveConversation(tx, patientId);
  const conversation = open ? await lockConversation(tx, open.id) : null;
  if (conversation?.status !== 'active') return false;
  await endByStaff(tx, conversation, detail, at);
  return true;
}

async function endByStaff(tx: Queryable, conversation: Conversation, detail: { by: unknown; reason?: string }, at: Date): Promise<void> {
  await stopConversation(tx, conversation, 'cancelled', at);
  const unsent = await cancelPendingForConversation(tx, conversation.id, at);
  await recordEvent(tx, {
    practiceId: conversation.practiceId,
    patientId: conversation.patientId,
    conversationId: conversation.id,
    type: 'check_in.cancelled_by_staff',
    detail: { ...detail, unsentTexts: unsent },
    at,
  });
}
