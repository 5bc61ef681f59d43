/**
 * When a campaign's texts go, on a real database and the service's clock:
 * never two on one local day nor four in 7 days (even with reminders a day
 * apart), never in quiet hours, the reminders on their days, then the call
 * list; a candidate without a recent visit is not invited.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { addCandidate, candidateRow, contactsOf, DAY, outboundTo, startCampaignFor } from './support.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const local = (instant: Date, zone = 'America/Chicago') => DateTime.fromJSDate(instant, { zone });

describe('a campaign\'s schedule', () => {
  it('invites, reminds after 3 and 7 days, then after 3 more leaves the candidate for a person to call', async () => {
    const start = s.clock.now();
    const candidate = await addCandidate(s);
    await startCampaignFor(s, [candidate.id]);
    await s.advance(9 * DAY);
    expect((await contactsOf(s, candidate.id)).map((c) => [c.purpose, (c.at.getTime() - start.getTime()) / DAY])).toEqual([
      ['invitation', 0],
      ['reminder', 3],
      ['reminder', 7],
    ]);
    expect((await candidateRow(s, candidate.id)).state).toBe('invited');
    await s.advance(1 * DAY + 60_000);
    const row = await candidateRow(s, candidate.id);
    expect(row.state).toBe('no_answer');
    expect(row.call_reason).toBe('no_answer');
    expect(row.no_answer_at!.getTime()).toBe(start.getTime() + 10 * DAY);
    expect((await outboundTo(s, candidate.id)).map((m) => [m.kind, m.status])).toEqual([
      ['invitation', 'queued'],
      ['invitation_reminder', 'queued'],
      ['invitation_reminder', 'queued'],
    ]);
    expect(s.sentTo(candidate.phone)[1]!.Body).toMatch(/^Reminder from Riverside Family Medicine: Rosa, /);
  });

  it('never sends two started contacts on one local day nor four in 7 days, even with reminders on days 1, 2 and 3', async () => {
    const candidate = await addCandidate(s);
    await startCampaignFor(s, [candidate.id], [1, 2, 3]);
    await s.advance(14 * DAY);
    const sent = (await outboundTo(s, candidate.id)).filter((m) => m.sent_at);
    expect(sent.map((m) => m.kind)).toEqual(['invitation', 'invitation_reminder', 'invitation_reminder', 'invitation_reminder']);
    const times = sent.map((m) => m.sent_at!.getTime());
    const days = times.map((t) => local(new Date(t)).toISODate());
    expect(new Set(days).size).toBe(days.length);
    for (const t of times) expect(times.filter((o) => o > t - 7 * DAY && o <= t).length).toBeLessThanOrEqual(3);
    // The third reminder waited for the invitation to leave the 7 days.
    expect(times[3]! - times[0]!).toBe(7 * DAY);
    expect((await candidateRow(s, candidate.id)).state).toBe('no_answer');
  });

  it('a campaign started at 22:00 local sends its invitation at 08:00', async () => {
    const tonight = local(s.clock.now()).plus({ days: 1 }).set({ hour: 22, minute: 0, second: 0, millisecond: 0 });
    await s.advanceTo(tonight.toJSDate());
    const candidate = await addCandidate(s);
    await startCampaignFor(s, [candidate.id]);
    await s.advance(2 * 60 * 60 * 1000);
    expect(await outboundTo(s, candidate.id)).toEqual([]);
    await s.advance(10 * 60 * 60 * 1000);
    const [invitation] = await outboundTo(s, candidate.id);
    expect(local(invitation!.sent_at!).toFormat('yyyy-MM-dd HH:mm')).toBe(tonight.plus({ days: 1 }).set({ hour: 8 }).toFormat('yyyy-MM-dd HH:mm'));
  });

  it('keeps the candidate\'s own timezone for quiet hours', async () => {
    // 07:30 in Chicago is 05:30 in Los Angeles: the invitation waits for 08:00 there.
    const morning = local(s.clock.now()).plus({ days: 1 }).set({ hour: 7, minute: 30, second: 0, millisecond: 0 });
    await s.advanceTo(morning.toJSDate());
    const candidate = await addCandidate(s, { timezone: 'America/Los_Angeles' });
    await startCampaignFor(s, [candidate.id]);
    await s.advance(6 * 60 * 60 * 1000);
    const [invitation] = await outboundTo(s, candidate.id);
    expect(local(invitation!.sent_at!, 'America/Los_Angeles').toFormat('HH:mm')).toBe('08:00');
  });

  it('does not invite a candidate not seen within a year: reported as skipped, and listed still', async () => {
    const stale = await addCandidate(s, { lastVisitOn: '2024-06-01' });
    const never = await addCandidate(s, { lastVisitOn: null });
    const recent = await addCandidate(s);
    const started = await startCampaignFor(s, [stale.id, never.id, recent.id, '00000000-0000-4000-8000-000000000000']);
    expect(started.invited).toEqual([recent.id]);
    expect(started.skipped).toEqual([
      { candidateId: stale.id, reason: 'needs_visit' },
      { candidateId: never.id, reason: 'needs_visit' },
      { candidateId: '00000000-0000-4000-8000-000000000000', reason: 'unknown' },
    ]);
    await s.advance(DAY);
    expect((await candidateRow(s, stale.id)).state).toBe('listed');
    expect(await outboundTo(s, stale.id)).toEqual([]);
    expect(await outboundTo(s, never.id)).toEqual([]);
    // Already invited: not invited twice.
    const again = await startCampaignFor(s, [recent.id]);
    expect(again.skipped).toEqual([{ candidateId: recent.id, reason: 'not_listed' }]);
  });

  it('"all listed" invites every listed candidate with a recent visit', async () => {
    const a = await addCandidate(s);
    const stale = await addCandidate(s, { lastVisitOn: '2020-01-01' });
    const started = await startCampaignFor(s, 'all_listed');
    expect(started.invited).toContain(a.id);
    expect(started.invited).not.toContain(stale.id);
    expect(started.skipped).toContainEqual({ candidateId: stale.id, reason: 'needs_visit' });
  });

  it('refuses reminder days that do not increase, naming the field', async () => {
    const candidate = await addCandidate(s);
    await expect(startCampaignFor(s, [candidate.id], [7, 3])).rejects.toMatchObject({ code: 'validation_failed', field: 'reminderDays' });
  });
});
