/**
 * For the few tests that run the service on the machine's clock (a child
 * process, Agenda's own workers, a database restart): they wait for what a
 * process does, not for scheduled work.
 */
import { DateTime } from 'luxon';
import { systemClock } from '../../src/clock.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns something other than false; fails after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => false as const);
    if (value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Quiet hours that are not now in `zone` (one minute, twelve hours away), so check-ins go out whatever the hour. */
export function quietHoursAwayFromNow(zone: string) {
  const later = DateTime.fromJSDate(systemClock.now(), { zone }).plus({ hours: 12 });
  const at = (t: DateTime) => t.toFormat('HH:mm');
  return { start: at(later), end: at(later.plus({ minutes: 1 })) };
}
