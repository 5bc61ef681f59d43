import { describe, expect, it } from 'vitest';
import { quietHoursEnd } from '../../src/jobs/quiet-hours.js';

const NIGHT = { start: '21:00', end: '08:00' };
const end = (now: string, zone: string, quiet = NIGHT) => quietHoursEnd(new Date(now), zone, quiet)?.toISOString() ?? null;

describe('quiet hours', () => {
  it.each([
    // [now (UTC), zone, when texts may go out again (null: now)]
    ['2026-11-24T16:00:00Z', 'America/Chicago', null], // 10:00
    ['2026-11-25T02:59:00Z', 'America/Chicago', null], // 20:59
    ['2026-11-25T03:00:00Z', 'America/Chicago', '2026-11-25T14:00:00.000Z'], // 21:00: quiet until 08:00 tomorrow
    ['2026-11-25T13:59:59Z', 'America/Chicago', '2026-11-25T14:00:00.000Z'], // 07:59:59
    ['2026-11-25T14:00:00Z', 'America/Chicago', null], // 08:00
    ['2026-11-25T05:30:00Z', 'America/Los_Angeles', '2026-11-25T16:00:00.000Z'], // 21:30 in LA
    ['2026-11-25T05:30:00Z', 'Pacific/Honolulu', null], // 19:30 in Honolulu
  ])('at %s in %s: %s', (now, zone, expected) => {
    expect(end(now, zone)).toBe(expected);
  });

  it('end at 08:00 local on the nights the clocks change (US, 2026)', () => {
    // Spring forward on March 8: 08:00 is CDT (UTC-5), though the night began in CST (UTC-6).
    expect(end('2026-03-08T08:30:00Z', 'America/Chicago')).toBe('2026-03-08T13:00:00.000Z');
    expect(end('2026-03-08T04:00:00Z', 'America/Chicago')).toBe('2026-03-08T13:00:00.000Z');
    // Fall back on November 1: the night began in CDT, 08:00 is CST (UTC-6).
    expect(end('2026-11-01T04:55:00Z', 'America/Chicago')).toBe('2026-11-01T14:00:00.000Z');
    expect(end('2026-11-01T06:30:00Z', 'America/Chicago')).toBe('2026-11-01T14:00:00.000Z'); // 01:30 the first time
    expect(end('2026-11-01T07:30:00Z', 'America/Chicago')).toBe('2026-11-01T14:00:00.000Z'); // 01:30 the second time
  });

  it('handle quiet hours that do not wrap midnight', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(end('2026-11-24T18:30:00Z', 'America/Chicago', lunch)).toBe('2026-11-24T19:00:00.000Z');
    expect(end('2026-11-24T19:00:00Z', 'America/Chicago', lunch)).toBeNull();
  });
});
