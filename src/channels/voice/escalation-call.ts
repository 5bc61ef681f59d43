import { coordinatorVoice } from '../../../prompts/coordinator.js';
import { lockAlert, type Alert } from '../../store/alerts.js';
import { findCoordinator } from '../../store/coordinators.js';
import { captureBridgedCall } from '../../records/index.js';
import { findAttemptByToken, updateAttempt, type AttemptOutcome, type EscalationAttempt } from '../../store/escalations.js';
import { enqueueJob } from '../../store/job-queue.js';
import { findPatient, type Patient } from '../../store/patients.js';
import { findPractice, type Practice } from '../../store/practices.js';
import { withTransaction, type Queryable } from '../../store/sql.js';
import { acknowledgeLocked } from '../../escalation/index.js';
import { URGENT_PRIORITY } from '../../alerts/index.js';
import type { RuntimeDeps } from '../../runtime.js';
import { escalationUrls, REQUESTED_ROUND } from '../../escalation/index.js';
import { describeReason } from '../../alerts/index.js';
import { farewell, type VoiceTurn } from './turn.js';

/** Silences (or wrong keys) in a row before the call gives up and the chain moves on. */
const MAX_UNHEARD = 2;
const GATHER_SECONDS = 8;
const DIAL_SECONDS = 30;
const FINAL_CALL_STATUSES = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

interface CallContext {
  attempt: EscalationAttempt;
  alert: Alert;
  practice: Practice;
  patient: Patient;
}

/** The attempt a call's URL token names, with its alert locked; null for a token we never issued. */
async function loadCall(tx: Queryable, token: string): Promise<CallContext | null> {
  const attempt = await findAttemptByToken(tx, token);
  if (!attempt || attempt.kind !== 'call') return null;
  const alert = await lockAlert(tx, attempt.alertId);
  if (!alert) return null;
  const [practice, patient] = await Promise.all([findPractice(tx, alert.practiceId), findPatient(tx, alert.patientId)]);
  return practice && patient ? { attempt, alert, practice, patient } : null;
}

const INVALID = farewell('en-US', coordinatorVoice('coordinator.call_invalid'));

/** The alert, read out, and the keys to press. */
function alertMenu(deps: RuntimeDeps, c: CallContext, heard: number, prefix: string[] = []): VoiceTurn {
  const vars = {
    practiceName: c.practice.name,
    patientShortName: `${c.patient.firstName} ${c.patient.lastName.slice(0, 1)}.`,
    reason: describeReason(c.alert.reason),
  };
  return {
    language: 'en-US',
    say: [...prefix, coordinatorVoice('coordinator.call_alert', vars), coordinatorVoice('coordinator.call_options')],
    next: { kind: 'gather', action: escalationUrls(deps, c.attempt.token!).gather(heard), numDigits: 1, timeoutSeconds: GATHER_SECONDS },
  };
}

async function alreadyHandled(tx: Queryable, c: CallContext): Promise<VoiceTurn> {
  const by = c.alert.acknowledgedBy ? await findCoordinator(tx, c.practice.id, c.alert.acknowledgedBy) : null;
  return farewell('en-US', coordinatorVoice('coordinator.call_already_handled', { handledBy: by?.name ?? 'a colleague' }));
}

/**
 * A coordinator's phone was answered. A voicemail (Twilio's answering-machine
 * detection) hears nothing about the patient and the chain moves on when the
 * call ends; a person hears the alert and the keys.
 */
export async function escalationCallAnswered(tx: Queryable, deps: RuntimeDeps, token: string, answeredBy: string | null): Promise<VoiceTurn> {
  const c = await loadCall(tx, token);
  if (!c) return INVALID;
  if (answeredBy?.startsWith('machine') || answeredBy === 'fax') {
    await updateAttempt(tx, c.attempt.id, { answeredBy, outcome: 'voicemail' });
    return farewell('en-US');
  }
  await updateAttempt(tx, c.attempt.id, { answeredBy, status: 'answered' });
  if (c.attempt.round === REQUESTED_ROUND) return connect(deps, tx, c, deps.clock.now());
  if (c.alert.status !== 'open') return alreadyHandled(tx, c);
  return alertMenu(deps, c, 0);
}

/**
 * A key pressed during the call: 1 acknowledges and connects the coordinator
 * to the patient (caller ID: the practice's number), 2 acknowledges, 3 passes
 * the alert to the next person, 9 repeats. Silence or another key repeats,
 * twice at most.
 */
