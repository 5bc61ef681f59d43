import type { BotDeps } from './deps.js';
import { handleInboundSms, type InboundResult, type InboundSms } from './inbound.js';
import { handleStatusCallback, type StatusCallback, type StatusOutcome } from './status-callback.js';
import { startCheckIn, type CheckInRequest, type CheckInStarted } from './check-in.js';
import { deliverMessage, type DeliveryPolicy } from './delivery.js';
import { expireConversation } from './timeout.js';
import { runEscalationStep } from './escalation.js';
import { escalationBridgeEnded, escalationCallAnswered, escalationCallStatus, escalationKeyPressed } from './escalation-call.js';
import { acknowledgeAlertBy, resolveAlertBy, type AlertAction } from './alert-actions.js';
import { checkReviewDeadline } from './review-deadline.js';
import { scheduleAllDigests, sendDigest } from './digest.js';
import { dispatchDue } from './outreach-dispatch.js';
import { runPlanJob, scheduleAllPlans } from './outreach-plan.js';
import { placeCheckInCall } from './voice-calls.js';
import { cancelCheckIn } from './cancel-check-in.js';
import { callPatientAbout } from './call-patient.js';
import type { AuditEntry } from '../store/audit.js';
import type { Conversation } from '../store/conversations.js';
import {
  answered,
  bridgeChosen,
  callStatus,
  incomingCall,
  machineDetected,
  menuPressed,
  messageRecorded,
  messageTranscribed,
  outboundAnswered,
  voicemailTurn,
  type Heard,
} from './voice-check-in.js';
import type { Alert } from '../store/alerts.js';
import { answerVoiceOnce, type VoiceRequest, type VoiceStep } from './voice-once.js';
import { replayRules, type ReplayResult } from './triage-replay.js';
import type { Practice } from '../store/practices.js';
import type { RuleSet } from '../triage/index.js';

/** The conversation runtime, as the webhooks, the API and the jobs see it. */
export interface Bot {
  handleInboundSms(sms: InboundSms): Promise<InboundResult>;
  handleStatusCallback(callback: StatusCallback): Promise<StatusOutcome>;
  startCheckIn(request: CheckInRequest): Promise<CheckInStarted>;
  deliverMessage(messageId: string, policy: DeliveryPolicy): Promise<void>;
  expireConversation(job: { conversationId: string; version: number }): Promise<boolean>;
  /** Alerts: the escalation chain, the coordinators' call, and what coordinators do. */
  runEscalationStep(job: { alertId: string; step: number }): Promise<void>;
  /** Calls' turns answer `request` with its TwiML, once: a copy of the request gets the first answer (voice-once.ts). */
  escalationCallAnswered(request: VoiceRequest, token: string, answeredBy: string | null): Promise<string>;
  escalationKeyPressed(request: VoiceRequest, token: string, digits: string, heard: number): Promise<string>;
  escalationBridgeEnded(request: VoiceRequest, token: string, result: { status: string; seconds: number | null }): Promise<string>;
  escalationCallStatus(token: string, report: { callSid: string; status: string; answeredBy: string | null }): Promise<void>;
  acknowledgeAlert(action: AlertAction): Promise<Alert | null>;
  resolveAlert(action: AlertAction & { note: string }): Promise<Alert | null>;
  checkReviewDeadline(alertId: string): Promise<void>;
  /** What a proposed rule set would do to a practice's panel; reads only. */
  replayRules(practice: Practice, rules: RuleSet): Promise<ReplayResult>;
  /** The morning digest. */
  sendDigest(job: { practiceId: string; date: string }): Promise<void>;
  /** At start: the digests and the nightly outreach planning of every practice. */
  scheduleRecurring(): Promise<void>;
  /** Outreach: planning it, and starting what is due. */
  planOutreach(job: { practiceId: string; patientId?: string; replan?: boolean }): Promise<void>;
  dispatchOutreach(job: { practiceId: string }): Promise<number>;
  /** Check-ins by phone: calls in and out, and each answer (answered once per request, as above). */
  incomingCall(request: VoiceRequest, call: { callSid: string; from: string; to: string }): Promise<string>;
  placeCheckInCall(job: { callId: string }): Promise<void>;
  checkInCallAnswered(request: VoiceRequest, token: string, answeredBy: string | null): Promise<string>;
  checkInAnswered(request: VoiceRequest, token: string, step: number, heard: Heard): Promise<string>;
  checkInMenuPressed(request: VoiceRequest, token: string, digits: string): Promise<string>;
  checkInBridge(request: VoiceRequest, token: string, digits: string, dialStatus: string | null): Promise<string>;
  voiceMessageRecorded(request: VoiceRequest, token: string, recording: { url: string | null; seconds: number | null }): Promise<string>;
  voiceMessageTranscribed(token: string, text: string): Promise<void>;
  checkInVoicemail(request: VoiceRequest, token: string): Promise<string>;
  checkInMachineDetected(token: string, answeredBy: string): Promise<void>;
  checkInCallStatus(token: string, report: { status: string; answeredBy: string | null; durationSeconds: number | null }): Promise<void>;
  /** Staff cancel an open check-in. */
  cancelCheckIn(conversationId: string, audit: AuditEntry): Promise<Conversation>;
  /** Rings a coordinator's phone and connects them to the alert's patient. */
  callPatientAbout(alertId: string, coordinatorId: string): Promise<void>;
}

