/**
 * The voice channel: a patient's check-in by phone (calling in, a check-in
 * call out, each answer by keypad or speech, a message left, the bridge to a
 * nurse) and the coordinator's side of an escalation call. Each request is
 * answered once (once.ts): a copy of it gets the first answer as TwiML, and
 * the runtime acts once. The webhooks (src/webhooks/voice) parse and call
 * these; rendering TwiML is theirs.
 */
import type { RuntimeDeps } from '../../runtime.js';
import {
  answered,
  bridgeChosen,
  callStatus,
  incomingCall as incomingCallTurn,
  machineDetected,
  menuPressed,
  messageRecorded,
  messageTranscribed,
  outboundAnswered,
  voicemailTurn,
  whisper,
  whisperKey,
  type Heard,
} from './check-in.js';
import { escalationBridgeEnded as bridgeEnded, escalationCallAnswered as callAnswered, escalationKeyPressed as keyPressed } from './escalation-call.js';
import { answerVoiceOnce, type VoiceRequest } from './once.js';

export type { Heard } from './check-in.js';
export type { VoiceRequest } from './once.js';
export type { VoiceLanguage, VoiceNext, VoiceTurn } from './turn.js';
export { escalationCallStatus } from './escalation-call.js';

type Recording = { url: string | null; seconds: number | null };

// A patient's side of a call.
export const incomingCall = (deps: RuntimeDeps, request: VoiceRequest, call: { callSid: string; from: string; to: string }) =>
  answerVoiceOnce(deps, request, (tx) => incomingCallTurn(tx, deps, call));
export const checkInCallAnswered = (deps: RuntimeDeps, request: VoiceRequest, token: string, answeredBy: string | null) =>
  answerVoiceOnce(deps, request, (tx) => outboundAnswered(tx, deps, token, answeredBy));
export const checkInAnswered = (deps: RuntimeDeps, request: VoiceRequest, token: string, step: number, heard: Heard) =>
  answerVoiceOnce(deps, request, (tx) => answered(tx, deps, token, step, heard));
export const checkInMenuPressed = (deps: RuntimeDeps, request: VoiceRequest, token: string, heard: Heard) =>
  answerVoiceOnce(deps, request, (tx) => menuPressed(tx, deps, token, heard));
/** The answer to the offer of a nurse, or (`dial`) how the dial to the `nurse`-th of the on-call chain ended. */
export const checkInBridge = (deps: RuntimeDeps, request: VoiceRequest, token: string, heard: Heard, dial: { status: string; nurse: number | null } | null) =>
  answerVoiceOnce(deps, request, (tx) => bridgeChosen(tx, deps, token, heard, dial));
/** The nurse's side of that dial: who is calling, then their key (1 takes the call). */
export const nurseWhisper = (deps: RuntimeDeps, request: VoiceRequest, token: string, nurse: number) =>
  answerVoiceOnce(deps, request, (tx) => whisper(tx, deps, token, nurse));
export const nurseWhisperKey = (deps: RuntimeDeps, request: VoiceRequest, token: string, nurse: number, digits: string) =>
  answerVoiceOnce(deps, request, (tx) => whisperKey(tx, deps, token, nurse, digits));
export const voiceMessageRecorded = (deps: RuntimeDeps, request: VoiceRequest, token: string, recording: Recording) =>
  answerVoiceOnce(deps, request, (tx) => messageRecorded(tx, deps, token, recording));
export const checkInVoicemail = (deps: RuntimeDeps, request: VoiceRequest, token: string) => answerVoiceOnce(deps, request, (tx) => voicemailTurn(tx, deps, token));
export { messageTranscribed as voiceMessageTranscribed, machineDetected as checkInMachineDetected, callStatus as checkInCallStatus };

// The coordinator's side of an escalation call.
export const escalationCallAnswered = (deps: RuntimeDeps, request: VoiceRequest, token: string, answeredBy: string | null) =>
  answerVoiceOnce(deps, request, (tx) => callAnswered(tx, deps, token, answeredBy));
export const escalationKeyPressed = (deps: RuntimeDeps, request: VoiceRequest, token: string, digits: string, heard: number) =>
  answerVoiceOnce(deps, request, (tx) => keyPressed(tx, deps, token, digits, heard));
export const escalationBridgeEnded = (deps: RuntimeDeps, request: VoiceRequest, token: string, result: { status: string; seconds: number | null }) =>
  answerVoiceOnce(deps, request, (tx) => bridgeEnded(tx, deps, token, result));

// A candidate's invitation call (enrolment campaigns).
export { invitationCallAnswer, invitationCallKey } from './invitation.js';
export { invitationCallStatus } from '../../enrolment/index.js';
