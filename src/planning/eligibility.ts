/**
 * Whether the service may contact a patient by itself, and if not, why: the
 * reasons the schedule API and the call list give.
 */
export type OutreachBlock = 'disenrolled' | 'no_consent' | 'opted_out' | 'phone_invalid' | 'paused' | 'unreachable';

export interface OutreachStanding {
  status: 'enrolled' | 'disenrolled';
  consentGranted: boolean;
  smsOptedOutAt: string | null;
  phoneInvalidAt: string | null;
  pausedAt: string | null;
  pausedUntil: string | null;
  unreachableAt: string | null;
}

/** The first reason the patient gets no automated texts at `now`, or null. */
export function outreachBlock(p: OutreachStanding, now: Date): OutreachBlock | null {
  if (p.status === 'disenrolled') return 'disenrolled';
  if (!p.consentGranted) return 'no_consent';
  if (p.smsOptedOutAt) return 'opted_out';
  if (p.phoneInvalidAt) return 'phone_invalid';
  if (p.pausedAt && (!p.pausedUntil || Date.parse(p.pausedUntil) > now.getTime())) return 'paused';
  if (p.unreachableAt) return 'unreachable';
  return null;
}

/**
 * Reasons that are the phone's: a patient who texted STOP, whose number
 * cannot take texts, or who answers none still gets the summary by email
 * (its consent is its own). Disenrolment, no consent and a pause stop email too.
 */
export const PHONE_ONLY_BLOCKS: readonly OutreachBlock[] = ['opted_out', 'phone_invalid', 'unreachable'];

/** Whether a contact of `kind` may still go despite `block`. */
export const goesDespite = (block: OutreachBlock, kind: string): boolean => kind === 'summary' && PHONE_ONLY_BLOCKS.includes(block);

/** Why a patient gets no email. */
export type EmailBlock = 'no_address' | 'no_consent' | 'opted_out' | 'bounced' | 'disenrolled' | 'no_ccm_consent';

export interface EmailStanding {
  status: 'enrolled' | 'disenrolled';
  consentGranted: boolean;
  email: string | null;
  emailConsent: 'none' | 'link' | 'full';
  emailOptedOutAt: string | null;
  emailBouncedAt: string | null;
}

/**
 * Null when the patient may be emailed now: enrolled with CCM consent, an
 * address on file that has not bounced, a choice other than 'none', and not
 * opted out of emails.
 */
export function emailStandingBlock(p: EmailStanding): EmailBlock | null {
  if (p.status !== 'enrolled') return 'disenrolled';
  if (!p.consentGranted) return 'no_ccm_consent';
  if (!p.email) return 'no_address';
  if (p.emailConsent === 'none') return 'no_consent';
  if (p.emailOptedOutAt) return 'opted_out';
  if (p.emailBouncedAt) return 'bounced';
  return null;
}
