/**
 * Who the care team should call today, and why, most pressing first: an
 * urgent alert, a patient the texts cannot reach (no replies, or a number
 * that cannot take texts and needs correcting), an email address that bounced, a call-back asked for, a
 * refill, an alert waiting for review, a patient not heard from this month
 * (from the practice's non-responder day). Beside them, the invitations a
 * campaign left for a person: candidates (not patients yet) to call about
 * joining CCM.
 */
import { DateTime } from 'luxon';
import { callListFacts, invitationsToCall, type CallListPatient, type InvitationToCall } from '../store/call-list.js';
import { recentContacts, type ContactAttempt } from '../store/outreach.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { describeReason } from './reasons.js';

export const CALL_REASONS = ['urgent_alert', 'unreachable', 'phone_invalid', 'email_invalid', 'callback', 'refill', 'alert', 'non_responder'] as const;
export type CallReason = (typeof CALL_REASONS)[number];

/** Most pressing first. */
const ORDER: readonly CallReason[] = CALL_REASONS;

export interface CallListEntry {
  patient: Omit<CallListPatient, 'lastReplyAt' | 'unreachableAt' | 'phoneInvalidAt' | 'emailBouncedAt'>;
  reasons: Array<{ code: CallReason; detail: string; since: string | null }>;
  /** The last time the patient wrote or answered. */
  lastContactAt: string | null;
  /** What the service's last attempts to reach them came to. */
  lastAttempts: ContactAttempt[];
}

const REFILL_REASONS = new Set(['refill_needed', 'request:refill']);

function alertReason(level: 'urgent' | 'elevated', reason: string): CallReason {
  if (level === 'urgent') return 'urgent_alert';
  if (reason === 'request:callback') return 'callback';
  return REFILL_REASONS.has(reason) ? 'refill' : 'alert';
}

/** The practice's call list at `now`. */
export async function callList(db: Queryable, practice: Practice, now: Date): Promise<CallListEntry[]> {
  const local = DateTime.fromJSDate(now, { zone: practice.timezone });
  const monthStart = local.day >= practice.outreach.nonResponderDay ? local.startOf('month').toJSDate() : null;
  const facts = await callListFacts(db, practice.id, now, monthStart);
  const reasons = new Map<string, CallListEntry['reasons']>();
  const add = (patientId: string, reason: CallListEntry['reasons'][number]) => reasons.set(patientId, [...(reasons.get(patientId) ?? []), reason]);

  for (const alert of facts.alerts) add(alert.patientId, { code: alertReason(alert.level, alert.reason), detail: describeReason(alert.reason), since: alert.since });
  for (const patient of facts.patients.values()) {
    if (patient.unreachableAt) add(patient.id, { code: 'unreachable', detail: `no reply to ${practice.outreach.unreachableAfter} texts in a row`, since: patient.unreachableAt });
    // Nothing goes out to them any more: without this line they would drop out of sight.
    if (patient.phoneInvalidAt) add(patient.id, { code: 'phone_invalid', detail: 'the phone number cannot take texts: find the right one and correct it', since: patient.phoneInvalidAt });
    // Their emails (the monthly summary) stopped: the address needs checking with them.
    if (patient.emailBouncedAt) add(patient.id, { code: 'email_invalid', detail: 'the email address bounced: check it', since: patient.emailBouncedAt });
  }
  for (const id of facts.silentSince) add(id, { code: 'non_responder', detail: `not heard from since ${local.toFormat('LLLL')} began`, since: monthStart!.toISOString() });

  const attempts = await recentContacts(db, [...reasons.keys()], now);
  const rank = (entry: CallListEntry) => Math.min(...entry.reasons.map((r) => ORDER.indexOf(r.code)));
  return [...reasons.entries()]
    .map(([id, list]): CallListEntry => {
      const { lastReplyAt, unreachableAt: _unreachable, phoneInvalidAt: _invalid, emailBouncedAt: _bounced, ...patient } = facts.patients.get(id)!;
      return {
        patient,
        reasons: list.sort((a, b) => ORDER.indexOf(a.code) - ORDER.indexOf(b.code)),
        lastContactAt: lastReplyAt,
        lastAttempts: attempts.get(id) ?? [],
      };
    })
    .sort((a, b) => rank(a) - rank(b) || (a.reasons[0]!.since ?? '').localeCompare(b.reasons[0]!.since ?? ''));
}

/** Why a candidate is on the call list, in words. */
export const INVITATION_CALL_REASONS: Record<InvitationToCall['callReason'], string> = {
  no_answer: 'did not answer the invitation',
  consent_unsigned: 'said yes but has not signed',
  asked_for_call: 'wrote something a person should read',
  voice_interest: 'said yes on a call: take consent by phone',
};

/** A candidate to call about their invitation to CCM. */
export interface InvitationCallEntry {
  kind: 'invitation';
  candidate: Pick<InvitationToCall, 'id' | 'firstName' | 'lastName' | 'phone' | 'language' | 'preferredChannel'>;
  reason: { code: InvitationToCall['callReason']; detail: string; since: string };
}

/** The practice's invitation entries on the call list, longest waiting first. */
export async function invitationCalls(db: Queryable, practice: Pick<Practice, 'id'>): Promise<InvitationCallEntry[]> {
  return (await invitationsToCall(db, practice.id)).map(({ callReason, callListedAt, state: _state, ...candidate }) => ({
    kind: 'invitation',
    candidate,
    reason: { code: callReason, detail: INVITATION_CALL_REASONS[callReason], since: callListedAt },
  }));
}
