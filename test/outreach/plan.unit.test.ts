/** The outreach plan, pure: cadence slots, dose times across daylight-saving changes, windows, refills. */
import { describe, expect, it } from 'vitest';
import { atLocal, outreachBlock, plannedContacts, slotDate, type Cadence, type PatientPlan } from '../../src/planning/index.js';

const CADENCE: Cadence = {
  time: '10:00',
  slots: [
    { week: 1, weekday: 'tuesday', flow: 'wellness' },
    { week: 2, weekday: 'tuesday', flow: 'symptoms' },
    { week: 3, weekday: 'tuesday', flow: 'wellness' },
  ],
};
const plan = (extra: Partial<PatientPlan> = {}): PatientPlan => ({ zone: 'America/Chicago', cadence: CADENCE, window: null, medications: [], ...extra });
const iso = (d: Date) => d.toISOString();

describe('the monthly cadence', () => {
  it('is the first, second and third Tuesday at 10:00 local', () => {
    const contacts = plannedContacts(plan(), new Date('2026-12-01T00:00:00Z'), new Date('2027-01-01T06:00:00Z'));
    expect(contacts.map((c) => [c.flow, iso(c.at)])).toEqual([
      ['wellness', '2026-12-01T16:00:00.000Z'],
      ['symptoms', '2026-12-08T16:00:00.000Z'],
      ['wellness', '2026-12-15T16:00:00.000Z'],
    ]);
  });

  it('week 5 is the last such weekday of the month', () => {
    expect(slotDate('2026-12', { week: 5, weekday: 'tuesday' })).toBe('2026-12-29');
    expect(slotDate('2026-02', { week: 5, weekday: 'friday' })).toBe('2026-02-27');
    expect(slotDate('2026-12', { week: 1, weekday: 'monday' })).toBe('2026-12-07');
  });

  it('lands inside the patient\'s contact window', () => {
    const window = { days: ['thursday' as const], start: '14:00', end: '16:00' };
    const contacts = plannedContacts(plan({ window }), new Date('2026-12-01T00:00:00Z'), new Date('2026-12-06T00:00:00Z'));
    // Tuesday Dec 1 10:00 moves to Thursday Dec 3 14:00 Chicago.
    expect(contacts.map((c) => iso(c.at))).toEqual(['2026-12-03T20:00:00.000Z']);
  });
});

