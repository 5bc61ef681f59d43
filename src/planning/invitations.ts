/**
 * Enrolment invitations, pure: whether a candidate may be invited yet (a
 * visit within a year), how to reach them, which step of a campaign is due,
 * and when the next contact a campaign starts may go (quiet hours, the
 * contact window, and the TCPA-style caps: one a local day, three in any 7
 * days). src/enrolment stores and sends what this decides.
 */
import { DateTime } from 'luxon';
import { inQuietHours, localDate, minutesOf } from './local-time.js';
import { WEEKDAYS, type ContactWindow } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A last visit older than this (or none) needs an initiating visit before CCM can start (CMS). */
export const VISIT_WITHIN_DAYS = 365;
/** Days after the last reminder with no answer before a person is asked to call. */
export const NO_ANSWER_AFTER_DAYS = 3;
/** The caps on contacts a campaign starts: per local calendar day, and per rolling window. */
export const INVITATION_CAPS = { perLocalDay: 1, perWindow: 3, windowDays: 7 } as const;

/** Texts a campaign starts (sent only while the candidate is still `invited`). */
export const INVITATION_TEXT_KINDS: ReadonlySet<string> = new Set(['invitation', 'invitation_reminder']);
/** Texts that carry or recall the consent link (sent only while the candidate is `interested`). */
export const CONSENT_TEXT_KINDS: ReadonlySet<string> = new Set(['consent_link', 'consent_reminder']);

export type CandidateStanding = 'eligible' | 'needs_visit';

/**
 * `needs_visit` when the candidate was never seen or last seen more than a
 * year before today in the practice's timezone: CMS wants an initiating visit
 * first, so a campaign does not invite them.
 */
export function candidateStanding(candidate: { lastVisitOn: string | null }, practiceTimezone: string, now: Date): CandidateStanding {
  if (candidate.lastVisitOn === null) return 'needs_visit';
  const today = DateTime.fromISO(localDate(now, practiceTimezone), { zone: 'UTC' });
  const visit = DateTime.fromISO(candidate.lastVisitOn.slice(0, 10), { zone: 'UTC' });
  if (!visit.isValid) return 'needs_visit';
  return today.diff(visit, 'days').days > VISIT_WITHIN_DAYS ? 'needs_visit' : 'eligible';
}

/** A landline cannot take a text; otherwise the candidate's preference. */
export const invitationChannel = (candidate: { preferredChannel: 'sms' | 'voice'; phoneType: 'mobile' | 'landline' | 'unknown' }): 'sms' | 'voice' =>
  candidate.preferredChannel === 'voice' || candidate.phoneType === 'landline' ? 'voice' : 'sms';

/**
 * Whether a queued text to a candidate in `state` may still go: the
 * campaign's texts only while they have not answered, the consent texts only
 * while they said yes and have not signed; nothing after a no or a consent
 * but replies to what they wrote; after an opt-out, only the reply that
 * confirms it.
 */
export function candidateTextMayGo(state: string, kind: string, isReply: boolean): boolean {
  if (isReply) return true;
  if (state === 'opted_out' || state === 'declined' || state === 'consented') return false;
  if (INVITATION_TEXT_KINDS.has(kind)) return state === 'invited';
  if (CONSENT_TEXT_KINDS.has(kind)) return state === 'interested';
  return true;
}

/** A contact a campaign started, as the caps count it. */
export interface StartedContact {
  step: number;
  purpose: string;
  at: Date;
}

/** Step 0 is the invitation, 1..n the reminders (reminderDays[n-1] days after the invitation). */
export type InvitationStep = { kind: 'send'; step: number; dueAt: Date } | { kind: 'no_answer'; dueAt: Date };

/**
 * The campaign's next step for a candidate who has not answered, from the
 * contacts already made: the invitation when none went; a reminder at its
 * day after the invitation went; after the last reminder, `no_answer`
 * NO_ANSWER_AFTER_DAYS days after it went. `dueAt` may be in the past (a
 * step held back by the caps): it is due now.
 */
