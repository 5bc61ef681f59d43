/**
 * Starting a campaign: each candidate named (or every listed one) whose last
 * visit is recent enough is invited, and the job that makes their invitation
 * and reminders is queued in the same transaction. One who needs an
 * initiating visit first, or was invited, answered or enrolled before, is
 * reported as skipped and left as they are.
 */
import { DomainError } from '../errors.js';
import { candidateStanding } from '../planning/index.js';
import { changeCandidateState, findCandidate, listCandidates, type Candidate } from '../store/candidates.js';
import { insertCampaign, type Campaign } from '../store/campaigns.js';
import { enqueueJob } from '../store/job-queue.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';

/** Three days, then seven, after the invitation (migration 023's default). */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [3, 7];
/** A reminder later than this after the invitation is no reminder of it. */
const MAX_REMINDER_DAY = 60;
const MAX_REMINDERS = 5;

export type SkipReason = 'needs_visit' | 'not_listed' | 'unknown';

export interface StartCampaignInput {
  practice: Practice;
  name: string;
  /** The candidates to invite, or every `listed` one. */
  candidateIds: string[] | 'all_listed';
  /** Days after the invitation each reminder is due; [3, 7] when left out. */
  reminderDays?: number[];
  createdBy: string;
  at: Date;
}

export interface CampaignStarted {
  campaign: Campaign;
  invited: string[];
  skipped: Array<{ candidateId: string; reason: SkipReason }>;
}

/** 400 naming `reminderDays` unless they are whole days, increasing, from 1 to 60, at most 5. */
function checkReminderDays(days: readonly number[]): void {
  const bad = (message: string) => new DomainError('validation_failed', message, 'reminderDays');
  if (days.length > MAX_REMINDERS) throw bad(`at most ${MAX_REMINDERS} reminders`);
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > MAX_REMINDER_DAY)) throw bad(`each must be a whole number of days from 1 to ${MAX_REMINDER_DAY}`);
  if (days.some((d, i) => i > 0 && d <= days[i - 1]!)) throw bad('must increase: each reminder comes after the one before (e.g. [3, 7])');
}

/**
 * Starts a campaign (see the module comment). The invitations go out by the
 * 'enrolment.invite' jobs, within quiet hours and the caps; nothing is sent
 * before the caller's transaction commits.
 */
export async function startCampaign(tx: Queryable, _deps: RuntimeDeps, input: StartCampaignInput): Promise<CampaignStarted> {
  const { practice, at } = input;
  const name = input.name.trim();
  if (!name) throw new DomainError('validation_failed', 'give the campaign a name (e.g. "Diabetes and hypertension, December")', 'name');
  const reminderDays = [...(input.reminderDays ?? DEFAULT_REMINDER_DAYS)];
  checkReminderDays(reminderDays);
  const campaign = await insertCampaign(tx, { practiceId: practice.id, name, reminderDays, createdBy: input.createdBy, at });

  const invited: string[] = [];
  const skipped: CampaignStarted['skipped'] = [];
  const candidates: Array<{ id: string; candidate: Candidate | null }> =
    input.candidateIds === 'all_listed'
      ? (await listCandidates(tx, practice.id, { states: ['listed'] })).map((candidate) => ({ id: candidate.id, candidate }))
      : await lockEach(tx, [...new Set(input.candidateIds)]);
  for (const { id, candidate } of candidates) {
    if (!candidate || candidate.practiceId !== practice.id) skipped.push({ candidateId: id, reason: 'unknown' });
    else if (candidate.state !== 'listed') skipped.push({ candidateId: id, reason: 'not_listed' });
    else if (candidateStanding(candidate, practice.timezone, at) === 'needs_visit') skipped.push({ candidateId: id, reason: 'needs_visit' });
    else if (!(await changeCandidateState(tx, id, { state: 'invited', campaignId: campaign.id, at }))) skipped.push({ candidateId: id, reason: 'not_listed' });
    else {
      await enqueueJob(tx, 'enrolment.invite', { candidateId: id, campaignId: campaign.id }, { runAt: at, now: at });
      invited.push(id);
    }
  }
  return { campaign, invited, skipped };
}

/** The candidates by id, locked, in the order given; null for an id that names none (or is no uuid). */
async function lockEach(tx: Queryable, ids: string[]): Promise<Array<{ id: string; candidate: Candidate | null }>> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const found: Array<{ id: string; candidate: Candidate | null }> = [];
  for (const id of ids) found.push({ id, candidate: uuid.test(id) ? await findCandidate(tx, id, { lock: true }) : null });
  return found;
}