export function createBot(deps: BotDeps): Bot {
  const once = (request: VoiceRequest, step: VoiceStep) => answerVoiceOnce(deps, request, step);
  return {
    handleInboundSms: (sms) => handleInboundSms(deps, sms),
    handleStatusCallback: (callback) => handleStatusCallback(deps, callback),
    startCheckIn: (request) => startCheckIn(deps, request),
    deliverMessage: (messageId, policy) => deliverMessage(deps, messageId, policy),
    expireConversation: (job) => expireConversation(deps, job),
    runEscalationStep: (job) => runEscalationStep(deps, job),
    escalationCallAnswered: (request, token, answeredBy) => once(request, (tx) => escalationCallAnswered(tx, deps, token, answeredBy)),
    escalationKeyPressed: (request, token, digits, heard) => once(request, (tx) => escalationKeyPressed(tx, deps, token, digits, heard)),
    escalationBridgeEnded: (request, token, result) => once(request, (tx) => escalationBridgeEnded(tx, deps, token, result)),
    escalationCallStatus: (token, report) => escalationCallStatus(deps, token, report),
    acknowledgeAlert: (action) => acknowledgeAlertBy(deps, action),
    resolveAlert: (action) => resolveAlertBy(deps, action),
    checkReviewDeadline: (alertId) => checkReviewDeadline(deps, alertId),
    replayRules: (practice, rules) => replayRules(deps, practice, rules),
    sendDigest: (job) => sendDigest(deps, job),
    scheduleRecurring: async () => {
      await scheduleAllDigests(deps);
      await scheduleAllPlans(deps.pool, deps.clock.now());
    },
    planOutreach: (job) => runPlanJob(deps.pool, deps.clock.now(), job),
    dispatchOutreach: (job) => dispatchDue(deps, job.practiceId),
    incomingCall: (request, call) => once(request, (tx) => incomingCall(tx, deps, call)),
    placeCheckInCall: (job) => placeCheckInCall(deps, job.callId),
    checkInCallAnswered: (request, token, answeredBy) => once(request, (tx) => outboundAnswered(tx, deps, token, answeredBy)),
    checkInAnswered: (request, token, step, heard) => once(request, (tx) => answered(tx, deps, token, step, heard)),
    checkInMenuPressed: (request, token, digits) => once(request, (tx) => menuPressed(tx, deps, token, digits)),
    checkInBridge: (request, token, digits, dialStatus) => once(request, (tx) => bridgeChosen(tx, deps, token, digits, dialStatus)),
    voiceMessageRecorded: (request, token, recording) => once(request, (tx) => messageRecorded(tx, deps, token, recording)),
    voiceMessageTranscribed: (token, text) => messageTranscribed(deps, token, text),
    checkInVoicemail: (request, token) => once(request, (tx) => voicemailTurn(tx, deps, token)),
    checkInMachineDetected: (token, answeredBy) => machineDetected(deps, token, answeredBy),
    checkInCallStatus: (token, report) => callStatus(deps, token, report),
    cancelCheckIn: (conversationId, audit) => cancelCheckIn(deps, conversationId, audit),
    callPatientAbout: (alertId, coordinatorId) => callPatientAbout(deps, alertId, coordinatorId),
  };
}

export type { BotDeps } from './deps.js';
export type { InboundSms, InboundResult } from './inbound.js';
export type { StatusCallback, StatusOutcome } from './status-callback.js';
export type { CheckInRequest, CheckInStarted } from './check-in.js';
export type { DeliveryPolicy, DeliveryTarget } from './delivery.js';
export type { VoiceLanguage, VoiceTurn, VoiceNext } from './voice-turn.js';
export type { VoiceRequest } from './voice-once.js';
export type { AlertAction } from './alert-actions.js';
export { createTwilioTransport, simulatedTransport, type SmsTransport } from './transport.js';
export { createTwilioCalls, simulatedCalls, type CallTransport } from './calls.js';
