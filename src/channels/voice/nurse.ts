/**
 * After a red flag said on a call: the emergency advice, the urgent alert
 * (raised by the turn, escalated exactly as a text's is) and the offer of a
 * nurse on the line. "Yes" or 1 dials the on-call chain in its order, each
 * for the chain's ring time; each nurse first hears who is calling and
 * accepts with 1 (a voicemail accepts nothing, so it never ends the search).
 * Silence, "thank you, bye", or nobody reached: the advice is said again,
 * with the truth that the care team was alerted, and the call ends, leaving
 * the line free for 911.
 */
import { coordinatorVoice } from '../../../prompts/coordinator.js';
import { parseChoice, parseYesNo, isPleasantry, type ChoiceOption } from '../../flows/text/index.js';
import { detectRedFlag } from '../../flows/safety/index.js';
import { spokenNumbersToDigits } from '../../flows/text/spoken-numbers.js';
import { findAlert, listAlerts, lockAlert } from '../../store/alerts.js';
import { findCoordinator } from '../../store/coordinators.js';
import { insertCallLine } from '../../store/messages.js';
import type { CallPending } from '../../store/patient-calls.js';
import type { Queryable } from '../../store/sql.js';
import { describeReason, raiseAlert } from '../../alerts/index.js';
import { checkInCallUrls, takeTurn } from '../../conversation/index.js';
import { acknowledgeLocked, escalationRoster, RING_SECONDS } from '../../escalation/index.js';
import type { RuntimeDeps } from '../../runtime.js';
import { heardLine, INVALID, language, line, lineFrom, loadCall, locale, setPending, spoken, type CallContext, type Heard } from './call.js';
import { keyOrWords, NURSE_HINTS } from './speech.js';
import { farewell, type VoiceTurn } from './turn.js';

type Emergency = NonNullable<CallPending['emergency']>;

/** Seconds a nurse has to accept the call with 1 after hearing who is calling. */
const WHISPER_SECONDS = 8;

/** "Nurse", "enfermera", "one": a yes to the offer, besides "yes" and "sí". */
const NURSE: readonly ChoiceOption<'nurse'>[] = [
  { id: 'nurse', number: 1, synonyms: ['nurse', 'a nurse', 'enfermera', 'enfermero', 'connect me', 'comuniqueme', 'talk to a nurse', 'hablar con una enfermera'] },
];

/** The red flag's alert: the one the patient's words raised (or joined), else their newest unresolved urgent one. */
async function emergencyAlert(tx: Queryable, c: CallContext, answerId: string | null) {
  const urgent = await listAlerts(tx, { practiceId: c.practice.id, patientId: c.patient.id, status: 'unresolved', level: 'urgent', limit: 50 });
  return urgent.find((a) => a.messageId === answerId) ?? urgent.at(-1) ?? null;
}

/** Says the emergency advice and offers a nurse on the line now; the turn has raised the alert already. */
export async function offerNurse(tx: Queryable, deps: RuntimeDeps, c: CallContext, emergency: Emergency, answerId: string | null): Promise<VoiceTurn> {
  const alert = await emergencyAlert(tx, c, answerId);
  await setPending(tx, c, { bridgeOffered: true, emergency, ...(alert ? { alertId: alert.id } : {}) });
  const offer = emergency === 'self_harm' ? 'voice.self_harm_offer' : 'voice.red_flag_offer';
  const action = checkInCallUrls(deps, c.call.token).bridge;
  return { language: language(c), say: [line(c, offer)], next: keyOrWords(NURSE_HINTS[locale(c)], action, deps.voice.speechModel) };
}

const wantsNurse = (heard: Heard, said: string | null) =>
  heard.digits === '1' || (said !== null && (parseYesNo(said) === 'yes' || parseChoice(spokenNumbersToDigits(said), NURSE) === 'nurse'));

/**
 * The answer to the offer (keys, words or silence), or, with `dial`, how the
 * dial to the `nurse`-th of the chain ended. Twilio repeating a request gets
 * the first answer (once.ts): nobody is dialed, alerted or told twice.
 */
export async function bridgeChosen(tx: Queryable, deps: RuntimeDeps, token: string, heard: Heard, dial: { status: string; nurse: number | null } | null): Promise<VoiceTurn> {
  const c = await loadCall(tx, token, deps.clock.now());
  if (!c) return INVALID;
  if (dial) return spoken(tx, c, await dialEnded(tx, deps, c, dial));
  const pending = c.call.pending;
  const said = heard.speech?.trim() || null;
  const answer = heard.digits || said ? await insertCallLine(tx, lineFrom(c, 'inbound', 'voice_answer', heardLine(heard))) : null;
  if (!pending.bridgeOffered) return spoken(tx, c, farewell(language(c), line(c, 'voice.goodbye')));
  if (wantsNurse(heard, said)) {
    const nurses = (await escalationRoster(tx, c.practice.id)).map((n) => n.id);
    return spoken(tx, c, await dialNurse(tx, deps, c, { ...pending, nurses }, 0));
  }
  let emergency = pending.emergency ?? 'red_flag';
  // Words beyond "no" or "thanks, bye" are the patient's turn like any text: a new red flag is escalated too.
  const confident = heard.confidence === null || heard.confidence >= deps.voice.confidenceMin;
  if (said && answer && !isPleasantry(said) && parseYesNo(said) !== 'no' && (confident || detectRedFlag(said))) {
    const inbound = { id: answer.id, body: said };
    const outcome = await takeTurn(tx, deps, { practice: c.practice, patient: c.patient, conversation: null, inbound, channel: 'voice', at: c.at });
    if (outcome.urgent === 'self_harm') emergency = 'self_harm';
  }
  return spoken(tx, c, await emergencyGoodbye(tx, c, emergency, []));
}

