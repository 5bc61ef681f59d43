/**
 * Check-ins by phone: the same flows as by text, asked by <Say> and answered
 * by keypad or speech. A patient calls in (the check-in that is due, or a
 * menu), or a check-in call goes out to a patient who takes calls. Answers go
 * through the same reading and triage as texts; a red flag said on a call is
 * escalated at once and the caller is offered a nurse on the line.
 *
 * Each Twilio request names the call by its token and the question by the
 * conversation's version when it was asked: a stale or replayed request
 * changes nothing and hears the current question. Each turn that answers a
 * request runs in the transaction its caller opened (voice-once.ts), which
 * keeps the answer with what the turn did: a copy of the request hears it again.
 */
import { DateTime } from 'luxon';
import { advanceFlow } from '../../flows/index.js';
import { detectRedFlag } from '../../flows/safety/index.js';
import { spokenNumbersToDigits } from '../../flows/text/spoken-numbers.js';
import { findActiveConversation, type Conversation } from '../../store/conversations.js';
import { listMedications } from '../../store/medications.js';
import { hasCallLine, insertCallLine } from '../../store/messages.js';
import { settleContacts, takeDueCheckIn } from '../../store/outreach.js';
import { insertCall, updateCall, type CallPending } from '../../store/patient-calls.js';
import { findPatientByPhone, lockPatient, noteReply } from '../../store/patients.js';
import { findPracticeByNumber } from '../../store/practices.js';
import { withTransaction, type Queryable } from '../../store/sql.js';
import { assessPatient, raiseAlert } from '../../alerts/index.js';
import { callEnded, checkInCallUrls, recordStep, takeTurn } from '../../conversation/index.js';
import type { RuntimeDeps } from '../../runtime.js';
import { replanPatient } from '../../outreach/index.js';
import { heardLine, INVALID, language, line, lineFrom, loadCall, locale, setPending, spoken, type CallContext, type Heard } from './call.js';
import { menu } from './menu.js';
import { offerNurse } from './nurse.js';
import { ask, currentQuestion, mayCheckIn, resume, startByCall } from './questions.js';
import { gatherFor, spokenOf, voiceLanguage, voiceLine } from './speech.js';
import { farewell, type VoiceTurn } from './turn.js';

export type { Heard } from './call.js';
export { menuPressed } from './menu.js';
export { bridgeChosen, whisper, whisperKey } from './nurse.js';

/** Silences in a row on one question before the call gives up on it. */
const MAX_SILENCES = 2;

// ---------------------------------------------------------------------------------------------------------------
// A patient calls in.

/** A call to the practice's number: the check-in that is open or due, or the menu; an unknown caller is told whom to call. */
export async function incomingCall(tx: Queryable, deps: RuntimeDeps, req: { callSid: string; from: string; to: string }): Promise<VoiceTurn> {
  const at = deps.clock.now();
  const practice = await findPracticeByNumber(tx, req.to);
  if (!practice) return farewell('en-US', 'This number is not in service. Goodbye.');
  const known = await findPatientByPhone(tx, practice.id, req.from);
  if (!known) {
    const say = (['en', 'es'] as const).map((l) => ({ text: voiceLine('voice.unknown_caller', l, practice, null), language: voiceLanguage(l) }));
    return { language: 'en-US', say, next: { kind: 'hangup' } };
  }
  const patient = (await lockPatient(tx, known.id))!;
  const call = await insertCall(tx, { practiceId: practice.id, patientId: patient.id, conversationId: null, direction: 'inbound', callSid: req.callSid, status: 'in-progress', at });
  const c: CallContext = { call, practice, patient, conversation: null, at };
  if (await noteReply(tx, patient.id, at)) await replanPatient(tx, practice, patient.id, at);

  const open = await findActiveConversation(tx, patient.id);
  if (open) return spoken(tx, c, await resume(tx, deps, c, open, [line(c, 'voice.continue')]));
  if (mayCheckIn(patient, at)) {
    const endOfDay = DateTime.fromJSDate(at, { zone: patient.timezone ?? practice.timezone }).endOf('day').toJSDate();
    const due = await takeDueCheckIn(tx, patient.id, endOfDay);
    // Only check-ins and refill questions are taken here (takeDueCheckIn): never a questionnaire or a summary.
    if (due && due.flow !== 'questionnaire' && due.flow !== 'summary') {
      const medication = due.medicationId ? (await listMedications(tx, patient.id)).find((m) => m.id === due.medicationId) : undefined;
      const conversation = await startByCall(tx, deps, c, due.flow, medication ? { medication } : {});
      await settleContacts(tx, [{ id: due.id, status: 'started', reason: 'the patient called in', conversationId: conversation.id }], at);
      return spoken(tx, c, ask(deps, c, conversation, [line(c, 'voice.check_in_due')]));
    }
  }
  await setPending(tx, c, { menu: true });
  return spoken(tx, c, menu(deps, c));
}