export async function escalationKeyPressed(tx: Queryable, deps: RuntimeDeps, token: string, digits: string, heard: number): Promise<VoiceTurn> {
  const at = deps.clock.now();
  const c = await loadCall(tx, token);
  if (!c) return INVALID;
  if (digits === '1' || digits === '2') {
    if (c.alert.status !== 'open' && c.alert.acknowledgedBy !== c.attempt.coordinatorId) return alreadyHandled(tx, c);
    if (digits === '1') return connect(deps, tx, c, at);
    await acknowledge(tx, c, 'acknowledged', at);
    return farewell('en-US', coordinatorVoice('coordinator.call_acknowledged'));
  }
  if (digits === '3') {
    await endAttempt(tx, c, 'passed', at);
    return farewell('en-US', coordinatorVoice('coordinator.call_passed'));
  }
  if (c.alert.status !== 'open') return alreadyHandled(tx, c);
  if (digits === '9') return alertMenu(deps, c, heard);
  if (heard >= MAX_UNHEARD) {
    await endAttempt(tx, c, 'no_key', at);
    return farewell('en-US', coordinatorVoice('coordinator.call_no_key'));
  }
  const prefix = digits ? [coordinatorVoice('coordinator.call_invalid_key')] : [];
  return alertMenu(deps, c, heard + 1, prefix);
}

/** Acknowledges (if nobody has) and connects the coordinator to the patient, showing the practice's number. */
async function connect(deps: RuntimeDeps, tx: Queryable, c: CallContext, at: Date): Promise<VoiceTurn> {
  await acknowledge(tx, c, 'bridged', at);
  const action = escalationUrls(deps, c.attempt.token!).dial;
  return {
    language: 'en-US',
    say: [coordinatorVoice('coordinator.call_connecting')],
    next: { kind: 'dial', number: c.patient.phone, callerId: c.practice.phoneNumber, action, timeoutSeconds: DIAL_SECONDS },
  };
}

async function acknowledge(tx: Queryable, c: CallContext, outcome: AttemptOutcome, at: Date): Promise<void> {
  await updateAttempt(tx, c.attempt.id, { outcome });
  await acknowledgeLocked(tx, c.alert, { alertId: c.alert.id, coordinatorId: c.attempt.coordinatorId!, via: 'keypress' }, at);
}

/** This attempt is over without an acknowledgement: the next person is called after the practice's wait. */
async function endAttempt(tx: Queryable, c: CallContext, outcome: AttemptOutcome, at: Date): Promise<void> {
  await updateAttempt(tx, c.attempt.id, { outcome });
  if (c.alert.status !== 'open' || c.attempt.round === REQUESTED_ROUND) return;
  const runAt = new Date(at.getTime() + c.practice.escalationWaitSeconds * 1000);
  await enqueueJob(tx, 'escalation.step', { alertId: c.alert.id, step: c.attempt.step + 1 }, { runAt, now: at, priority: URGENT_PRIORITY });
}

/** The bridged call to the patient ended: its length is kept (staff time for the month's record). */
export async function escalationBridgeEnded(tx: Queryable, deps: RuntimeDeps, token: string, result: { status: string; seconds: number | null }): Promise<VoiceTurn> {
  const c = await loadCall(tx, token);
  if (!c) return INVALID;
  await updateAttempt(tx, c.attempt.id, { bridgeSeconds: result.seconds ?? 0 });
  await captureBridgedCall(tx, c.alert, c.attempt.id, c.attempt.coordinatorId!, result.seconds ?? 0, deps.clock.now());
  const reached = result.status === 'completed' || result.status === 'answered';
  return farewell('en-US', coordinatorVoice(reached ? 'coordinator.call_bridge_ended' : 'coordinator.call_patient_no_answer'));
}

/**
 * Twilio reports how a coordinator's call went. When it ended without an
 * acknowledgement (no answer, busy, failed, voicemail, hung up), the next
 * person is called after the practice's wait. Callbacks may repeat or come
 * out of order; the chain's steps run once each.
 */
export function escalationCallStatus(
  deps: RuntimeDeps,
  token: string,
  report: { callSid: string; status: string; answeredBy: string | null },
): Promise<void> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const c = await loadCall(tx, token);
    if (!c) return;
    const final = FINAL_CALL_STATUSES.has(report.status);
    // Twilio's "answered" event reads "in-progress", in any order with the answer URL: an answered call
    // stays answered until it ends, so the chain keeps waiting for the key of a coordinator still listening.
    const answered = c.attempt.status === 'answered' || report.status === 'in-progress';
    await updateAttempt(tx, c.attempt.id, {
      callSid: report.callSid,
      status: !final && answered ? 'answered' : report.status,
      answeredBy: report.answeredBy,
      ...(final ? { endedAt: at } : {}),
    });
    if (!final) return;
    await endAttempt(tx, c, outcomeOf(report.status, c.attempt.answeredBy ?? report.answeredBy), at);
  });
}

function outcomeOf(status: string, answeredBy: string | null): AttemptOutcome {
  if (answeredBy?.startsWith('machine')) return 'voicemail';
  if (status === 'busy') return 'busy';
  if (status === 'no-answer' || status === 'canceled') return 'no_answer';
  if (status === 'failed') return 'failed';
  return 'hung_up';
}
