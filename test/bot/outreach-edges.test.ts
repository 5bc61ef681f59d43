/**
 * Outreach at its edges: daylight-saving changes, quiet hours, an outage, two
 * instances on one database, a changed cadence, what the schedule API shows.
 */
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { THREE_TEXTS_FIXED } from '../helpers/api.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { startTestService } from '../helpers/service.js';
import { runPlanJob } from '../../src/outreach/index.js';

const HOUR = 60 * 60 * 1000;

/** When the patient's outreach texts left, in Chicago time. */
async function sentTimes(s: Scenario, patientId: string): Promise<string[]> {
  const { rows } = await s.t.db.pool.query<{ sent_at: Date }>(
    `SELECT sent_at FROM messages WHERE patient_id = $1 AND direction = 'outbound' AND kind = 'check_in' AND sent_at IS NOT NULL ORDER BY sent_at`,
    [patientId],
  );
  return rows.map((r) => DateTime.fromJSDate(r.sent_at, { zone: 'America/Chicago' }).toFormat("LLL d HH:mm ZZZZ"));
}

const scenarios: Scenario[] = [];
/** A scenario whose patients never answer: the practice lets 20 texts go unanswered before calling them unreachable. */
async function scenario(start: string) {
  const s = await startScenario({}, { start });
  await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { outreach: { unreachableAfter: 20, ...THREE_TEXTS_FIXED } });
  scenarios.push(s);
  return s;
}
afterAll(async () => {
  for (const s of scenarios) await s.close();
});

describe('dose reminders across daylight-saving changes', () => {
  it('spring forward (2026-03-08): 08:00 stays 08:00, and 02:30, which does not exist that day, goes at 03:00', async () => {
    const s = await scenario('2026-03-06T18:00:00Z');
    // A practice whose quiet hours end at 02:00 (night-shift patients), so a 02:30 dose may be reminded.
    await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { quietHours: { start: '23:00', end: '02:00' }, outreach: { cadence: { time: '10:00', slots: [] } } });
    const patient = await s.newPatient();
    expect((await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'a', dose: '1', times: ['02:30', '08:00'] })).status).toBe(201);
    await s.advanceTo('2026-03-09T18:00:00Z');
    expect(await sentTimes(s, patient.id)).toEqual([
      'Mar 7 02:30 CST',
      'Mar 7 08:00 CST',
      'Mar 8 03:00 CDT',
      'Mar 8 08:00 CDT',
      'Mar 9 02:30 CDT',
      'Mar 9 08:00 CDT',
    ]);
  });

  it('fall back (2026-11-01): 01:30 happens twice and is reminded once; 08:00 stays 08:00', async () => {
    const s = await scenario('2026-10-30T18:00:00Z');
    await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { quietHours: { start: '23:00', end: '01:00' }, outreach: { cadence: { time: '10:00', slots: [] } } });
    const patient = await s.newPatient();
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'a', dose: '1', times: ['01:30', '08:00'] });
    await s.advanceTo('2026-11-02T18:00:00Z');
    expect(await sentTimes(s, patient.id)).toEqual([
      'Oct 31 01:30 CDT',
      'Oct 31 08:00 CDT',
      'Nov 1 01:30 CDT',
      'Nov 1 08:00 CST',
      'Nov 2 01:30 CST',
      'Nov 2 08:00 CST',
    ]);
  });
});

describe('quiet hours are never planned into', () => {
  it('refuses a dose time, a check-in time or a contact window inside them, naming the window', async () => {
    const s = await scenario('2026-11-24T16:00:00Z');
    const patient = await s.newPatient();
    const dose = await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'a', dose: '1', times: ['08:00', '22:30'] });
    expect(dose.status).toBe(400);
    expect(dose.body.error.message).toContain("22:30 falls in the practice's quiet hours (21:00-08:00)");
    const cadence = await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { outreach: { cadence: { time: '07:00', slots: [] } } });
    expect(cadence.status).toBe(400);
    expect(cadence.body.error.message).toContain('quiet hours (21:00-08:00)');
    const window = await s.admin.patch(`/api/v1/patients/${patient.id}`, { contactWindow: { days: ['monday'], start: '19:00', end: '22:00' } });
    expect(window.status).toBe(400);
    expect(window.body.error.message).toMatch(/contactWindow.*quiet hours/);
    // Without reminders, a night dose is only documentation.
    expect((await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'a', dose: '1', times: ['22:30'], reminders: false })).status).toBe(201);
  });
});

describe('after an outage', () => {
  it('sends what is still useful once, and records the rest as late: no burst', async () => {
    const s = await scenario('2026-11-24T16:00:00Z');
    const patient = await s.newPatient();
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'a', dose: '1', times: ['08:00'] });
    // The service is down from Nov 30 until Dec 9 12:00: nothing runs while the clock moves.
    await s.advanceTo('2026-11-30T00:00:00Z');
    const before = (await sentTimes(s, patient.id)).length;
    s.clock.set(new Date('2026-12-09T18:00:00Z'));
    await s.runDue();
    const after = (await sentTimes(s, patient.id)).slice(before);
    // Of the Dec 1 and Dec 8 check-ins only the later goes; no reminder more than an hour late goes.
    expect(after).toEqual(['Dec 9 12:00 CST']);
    const { rows } = await s.t.db.pool.query(
      `SELECT kind, to_char(planned_for AT TIME ZONE 'America/Chicago', 'Mon DD HH24:MI') AS planned, reason FROM outreach
       WHERE patient_id = $1 AND status = 'late' ORDER BY planned_for`,
      [patient.id],
    );
    expect(rows).toEqual([
      { kind: 'reminder', planned: 'Nov 30 08:00', reason: 'more than an hour late' },
      { kind: 'check_in', planned: 'Dec 01 10:00', reason: 'a later check-in is due' },
    ]);
  });
});

