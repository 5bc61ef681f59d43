/**
 * A candidate's text (a number no patient has, but a candidate of the
 * practice does), after the channel has looked for an emergency: STOP or a
 * plain request opts them out, "yes" is interest (the consent page's link
 * goes; a yes is not consent), "no" or a natural refusal is recorded and
 * never asked again, HELP and "who is this?" are answered and stop nothing,
 * and anything else is kept for a person to read and puts them on the call
 * list. Replies answer what they wrote: the campaign's caps do not hold them.
 */
import type { PromptKey } from '../../prompts/index.js';
import { readInvitationAnswer } from '../flows/enrolment/reply.js';
import { recordReply } from '../messaging/index.js';
import { changeCandidateState, clearCall, listForCall, markReached, type Candidate } from '../store/candidates.js';
import { cancelPendingForCandidate, lastSentTo, type KeptReply, type Message } from '../store/messages.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { markForReview } from '../store/unmatched-texts.js';
import type { RuntimeDeps } from '../runtime.js';
import { sendConsentLink } from './consent-link.js';
import { declineInvitation } from './consent-record.js';
import { candidateSms } from './texts.js';

/** "A person will read it" is said at most this often to one number; the texts are all kept for them. */
const NOTED_INTERVAL_MS = 12 * 60 * 60 * 1000;
/** How a no by text is recorded: that they said no, not their words. */
export const DECLINED_BY_TEXT = 'replied no by text';

export interface CandidateInbound {
  practice: Practice;
  /** Locked by the caller for the transaction. */
  candidate: Candidate;
  inbound: Message;
  at: Date;
}

/** Handles the candidate's text (see the module comment); returns the replies, kept and ready to send. */
export async function handleCandidateText(tx: Queryable, deps: RuntimeDeps, t: CandidateInbound): Promise<KeptReply[]> {
  const { practice, candidate, inbound, at } = t;
  await markReached(tx, candidate.id, at);
  const reply = async (key: PromptKey, kind: string) => [
    await recordReply(tx, deps, { practice, patient: null, candidateId: candidate.id, toNumber: inbound.fromNumber, inReplyTo: inbound.id, at }, kind, candidateSms(key, practice, candidate)),
  ];
  const { reply: answer, leftover } = readInvitationAnswer(inbound.body);
  // It says more than its yes or no: acted on, and a person reads the rest.
  if (leftover) await markForReview(tx, inbound.id, false);
  // Invited and not answered for good. A candidate never invited (perhaps needing a visit first) gets no link from a text.
  const open = candidate.state === 'invited' || candidate.state === 'no_answer' || candidate.state === 'interested';

  switch (answer) {
    case 'opt_out': {
      // After a no the no stands in the record; either way nothing more is sent.
      await changeCandidateState(tx, candidate.id, { state: 'opted_out', at });
      await cancelPendingForCandidate(tx, candidate.id, at);
      await clearCall(tx, candidate.id, at);
      // Confirmed once.
      if (candidate.state === 'opted_out' || (await lastSentTo(tx, inbound.fromNumber, 'invitation_opt_out'))) return [];
      return reply('invitation.opt_out_confirmation', 'invitation_opt_out');
    }
    case 'yes':
      // After a no or an opt-out, a yes is for a person to hear (the first answer stands for the campaign).
      if (!open) break;
      // A second yes (the link lost, or expired) gets a new link.
      if (candidate.state !== 'interested') await changeCandidateState(tx, candidate.id, { state: 'interested', at });
      await clearCall(tx, candidate.id, at);
      await sendConsentLink(tx, deps, { practice, candidate: { ...candidate, state: 'interested' }, at });
      // The consent link is the answer: no second text now.
      return [];
    case 'no':
      if (!open && candidate.state !== 'listed') return [];
      await declineInvitation(tx, { candidate, how: DECLINED_BY_TEXT, at });
      await cancelPendingForCandidate(tx, candidate.id, at);
      return reply('invitation.declined', 'invitation_declined');
    case 'help':
      return reply('invitation.help', 'invitation_help');
    case 'who_is_this':
      return reply('invitation.who_we_are', 'invitation_who_we_are');
    case 'other':
      break;
  }
  // A person reads it (the unmatched texts on Today) and calls them.
  await markForReview(tx, inbound.id, false);
  if (candidate.state === 'opted_out') return [];
  if (candidate.state !== 'consented') await listForCall(tx, candidate.id, 'asked_for_call', at);
  const last = await lastSentTo(tx, inbound.fromNumber, 'invitation_noted');
  if (last && at.getTime() - last.getTime() < NOTED_INTERVAL_MS) return [];
  return reply('invitation.noted', 'invitation_noted');
}