/** A message was left: kept, and put before the care team for review. */
export async function messageRecorded(tx: Queryable, deps: RuntimeDeps, token: string, recording: { url: string | null; seconds: number | null }): Promise<VoiceTurn> {
  const at = deps.clock.now();
  const c = await loadCall(tx, token, at);
  if (!c) return INVALID;
  if (!recording.url || !recording.seconds) return spoken(tx, c, farewell(language(c), line(c, 'voice.goodbye')));
  const message = await insertCallLine(tx, lineFrom(c, 'inbound', 'voice_answer', `voice message (${recording.seconds} s): ${recording.url}`));
  const explanation = `Left a voice message of ${recording.seconds} seconds`;
  const subject = { practice: c.practice, patient: c.patient, conversationId: null, messageId: message.id };
  await raiseAlert(tx, subject, { level: 'elevated', reason: 'voice_message', explanation, evidence: [{ key: `message:${message.id}`, messageId: message.id, explanation, at }] }, at);
  return spoken(tx, c, farewell(language(c), line(c, 'voice.record_thanks')));
}

/** Twilio's transcription of a message, when it has one: added to the transcript beside the recording. */
export function messageTranscribed(deps: RuntimeDeps, token: string, text: string): Promise<void> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const c = await loadCall(tx, token, at);
    if (!c || !text) return;
    // Twilio may repeat the callback (it answers 204, so it is not answered once): the line is kept once.
    const line = `voice message, transcribed: ${text}`;
    if (!(await hasCallLine(tx, c.patient.id, line))) await insertCallLine(tx, lineFrom(c, 'inbound', 'voice_answer', line));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A check-in call goes out.

/** The patient (or a machine) picked up a check-in call. */
export async function outboundAnswered(tx: Queryable, deps: RuntimeDeps, token: string, answeredBy: string | null): Promise<VoiceTurn> {
  const at = deps.clock.now();
  const c = await loadCall(tx, token, at);
  if (!c?.conversation || c.conversation.status !== 'active') return c ? spoken(tx, c, farewell(language(c), line(c, 'voice.goodbye'))) : INVALID;
  if (answeredBy?.startsWith('machine')) {
    await updateCall(tx, c.call.id, { outcome: 'machine', answeredBy });
    return spoken(tx, c, voicemail(c));
  }
  return spoken(tx, c, ask(deps, c, c.conversation, [line(c, 'voice.check_in_due')]));
}

/** A callback message naming only the practice and its number: nothing about the patient's health. */
const voicemail = (c: CallContext): VoiceTurn => farewell(language(c), line(c, 'voice.voicemail'));

/** The voicemail a machine hears, after the call was redirected to it. */
export async function voicemailTurn(tx: Queryable, deps: RuntimeDeps, token: string): Promise<VoiceTurn> {
  const at = deps.clock.now();
  const c = await loadCall(tx, token, at);
  return c ? spoken(tx, c, voicemail(c)) : INVALID;
}

/**
 * Twilio's answering-machine verdict, while the call goes on: a machine's
 * call is redirected to the callback message (the attempt counts as not answered).
 */
export async function machineDetected(deps: RuntimeDeps, token: string, answeredBy: string): Promise<void> {
  if (!answeredBy.startsWith('machine')) return;
  const at = deps.clock.now();
  const call = await withTransaction(deps.pool, async (tx) => {
    const c = await loadCall(tx, token, at);
    if (!c) return null;
    await updateCall(tx, c.call.id, { outcome: 'machine', answeredBy });
    return c.call;
  });
  if (call?.callSid && !answeredBy.endsWith('_other')) await deps.calls.redirectCall(call.callSid, checkInCallUrls(deps, call.token).voicemail);
}

/** Twilio's status callback for a check-in or incoming call. */
export function callStatus(deps: RuntimeDeps, token: string, report: { status: string; answeredBy: string | null; durationSeconds: number | null }): Promise<void> {
  return callEnded(deps, token, report);
}

// ---------------------------------------------------------------------------------------------------------------
// Answers.