export function nextInvitationStep(sent: readonly Pick<StartedContact, 'step' | 'at'>[], reminderDays: readonly number[], campaignStart: Date): InvitationStep {
  const invitation = sent.find((c) => c.step === 0);
  if (!invitation) return { kind: 'send', step: 0, dueAt: campaignStart };
  const done = new Set(sent.map((c) => c.step));
  const next = reminderDays.findIndex((_days, index) => !done.has(index + 1));
  if (next >= 0) {
    // Never before the step before it went: a reminder held by the caps keeps the ones after it in order.
    const previous = sent.filter((c) => c.step <= next).reduce((latest, c) => (c.at > latest ? c.at : latest), invitation.at);
    const due = new Date(invitation.at.getTime() + reminderDays[next]! * DAY_MS);
    return { kind: 'send', step: next + 1, dueAt: due > previous ? due : previous };
  }
  const last = sent.reduce((latest, c) => (c.at > latest ? c.at : latest), invitation.at);
  return { kind: 'no_answer', dueAt: new Date(last.getTime() + NO_ANSWER_AFTER_DAYS * DAY_MS) };
}

export interface ContactRules {
  /** The candidate's timezone, or the practice's. */
  zone: string;
  quietHours: { start: string; end: string };
  /** Days and hours the practice contacts people in, if it keeps such a window. */
  window: ContactWindow | null;
}

/** Whether local time `t` is outside quiet hours and inside the window. */
function isOpen(t: DateTime, rules: ContactRules): boolean {
  const time = t.toFormat('HH:mm');
  const minute = minutesOf(time);
  const { window } = rules;
  const inWindow = !window || (window.days.includes(WEEKDAYS[t.weekday - 1]!) && minute >= minutesOf(window.start) && minute < minutesOf(window.end));
  return inWindow && !inQuietHours(time, rules.quietHours);
}

/** The first moment at or after `from` outside quiet hours and inside the window (looked for over two weeks). */
function openHour(from: Date, rules: ContactRules): Date {
  const openings = [minutesOf(rules.quietHours.end), ...(rules.window ? [minutesOf(rules.window.start)] : [])].sort((a, b) => a - b);
  let t = DateTime.fromJSDate(from, { zone: rules.zone });
  for (let guard = 0; guard < 14 * 3; guard += 1) {
    if (isOpen(t, rules)) return t.toJSDate();
    // The next moment that could open: the end of quiet hours or the window's start today, else the next midnight.
    const minute = t.hour * 60 + t.minute;
    const next = openings.find((m) => m > minute);
    t = next === undefined ? t.plus({ days: 1 }).startOf('day') : t.set({ hour: Math.floor(next / 60), minute: next % 60, second: 0, millisecond: 0 });
  }
  return from;
}

/**
 * When the next contact a campaign starts may go, at or after `due`: outside
 * quiet hours and inside the contact window in the candidate's timezone, on
 * a local day with no other started contact, and with fewer than three in
 * the 7 days before it. A step held back goes at the first moment all of
 * these allow. Replies to what a candidate wrote are not counted here.
 */
export function nextContactTime(due: Date, earlier: readonly Pick<StartedContact, 'at'>[], rules: ContactRules): Date {
  const times = earlier.map((c) => c.at.getTime()).sort((a, b) => a - b);
  let t = due;
  for (let guard = 0; guard < 64; guard += 1) {
    let moved = openHour(t, rules);
    const day = localDate(moved, rules.zone);
    if (times.filter((at) => localDate(new Date(at), rules.zone) === day).length >= INVITATION_CAPS.perLocalDay) {
      moved = DateTime.fromJSDate(moved, { zone: rules.zone }).plus({ days: 1 }).startOf('day').toJSDate();
    } else {
      const windowMs = INVITATION_CAPS.windowDays * DAY_MS;
      const inWindow = times.filter((at) => at > moved.getTime() - windowMs && at <= moved.getTime());
      if (inWindow.length >= INVITATION_CAPS.perWindow) {
        // Wait until enough of them have left the window: 7 days after the oldest that must go.
        const leaving = inWindow[inWindow.length - INVITATION_CAPS.perWindow]!;
        moved = new Date(leaving + windowMs);
      }
    }
    if (moved.getTime() === t.getTime()) return t;
    t = moved;
  }
  return t;
}