describe('dose reminders are local times', () => {
  const meds = [{ id: 'm1', times: ['02:30', '08:00'], refillDueOn: null, active: true, reminders: true }];

  it('across spring forward (2026-03-08): 08:00 stays 08:00; 02:30, which does not exist, goes at 03:00', () => {
    const contacts = plannedContacts(plan({ medications: meds, cadence: { ...CADENCE, slots: [] } }), new Date('2026-03-07T06:00:00Z'), new Date('2026-03-09T06:00:00Z'));
    expect(contacts.map((c) => [c.slot, iso(c.at)])).toEqual([
      ['reminder:2026-03-07T02:30', '2026-03-07T08:30:00.000Z'],
      ['reminder:2026-03-07T08:00', '2026-03-07T14:00:00.000Z'],
      ['reminder:2026-03-08T03:00', '2026-03-08T08:00:00.000Z'],
      ['reminder:2026-03-08T08:00', '2026-03-08T13:00:00.000Z'],
    ]);
  });

  it('across fall back (2026-11-01): 01:30 happens twice and is reminded once; 08:00 stays 08:00', () => {
    const medications = [{ id: 'm1', times: ['01:30', '08:00'], refillDueOn: null, active: true, reminders: true }];
    const contacts = plannedContacts(plan({ medications, cadence: { ...CADENCE, slots: [] } }), new Date('2026-11-01T05:00:00Z'), new Date('2026-11-02T06:00:00Z'));
    expect(contacts.map((c) => [c.slot, iso(c.at)])).toEqual([
      ['reminder:2026-11-01T01:30', '2026-11-01T06:30:00.000Z'],
      ['reminder:2026-11-01T08:00', '2026-11-01T14:00:00.000Z'],
    ]);
  });

  it('medicines due at the same time are one reminder for all of them; another time has its own', () => {
    const medications = [
      { id: 'm1', times: ['08:00', '18:38'], refillDueOn: null, active: true, reminders: true },
      { id: 'm2', times: ['18:38'], refillDueOn: null, active: true, reminders: true },
      { id: 'm3', times: ['18:38'], refillDueOn: null, active: true, reminders: false },
    ];
    const contacts = plannedContacts(plan({ medications, cadence: { ...CADENCE, slots: [] } }), new Date('2026-12-01T06:00:00Z'), new Date('2026-12-02T06:00:00Z'));
    expect(contacts.map((c) => [c.slot, c.medicationIds, c.medicationId ?? null])).toEqual([
      ['reminder:2026-12-01T08:00', ['m1'], 'm1'],
      ['reminder:2026-12-01T18:38', ['m1', 'm2'], null],
    ]);
  });

  it('times that fall together on a daylight-saving day are one reminder', () => {
    const medications = [
      { id: 'm1', times: ['02:30'], refillDueOn: null, active: true, reminders: true },
      { id: 'm2', times: ['03:00'], refillDueOn: null, active: true, reminders: true },
    ];
    const contacts = plannedContacts(plan({ medications, cadence: { ...CADENCE, slots: [] } }), new Date('2026-03-08T06:00:00Z'), new Date('2026-03-09T06:00:00Z'));
    expect(contacts.map((c) => [c.slot, c.medicationIds])).toEqual([['reminder:2026-03-08T03:00', ['m1', 'm2']]]);
  });

  it('an inactive medication has none', () => {
    const medications = [{ id: 'm1', times: ['08:00'], refillDueOn: '2026-12-10', active: false, reminders: true }];
    expect(plannedContacts(plan({ medications }), new Date('2026-12-01T00:00:00Z'), new Date('2026-12-20T00:00:00Z')).filter((c) => c.kind !== 'check_in')).toEqual([]);
  });
});

describe('refill questions', () => {
  it('come 3 days before the refill is due, at the cadence time', () => {
    const medications = [{ id: 'm1', times: [], refillDueOn: '2026-12-10', active: true, reminders: true }];
    const contacts = plannedContacts(plan({ medications, cadence: { ...CADENCE, slots: [] } }), new Date('2026-12-01T00:00:00Z'), new Date('2026-12-31T00:00:00Z'));
    expect(contacts).toEqual([{ kind: 'refill_prompt', flow: 'refill', medicationId: 'm1', slot: 'refill:m1:2026-12-10', at: atLocal('2026-12-07', '10:00', 'America/Chicago') }]);
  });
});

describe('who is not contacted, and why', () => {
  const base = { status: 'enrolled' as const, consentGranted: true, smsOptedOutAt: null, phoneInvalidAt: null, pausedAt: null, pausedUntil: null, unreachableAt: null };
  const now = new Date('2026-12-01T00:00:00Z');
  it.each([
    [{}, null],
    [{ status: 'disenrolled' as const }, 'disenrolled'],
    [{ consentGranted: false }, 'no_consent'],
    [{ smsOptedOutAt: '2026-11-01T00:00:00Z' }, 'opted_out'],
    [{ pausedAt: '2026-11-20T00:00:00Z' }, 'paused'],
    [{ pausedAt: '2026-11-20T00:00:00Z', pausedUntil: '2026-12-05T00:00:00Z' }, 'paused'],
    [{ pausedAt: '2026-11-20T00:00:00Z', pausedUntil: '2026-11-30T00:00:00Z' }, null],
    [{ unreachableAt: '2026-11-28T00:00:00Z' }, 'unreachable'],
  ])('%j -> %s', (extra, reason) => {
    expect(outreachBlock({ ...base, ...extra }, now)).toBe(reason);
  });
});
