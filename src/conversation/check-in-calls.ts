/**
 * Calls that hold a check-in: queued with the conversation, placed by the
 * 'voice.call' job (outside any transaction: Twilio is slow) exactly once
 * even across crashes and lost answers, tried again when nobody answers, at
 * most a few times a day and never in quiet hours.
 */
import { DateTime } from 'luxon';
import { findConversation, lockConversation } from '../store/conversations.js';
import { enqueueJob } from '../store/job-queue.js';
import { recordEvent } from '../store/patient-events.js';
import {
  claimCallAgain,
  claimCallForPlacing,
  findCall,
  insertCall,
  lockCallByToken,
  queueFirstCalls,
  recordCallSid,
  renewPlacingClaim,
  updateCall,
  type PatientCall,
} from '../store/patient-calls.js';
import { findPatient, lockPatient, type Patient } from '../store/patients.js';
import { findPractice, type Practice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { inQuietHours } from '../planning/index.js';
import type { RuntimeDeps } from '../runtime.js';
import { timeOut } from './timeout.js';
import { PLACING_MS, placeClaimedCall, settleUncertainCall } from '../messaging/index.js';

/** How long a check-in call rings. */
const RING_SECONDS = 30;

export const checkInCallUrls = (deps: Pick<RuntimeDeps, 'publicUrl'>, token: string) => {
  const base = `${deps.publicUrl}/webhooks/twilio/voice/check-in`;
  return {
    answer: `${base}/answer?token=${token}`,
    /**
     * `step` is the conversation's version when the question was asked: a stale or forged step changes
     * nothing. `turn` numbers the call's turns, so the same answer twice (two silences) is two requests.
     */
    gather: (step: number, turn: number) => `${base}/gather?token=${token}&step=${step}&turn=${turn}`,
    menu: `${base}/menu?token=${token}`,
    bridge: `${base}/bridge?token=${token}`,
    /** The dial to the `nurse`-th coordinator of the on-call chain ended; first the coordinator hears the whisper. */
    bridgeDialed: (nurse: number) => `${base}/bridge?token=${token}&dialed=1&nurse=${nurse}`,
    whisper: (nurse: number) => `${base}/whisper?token=${token}&nurse=${nurse}`,
    whisperKey: (nurse: number) => `${base}/whisper/key?token=${token}&nurse=${nurse}`,
    recording: `${base}/recording?token=${token}`,
    transcription: `${base}/transcription?token=${token}`,
    voicemail: `${base}/voicemail?token=${token}`,
    amd: `${base}/amd?token=${token}`,
    status: `${base}/status?token=${token}`,
  };
};

/**
 * Queues the first call of each of these check-ins (a slot's patients who take
 * calls, in one statement); the wait for their answers starts now, so an
 * unanswered check-in ends. Returns the calls in order.
 */
export function queueCheckInCalls(
  tx: Queryable,
  deps: RuntimeDeps,
  practice: Practice,
  checkIns: ReadonlyArray<{ patientId: string; conversationId: string }>,
  at: Date,
): Promise<PatientCall[]> {
  return queueFirstCalls(tx, practice.id, checkIns, at, deps.conversationTimeoutMs);
}

/** Queues a call for the conversation; the wait for its answers starts now, so an unanswered check-in ends. */
export async function queueCheckInCall(tx: Queryable, deps: RuntimeDeps, practice: Practice, patient: Patient, conversationId: string, at: Date): Promise<PatientCall> {
  const [call] = await queueCheckInCalls(tx, deps, practice, [{ patientId: patient.id, conversationId }], at);
  return call!;
}

/**
 * The 'voice.call' job: places the call once, unless its check-in is over.
 * The call is claimed (status 'placing', with when) before Twilio is asked,
 * so a run after a crash or a lost answer knows Twilio may have it, and
 * looks for it there rather than ringing the patient a second time.
 */
export async function placeCheckInCall(deps: RuntimeDeps, callId: string): Promise<void> {
  const call = await findCall(deps.pool, callId);
  if (!call || call.callSid || !call.conversationId || !call.patientId) return;
  if (call.status !== 'queued' && call.status !== 'placing') return;
  const callee = await loadCallee(deps, call);
  if (call.status === 'placing') return settleCheckInCall(deps, call, callee);
  if (!callee?.wanted) return cancelCall(deps, call);
  const claimed = await claimCallForPlacing(deps.pool, call.id, deps.clock.now());
  if (claimed) await ringPatient(deps, claimed, callee);
}

interface Callee {
  patient: Patient;
  practice: Practice;
  /** The check-in still waits for this call: active, and the patient has not opted out. */
  wanted: boolean;
}

async function loadCallee(deps: RuntimeDeps, call: PatientCall): Promise<Callee | null> {
  const [conversation, patient, practice] = await Promise.all([
    findConversation(deps.pool, call.conversationId!),
    findPatient(deps.pool, call.patientId!),
    findPractice(deps.pool, call.practiceId),
  ]);
  if (!patient || !practice) return null;
  return { patient, practice, wanted: conversation?.status === 'active' && !patient.smsOptedOutAt };
}

const cancelCall = (deps: RuntimeDeps, call: PatientCall) =>
  updateCall(deps.pool, call.id, { status: 'canceled', outcome: 'not needed', endedAt: deps.clock.now() });

/** Asks Twilio to ring the patient for a call this worker has claimed, and records what came of it. */
async function ringPatient(deps: RuntimeDeps, call: PatientCall, { patient, practice }: Callee): Promise<void> {
  const urls = checkInCallUrls(deps, call.token);
  const heldSince = new Date(call.placingAt!);
  const result = await placeClaimedCall(
    deps,
    {
      to: patient.phone,
      from: practice.phoneNumber,
      url: urls.answer,
      statusCallback: urls.status,
      machineDetection: 'DetectMessageEnd',
      asyncAmdStatusCallback: urls.amd,
      ringSeconds: RING_SECONDS,
    },
    () => renewPlacingClaim(deps.pool, call.id, heldSince, deps.clock.now()),
  );
  const log = { callId: call.id, attempt: call.placingAttempts };
  switch (result.outcome) {
    case 'placed':
      await recordCallSid(deps.pool, call.id, { callSid: result.call.sid, status: result.call.status });
      return;
    case 'taken over':
      deps.logger.info(log, 'check-in call taken over by a retry while it waited its turn; not placed here');
      return;
    case 'uncertain': {
      // Twilio may be ringing the patient: the call stays 'placing', and is looked for at Twilio before any second try.
      const { failure, code } = result.error;
      deps.logger.warn({ ...log, failure, code }, 'check-in call: Twilio\'s answer lost; looking for the call before trying again');
      const now = deps.clock.now();
      await enqueueJob(deps.pool, 'voice.call', { callId: call.id }, { runAt: new Date(now.getTime() + PLACING_MS), now });
      return;
    }
    case 'failed':
      deps.logger.warn({ ...log, failure: result.error.failure, code: result.error.code }, 'check-in call failed');
      await callEnded(deps, call.token, { status: 'failed', answeredBy: null, durationSeconds: null });
  }
}

/**
 * A call claimed for placing and never recorded (the process died, or
 * Twilio's answer was lost): recorded from Twilio's call list if Twilio has
 * it; otherwise placed again if its check-in still wants it, or ended.
 */
async function settleCheckInCall(deps: RuntimeDeps, call: PatientCall, callee: Callee | null): Promise<void> {
  if (!callee) return cancelCall(deps, call);
  const placingSince = new Date(call.placingAt!);
  const settled = await settleUncertainCall(deps, {
    to: callee.patient.phone,
    from: callee.practice.phoneNumber,
    placingSince,
    attempts: call.placingAttempts,
    adopt: (tx, found) => recordCallSid(tx, call.id, { callSid: found.sid, status: found.status }),
  });
  const log = { callId: call.id, attempt: call.placingAttempts };
  const now = deps.clock.now();
  switch (settled.next) {
    case 'wait':
      await enqueueJob(deps.pool, 'voice.call', { callId: call.id }, { runAt: settled.until, now });
      return;
    case 'settled':
      return;
    case 'found':
      deps.logger.info({ ...log, callSid: settled.call.sid }, 'uncertain check-in call settled: Twilio has the call');
      // Over already, and its status callback never came (the service was down): it ends here, as the callback would have.
      if (FINAL.has(settled.call.status)) await callEnded(deps, call.token, { status: settled.call.status, answeredBy: null, durationSeconds: null });
      return;
    case 'give up':
      deps.logger.warn(log, 'uncertain check-in call: Twilio never got it, and it is too late to place it again');
      await callEnded(deps, call.token, { status: 'failed', answeredBy: null, durationSeconds: null });
      return;
    case 'place again':
      break;
  }
  if (!callee.wanted) return cancelCall(deps, call);
  const again = await claimCallAgain(deps.pool, call.id, placingSince, now);
  if (!again) {
    // Another worker took it over; should it die too, this look comes round again.
    await enqueueJob(deps.pool, 'voice.call', { callId: call.id }, { runAt: new Date(now.getTime() + PLACING_MS), now });
    return;
  }
  deps.logger.warn(log, 'uncertain check-in call: Twilio never got it; placing it again');
  await ringPatient(deps, again, callee);
}

const FINAL = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/**
 * How a check-in call ended (Twilio's status callback). Reached: done. Busy,
 * no answer, failed, or a machine: tried again later today, at least the
 * retry spacing apart and outside quiet hours, up to the attempts allowed;
 * then the check-in ends as unanswered (it counts towards unreachable).
 */
export async function callEnded(
  deps: RuntimeDeps,
  token: string,
  report: { status: string; answeredBy: string | null; durationSeconds: number | null },
): Promise<void> {
  const at = deps.clock.now();
  await withTransaction(deps.pool, async (tx) => {
    const call = await lockCallByToken(tx, token);
    if (!call || call.endedAt) return;
    const final = FINAL.has(report.status);
    const machine = Boolean(report.answeredBy?.startsWith('machine')) || call.outcome === 'machine';
    await updateCall(tx, call.id, {
      status: report.status,
      answeredBy: report.answeredBy,
      durationSeconds: report.durationSeconds,
      ...(final ? { endedAt: at, outcome: call.outcome ?? (machine ? 'machine' : report.status === 'completed' ? 'answered' : report.status) } : {}),
    });
    if (!final || !call.patientId) return;
    const outcome = call.outcome ?? (machine ? 'machine' : report.status === 'completed' ? 'answered' : report.status);
    await recordEvent(tx, {
      practiceId: call.practiceId,
      patientId: call.patientId,
      conversationId: call.conversationId,
      type: 'call.ended',
      detail: { direction: call.direction, outcome, durationSeconds: report.durationSeconds, attempt: call.attempt },
      at,
    });
    if (call.direction !== 'outbound' || !call.conversationId || outcome === 'answered') return;
    await tryAgainOrGiveUp(tx, deps, call, at);
  });
}

async function tryAgainOrGiveUp(tx: Queryable, deps: RuntimeDeps, call: PatientCall, at: Date): Promise<void> {
  const patient = await lockPatient(tx, call.patientId!);
  const conversation = await lockConversation(tx, call.conversationId!);
  const practice = await findPractice(tx, call.practiceId);
  if (!patient || !practice || conversation?.status !== 'active') return;
  const next = new Date(at.getTime() + deps.voice.retryMs);
  const zone = patient.timezone ?? practice.timezone;
  const local = DateTime.fromJSDate(next, { zone });
  const sameDay = local.toISODate() === DateTime.fromJSDate(at, { zone }).toISODate();
  const allowed = sameDay && !inQuietHours(local.toFormat('HH:mm'), practice.quietHours);
  if (call.attempt < deps.voice.attempts && allowed) {
    const again = await insertCall(tx, { practiceId: practice.id, patientId: patient.id, conversationId: conversation.id, direction: 'outbound', attempt: call.attempt + 1, status: 'queued', at });
    await enqueueJob(tx, 'voice.call', { callId: again.id }, { runAt: next, now: at });
    return;
  }
  // Nobody reached today: the check-in is a non-response, like an unanswered text.
  await timeOut(tx, deps, { practice, patient, conversation, at });
}