/** An answer to the question asked at `step`: keys, words, or silence. */
export async function answered(tx: Queryable, deps: RuntimeDeps, token: string, step: number, heard: Heard): Promise<VoiceTurn> {
  const at = deps.clock.now();
  const c = await loadCall(tx, token, at);
  if (!c) return INVALID;
  const conversation = c.conversation;
  if (!conversation || conversation.status !== 'active') return spoken(tx, c, farewell(language(c), line(c, 'voice.goodbye')));
  // A repeated or forged request for another question: the current question is asked, nothing changes.
  if (step !== conversation.version) return spoken(tx, c, ask(deps, c, conversation));

  const pending = c.call.pending;
  const said = heard.speech?.trim() || null;
  if (heard.digits || said) {
    const answerLine = await insertCallLine(tx, lineFrom(c, 'inbound', 'voice_answer', heardLine(heard)));
    await noteReply(tx, c.patient.id, at);
    return spoken(tx, c, await understood(tx, deps, c, conversation, pending, heard.digits, said, heard.confidence, answerLine.id));
  }
  // Silence: asked once more, then the check-in ends with no usable answer.
  const silences = (pending.silences ?? 0) + 1;
  if (silences < MAX_SILENCES) {
    await setPending(tx, c, { ...pending, silences });
    return spoken(tx, c, ask(deps, c, conversation, [line(c, 'voice.no_input')]));
  }
  const step2 = advanceFlow(conversation.flow, conversation.snapshot, { type: 'GIVE_UP' }, conversation.flowVersion);
  const recorded = await recordStep(tx, deps, { practice: c.practice, patient: c.patient, conversation, inbound: null, at, speaksNow: false }, step2);
  await assessPatient(tx, { practice: c.practice, patient: c.patient, conversationId: conversation.id, messageId: null }, at, 'answer');
  return spoken(tx, c, farewell(language(c), ...(recorded.says ? spokenOf(recorded.says, c.practice, c.patient) : [])));
}

async function understood(
  tx: Queryable,
  deps: RuntimeDeps,
  c: CallContext,
  conversation: Conversation,
  pending: CallPending,
  digits: string,
  said: string | null,
  confidence: number | null,
  answerId: string,
): Promise<VoiceTurn> {
  if (digits === '*') return ask(deps, c, conversation);
  // "I heard ... If that is right, press 1."
  if (pending.confirm !== undefined) {
    if (digits === '1') {
      const expected = currentQuestion(conversation)?.expects;
      return answer(tx, deps, c, conversation, expected?.kind === 'words' ? pending.confirm : spokenNumbersToDigits(pending.confirm), answerId);
    }
    await setPending(tx, c, {});
    return ask(deps, c, conversation);
  }
  const expects = currentQuestion(conversation)?.expects ?? null;
  // A blood pressure by keypad: the top number, then the bottom one.
  if (!said && expects?.kind === 'blood_pressure') {
    if (pending.top === undefined) {
      await setPending(tx, c, { top: Number(digits) });
      const action = checkInCallUrls(deps, c.call.token).gather(conversation.version, c.call.turns + 1);
      return { language: language(c), say: [line(c, 'voice.bp_bottom')], next: gatherFor(expects, locale(c), action, deps.voice.speechModel) };
    }
    return answer(tx, deps, c, conversation, `${pending.top}/${digits}`, answerId);
  }
  if (said && confidence !== null && confidence < deps.voice.confidenceMin && !detectRedFlag(said)) {
    await setPending(tx, c, { confirm: said });
    const action = checkInCallUrls(deps, c.call.token).gather(conversation.version, c.call.turns + 1);
    return { language: language(c), say: [line(c, 'voice.confirm', { heard: said })], next: { kind: 'gather', action, numDigits: 1, timeoutSeconds: 6 } };
  }
  // "one forty over ninety" is 140 over 90 to the parsers; the patient's own words stay theirs.
  const text = said && expects?.kind !== 'words' ? spokenNumbersToDigits(said) : (said ?? digits);
  return answer(tx, deps, c, conversation, text, answerId);
}

/** The answer: the patient's turn, as a text's would be (turn.ts), said back on the call. */
async function answer(tx: Queryable, deps: RuntimeDeps, c: CallContext, conversation: Conversation, text: string, answerId: string): Promise<VoiceTurn> {
  await setPending(tx, c, {});
  const outcome = await takeTurn(tx, deps, { practice: c.practice, patient: c.patient, conversation, inbound: { id: answerId, body: text }, channel: 'voice', at: c.at });
  // An emergency or a call for help was escalated (the alert's chain has started): offer a nurse on the line now.
  if (outcome.urgent) return offerNurse(tx, deps, c, outcome.urgent, answerId);
  const says = outcome.says.flatMap((said) => spokenOf(said.utterance, c.practice, c.patient));
  const next = outcome.conversation;
  if (!next) return farewell(language(c), ...says);
  c.conversation = next;
  const expects = outcome.says.findLast((said) => said.utterance.expects)?.utterance.expects ?? currentQuestion(next)?.expects;
  if (!expects) return farewell(language(c), ...says);
  return { language: language(c), say: says, next: gatherFor(expects, locale(c), checkInCallUrls(deps, c.call.token).gather(next.version, c.call.turns + 1), deps.voice.speechModel) };
}
