import { DateTime } from 'luxon';
import type { QuietHours } from '../store/practices.js';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When a text to a patient may go out: null if `now` is outside the quiet
 * hours in the patient's timezone, otherwise the moment they end. Quiet hours
 * may wrap midnight (21:00-08:00) or not (12:00-13:00).
 */
export function quietHoursEnd(now: Date, timezone: string, quiet: QuietHours): Date | null {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const wraps = start > end;
  const inQuiet = wraps ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inQuiet) return null;
  // After midnight the end is today; before midnight (wrapping hours) it is tomorrow.
  const endDay = wraps && minute >= start ? local.plus({ days: 1 }) : local;
  const resume = endDay.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  return resume.toJSDate();
}
