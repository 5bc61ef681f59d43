/**
 * Invitations by call, for a candidate who takes calls (a landline, or
 * calls preferred): the call says who is calling and why; 1 asks to hear
 * from the care team (interested: a coordinator calls and takes consent by
 * phone), 2 is not interested (declined), 9 is no more calls (opted out).
 * An answering machine hears the practice's name and number, nothing more;
 * the call was the step's attempt all the same, and the next step goes by
 * the campaign's schedule. The call is one message (channel voice, kind
 * 'invitation_call') whose id names it in Twilio's requests; what was
 * pressed is kept beside it. Channel-free: src/channels/voice renders.
 */
import type { PromptKey } from '../../prompts/index.js';
import { enqueueJob } from '../store/job-queue.js';
import { changeCandidateState, clearCall, findCandidate, listForCall, markReached, type Candidate } from '../store/candidates.js';
import { applyStatus, findMessage, insertCandidateCall, insertCallAnswer, type Message } from '../store/messages.js';
import { claimAgain, claimForSending, keepUncertain, renewClaim } from '../store/message-sending.js';
import { findPractice, type Practice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { PLACING_MS, placeClaimedCall, settleUncertainCall } from '../messaging/index.js';
import { declineInvitation } from './consent-record.js';
import { candidateSpeech } from './texts.js';

/** How long an invitation call rings. */
const RING_SECONDS = 30;
/** Silences (or wrong keys) before the call says goodbye. */
const MAX_REPEATS = 1;
/** How a no on the call is recorded. */
export const DECLINED_BY_CALL = 'pressed 2 (not interested) on the invitation call';

/** Where Twilio asks about an invitation call: the call's message id stands for it. */
export const invitationCallUrls = (deps: Pick<RuntimeDeps, 'publicUrl'>, messageId: string) => {
  const base = `${deps.publicUrl}/webhooks/twilio/voice/invitation`;
  return {
    answer: `${base}/answer?token=${messageId}`,
    /** `turn` numbers the call's menus, so two silences in a row are two requests. */
    gather: (turn: number) => `${base}/gather?token=${messageId}&turn=${turn}`,
    status: `${base}/status?token=${messageId}`,
  };
};

/** Queues the invitation call (the 'enrolment.call' job places it after commit); the message records it. */
export async function queueInvitationCall(tx: Queryable, c: { practice: Practice; candidate: Candidate; key: PromptKey; at: Date }): Promise<Message> {
  const message = await insertCandidateCall(tx, {
    practiceId: c.practice.id,
    candidateId: c.candidate.id,
    kind: 'invitation_call',
    fromNumber: c.practice.phoneNumber,
    toNumber: c.candidate.phone,
    body: candidateSpeech(c.key, c.practice, c.candidate),
    at: c.at,
  });
  await enqueueJob(tx, 'enrolment.call', { messageId: message.id }, { runAt: c.at, now: c.at });
  return message;
}

/**
 * The 'enrolment.call' job: places the call once, unless the candidate
 * answered (or stopped) meanwhile. The message is claimed ('submitting',
 * with when) before Twilio is asked, so a run after a crash or a lost answer
 * looks for the call at Twilio: found, it is recorded; not there, placed.
 */
export async function placeInvitationCall(deps: RuntimeDeps, messageId: string): Promise<void> {
  const message = await findMessage(deps.pool, messageId);
  if (!message || !message.candidateId) return;
  if (message.status === 'submitting' && !message.twilioSid) return settleInvitationCall(deps, message);
  if (message.status !== 'pending') return;
  const now = deps.clock.now();
  if (!(await stillInvited(deps, message))) {
    await applyStatus(deps.pool, { id: messageId }, { status: 'cancelled', at: now });
    return;
  }
  // Taken once: a second run of the job finds it claimed, and settles it from what Twilio has.
  const claimed = await claimForSending(deps.pool, messageId, now);
  if (claimed) await ringCandidate(deps, claimed);
}

const stillInvited = async (deps: RuntimeDeps, message: Message) => (await findCandidate(deps.pool, message.candidateId!))?.state === 'invited';

/** Asks Twilio to ring the candidate for a call this worker has claimed, and records what came of it. */
async function ringCandidate(deps: RuntimeDeps, message: Message): Promise<void> {
  const urls = invitationCallUrls(deps, message.id);
  const heldSince = new Date(message.claimedAt!);
  const result = await placeClaimedCall(
    deps,
    {
      to: message.toNumber,
      from: message.fromNumber,
      url: urls.answer,
      statusCallback: urls.status,
      // Twilio waits for the greeting to end before asking what to say: a machine hears only the callback message.
      machineDetection: 'DetectMessageEnd',
      ringSeconds: RING_SECONDS,
    },
    () => renewClaim(deps.pool, message.id, heldSince, deps.clock.now()),
  );
  const log = { messageId: message.id, attempt: message.attempts };
  const now = deps.clock.now();
  switch (result.outcome) {
    case 'placed': {
      const status = result.call.status === 'simulated' ? 'simulated' : 'queued';
      await applyStatus(deps.pool, { id: message.id }, { status, twilioSid: result.call.sid, at: now, sent: true });
      return;
    }
    case 'taken over':
      deps.logger.info(log, 'invitation call taken over by a retry while it waited its turn; not placed here');
      return;
    case 'uncertain':
      // Twilio may be ringing the candidate: the message stays 'submitting', and the call is looked for before any second try.
      deps.logger.warn({ ...log, failure: result.error.failure, code: result.error.code }, 'invitation call: Twilio\'s answer lost; looking for the call before trying again');
      await keepUncertain(deps.pool, message.id, result.error.code, now);
      await enqueueJob(deps.pool, 'enrolment.call', { messageId: message.id }, { runAt: new Date(now.getTime() + PLACING_MS), now });
      return;
    case 'failed':
      deps.logger.warn({ ...log, failure: result.error.failure, code: result.error.code }, 'invitation call failed');
      await applyStatus(deps.pool, { id: message.id }, { status: 'failed', errorCode: result.error.code, at: now });
  }
}

/**
 * An invitation call claimed and never recorded (the process died, or
 * Twilio's answer was lost): recorded from Twilio's call list if Twilio has
 * it; otherwise placed again if the candidate is still invited, or ended.
 */
async function settleInvitationCall(deps: RuntimeDeps, message: Message): Promise<void> {
  const placingSince = new Date(message.claimedAt!);
  const settled = await settleUncertainCall(deps, {
    to: message.toNumber,
    from: message.fromNumber,
    placingSince,
    attempts: message.attempts,
    adopt: async (tx, found) => {
      const status = messageStatusOfCall(found.status) ?? 'queued';
      const recorded = await applyStatus(tx, { id: message.id }, { status, twilioSid: found.sid, at: deps.clock.now(), sent: true });
      return recorded?.twilioSid === found.sid;
    },
  });
  const log = { messageId: message.id, attempt: message.attempts };
  const now = deps.clock.now();
  switch (settled.next) {
    case 'wait':
      await enqueueJob(deps.pool, 'enrolment.call', { messageId: message.id }, { runAt: settled.until, now });
      return;
    case 'settled':
      return;
    case 'found':
      deps.logger.info({ ...log, callSid: settled.call.sid }, 'uncertain invitation call settled: Twilio has the call');
      return;
    case 'give up':
      deps.logger.warn(log, 'uncertain invitation call: Twilio never got it, and it is too late to place it again');
      await applyStatus(deps.pool, { id: message.id }, { status: 'failed', at: now });
      return;
    case 'place again':
      break;
  }
  if (!(await stillInvited(deps, message))) {
    await applyStatus(deps.pool, { id: message.id }, { status: 'cancelled', at: now });
    return;
  }
  const again = await claimAgain(deps.pool, message.id, placingSince, now);
  if (!again) {
    // Another worker took it over; should it die too, this look comes round again.
    await enqueueJob(deps.pool, 'enrolment.call', { messageId: message.id }, { runAt: new Date(now.getTime() + PLACING_MS), now });
    return;
  }
  deps.logger.warn(log, 'uncertain invitation call: Twilio never got it; placing it again');
  await ringCandidate(deps, again);
}

/** What the call says next: sentences, then a wait for one key (to `gatherTurn`), or the end. */
export interface InvitationCallTurn {
  language: 'en' | 'es';
  say: string[];
  gatherTurn: number | null;
}

interface LoadedCall {
  message: Message;
  candidate: Candidate;
  practice: Practice;
}

async function loadCall(tx: Queryable, messageId: string): Promise<LoadedCall | null> {
  const message = await findMessage(tx, messageId);
  if (!message || message.kind !== 'invitation_call' || !message.candidateId || !message.practiceId) return null;
  const candidate = await findCandidate(tx, message.candidateId, { lock: true });
  const practice = await findPractice(tx, message.practiceId);
  return candidate && practice ? { message, candidate, practice } : null;
}

const ended = (language: 'en' | 'es', ...say: string[]): InvitationCallTurn => ({ language, say, gatherTurn: null });

/** The call was answered: a person hears the invitation and the keys; a machine, the practice and its number. */
export async function invitationCallAnswered(tx: Queryable, deps: RuntimeDeps, messageId: string, answeredBy: string | null): Promise<InvitationCallTurn | null> {
  const c = await loadCall(tx, messageId);
  if (!c) return null;
  const { candidate, practice, message } = c;
  if (answeredBy?.startsWith('machine') || answeredBy === 'fax') return ended(candidate.language, candidateSpeech('invitation.voicemail', practice, candidate));
  await markReached(tx, candidate.id, deps.clock.now());
  if (candidate.state !== 'invited') return ended(candidate.language, candidateSpeech('invitation.help', practice, candidate));
  return { language: candidate.language, say: [message.body], gatherTurn: 0 };
}

/** A key pressed (or silence) at the invitation's menu, on its `turn`-th asking. */
export async function invitationKeyPressed(tx: Queryable, deps: RuntimeDeps, messageId: string, digits: string, turn: number): Promise<InvitationCallTurn | null> {
  const c = await loadCall(tx, messageId);
  if (!c) return null;
  const { candidate, practice, message } = c;
  const at = deps.clock.now();
  const say = (key: PromptKey) => candidateSpeech(key, practice, candidate);
  const key = digits.slice(0, 1);
  await insertCallAnswer(tx, { message, body: key === '' ? '(no key pressed)' : `pressed ${key}`, at });
  if (candidate.state !== 'invited' && candidate.state !== 'no_answer') return ended(candidate.language, say('invitation.help'));
  if (key === '1') {
    await changeCandidateState(tx, candidate.id, { state: 'interested', at });
    // Consent by phone needs a person: the coordinator reads the script and records it.
    await listForCall(tx, candidate.id, 'voice_interest', at);
    return ended(candidate.language, say('invitation.interested'));
  }
  if (key === '2') {
    await declineInvitation(tx, { candidate, how: DECLINED_BY_CALL, at });
    return ended(candidate.language, say('invitation.declined'));
  }
  if (key === '9') {
    await changeCandidateState(tx, candidate.id, { state: 'opted_out', at });
    await clearCall(tx, candidate.id, at);
    return ended(candidate.language, say('invitation.opt_out_confirmation'));
  }
  if (turn >= MAX_REPEATS) return ended(candidate.language, say('invitation.voicemail'));
  return { language: candidate.language, say: [message.body], gatherTurn: turn + 1 };
}

/** Twilio's status callback for an invitation call: the call's message takes its status (never moving back). */
export async function invitationCallStatus(deps: RuntimeDeps, messageId: string, status: string): Promise<void> {
  const at = deps.clock.now();
  await withTransaction(deps.pool, async (tx) => {
    const message = await findMessage(tx, messageId);
    if (!message || message.kind !== 'invitation_call') return;
    const asMessage = messageStatusOfCall(status);
    if (asMessage) await applyStatus(tx, { id: messageId }, { status: asMessage, at });
  });
}

/** Twilio's call status as the call's message status: an answered call was delivered, the others were not; null while it goes on. */
const messageStatusOfCall = (status: string) =>
  status === 'completed' ? 'delivered' : status === 'in-progress' ? 'sent' : ['busy', 'no-answer', 'failed', 'canceled'].includes(status) ? 'undelivered' : null;
