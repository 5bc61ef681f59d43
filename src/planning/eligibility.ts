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
