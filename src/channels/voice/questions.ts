/**
 * Asking a check-in's questions on a call: the question the conversation is
 * at, a check-in opened by the call itself, and picking up one left open.
 */
import { advanceFlow } from '../../flows/index.js';
import { findConversation, type Conversation } from '../../store/conversations.js';
import { updateCall } from '../../store/patient-calls.js';
import type { Patient } from '../../store/patients.js';
import type { Queryable } from '../../store/sql.js';
import { checkInCallUrls, openConversation, utteranceOf, type FlowSetup, type Utterance } from '../../conversation/index.js';
import { blockOf } from '../../outreach/index.js';
import type { RuntimeDeps } from '../../runtime.js';
import { language, line, locale, type CallContext } from './call.js';
import { gatherFor, spokenOf } from './speech.js';
import { farewell, type VoiceTurn } from './turn.js';

/** The conversation's current question as the flow asks it, without moving the flow. */
export function currentQuestion(conversation: Conversation): Utterance | null {
  return utteranceOf(advanceFlow(conversation.flow, conversation.snapshot, { type: 'REPEAT' }, conversation.flowVersion).outputs);
}

/** Says `intro`, then asks the conversation's current question and waits for the answer. */
export function ask(deps: RuntimeDeps, c: CallContext, conversation: Conversation, intro: string[] = []): VoiceTurn {
  const question = currentQuestion(conversation);
  if (!question?.expects) return farewell(language(c), ...intro, line(c, 'voice.goodbye'));
  const action = checkInCallUrls(deps, c.call.token).gather(conversation.version, c.call.turns + 1);
  return { language: language(c), say: [...intro, ...spokenOf(question, c.practice, c.patient)], next: gatherFor(question.expects, locale(c), action, deps.voice.speechModel) };
}

/** Enrolled and consenting: a check-in may be held (an opted-out patient may still call in). */
export function mayCheckIn(patient: Patient, at: Date): boolean {
  const block = blockOf(patient, at);
  return block !== 'disenrolled' && block !== 'no_consent';
}

/** This call takes up the check-in left open (by a dropped call, or a text), at its current question. */
export async function resume(tx: Queryable, deps: RuntimeDeps, c: CallContext, conversation: Conversation, intro: string[]): Promise<VoiceTurn> {
  await updateCall(tx, c.call.id, { conversationId: conversation.id });
  c.conversation = conversation;
  return ask(deps, c, conversation, intro);
}

/** Opens a check-in held on this call (no text goes out; this call asks the questions). */
export async function startByCall(tx: Queryable, deps: RuntimeDeps, c: CallContext, flow: Conversation['flow'], setup: FlowSetup) {
  const opened = await openConversation(tx, deps, { practice: c.practice, patient: c.patient, flow, setup, at: c.at, onCall: true });
  const conversation = (await findConversation(tx, opened.conversationId))!;
  await updateCall(tx, c.call.id, { conversationId: conversation.id, pending: {} });
  c.conversation = conversation;
  c.call = { ...c.call, pending: {} };
  return conversation;
}
