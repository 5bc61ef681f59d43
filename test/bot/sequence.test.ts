/**
 * The month's sequence as a practice gets it without setting anything: the
 * article's four touchpoints, by each patient's channel; and the learned
 * sequence moving a patient who never answers the morning texts to the
 * evening, then to calls, with the schedule saying why, while a fixed
 * sequence leaves them where the cadence says.
 */
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';

const ZONE = 'America/Chicago';
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toFormat('LLL d HH:mm');
type Item = { at: string; kind: string; flow: string; channel: string; why: string | null; status: string };

// One scenario at a time: each fakes Twilio's API, and two fakes would answer for each other.
let s: Scenario;
beforeEach(async () => {
  s = await startScenario();
});
afterEach(async () => {
  await s.close();
});
const schedule = async (s: Scenario, patientId: string) => (await s.admin.get(`/api/v1/patients/${patientId}/schedule`)).body.items as Item[];
// December's (a patient enrolled on the 4th Tuesday is sent November's summary at once).
const touchpoints = (items: Item[]) => items.filter((i) => i.kind !== 'reminder' && i.kind !== 'refill_prompt' && i.at >= '2026-12').map((i) => `${local(i.at)} ${i.kind}/${i.flow} by ${i.channel}`);

describe("the article's sequence, by default", () => {
  it('texts in weeks 1 and 3, the questionnaire link in week 2, the summary by email in week 4; a patient who takes calls is called instead', async () => {
    const texts = await s.newPatient({ email: 'ana@example.org', emailConsent: 'link' });
    const calls = await s.newPatient({ firstName: 'Dan', preferredChannel: 'voice' });
    await s.runDue();
    expect(touchpoints(await schedule(s, texts.id))).toEqual([
      'Dec 1 10:00 check_in/wellness by sms',
      'Dec 8 10:00 questionnaire/questionnaire by sms',
      'Dec 15 10:00 check_in/wellness by sms',
      'Dec 22 10:00 summary/summary by email',
    ]);
    expect(touchpoints(await schedule(s, calls.id))).toEqual([
      'Dec 1 10:00 check_in/wellness by voice',
      'Dec 8 10:00 check_in/symptoms by voice',
      'Dec 15 10:00 check_in/wellness by voice',
      'Dec 22 10:00 summary/summary by email',
    ]);
    const first = (await schedule(s, texts.id)).find((i) => i.kind === 'check_in')!;
    expect(first.why).toBe('Texts at 10:00, as usual: nothing answered or missed yet to learn from.');
  });
});

describe('the learned channel and hour', () => {
  it("calls a patient who answered none of the month's texts, at an hour away from the missed ones; says why; a fixed sequence would not", async () => {
    const quiet = await s.newPatient({ firstName: 'Hal' });
    const answers = await s.newPatient({ firstName: 'Ana' });
    await s.runDue();

    // December: Hal answers nothing (the week-1 text, the week-2 link, the week-3 text); Ana answers each check-in.
    for (const day of ['2026-12-01', '2026-12-15']) {
      await s.advanceTo(`${day}T16:05:00Z`);
      await s.say(answers, '1');
    }
    await s.advanceTo('2027-01-04T12:00:00Z');
    const january = (await schedule(s, quiet.id)).find((i) => i.kind === 'check_in')!;
    expect(local(january.at)).toBe('Jan 5 18:00');
    expect(january).toMatchObject({ channel: 'voice', why: 'Calls at 18:00 (not tried yet): texts answered 0 of 3.' });
    const kept = (await schedule(s, answers.id)).find((i) => i.kind === 'check_in')!;
    expect(local(kept.at)).toBe('Jan 5 10:00');
    expect(kept).toMatchObject({ channel: 'sms', why: 'Texts at 10:00, as usual (answered 2 of 3).' });

    // The call is placed at 18:00 local, and Hal is not texted the check-in.
    await s.advanceTo('2027-01-06T01:00:00Z');
    expect(s.twilio.calls.filter((c) => c.To === quiet.phone).map((c) => local(c.at.toISOString()))).toEqual(['Jan 5 18:00']);
    const { rows } = await s.t.db.pool.query(
      `SELECT 1 FROM messages WHERE patient_id = $1 AND direction = 'outbound' AND kind = 'check_in' AND channel = 'sms' AND created_at >= '2027-01-01'`,
      [quiet.id],
    );
    expect(rows).toHaveLength(0);

    // The practice fixes its sequence: from the next night's plan, the cadence as written again.
    expect((await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { outreach: { channelChoice: 'fixed' } })).status).toBe(200);
    await s.advanceTo('2027-01-07T12:00:00Z');
    const fixed = (await schedule(s, quiet.id)).find((i) => i.kind === 'check_in' && i.status === 'planned')!;
    expect(local(fixed.at)).toBe('Jan 19 10:00');
    expect(fixed).toMatchObject({ channel: 'sms', why: "Texts at 10:00: the practice's sequence is fixed." });
  });
});
