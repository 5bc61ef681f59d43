import { randomBytes } from 'node:crypto';
import { coordinatorSms } from '../../prompts/coordinator.js';
import { formatForReading } from '../phone.js';
import { claimEscalation, lockAlert, type Alert } from '../store/alerts.js';
import { findCoordinator, listCoordinators, listOnCall, type Coordinator } from '../store/coordinators.js';
import {
  claimStep,
  findAttempt,
  listCallsWithoutSid,
  markPlacing,
  recordPlacedCall,
  updateAttempt,
  type EscalationAttempt,
} from '../store/escalations.js';
import { knownCallSids } from '../store/call-sids.js';
import { enqueueJob } from '../store/job-queue.js';
import { recordEvent } from '../store/patient-events.js';
import { findPatient, type Patient } from '../store/patients.js';
import { findPractice, type Practice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { URGENT_PRIORITY } from '../alerts/index.js';
import { CALL_CLOCK_SKEW_MS, type FoundCall } from '../transport/index.js';
import type { RuntimeDeps } from '../runtime.js';
import { describeReason } from '../alerts/index.js';
import { queueOutreach } from '../messaging/index.js';
import { TransportError } from '../transport/index.js';

/** The roster is called twice before everyone is texted. */
export const ESCALATION_ROUNDS = 2;
/** How long each coordinator's phone rings. */
export const RING_SECONDS = 30;
/**
 * Calls a coordinator asks for from the app ("call the patient") are attempts
 * of round 0, from step 1000 on: they ring the coordinator and connect them to
 * the patient, and never move the escalation chain.
 */
export const REQUESTED_ROUND = 0;
export const FIRST_REQUESTED_STEP = 1000;
/** A call answered with no key pressed: how often to look again, and for how long at most (a lost status callback). */
const ANSWERED_RECHECK_MS = 30_000;
const ANSWERED_LIMIT_MS = 10 * 60_000;
/** After the ring time and the wait, the next step runs even if Twilio never reports how the call ended. */
const CALLBACK_GRACE_MS = 15_000;
/** How long placing a call may take (pacing, then Twilio's 10 s timeout): a claim older than this without a call was cut short. */
const PLACING_MS = 15_000;
/** Twilio's call list could not be read: how soon to ask again. */
const LOOKUP_RETRY_MS = 5_000;
/**
 * How long after the placing time Twilio's call list may keep failing before
 * the call is placed without knowing (about six lookups). The coordinator
 * must hear of an urgent alert: a possible second ring is better than a call
 * held back for as long as Twilio's API is unwell. Counted in time, not in
 * failures, because the time without a ring is what matters, and it needs
 * nothing kept between tries.
 */
const LOOKUP_GIVE_UP_MS = 30_000;

/**
 * Who is called about urgent alerts: the on-call coordinators in order, or every active one when nobody is on call.
 * A patient who asks for a nurse on a call is put through to them in the same order (src/channels/voice/nurse.ts).
 */
export async function escalationRoster(db: Queryable, practiceId: string): Promise<Coordinator[]> {
  const onCall = await listOnCall(db, practiceId);
  return onCall.length > 0 ? onCall : (await listCoordinators(db, practiceId)).filter((c) => c.active);
}

/** The values of a coordinator's text about a patient. */
export function alertTextVars(practice: Practice, patient: Patient, alert: Alert) {
  return {
    practiceName: practice.name,
    patientName: `${patient.firstName} ${patient.lastName}`,
    patientPhone: formatForReading(patient.phone),
    reason: describeReason(alert.reason),
    alertId: alert.id.slice(0, 8),
  };
}

export const escalationUrls = (deps: Pick<RuntimeDeps, 'publicUrl'>, token: string) => {
  const base = `${deps.publicUrl}/webhooks/twilio/voice/escalation`;
  return {
    answer: `${base}?token=${token}`,
    gather: (heard: number) => `${base}/gather?token=${token}&heard=${heard}`,
    dial: `${base}/dial?token=${token}`,
    status: `${base}/status?token=${token}`,
  };
};

export interface CallToPlace {
  attempt: EscalationAttempt;
  coordinator: Coordinator;
  practice: Practice;
  /** An earlier run claimed it and died before recording the call: Twilio may have it already. */
  placedBefore: boolean;
}

/**
 * Runs step `step` of an urgent alert's escalation, once however often the
 * job runs: steps 0 .. 2n-1 call the n coordinators of the roster in turn,
 * twice round, each call followed by the text; step 2n texts every active
 * coordinator and the practice's contact number that nobody acknowledged.
 * An acknowledged or resolved alert stops the chain. The call itself is
 * placed after the transaction commits.
 */
export async function runEscalationStep(deps: RuntimeDeps, job: { alertId: string; step: number }): Promise<void> {
  const at = deps.clock.now();
  const call = await withTransaction(deps.pool, async (tx) => {
    const alert = await lockAlert(tx, job.alertId);
    if (!alert || alert.status !== 'open') return null;
    if (await stillOnThePhone(tx, job, at)) return null;
    const [practice, patient] = await Promise.all([findPractice(tx, alert.practiceId), findPatient(tx, alert.patientId)]);
    if (!practice || !patient) return null;
    const roster = await escalationRoster(tx, practice.id);
    if (job.step === 0) await startEscalation(deps, tx, alert, patient, roster, at);
    const calls = roster.length * ESCALATION_ROUNDS;
    if (job.step < calls) return claimCall(deps, tx, { alert, practice, patient, roster, step: job.step, at });
    if (job.step === calls) await textEveryone(tx, { alert, practice, patient, step: job.step, at });
    return null;
  });
  if (call) await placeCall(deps, call);
}

/** The previous call was answered and nobody has pressed a key yet: wait for them rather than ring the next person. */
async function stillOnThePhone(tx: Queryable, job: { alertId: string; step: number }, at: Date): Promise<boolean> {
  if (job.step === 0) return false;
  const previous = await findAttempt(tx, job.alertId, job.step - 1);
  // Answered, not yet ended, and no outcome decided (a key, or giving up on silence, ends it from our side).
  const answered = previous?.kind === 'call' && previous.status === 'answered' && !previous.endedAt && !previous.outcome;
  if (!answered || at.getTime() - Date.parse(previous.startedAt) > ANSWERED_LIMIT_MS) return false;
  await enqueueJob(tx, 'escalation.step', job, { runAt: new Date(at.getTime() + ANSWERED_RECHECK_MS), now: at, priority: URGENT_PRIORITY });
  return true;
}

async function startEscalation(deps: RuntimeDeps, tx: Queryable, alert: Alert, patient: Patient, roster: Coordinator[], at: Date) {
  if (!(await claimEscalation(tx, alert.id, at))) return;
  await recordEvent(tx, {
    practiceId: alert.practiceId,
    patientId: patient.id,
    conversationId: alert.conversationId,
    type: roster.length > 0 ? 'alert.escalated' : 'alert.unrouted',
    detail: { alertId: alert.id, coordinators: roster.map((c) => c.id) },
    at,
  });
  if (roster.length === 0) {
    deps.logger.error({ alertId: alert.id, practiceId: alert.practiceId }, 'urgent alert: the practice has no coordinator to call');
  }
}

interface StepContext {
  alert: Alert;
  practice: Practice;
  patient: Patient;
  step: number;
  at: Date;
}

async function claimCall(deps: RuntimeDeps, tx: Queryable, c: StepContext & { roster: Coordinator[] }): Promise<CallToPlace | null> {
  const coordinator = c.roster[c.step % c.roster.length]!;
  const round = Math.floor(c.step / c.roster.length) + 1;
  const existing = await findAttempt(tx, c.alert.id, c.step);
  if (existing) return unplacedCall(tx, existing, c);
  const token = randomBytes(24).toString('base64url');
  const attempt = await claimStep(tx, {
    alertId: c.alert.id,
    step: c.step,
    round,
    coordinatorId: coordinator.id,
    kind: 'call',
    token,
    status: 'queued',
    startedAt: c.at,
  });
  if (!attempt) return null;
  const body = coordinatorSms('coordinator.urgent_alert', alertTextVars(c.practice, c.patient, c.alert));
  await queueOutreach(tx, { practice: c.practice, patient: c.patient, kind: 'alert', body, coordinator, at: c.at, about: { alertId: c.alert.id } }, URGENT_PRIORITY);
  // If Twilio never says how the call ended, the chain still moves on.
  const fallback = new Date(c.at.getTime() + RING_SECONDS * 1000 + c.practice.escalationWaitSeconds * 1000 + CALLBACK_GRACE_MS);
  await enqueueJob(tx, 'escalation.step', { alertId: c.alert.id, step: c.step + 1 }, { runAt: fallback, now: c.at, priority: URGENT_PRIORITY });
  return { attempt, coordinator, practice: c.practice, placedBefore: false };
}

/**
 * The step ran before: its call is placed (or being placed), unless the
 * process placing it died first. A call still without a Twilio id after the
 * placing time is settled by placeCall, outside this transaction: from
 * Twilio's call list when it may have reached Twilio, at once when it never
 * left the queue.
 */
async function unplacedCall(tx: Queryable, attempt: EscalationAttempt, c: StepContext): Promise<CallToPlace | null> {
  if (attempt.kind !== 'call' || attempt.callSid || !attempt.coordinatorId) return null;
  if (attempt.status !== 'queued' && attempt.status !== 'placing') return null;
  const settleAt = Date.parse(attempt.startedAt) + PLACING_MS;
  if (c.at.getTime() < settleAt) {
    const job = { alertId: c.alert.id, step: c.step };
    await enqueueJob(tx, 'escalation.step', job, { runAt: new Date(settleAt), now: c.at, priority: URGENT_PRIORITY });
    return null;
  }
  const coordinator = await findCoordinator(tx, c.practice.id, attempt.coordinatorId);
  return coordinator ? { attempt, coordinator, practice: c.practice, placedBefore: true } : null;
}

/** Nobody acknowledged: every active coordinator and the practice's own number are texted. */
async function textEveryone(tx: Queryable, c: StepContext): Promise<void> {
  const attempt = await claimStep(tx, {
    alertId: c.alert.id,
    step: c.step,
    round: ESCALATION_ROUNDS + 1,
    coordinatorId: null,
    kind: 'final_texts',
    token: null,
    status: 'sent',
    startedAt: c.at,
  });
  if (!attempt) return;
  const body = coordinatorSms('coordinator.unacknowledged', alertTextVars(c.practice, c.patient, c.alert));
  const everyone: Array<{ id: string | null; phone: string }> = (await listCoordinators(tx, c.practice.id)).filter((x) => x.active);
  if (c.practice.contactPhone !== c.practice.phoneNumber && !everyone.some((x) => x.phone === c.practice.contactPhone)) {
    everyone.push({ id: null, phone: c.practice.contactPhone });
  }
  for (const coordinator of everyone) {
    await queueOutreach(
      tx,
      { practice: c.practice, patient: c.patient, kind: 'alert_unacknowledged', body, coordinator, at: c.at, about: { alertId: c.alert.id } },
      URGENT_PRIORITY,
    );
  }
  await recordEvent(tx, {
    practiceId: c.practice.id,
    patientId: c.patient.id,
    conversationId: c.alert.conversationId,
    type: 'alert.unacknowledged',
    detail: { alertId: c.alert.id, texted: everyone.length },
    at: c.at,
  });
}

/** Places an attempt's call; one an earlier run may have placed is first looked for at Twilio, so it rings once. */
export async function placeCall(deps: RuntimeDeps, call: CallToPlace): Promise<void> {
  if (call.placedBefore && !(await placeAgain(deps, call))) return;
  await ringCoordinator(deps, call);
}

/**
 * Whether a call cut short by a restart is to be placed now. One that never
 * left the queue (`queued`) is. One that may have reached Twilio (`placing`)
 * is looked for in Twilio's call list: found, its id is recorded and it is
 * not placed again; not there, it is placed. A list that cannot be read is
 * asked again shortly, until LOOKUP_GIVE_UP_MS says to ring anyway.
 */
async function placeAgain(deps: RuntimeDeps, { attempt, coordinator, practice }: CallToPlace): Promise<boolean> {
  const log = { alertId: attempt.alertId, step: attempt.step };
  if (attempt.status === 'queued') {
    deps.logger.warn(log, 'escalation call cut short by a restart before it reached Twilio; calling now');
    return true;
  }
  let found: FoundCall[];
  try {
    found = await deps.calls.lookup({ to: coordinator.phone, from: practice.phoneNumber, since: new Date(attempt.startedAt) });
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    return placeWithoutLooking(deps, attempt, error);
  }
  // Matched and recorded in one transaction, one coordinator's attempts at a time: two attempts settling
  // together then see each other's recorded call and never take the same one.
  const match = await withTransaction(deps.pool, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`escalation-calls:${attempt.coordinatorId}`]);
    const call = await thisAttemptsCall(tx, attempt, found);
    if (call && call !== 'settled') await recordPlacedCall(tx, attempt.id, { callSid: call.sid, status: call.status });
    return call;
  });
  if (match === 'settled') return false;
  if (match) {
    deps.logger.info({ ...log, callSid: match.sid }, 'uncertain escalation call settled: Twilio has the call');
    return false;
  }
  deps.logger.warn(log, 'escalation call cut short by a restart; Twilio has no such call; calling again');
  return true;
}

