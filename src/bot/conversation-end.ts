import { endConversation, type Conversation, type ConversationStatus } from '../store/conversations.js';
import { recordEvent } from '../store/patient-events.js';
import type { Queryable } from '../store/sql.js';

type Ended = Pick<Conversation, 'id' | 'practiceId' | 'patientId' | 'flow'>;

/** Puts the end of a conversation on the patient's record ('conversation.completed', ...). */
export function recordConversationEnd(tx: Queryable, conversation: Ended, status: ConversationStatus, at: Date): Promise<void> {
  return recordEvent(tx, {
    practiceId: conversation.practiceId,
    patientId: conversation.patientId,
    conversationId: conversation.id,
    type: `conversation.${status}`,
    detail: { flow: conversation.flow },
    at,
  });
}

/** Ends a conversation from outside its flow (red flag, opt-out, undeliverable); its pending timeout job becomes stale. */
export async function stopConversation(
  tx: Queryable,
  conversation: Ended,
  status: Exclude<ConversationStatus, 'active'>,
  at: Date,
): Promise<void> {
  await endConversation(tx, conversation.id, status, at);
  await recordConversationEnd(tx, conversation, status, at);
}
