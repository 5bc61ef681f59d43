/**
 * An answer after the check-in's wait ran out, the same day in the practice
 * ("1 feeling fine" in the evening to the morning's question): it is taken
 * for that check-in, which opens again at its first question, when the flow
 * takes the text as an answer to it. Anything else is read as a text with
 * no check-in open (and goes to a person if it says something).
 */
import { DateTime } from 'luxon';
import { advanceFlow, startFlow } from '../flows/index.js';
import { findUnansweredTimedOut, reopenConversation, type Conversation } from '../store/conversations.js';
import { attachToConversation } from '../store/messages.js';
import { recordEvent } from '../store/patient-events.js';
import type { Queryable } from '../store/sql.js';
import { tookAnswer } from './step.js';
import type { TurnInput } from './turn.js';

export async function reopenForLateAnswer(tx: Queryable, t: TurnInput): Promise<Conversation | null> {
  const startOfDay = DateTime.fromJSDate(t.at).setZone(t.practice.timezone).startOf('day').toJSDate();
  const timedOut = await findUnansweredTimedOut(tx, t.patient.id, startOfDay);
  if (!timedOut) return null;
  const start = startFlow(timedOut.flow, timedOut.input);
  const tried = advanceFlow(timedOut.flow, start.snapshot, { type: 'REPLY', text: t.inbound.body }, start.version);
  // Asked again, it would re-prompt: the text is not an answer to that question.
  if (!tookAnswer(start.state, tried)) return null;
  const reopened = await reopenConversation(tx, timedOut.id, { state: start.state, snapshot: start.snapshot, flowVersion: start.version, answers: start.answers }, t.at);
  if (!reopened) return null;
  await attachToConversation(tx, t.inbound.id, reopened.id);
  await recordEvent(tx, { practiceId: t.practice.id, patientId: t.patient.id, conversationId: reopened.id, messageId: t.inbound.id, type: 'late_answer', at: t.at });
  return reopened;
}
