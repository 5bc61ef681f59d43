/**
 * Enrolment campaigns: a practice invites patients eligible for CCM (its
 * candidates) by text or call, within quiet hours and the caps; reads their
 * answers; takes their consent (on the consent page or by phone), records
 * it as CMS asks, and enrols them. Domain code with I/O, below the actions.
 */
export { DEFAULT_REMINDER_DAYS, startCampaign, type CampaignStarted, type SkipReason, type StartCampaignInput } from './campaign.js';
export { contactRules, runInvitation, type InviteJob } from './invite.js';
export { DECLINED_BY_TEXT, handleCandidateText, type CandidateInbound } from './reply.js';
export { candidateStanding } from '../planning/index.js';
export type { Campaign } from '../store/campaigns.js';
export * from './voice-invite.js';
export * from './consent.js';
