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
import { findPractice, type Practice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { TransportError } from '../transport/index.js';
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

/** The 'enrolment.call' job: places the call once, unless the candidate answered (or stopped) meanwhile. */
export async function placeInvitationCall(deps: RuntimeDeps, messageId: string): Promise<void> {
  const message = await findMessage(deps.pool, messageId);
  if (!message || message.status !== 'pending' || !message.candidateId) return;
  const candidate = await findCandidate(deps.pool, message.candidateId);
  const now = deps.clock.now();
  if (!candidate || candidate.state !== 'invited') {
    await applyStatus(deps.pool, { id: messageId }, { status: 'cancelled', at: now });
    return;
  }
  // Taken once: a second run of the job finds it no longer pending.
  const claimed = await applyStatus(deps.pool, { id: messageId }, { status: 'submitting', at: now });
  if (!claimed) return;
  const urls = invitationCallUrls(deps, messageId);
  try {
    const placed = await deps.calls.placeCall({
      to: message.toNumber,
      from: message.fromNumber,
      url: urls.answer,
      statusCallback: urls.status,
      // Twilio waits for the greeting to end before asking what to say: a machine hears only the callback message.
      machineDetection: 'DetectMessageEnd',
      ringSeconds: RING_SECONDS,
    });
    await applyStatus(deps.pool, { id: messageId }, { status: placed.status === 'simulated' ? 'simulated' : 'queued', twilioSid: placed.sid, at: deps.clock.now(), sent: true });
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    deps.logger.warn({ messageId, failure: error.failure, code: error.code }, 'invitation call failed');
    await applyStatus(deps.pool, { id: messageId }, { status: 'failed', errorCode: error.code, at: deps.clock.now() });
  }
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
    // Twilio's call statuses as message statuses: an answered call was delivered, the others were not.
    const asMessage = status === 'completed' ? 'delivered' : status === 'in-progress' ? 'sent' : ['busy', 'no-answer', 'failed', 'canceled'].includes(status) ? 'undelivered' : null;
    if (asMessage) await applyStatus(tx, { id: messageId }, { status: asMessage, at });
  });
}
