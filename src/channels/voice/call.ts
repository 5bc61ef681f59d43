/**
 * What every turn of a patient's call starts from: the call a request names,
 * with its patient, practice and conversation locked, and the few ways a
 * turn writes down what it said and what it waits for.
 */
import type { Locale } from '../../flows/index.js';
import { lockConversation, type Conversation } from '../../store/conversations.js';
import { insertCallLine } from '../../store/messages.js';
import { countTurn, lockCallByToken, updateCall, type CallPending, type PatientCall } from '../../store/patient-calls.js';
import { lockPatient, type Patient } from '../../store/patients.js';
import { findPractice, type Practice } from '../../store/practices.js';
import type { Queryable } from '../../store/sql.js';
import { voiceLanguage, voiceLine } from './speech.js';
import { farewell, type VoiceTurn } from './turn.js';

/** What Twilio heard: keys pressed, words said with the recognizer's confidence. */
export interface Heard {
  digits: string;
  speech: string | null;
  confidence: number | null;
}

export interface CallContext {
  call: PatientCall;
  practice: Practice;
  patient: Patient;
  conversation: Conversation | null;
  at: Date;
}

export const locale = (c: CallContext): Locale => c.patient.language;
export const language = (c: CallContext) => voiceLanguage(locale(c));
export const line = (c: CallContext, key: Parameters<typeof voiceLine>[0], extra: Record<string, string> = {}) =>
  voiceLine(key, locale(c), c.practice, c.patient, extra);

/** The call a request names, with its patient and conversation, locked (call, then patient, then conversation). */
export async function loadCall(tx: Queryable, token: string, at: Date): Promise<CallContext | null> {
  const call = await lockCallByToken(tx, token);
  if (!call?.patientId) return null;
  const patient = await lockPatient(tx, call.patientId);
  const practice = await findPractice(tx, call.practiceId);
  if (!patient || !practice) return null;
  const conversation = call.conversationId ? await lockConversation(tx, call.conversationId) : null;
  return { call, practice, patient, conversation, at };
}

/** A request for a call we do not know (or no longer know): nothing is said about anyone. */
export const INVALID = farewell('en-US', 'This call has ended. Goodbye.');

/** Writes what the call said into the transcript, and returns the turn. */
export async function spoken(tx: Queryable, c: CallContext, turn: VoiceTurn): Promise<VoiceTurn> {
  const text = turn.say.map((s) => (typeof s === 'string' ? s : s.text)).join(' ');
  if (text) await insertCallLine(tx, lineFrom(c, 'outbound', 'voice_prompt', text));
  await countTurn(tx, c.call.id);
  return turn;
}

/** A line of the call's transcript, from the patient (inbound) or to them (outbound). */
export function lineFrom(c: CallContext, direction: 'inbound' | 'outbound', kind: 'voice_prompt' | 'voice_answer', body: string) {
  const [from, to] = direction === 'outbound' ? [c.practice.phoneNumber, c.patient.phone] : [c.patient.phone, c.practice.phoneNumber];
  return { practiceId: c.practice.id, patientId: c.patient.id, conversationId: c.conversation?.id ?? c.call.conversationId, direction, kind, fromNumber: from, toNumber: to, body, at: c.at };
}

/** What the patient pressed or said, as the transcript keeps it. */
export function heardLine(heard: Heard): string {
  const said = heard.speech?.trim();
  if (!said) return `pressed ${heard.digits}`;
  return `said "${said}"${heard.confidence !== null ? ` (confidence ${heard.confidence.toFixed(2)})` : ''}`;
}

/** Keeps what the call waits for next, in the call's row (the next request may reach another instance). */
export const setPending = async (tx: Queryable, c: CallContext, pending: CallPending) => {
  await updateCall(tx, c.call.id, { pending });
  c.call = { ...c.call, pending };
};
