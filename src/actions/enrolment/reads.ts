/**
 * What the API and the app both show of enrolment (reads change nothing, so
 * they need no action of their own, but one answer for both front ends):
 * candidates with their standing, the funnel for a month, the consent text.
 */
import { DateTime } from 'luxon';
import type pg from 'pg';
import { currentConsentText } from '../../enrolment/index.js';
import { DomainError } from '../../errors.js';
import { candidateStanding } from '../../planning/index.js';
import { listCandidates, type Candidate, type CandidateState } from '../../store/candidates.js';
import { findCampaign } from '../../store/campaigns.js';
import { funnelByCampaign, funnelCounts, type CampaignFunnel, type FunnelCounts } from '../../store/enrolment-funnel.js';
import type { Practice } from '../../store/practices.js';
import { withTransaction, type Queryable } from '../../store/sql.js';

export type Standing = ReturnType<typeof candidateStanding>;

/** How the list says a standing. */
export const STANDING_WORDS: Record<Standing, string> = {
  eligible: 'eligible',
  needs_visit: 'needs an initiating visit first',
};

export interface CandidateView extends Candidate {
  standing: Standing;
  standingText: string;
}

/** A candidate as the list shows them: with their standing today, where the practice is. */
export function withStanding(candidate: Candidate, practice: Practice, now: Date): CandidateView {
  const standing = candidateStanding(candidate, practice.timezone, now);
  return { ...candidate, standing, standingText: STANDING_WORDS[standing] };
}

export async function candidatesWithStanding(db: Queryable, practice: Practice, now: Date, options: { states?: readonly CandidateState[] } = {}): Promise<CandidateView[]> {
  const candidates = await listCandidates(db, practice.id, options.states ? { states: options.states } : {});
  return candidates.map((c) => withStanding(c, practice, now));
}

export interface Funnel {
  /** YYYY-MM, in the practice's timezone. */
  month: string;
  from: string;
  to: string;
  campaignId: string | null;
  counts: FunnelCounts;
  /** Each campaign's funnel for the same month. */
  campaigns: CampaignFunnel[];
  /** Listed candidates no campaign can invite until they have a visit (none, or none in a year). */
  needsVisit: number;
}

/** The month's first instant and the next month's, where the practice is; the current month when none is given. */
export function monthRange(month: string | undefined, zone: string, now: Date): { month: string; from: Date; to: Date } {
  const start = month ? DateTime.fromFormat(month, 'yyyy-MM', { zone }) : DateTime.fromJSDate(now, { zone }).startOf('month');
  if (!start.isValid) throw new DomainError('validation_failed', 'must be a month like 2026-11', 'month');
  return { month: start.toFormat('yyyy-MM'), from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

/** The practice's funnel for a month (or one campaign's), with each campaign's and the listed candidates who need a visit. */
export async function enrolmentFunnel(db: Queryable, practice: Practice, query: { month?: string | undefined; campaignId?: string | undefined }, now: Date): Promise<Funnel> {
  const range = monthRange(query.month, practice.timezone, now);
  if (query.campaignId && !(await findCampaign(db, query.campaignId, practice.id))) {
    throw new DomainError('validation_failed', 'no campaign of this practice has this id', 'campaignId');
  }
  const listed = await candidatesWithStanding(db, practice, now, { states: ['listed'] });
  return {
    month: range.month,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    campaignId: query.campaignId ?? null,
    counts: await funnelCounts(db, practice.id, range, query.campaignId),
    campaigns: await funnelByCampaign(db, practice.id, range),
    needsVisit: listed.filter((c) => c.standing === 'needs_visit').length,
  };
}

/**
 * The practice's consent text for a language as shown now (the page, the
 * script, the API). Reading it may write: the first read makes version 1 from
 * ccm-bot's wording, and a renamed practice gets a version with its new name.
 */
export function consentTextFor(pool: pg.Pool, practice: Practice, language: 'en' | 'es', at: Date): ReturnType<typeof currentConsentText> {
  return withTransaction(pool, (tx) => currentConsentText(tx, practice, language, at));
}