/** Dials the `index`-th nurse of the chain (one without a phone any more is passed over); none left: the goodbye. */
async function dialNurse(tx: Queryable, deps: RuntimeDeps, c: CallContext, pending: CallPending, index: number): Promise<VoiceTurn> {
  const nurses = pending.nurses ?? [];
  for (let i = index; i < nurses.length; i += 1) {
    const nurse = await findCoordinator(tx, c.practice.id, nurses[i]!);
    if (!nurse?.phone || !nurse.active) continue;
    const { bridgeOffered: _offered, ...rest } = pending;
    await setPending(tx, c, rest);
    const urls = checkInCallUrls(deps, c.call.token);
    return {
      language: language(c),
      say: [line(c, index === 0 ? 'voice.connecting' : 'voice.still_connecting')],
      next: { kind: 'dial', number: nurse.phone, callerId: c.practice.phoneNumber, action: urls.bridgeDialed(i), timeoutSeconds: RING_SECONDS, whisper: urls.whisper(i) },
    };
  }
  return emergencyGoodbye(tx, c, pending.emergency ?? 'red_flag', [line(c, 'voice.nurse_unreached')]);
}

/** A dial ended: after a conversation with the nurse, goodbye; otherwise the next nurse of the chain, or the goodbye. */
async function dialEnded(tx: Queryable, deps: RuntimeDeps, c: CallContext, dial: { status: string; nurse: number | null }): Promise<VoiceTurn> {
  const pending = c.call.pending;
  if (pending.accepted) return farewell(language(c), line(c, 'voice.goodbye'));
  // A dial placed before the chain was dialed in turn (a call in flight across a deploy): answered is reached.
  if (!pending.nurses || dial.nurse === null) {
    if (dial.status === 'completed' || dial.status === 'answered') return farewell(language(c), line(c, 'voice.goodbye'));
    return emergencyGoodbye(tx, c, pending.emergency ?? 'red_flag', [line(c, 'voice.nurse_unreached')]);
  }
  return dialNurse(tx, deps, c, pending, dial.nurse + 1);
}

/** The last words after a red flag: what they said, the advice again, and that the care team was alerted. */
async function emergencyGoodbye(tx: Queryable, c: CallContext, emergency: Emergency, intro: string[]): Promise<VoiceTurn> {
  await ensureAlerted(tx, c);
  await setPending(tx, c, {});
  const advice = emergency === 'self_harm' ? 'voice.self_harm_advice' : 'voice.emergency_advice';
  return farewell(language(c), ...intro, line(c, advice), line(c, 'voice.team_alerted'));
}

/**
 * "Your care team has been alerted" must be true: the offer's alert exists
 * (in whatever state a nurse has put it). Should none be found, one is
 * raised now, urgent, so the chain rings someone.
 */
async function ensureAlerted(tx: Queryable, c: CallContext): Promise<void> {
  const id = c.call.pending.alertId;
  if (id && (await findAlert(tx, id))) return;
  if (await emergencyAlert(tx, c, null)) return;
  const explanation = 'Reported an emergency on a call and asked for a nurse';
  const evidence = [{ key: `call:${c.call.id}`, explanation, at: c.at }];
  await raiseAlert(tx, { practice: c.practice, patient: c.patient, conversationId: null, messageId: null }, { level: 'urgent', reason: 'distress', explanation, evidence }, c.at);
}

/** The nurse answered the dial: who is calling, and 1 to take the call. Said to the nurse, kept out of the patient's transcript. */
export async function whisper(tx: Queryable, deps: RuntimeDeps, token: string, nurse: number): Promise<VoiceTurn> {
  const c = await loadCall(tx, token, deps.clock.now());
  if (!c?.call.pending.nurses?.[nurse] || c.call.pending.accepted) return farewell('en-US');
  const alert = c.call.pending.alertId ? await findAlert(tx, c.call.pending.alertId) : null;
  const vars = {
    practiceName: c.practice.name,
    patientShortName: `${c.patient.firstName} ${c.patient.lastName.slice(0, 1)}.`,
    reason: alert ? describeReason(alert.reason) : 'an emergency',
  };
  const action = checkInCallUrls(deps, c.call.token).whisperKey(nurse);
  return { language: 'en-US', say: [coordinatorVoice('coordinator.bridge_whisper', vars)], next: { kind: 'gather', action, numDigits: 1, timeoutSeconds: WHISPER_SECONDS } };
}

/** The nurse's key: 1 takes the call (and acknowledges the alert, which stops the chain); anything else, the next nurse. */
export async function whisperKey(tx: Queryable, deps: RuntimeDeps, token: string, nurse: number, digits: string): Promise<VoiceTurn> {
  const c = await loadCall(tx, token, deps.clock.now());
  const coordinatorId = c?.call.pending.nurses?.[nurse];
  if (!c || !coordinatorId || c.call.pending.accepted) return farewell('en-US');
  if (digits !== '1') return farewell('en-US', coordinatorVoice('coordinator.call_no_key'));
  await setPending(tx, c, { ...c.call.pending, accepted: coordinatorId });
  const alert = c.call.pending.alertId ? await lockAlert(tx, c.call.pending.alertId) : null;
  if (alert?.status === 'open') await acknowledgeLocked(tx, alert, { alertId: alert.id, coordinatorId, via: 'keypress' }, c.at);
  return { language: 'en-US', say: [coordinatorVoice('coordinator.bridge_connecting')], next: { kind: 'connect' } };
}
