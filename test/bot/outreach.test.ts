/**
 * Outreach that runs by itself, for a small panel, over a whole month: the
 * clock moves an hour at a time, patients answer (or do not) the way real
 * ones do, and every text that went out is checked: when, to whom, and that
 * nothing went twice or in quiet hours.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THREE_TEXTS_FIXED } from '../helpers/api.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';

const HOUR = 60 * 60 * 1000;

/** A patient who answers every question the way a well patient would; nothing to a text that asks nothing. */
const answersWell = (body: string): string | null => {
  if (!/\?|Reply|Responda/.test(body)) return null;
  return /blood pressure/i.test(body) ? '128/80' : /pain/i.test(body) ? '0' : /better|worse/i.test(body) ? 'same' : '1';
};
type Patient = { id: string; phone: string; firstName: string };

/** The check-in and reminder texts that left for the patient, with when (the service's records). */
async function outreachSent(s: Scenario, patient: Patient): Promise<Array<{ at: string; body: string }>> {
  const { rows } = await s.t.db.pool.query<{ sent_at: Date; body: string }>(
    `SELECT sent_at, body FROM messages WHERE patient_id = $1 AND direction = 'outbound' AND kind = 'check_in' AND sent_at IS NOT NULL ORDER BY sent_at`,
    [patient.id],
  );
  return rows.map((r) => ({ at: r.sent_at.toISOString(), body: r.body }));
}

/** The local times ("Dec 1 10:00") of the texts that left for the patient. */
const localTimes = (sent: Array<{ at: string }>, zone: string) => sent.map((m) => DateTime.fromISO(m.at, { zone }).toFormat('LLL d HH:mm'));

/** How many of each patient's texts the test has read. */
const seen = new Map<string, number>();

/**
 * Moves the clock an hour at a time to `until`; after each hour every
 * responder reads the texts that reached them since and answers each, and
 * each question that answer brings, until a text asks nothing more.
 */
async function live(s: Scenario, until: string, responders: Map<Patient, (body: string) => string | null>) {
  while (s.clock.now().getTime() < Date.parse(until)) {
    await s.advance(Math.min(HOUR, Date.parse(until) - s.clock.now().getTime()));
    for (const [patient, answer] of responders) {
      const sent = s.sentTo(patient.phone);
      for (const message of sent.slice(seen.get(patient.id) ?? 0)) {
        let reply = answer(message.Body);
        for (let turn = 0; reply && turn < 6; turn += 1) reply = answer((await s.say(patient, reply)).at(-1) ?? '');
      }
      seen.set(patient.id, sent.length);
    }
  }
}

