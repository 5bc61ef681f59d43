/**
 * Invitations, pure: standing (a visit within a year), channel, the steps of
 * a campaign, and when a started contact may go (quiet hours, the window,
 * one a local day, three in any 7 days).
 */
import { describe, expect, it } from 'vitest';
import {
  candidateStanding,
  candidateTextMayGo,
  invitationChannel,
  nextContactTime,
  nextInvitationStep,
  type ContactRules,
} from '../../src/planning/index.js';

const CHICAGO: ContactRules = { zone: 'America/Chicago', quietHours: { start: '21:00', end: '08:00' }, window: null };
const at = (iso: string) => new Date(iso);
const DAY = 24 * 60 * 60 * 1000;

describe('candidateStanding', () => {
  const now = at('2026-11-24T16:00:00Z');
  it.each([
    [null, 'needs_visit'],
    ['2026-11-01', 'eligible'],
    ['2025-11-24', 'eligible'],
    ['2025-11-23', 'needs_visit'],
    ['2019-05-01', 'needs_visit'],
  ] as const)('last visit %s -> %s', (lastVisitOn, standing) => {
    expect(candidateStanding({ lastVisitOn }, 'America/Chicago', now)).toBe(standing);
  });

  it('counts the days in the practice timezone', () => {
    // 03:00 UTC on the 25th is still the 24th in Chicago: a year and a day is not yet past.
    expect(candidateStanding({ lastVisitOn: '2025-11-24' }, 'America/Chicago', at('2026-11-25T03:00:00Z'))).toBe('eligible');
    expect(candidateStanding({ lastVisitOn: '2025-11-24' }, 'UTC', at('2026-11-25T03:00:00Z'))).toBe('needs_visit');
  });
});

describe('invitationChannel', () => {
  it('calls a landline or whoever prefers calls; texts the others', () => {
    expect(invitationChannel({ preferredChannel: 'sms', phoneType: 'mobile' })).toBe('sms');
    expect(invitationChannel({ preferredChannel: 'sms', phoneType: 'unknown' })).toBe('sms');
    expect(invitationChannel({ preferredChannel: 'sms', phoneType: 'landline' })).toBe('voice');
    expect(invitationChannel({ preferredChannel: 'voice', phoneType: 'mobile' })).toBe('voice');
  });
});

describe('candidateTextMayGo', () => {
  it.each([
    ['invited', 'invitation', false, true],
    ['invited', 'invitation_reminder', false, true],
    ['interested', 'invitation_reminder', false, false],
    ['interested', 'consent_link', false, true],
    ['interested', 'consent_reminder', false, true],
    ['consented', 'consent_reminder', false, false],
    ['declined', 'consent_link', false, false],
    ['declined', 'invitation_reminder', false, false],
    ['opted_out', 'invitation_reminder', false, false],
    ['opted_out', 'invitation_opt_out', true, true],
    ['no_answer', 'invitation_reminder', false, false],
  ] as const)('%s, %s (reply: %s) -> %s', (state, kind, reply, goes) => {
    expect(candidateTextMayGo(state, kind, reply)).toBe(goes);
  });
});

describe('nextInvitationStep', () => {
  const start = at('2026-11-24T16:00:00Z');
  it('invites first, then reminds on the reminder days after the invitation went, then gives up 3 days after the last', () => {
    expect(nextInvitationStep([], [3, 7], start)).toEqual({ kind: 'send', step: 0, dueAt: start });
    const invited = { step: 0, at: at('2026-11-25T14:00:00Z') };
    expect(nextInvitationStep([invited], [3, 7], start)).toEqual({ kind: 'send', step: 1, dueAt: at('2026-11-28T14:00:00Z') });
    const reminded = { step: 1, at: at('2026-11-28T14:00:00Z') };
    expect(nextInvitationStep([invited, reminded], [3, 7], start)).toEqual({ kind: 'send', step: 2, dueAt: at('2026-12-02T14:00:00Z') });
    const last = { step: 2, at: at('2026-12-02T15:00:00Z') };
    expect(nextInvitationStep([invited, reminded, last], [3, 7], start)).toEqual({ kind: 'no_answer', dueAt: at('2026-12-05T15:00:00Z') });
  });

  it('keeps reminders in order when one was held back past the next one\'s day', () => {
    const invited = { step: 0, at: at('2026-11-24T16:00:00Z') };
    const late = { step: 1, at: at('2026-12-01T16:00:00Z') };
    const next = nextInvitationStep([invited, late], [1, 2, 3], invited.at);
    expect(next).toEqual({ kind: 'send', step: 2, dueAt: late.at });
  });
});

describe('nextContactTime', () => {
  it('sends at once in the day, outside quiet hours', () => {
    const now = at('2026-11-24T16:00:00Z'); // 10:00 in Chicago
    expect(nextContactTime(now, [], CHICAGO)).toEqual(now);
  });

  it('holds a contact due at 22:00 local until 08:00 the next morning', () => {
    expect(nextContactTime(at('2026-11-25T04:00:00Z'), [], CHICAGO)).toEqual(at('2026-11-25T14:00:00Z'));
  });

  it('holds it until the window opens when the practice keeps one', () => {
    const rules: ContactRules = { ...CHICAGO, window: { days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], start: '10:00', end: '16:00' } };
    // 22:00 on Friday 27 November: Monday 30 November at 10:00.
    expect(nextContactTime(at('2026-11-28T04:00:00Z'), [], rules)).toEqual(at('2026-11-30T16:00:00Z'));
  });

  it('never starts two contacts on one local day', () => {
    const earlier = [{ at: at('2026-11-24T15:00:00Z') }]; // 09:00 local
    // 11:00 local the same day: the next day at 08:00.
    expect(nextContactTime(at('2026-11-24T17:00:00Z'), earlier, CHICAGO)).toEqual(at('2026-11-25T14:00:00Z'));
  });

  it('never starts a fourth in 7 days, even with reminders a day apart', () => {
    const earlier = [at('2026-11-24T16:00:00Z'), at('2026-11-25T16:00:00Z'), at('2026-11-26T16:00:00Z')].map((a) => ({ at: a }));
    const when = nextContactTime(at('2026-11-27T16:00:00Z'), earlier, CHICAGO);
    expect(when).toEqual(at('2026-12-01T16:00:00Z'));
    const all = [...earlier.map((e) => e.at.getTime()), when.getTime()];
    for (const t of all) expect(all.filter((o) => o > t - 7 * DAY && o <= t).length).toBeLessThanOrEqual(3);
  });

  it('moves past quiet hours after the 7-day wait when that lands in the night', () => {
    const earlier = [at('2026-11-25T03:30:00Z'), at('2026-11-26T16:00:00Z'), at('2026-11-27T16:00:00Z')].map((a) => ({ at: a }));
    // The first left the window at 21:30 local on 1 December: quiet hours, so 08:00 on the 2nd.
    expect(nextContactTime(at('2026-11-28T16:00:00Z'), earlier, CHICAGO)).toEqual(at('2026-12-02T14:00:00Z'));
  });

  it('keeps local days across a daylight-saving change', () => {
    // 1 November 2026: clocks fall back in Chicago. A contact at 08:30 local (CDT) that morning.
    const earlier = [{ at: at('2026-11-01T13:30:00Z') }];
    // 20:00 local (CST) the same day is still that day: the next day at 08:00 CST.
    expect(nextContactTime(at('2026-11-02T02:00:00Z'), earlier, CHICAGO)).toEqual(at('2026-11-02T14:00:00Z'));
  });
});
