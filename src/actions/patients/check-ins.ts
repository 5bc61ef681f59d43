/**
 * Staff start a check-in now, or cancel an open one. The conversation
 * runtime does the work and writes the access-log row in its transaction.
 */
import { z } from 'zod';
import { cancelCheckIn as cancelConversation } from '../../conversation/index.js';
import { startCheckIn as openCheckIn, type CheckInStarted } from '../../conversation/index.js';
import { notFound } from '../../errors.js';
import { FLOW_NAMES } from '../../flows/types.js';
import { findConversation, type Conversation } from '../../store/conversations.js';
import { authorize, isUuid, patientFor } from '../access.js';
import { auditEntry, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';

export const CheckInSchema = z
  .object({
    flow: z.enum(FLOW_NAMES),
    medicationId: z.uuid('must be a medication id').optional().describe('medication flow: which one (default: the first on file)'),
  })
  .strict();
export type CheckInBody = z.infer<typeof CheckInSchema>;

const STARTED = auditName('check_in.start');
const CANCELLED = auditName('conversation.cancel');

/** Opens a check-in and queues its first text (or places the call, for a patient who takes calls). */
export async function startCheckIn(ctx: ActionContext, input: { patientId: string } & CheckInBody): Promise<CheckInStarted> {
  const patient = await patientFor(ctx.db.pool, ctx.actor, input.patientId);
  return openCheckIn(ctx.runtime, { ...input, patientId: patient.id, audit: auditEntry(ctx, STARTED, patient.practiceId) });
}

/** Ends an open check-in at once; a first text still held for quiet hours is not sent. */
export async function cancelCheckIn(ctx: ActionContext, input: { conversationId: string }): Promise<Conversation> {
  const conversation = isUuid(input.conversationId) ? await findConversation(ctx.db.pool, input.conversationId) : null;
  if (!conversation) throw notFound('conversation');
  authorize(ctx.actor, conversation.practiceId, 'coordinator', 'conversation');
  return cancelConversation(ctx.runtime, conversation.id, auditEntry(ctx, CANCELLED, conversation.practiceId));
}