describe('a month of outreach for a small panel in two time zones', () => {
  let s: Scenario;
  const p: Record<string, Patient> = {};

  beforeAll(async () => {
    s = await startScenario();
    expect((await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { outreach: THREE_TEXTS_FIXED })).status).toBe(200);
    const med = (patient: Patient, body: Record<string, unknown>) =>
      s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'lisinopril', dose: '10 mg', ...body });
    p.ana = await s.newPatient({ firstName: 'Ana' });
    await med(p.ana, { times: ['08:00'] });
    p.ben = await s.newPatient({ firstName: 'Ben', timezone: 'America/New_York' });
    await med(p.ben, { times: ['09:00'] });
    p.carla = await s.newPatient({ firstName: 'Carla', language: 'es' });
    await med(p.carla, { times: ['08:00'], reminders: false, refillDueOn: '2026-12-10' });
    p.dan = await s.newPatient({ firstName: 'Dan', preferredChannel: 'voice' });
    p.eve = await s.newPatient({ firstName: 'Eve' });
    p.fay = await s.newPatient({ firstName: 'Fay' });
    p.gus = await s.newPatient({ firstName: 'Gus', contactWindow: { days: ['thursday'], start: '14:00', end: '16:00' } });
    p.hal = await s.newPatient({ firstName: 'Hal' });

    // Nov 24 10:00 Chicago. Fay is in hospital from Nov 30 to Dec 10.
    await live(s, '2026-11-30T18:00:00Z', new Map([[p.ana!, answersWell]]));
    expect((await s.admin.post(`/api/v1/patients/${p.fay!.id}/pause`, { until: '2026-12-10T12:00:00Z' })).status).toBe(200);
    await live(s, '2026-12-02T18:00:00Z', new Map([[p.ana!, answersWell]]));
    await s.say(p.eve!, 'STOP');
    // Carla says she has no refill; Ben, silent so far, writes back on Dec 12.
    await live(s, '2026-12-12T15:00:00Z', new Map([[p.ana!, answersWell], [p.carla!, (body) => (/surtida/.test(body) ? '2' : null)]]));
    await s.say(p.ben!, 'sorry, I was at my daughters');
    await live(s, '2026-12-31T23:00:00Z', new Map([[p.ana!, answersWell], [p.ben!, answersWell]]));
  }, 600_000);
  afterAll(() => s.close());

  it('checks in on the 1st, 2nd and 3rd Tuesday at 10:00, and reminds each dose at 08:00, local time', async () => {
    const sent = await outreachSent(s, p.ana!);
    const times = localTimes(sent, 'America/Chicago');
    expect(times.filter((t) => t.endsWith('10:00'))).toEqual(['Dec 1 10:00', 'Dec 8 10:00', 'Dec 15 10:00']);
    const reminders = times.filter((t) => t.endsWith('08:00'));
    // Nov 25 to Dec 31, one a day, none twice.
    expect(reminders).toHaveLength(37);
    expect(new Set(reminders).size).toBe(37);
    expect(sent.find((m) => m.body.includes('time for your medicine'))).toBeDefined();
    // Her answers are adherence: no missed doses, no alerts.
    expect((await s.alerts(p.ana!.id)).filter((a) => a.reason.startsWith('missed'))).toEqual([]);
  });

  it('texts nobody in quiet hours, and never the same planned contact twice', async () => {
    for (const patient of Object.values(p)) {
      const zone = patient === p.ben ? 'America/New_York' : 'America/Chicago';
      for (const m of await outreachSent(s, patient)) {
        const hour = DateTime.fromISO(m.at, { zone }).hour;
        expect(hour >= 8 && hour < 21, `${patient.firstName} at ${m.at}`).toBe(true);
      }
    }
    const { rows } = await s.t.db.pool.query(`SELECT conversation_id, count(*) FROM outreach WHERE conversation_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1`);
    expect(rows).toEqual([]);
    const { rows: twice } = await s.t.db.pool.query(
      `SELECT patient_id, body, sent_at FROM messages WHERE direction = 'outbound' AND kind = 'check_in'
       GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    );
    expect(twice).toEqual([]);
  });

  it('marks a patient unreachable after 5 unanswered texts, puts them on the call list, and a reply brings them back', async () => {
    const times = localTimes(await outreachSent(s, p.ben!), 'America/New_York');
    // Reminders at 09:00 New York from Nov 25; the 5th went unanswered on Nov 29: nothing more until he wrote on Dec 12.
    expect(times.slice(0, 5)).toEqual(['Nov 25 09:00', 'Nov 26 09:00', 'Nov 27 09:00', 'Nov 28 09:00', 'Nov 29 09:00']);
    expect(times[5]).toBe('Dec 13 09:00');
    const events = (await s.admin.get(`/api/v1/patients/${p.ben!.id}/transcript`)).body.data.map((e: { kind: string }) => e.kind);
    expect(events).toEqual(expect.arrayContaining(['patient.unreachable', 'patient.reachable']));
    // Unanswered reminders are not missed doses (he may have taken every one): no missed-dose alert;
    // the silence itself put him on the call list, where a person asks.
    expect((await s.alerts(p.ben!.id)).map((a) => a.reason)).not.toContain('missed_doses');
    const silent = (await s.observations(p.ben!.id)).filter((o) => o.kind === 'reminder_unanswered');
    expect(silent.length).toBeGreaterThanOrEqual(5);
  });

  it('asks about a refill 3 days before it is due, in Spanish, and a "no" is work for the team', async () => {
    const sent = await outreachSent(s, p.carla!);
    const refill = sent.find((m) => m.body.includes('surtida'))!;
    expect(localTimes([refill], 'America/Chicago')).toEqual(['Dec 7 10:00']);
    expect(refill.body).toMatch(/^Hola, Carla\. .*medicina/);
    expect(refill.body).not.toContain('lisinopril');
    expect((await s.alerts(p.carla!.id)).map((a) => a.reason)).toContain('refill_needed');
  });

  it('calls who takes calls, texts nobody opted out or paused, and lands in the patient\'s window', async () => {
    expect(await outreachSent(s, p.dan!)).toEqual([]);
    const calls = s.twilio.calls.filter((c) => c.To === p.dan!.phone).map((c) => DateTime.fromJSDate(c.at, { zone: 'America/Chicago' }).toFormat('LLL d HH:mm'));
    // Nobody answers (the fake Twilio reports nothing): each check-in is tried once, then ends unanswered the next day.
    expect(calls).toEqual(['Dec 1 10:00', 'Dec 8 10:00', 'Dec 15 10:00']);
    expect(localTimes(await outreachSent(s, p.eve!), 'America/Chicago')).toEqual(['Dec 1 10:00']);
    // Paused Nov 30 to Dec 10: the Dec 1 and 8 check-ins did not go; Dec 15 did.
    expect(localTimes(await outreachSent(s, p.fay!), 'America/Chicago')).toEqual(['Dec 15 10:00']);
    expect(localTimes(await outreachSent(s, p.gus!), 'America/Chicago')).toEqual(['Dec 3 14:00', 'Dec 10 14:00', 'Dec 17 14:00']);
    const eve = (await s.admin.get(`/api/v1/patients/${p.eve!.id}/schedule`)).body;
    expect(eve).toEqual({ timezone: 'America/Chicago', reason: 'opted_out', items: [] });
  });

  it('lists who to call and why: unreachable, refills, non-responders from the 20th', async () => {
    const list = (await s.admin.get(`/api/v1/practices/${s.practice.id}/call-list`)).body.data as Array<{
      patient: { firstName: string };
      reasons: Array<{ code: string }>;
      lastAttempts: Array<{ outcome: string }>;
    }>;
    const why = Object.fromEntries(list.map((e) => [e.patient.firstName, e.reasons.map((r) => r.code)]));
    expect(why.Carla).toContain('refill');
    expect(why.Dan).toEqual(['non_responder']);
    expect(why.Hal).toEqual(['non_responder']);
    expect(why.Ana).toBeUndefined();
    const hal = list.find((e) => e.patient.firstName === 'Hal')!;
    expect(hal.lastAttempts.map((a) => a.outcome)).toEqual(['timed_out', 'timed_out', 'timed_out']);
    // The morning digest counts them.
    const digest = s.sentTo(s.coordinator.phone).filter((m) => m.Body.startsWith('Good morning')).at(-1)!;
    expect(digest.Body).toMatch(new RegExp(`${list.length} patients to call today`));
  });

  it('leaves off the list a patient enrolled on the 31st: nobody has asked them anything yet', async () => {
    const ivy = await s.newPatient({ firstName: 'Ivy' });
    const list = (await s.admin.get(`/api/v1/practices/${s.practice.id}/call-list`)).body.data as Array<{ patient: { id: string } }>;
    expect(list.map((e) => e.patient.id)).not.toContain(ivy.id);
    expect(list.map((e) => e.patient.id)).toContain(p.hal!.id);
  });

  it('takes a non-responder off the list once a coordinator has talked with them on the phone', async () => {
    const logged = await s.admin.post(`/api/v1/patients/${p.hal!.id}/time-entries`, { staffId: s.coordinator.id, activity: 'call', start: '2026-12-31T14:00', minutes: 9 });
    expect(logged.status).toBe(201);
    const list = (await s.admin.get(`/api/v1/practices/${s.practice.id}/call-list`)).body.data as Array<{ patient: { id: string } }>;
    expect(list.map((e) => e.patient.id)).not.toContain(p.hal!.id);
    expect(list.map((e) => e.patient.id)).toContain(p.dan!.id);
  });
});
