/**
 * The 'enrolment.invite' job: a campaign's next contact with one candidate.
 * It finds the step that is due (the invitation, a reminder, or giving up to
 * a person's call), holds it for quiet hours and the caps by queueing itself
 * again, and otherwise writes the contact once and queues the text (or the
 * call), then itself again for the next step. It does nothing once the
 * candidate has answered, opted out or enrolled, or the campaign stopped.
 */
import { changeCandidateState, findCandidate, listForCall, type Candidate } from '../store/candidates.js';
import { findCampaign, type Campaign } from '../store/campaigns.js';
import { insertContactOnce, listContacts, setContactMessage, type InvitationContact } from '../store/invitation-contacts.js';
import { enqueueJob } from '../store/job-queue.js';
import { findPractice, type Practice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { invitationChannel, nextContactTime, nextInvitationStep } from '../planning/index.js';
import { queueCandidateText } from '../messaging/index.js';
import type { RuntimeDeps } from '../runtime.js';
import { candidateSms } from './texts.js';
import { queueInvitationCall } from './voice-invite.js';

export interface InviteJob {
  candidateId: string;
  campaignId: string;
}

/** The rules a campaign's contacts keep for this candidate: their timezone (or the practice's) and its quiet hours. */
export const contactRules = (practice: Practice, candidate: Candidate) => ({
  zone: candidate.timezone ?? practice.timezone,
  quietHours: practice.quietHours,
  // Practices keep no contact window of their own yet; the planner honours one when given.
  window: null,
});

/** Runs the job (see the module comment). Safe to run twice: a step is written once, and an early run does nothing. */
export async function runInvitation(deps: RuntimeDeps, job: InviteJob): Promise<void> {
  const now = deps.clock.now();
  await withTransaction(deps.pool, async (tx) => {
    const candidate = await findCandidate(tx, job.candidateId, { lock: true });
    if (!candidate || candidate.state !== 'invited' || candidate.campaignId !== job.campaignId) return;
    const campaign = await findCampaign(tx, job.campaignId, candidate.practiceId);
    const practice = await findPractice(tx, candidate.practiceId);
    if (!campaign || campaign.status !== 'running' || !practice) return;
    await takeStep(tx, deps, { practice, campaign, candidate, now });
  });
}

interface StepContext {
  practice: Practice;
  campaign: Campaign;
  candidate: Candidate;
  now: Date;
}

async function takeStep(tx: Queryable, deps: RuntimeDeps, c: StepContext): Promise<void> {
  const { practice, campaign, candidate, now } = c;
  const again = (runAt: Date) => enqueueJob(tx, 'enrolment.invite', { candidateId: candidate.id, campaignId: campaign.id }, { runAt, now });
  const contacts = await listContacts(tx, candidate.id);
  const steps = (list: readonly InvitationContact[]) => list.filter((x) => x.campaignId === campaign.id && x.purpose !== 'consent_reminder');
  const step = nextInvitationStep(steps(contacts), campaign.reminderDays, new Date(campaign.createdAt));
  // Every job is queued for the time its step is due: one that finds it not yet due is a second copy, and the first will act.
  if (step.dueAt > now) return;
  if (step.kind === 'no_answer') {
    await changeCandidateState(tx, candidate.id, { state: 'no_answer', at: now });
    await listForCall(tx, candidate.id, 'no_answer', now);
    return;
  }
  const sendAt = nextContactTime(now, contacts, contactRules(practice, candidate));
  if (sendAt > now) {
    await again(sendAt);
    return;
  }
  const channel = invitationChannel(candidate);
  const contact = await insertContactOnce(tx, {
    practiceId: practice.id,
    candidateId: candidate.id,
    campaignId: campaign.id,
    step: step.step,
    purpose: step.step === 0 ? 'invitation' : 'reminder',
    channel,
    at: now,
  });
  if (!contact) return;
  const key = step.step === 0 ? 'invitation.invite' : 'invitation.reminder';
  const message =
    channel === 'sms'
      ? await queueCandidateText(tx, { practice, candidate, kind: step.step === 0 ? 'invitation' : 'invitation_reminder', body: candidateSms(key, practice, candidate), at: now })
      : await queueInvitationCall(tx, { practice, candidate, key, at: now });
  await setContactMessage(tx, contact.id, message.id);
  const next = nextInvitationStep(steps([...contacts, contact]), campaign.reminderDays, new Date(campaign.createdAt));
  await again(next.dueAt);
}