/**
 * Which call Twilio has is this attempt's, or 'settled' when Twilio's
 * webhooks told of the call meanwhile. Twilio's records do not name the
 * attempt: calls already recorded are skipped, and the rest are matched in
 * order against every call to this coordinator that may be at Twilio without
 * an id, oldest first (calls are paced one at a time in the order they were
 * asked for). Several alerts ringing one coordinator across a crash then do
 * not take one another's call; when in doubt there is no match, and the
 * coordinator may hear a second ring rather than none.
 */
async function thisAttemptsCall(tx: Queryable, attempt: EscalationAttempt, found: FoundCall[]): Promise<FoundCall | 'settled' | null> {
  const known = await knownCallSids(tx, found.map((c) => c.sid));
  const unrecorded = found.filter((c) => !known.has(c.sid));
  const since = new Date(Date.parse(attempt.startedAt) - CALL_CLOCK_SKEW_MS);
  const waiting = await listCallsWithoutSid(tx, attempt.coordinatorId!, since);
  const rank = waiting.findIndex((a) => a.id === attempt.id);
  if (rank < 0 || heardFromTwilio(waiting[rank]!)) return 'settled';
  return unrecorded[rank] ?? null;
}

/** Twilio reached our webhooks about the attempt's call (answered, voicemail, a status): the call exists. */
const heardFromTwilio = (a: EscalationAttempt) => a.status !== 'placing' || a.answeredBy !== null || a.outcome !== null || a.endedAt !== null;

