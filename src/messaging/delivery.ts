import { findConversation } from '../store/conversations.js';
import { enqueueJob } from '../store/job-queue.js';
import { claimForSending, keepUncertain, releaseForRetry } from '../store/message-sending.js';
import { applyStatus, cancelPendingForCandidate, findMessage, type Message } from '../store/messages.js';
import { recordEvent } from '../store/patient-events.js';
import { unplan } from '../store/outreach.js';
import { findPatient, markPhoneInvalid, type Patient } from '../store/patients.js';
import { changeCandidateState, findCandidate, type Candidate } from '../store/candidates.js';
import { candidateTextMayGo } from '../planning/index.js';
import { findPractice, type Practice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { statusCallbackUrl, type RuntimeDeps } from '../runtime.js';
import { optOut } from '../outreach/index.js';
import { stopConversation } from '../store/conversations.js';
import { bodyToSend } from './form-link.js';
import { SEND_TIMEOUT_MS, settleUncertainSend } from './send-recovery.js';
import { recordSent } from './sent.js';
import { TransportError } from '../transport/index.js';

/** Attempts per message before it is marked failed: about 15 minutes of backoff at the default base. */
export const MAX_SEND_ATTEMPTS = 6;

export interface DeliveryTarget {
  message: Message;
  /** The patient the text is to or about; null for a text about the practice (a coordinator's digest). */
  patient: Patient | null;
  /** The candidate (invited to CCM, no patient yet) the text is to, if it is to one. */
  candidate: Candidate | null;
  practice: Practice;
}

/**
 * Decides when a message may go out: null for now, or the time to wait for
 * (quiet hours). Supplied by the scheduling policy in jobs/.
 */
export type DeliveryPolicy = (target: DeliveryTarget, now: Date) => Date | null;

/**
 * Sends one queued message through the transport, once: a job delivered
 * twice finds the message already claimed. The database transaction is
 * closed while Twilio is called. Failures are sorted: throttling and outages
 * retry with backoff, 21610 opts the patient out, 21211 marks the number
 * invalid, anything else fails the message. A message whose earlier send was
 * cut short (a crash, a lost answer, a 5xx: Twilio may have taken it), or a
 * webhook reply Twilio never confirmed, is first settled from what Twilio
 * has (send-recovery.ts), so a retry never sends a text Twilio already has.
 */
export async function deliverMessage(deps: RuntimeDeps, messageId: string, policy: DeliveryPolicy): Promise<void> {
  const found = await loadTarget(deps, messageId);
  const target = found && found.message.status !== 'pending' ? await settleUncertainSend(deps, found) : found;
  if (!target || target.message.status !== 'pending') return;
  const { message, patient, candidate } = target;
  const now = deps.clock.now();
  if (message.attempts >= MAX_SEND_ATTEMPTS) {
    // Every attempt is spent: the last was cut short (its answer lost, a 5xx, a crash) and Twilio turned out not to have the text.
    await withTransaction(deps.pool, (tx) => abandon(tx, message, 'failed', message.errorCode, now));
    return;
  }
  const mayGo = candidate
    ? candidateTextMayGo(candidate.state, message.kind, message.inReplyTo !== null)
    : Boolean(patient && !patient.smsOptedOutAt && !patient.phoneInvalidAt);
  if (message.audience === 'patient' && !mayGo) {
    await withTransaction(deps.pool, (tx) => abandon(tx, message, 'cancelled', null, now));
    return;
  }
  const holdUntil = policy(target, now);
  if (holdUntil) {
    await enqueueJob(deps.pool, 'message.send', { messageId }, { runAt: holdUntil, now });
    return;
  }
  const claimed = await claimForSending(deps.pool, messageId, now);
  if (!claimed) return;
  const body = await bodyToSend(deps.pool, claimed, now);
  if (body === null) {
    await withTransaction(deps.pool, (tx) => abandon(tx, claimed, 'cancelled', null, now));
    return;
  }
  try {
    const result = await deps.transport.send({
      to: claimed.toNumber,
      from: claimed.fromNumber,
      body,
      statusCallback: statusCallbackUrl(deps, claimed.id),
    });
    await recordSent(deps, claimed, result);
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    const { failure, code, mayHaveReachedTwilio } = error;
    deps.logger.warn({ messageId, failure, code, mayHaveReachedTwilio, attempt: claimed.attempts }, 'send failed');
    const failedAt = deps.clock.now();
    await withTransaction(deps.pool, (tx) => handleFailure(tx, deps, target, claimed, error, failedAt));
  }
}

export async function loadTarget(deps: RuntimeDeps, messageId: string): Promise<DeliveryTarget | null> {
  const message = await findMessage(deps.pool, messageId);
  if (!message?.practiceId) return null;
  const [patient, candidate, practice] = await Promise.all([
    message.patientId ? findPatient(deps.pool, message.patientId) : null,
    message.candidateId ? findCandidate(deps.pool, message.candidateId) : null,
    findPractice(deps.pool, message.practiceId),
  ]);
  return practice ? { message, patient, candidate, practice } : null;
}

async function handleFailure(
  tx: Queryable,
  deps: RuntimeDeps,
  target: DeliveryTarget,
  claimed: Message,
  error: TransportError,
  at: Date,
) {
  const { practice, patient } = target;
  const delay = deps.sendRetryBaseMs * 2 ** (claimed.attempts - 1);
  if (error.failure === 'retry' && error.mayHaveReachedTwilio) {
    // Twilio may have the text: it stays `submitting`, and the next run asks Twilio before sending
    // again (send-recovery.ts), as after a crash mid-send. Even after the last attempt, so a text
    // Twilio has is recorded as sent, not failed.
    await keepUncertain(tx, claimed.id, error.code, at);
    const checkAt = Math.max(at.getTime() + delay, Date.parse(claimed.claimedAt!) + SEND_TIMEOUT_MS);
    await enqueueJob(tx, 'message.send', { messageId: claimed.id }, { runAt: new Date(checkAt), now: at });
    return;
  }
  if (error.failure === 'retry' && claimed.attempts < MAX_SEND_ATTEMPTS) {
    // Twilio's answer says it did not take the text (429): sent again after the backoff.
    await releaseForRetry(tx, claimed.id, error.code, at);
    await enqueueJob(tx, 'message.send', { messageId: claimed.id }, { runAt: new Date(at.getTime() + delay), now: at });
    return;
  }
  await abandon(tx, claimed, 'failed', error.code, at);
  if (claimed.audience === 'patient' && target.candidate && error.failure === 'opted_out') {
    // STOP said to the carrier: the candidate opted out, and nothing more is sent.
    await changeCandidateState(tx, target.candidate.id, { state: 'opted_out', at });
    await cancelPendingForCandidate(tx, target.candidate.id, at);
    return;
  }
  if (claimed.audience !== 'patient' || !patient) return;
  if (error.failure === 'opted_out') {
    await optOut(tx, practice, patient, { messageId: claimed.id, source: 'twilio_21610', at });
  } else if (error.failure === 'invalid_number') {
    await markPhoneInvalid(tx, patient.id, at);
    await unplan(tx, { patientId: patient.id });
    await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, messageId: claimed.id, type: 'phone_invalid', at });
  }
}

/** Marks a message as never delivered; a check-in whose question cannot go out is cancelled. */
async function abandon(tx: Queryable, message: Message, status: 'failed' | 'cancelled', errorCode: number | null, at: Date) {
  await applyStatus(tx, { id: message.id }, { status, errorCode, at });
  if (message.kind !== 'check_in' || !message.conversationId) return;
  const conversation = await findConversation(tx, message.conversationId);
  if (conversation?.status === 'active') await stopConversation(tx, conversation, 'cancelled', at);
}
