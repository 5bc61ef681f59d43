import { detectRedFlag } from '../../flows/safety/index.js';
import { findMessageBySid, listReplies, type KeptReply } from '../../store/messages.js';
import { recordInboundText, type InboundText } from '../../store/inbound-context.js';
import { databaseFault, withTransaction } from '../../store/sql.js';
import { redFlagWords } from '../../triage/index.js';
import { raiseAlert } from '../../alerts/index.js';
import type { RuntimeDeps } from '../../runtime.js';
import { recordEvent } from '../../store/patient-events.js';
import { replanPatient } from '../../outreach/index.js';
import { handlePatientText } from './patient-text.js';
import { findCandidate } from '../../store/candidates.js';
import { markForReview } from '../../store/unmatched-texts.js';
import { readUnknownText } from '../../alerts/index.js';
import { handleCandidateText } from '../../enrolment/index.js';
import { answerUnknownSender } from './unknown-sender.js';

export type InboundSms = InboundText;

/** What to send back in the TwiML response. */
export interface InboundResult {
  replies: Array<{ id: string; body: string }>;
  duplicate: boolean;
}

const asResult = (replies: readonly KeptReply[], duplicate = false): InboundResult => ({
  replies: replies.map((m) => ({ id: m.id, body: m.body })),
  duplicate,
});

/**
 * Handles one inbound text in one transaction: store it once per MessageSid,
 * honour STOP/START/HELP and red flags before any flow, then move the
 * patient's open conversation one step. A number no patient has may be a
 * candidate's (invited to CCM): their answer to the invitation is read
 * (src/enrolment); anyone else is an unknown sender. A redelivered
 * MessageSid changes nothing and gets the same answer as the first delivery. If handling fails,
 * the text is still kept and put in front of the care team. When the
 * database is away or has no connection to give, nothing can be kept: the
 * error goes up, Twilio hears 503 with Retry-After and delivers it again.
 */
export async function handleInboundSms(deps: RuntimeDeps, sms: InboundSms): Promise<InboundResult> {
  const receivedAt = deps.clock.now();
  try {
    return await handleInTransaction(deps, sms, receivedAt);
  } catch (error) {
    // The fallback would wait for the same database, past Twilio's 15 s.
    if (databaseFault(error) === 'unavailable') throw error;
    deps.logger.error({ err: error, messageSid: sms.messageSid }, 'inbound text could not be handled; keeping it for review');
    await keepUnhandled(deps, sms, receivedAt);
    return { replies: [], duplicate: false };
  }
}

/**
 * The fallback when handling failed (a broken conversation, a bug): the text
 * is stored all the same and a review alert raised, so nothing a patient said
 * is lost. If even this fails, the error propagates: the database being
 * away is a 503 that Twilio retries; anything else a 500.
 */
async function keepUnhandled(deps: RuntimeDeps, sms: InboundSms, receivedAt: Date): Promise<void> {
  await withTransaction(deps.pool, async (tx) => {
    // Not noted as the patient's reply: the turn that would have answered it did not happen.
    const { practice, patient, conversation, candidateId, inbound } = await recordInboundText(tx, sms, receivedAt, false);
    // A candidate's text (invited to CCM, no patient yet) waits for a person on Today, as an unknown sender's does.
    if (inbound && candidateId) await markForReview(tx, inbound.id, detectRedFlag(sms.body) !== null);
    if (!inbound || !practice || !patient) return;
    const subject = { practice, patient, conversationId: conversation?.id ?? null, messageId: inbound.id };
    const evidence = [{ key: `message:${inbound.id}`, messageId: inbound.id, explanation: 'A text the bot could not handle', at: receivedAt }];
    // Whatever broke, a red flag still reaches the on-call coordinator at once, without triage.
    const redFlag = detectRedFlag(sms.body);
    const alert = redFlag
      ? { level: 'urgent' as const, reason: `red_flag:${redFlag.category}`, explanation: `Reported ${redFlagWords(redFlag.category)}` }
      : { level: 'elevated' as const, reason: 'unhandled_text', explanation: 'A text the bot could not handle' };
    await raiseAlert(tx, subject, { ...alert, evidence }, receivedAt);
  });
}

function handleInTransaction(deps: RuntimeDeps, sms: InboundSms, receivedAt: Date): Promise<InboundResult> {
  return withTransaction(deps.pool, async (tx) => {
    // Any word from a patient is two-way contact: noted with the text, an unreachable patient is reachable again.
    const { practice, patient, conversation, candidateId, inbound, turn, wasUnreachable } = await recordInboundText(tx, sms, receivedAt, true);
    if (!inbound) {
      const original = await findMessageBySid(tx, sms.messageSid);
      return asResult(original ? await listReplies(tx, original.id) : [], true);
    }
    if (!practice) {
      deps.logger.warn({ messageSid: sms.messageSid }, 'inbound text to a number no practice owns');
      return asResult([]);
    }
    if (!patient) {
      const candidate = candidateId ? await findCandidate(tx, candidateId) : null;
      // A candidate's emergency takes the unknown sender's path (911, the on-call staff texted, kept for review).
      if (!candidate || readUnknownText(inbound.body).emergency) return asResult(await answerUnknownSender(tx, deps, practice, inbound, receivedAt));
      return asResult(await handleCandidateText(tx, deps, { practice, candidate, inbound, at: receivedAt }));
    }
    const replies = await handlePatientText(tx, deps, { practice, patient, conversation, inbound, context: turn, at: receivedAt });
    // Back on the cadence, now that they are reachable.
    if (wasUnreachable) {
      await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, messageId: inbound.id, type: 'patient.reachable', at: receivedAt });
      await replanPatient(tx, practice, patient.id, receivedAt);
    }
    return asResult(replies);
  });
}