/**
 * Twilio's call list could not be read: rather than ring a second time
 * blindly, the step runs again shortly (false: not now). Once the give-up
 * time has passed, true: the call is placed without knowing (see
 * LOOKUP_GIVE_UP_MS).
 */
async function placeWithoutLooking(deps: RuntimeDeps, attempt: EscalationAttempt, error: TransportError): Promise<boolean> {
  const now = deps.clock.now();
  const log = { alertId: attempt.alertId, step: attempt.step, failure: error.failure, code: error.code };
  if (now.getTime() >= Date.parse(attempt.startedAt) + PLACING_MS + LOOKUP_GIVE_UP_MS) {
    deps.logger.warn(log, 'Twilio call list unavailable for too long; placing the escalation call cut short by a restart again');
    return true;
  }
  deps.logger.warn(log, 'Twilio call list unavailable; looking for the escalation call cut short by a restart again shortly');
  const job = { alertId: attempt.alertId, step: attempt.step };
  await enqueueJob(deps.pool, 'escalation.step', job, { runAt: new Date(now.getTime() + LOOKUP_RETRY_MS), now, priority: URGENT_PRIORITY });
  return false;
}

/** Asks Twilio to ring the coordinator and records the call; a call Twilio refuses moves the chain on. */
async function ringCoordinator(deps: RuntimeDeps, { attempt, coordinator, practice }: CallToPlace): Promise<void> {
  const urls = escalationUrls(deps, attempt.token!);
  try {
    const placed = await deps.calls.placeCall({
      to: coordinator.phone,
      from: practice.phoneNumber,
      url: urls.answer,
      statusCallback: urls.status,
      machineDetection: 'Enable',
      ringSeconds: RING_SECONDS,
      onTurn: () => markPlacing(deps.pool, attempt.id, deps.clock.now()),
    });
    await recordPlacedCall(deps.pool, attempt.id, { callSid: placed.sid, status: placed.status });
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    deps.logger.warn({ alertId: attempt.alertId, step: attempt.step, failure: error.failure, code: error.code }, 'escalation call failed');
    // The call never rang: move on to the next person at once (a call a coordinator asked for is theirs to retry).
    const at = deps.clock.now();
    await withTransaction(deps.pool, async (tx) => {
      await updateAttempt(tx, attempt.id, { status: 'failed', outcome: 'failed', endedAt: at });
      if (attempt.round === REQUESTED_ROUND) return;
      await enqueueJob(tx, 'escalation.step', { alertId: attempt.alertId, step: attempt.step + 1 }, { runAt: at, priority: URGENT_PRIORITY });
    });
  }
}