describe('two instances on one database', () => {
  it('never send a reminder or a check-in twice', async () => {
    const s = await scenario('2026-11-24T16:00:00Z');
    const second = await startTestService({}, { beside: s.t });
    try {
      const patients = [];
      for (let i = 0; i < 6; i += 1) {
        const patient = await s.newPatient();
        await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'a', dose: '1', times: ['08:00', '20:00'] });
        patients.push(patient);
      }
      // Both instances plan the panel and run whatever is due, at the same moments.
      await Promise.all([runPlanJob(s.t.service.runtime.pool, s.clock.now(), { practiceId: s.practice.id }), runPlanJob(second.service.runtime.pool, s.clock.now(), { practiceId: s.practice.id })]);
      for (let hour = 0; hour < 8 * 24; hour += 1) {
        s.clock.set(new Date(s.clock.now().getTime() + HOUR));
        await Promise.all([s.runDue(), second.runDue()]);
      }
      for (const patient of patients) {
        const times = await sentTimes(s, patient.id);
        expect(new Set(times).size, times.join(', ')).toBe(times.length);
        // Reminders at 08:00 and 20:00 from Nov 24 20:00 to Dec 2 08:00, and the Dec 1 check-in.
        expect(times.length, times.join(", ")).toBe(16 + 1);
      }
    } finally {
      await second.close();
    }
  });
});

describe('the schedule and changing it', () => {
  it('lists the next 35 days with the patient\'s offset; a new cadence applies from now, the past is not repeated', async () => {
    const s = await scenario('2026-11-24T16:00:00Z');
    const patient = await s.newPatient({ timezone: 'America/New_York' });
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'a', dose: '1', times: ['09:00'], reminders: false, refillDueOn: '2026-12-20' });
    const schedule = (await s.admin.get(`/api/v1/patients/${patient.id}/schedule`)).body;
    expect(schedule.reason).toBeNull();
    expect(schedule.items.map((i: { at: string; flow: string }) => `${i.at.slice(0, 16)}${i.at.slice(-6)} ${i.flow}`)).toEqual([
      '2026-12-01T10:00-05:00 wellness',
      '2026-12-08T10:00-05:00 symptoms',
      '2026-12-15T10:00-05:00 wellness',
      '2026-12-17T10:00-05:00 refill',
      '2026-12-29T10:00-05:00 wellness',
    ].slice(0, 4).concat([]));

    await s.advanceTo('2026-12-02T12:00:00Z');
    // From now on: symptoms on the last Friday, at 11:00.
    const changed = await s.admin.patch(`/api/v1/practices/${s.practice.id}`, {
      outreach: { cadence: { time: '11:00', slots: [{ week: 5, weekday: 'friday', flow: 'symptoms' }] } },
    });
    expect(changed.status).toBe(200);
    await s.runDue();
    const after = (await s.admin.get(`/api/v1/patients/${patient.id}/schedule`)).body.items;
    expect(after.filter((i: { kind: string }) => i.kind === 'check_in').map((i: { at: string }) => i.at.slice(0, 16))).toEqual(['2026-12-25T11:00']);
    await s.advanceTo('2026-12-31T12:00:00Z');
    expect((await sentTimes(s, patient.id)).filter((t) => !t.includes('Dec 17'))).toEqual(['Dec 1 09:00 CST', 'Dec 25 10:00 CST']);
  });

  it('pause, resume and disenrolment: each says why nothing is planned', async () => {
    const s = await scenario('2026-11-24T16:00:00Z');
    const patient = await s.newPatient();
    const url = `/api/v1/patients/${patient.id}`;
    expect((await s.admin.post(`${url}/pause`, {})).body.pausedAt).not.toBeNull();
    expect((await s.admin.get(`${url}/schedule`)).body).toMatchObject({ reason: 'paused', items: [] });
    await s.admin.post(`${url}/resume`, {});
    expect((await s.admin.get(`${url}/schedule`)).body.items.length).toBeGreaterThan(0);
    expect((await s.admin.patch(url, { status: 'disenrolled' })).body.status).toBe('disenrolled');
    expect((await s.admin.get(`${url}/schedule`)).body).toMatchObject({ reason: 'disenrolled', items: [] });
    await s.advanceTo('2026-12-20T12:00:00Z');
    expect(await sentTimes(s, patient.id)).toEqual([]);
    expect((await s.admin.post(`${url}/check-ins`, { flow: 'wellness' })).status).toBe(409);
    const pastUntil = await s.admin.post(`${url}/pause`, { until: '2020-01-01T00:00:00Z' });
    expect(pastUntil.status).toBe(400);
  });
});
