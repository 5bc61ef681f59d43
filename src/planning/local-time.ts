/**
 * Local wall-clock times to instants. Reminders and check-ins are local times
 * ("08:00" stays 08:00 across a daylight-saving change), so every instant is
 * computed from a local date and time in the patient's timezone.
 */
import { DateTime } from 'luxon';

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The instant `time` happens on local `date` in `zone`. A time that does not
 * exist that day (clocks jump from 02:00 to 03:00) is the first minute after
 * the jump; a time that happens twice (clocks fall back) is its first time.
 */
export function atLocal(date: string, time: string, zone: string): Date {
  const [hour, minute] = [Number(time.slice(0, 2)), Number(time.slice(3, 5))];
  const wanted = DateTime.fromISO(date, { zone }).set({ hour, minute, second: 0, millisecond: 0 });
  if (wanted.hour === hour && wanted.minute === minute) return wanted.toJSDate();
  // In the gap Luxon moves forward by the gap's length; the jump itself is on the hour.
  return wanted.startOf('hour').toJSDate();
}

/** The local calendar date ('YYYY-MM-DD') of `instant` in `zone`. */
export const localDate = (instant: Date, zone: string): string => DateTime.fromJSDate(instant, { zone }).toISODate()!;

/** Local dates from the day of `from` to the day of `to`, inclusive. */
export function localDates(from: Date, to: Date, zone: string): string[] {
  const dates: string[] = [];
  const last = DateTime.fromJSDate(to, { zone }).startOf('day');
  for (let day = DateTime.fromJSDate(from, { zone }).startOf('day'); day <= last; day = day.plus({ days: 1 })) dates.push(day.toISODate()!);
  return dates;
}

/** Whether local time `time` falls in quiet hours (which may wrap midnight: 21:00-08:00). */
export function inQuietHours(time: string, quiet: { start: string; end: string }): boolean {
  const [minute, start, end] = [minutesOf(time), minutesOf(quiet.start), minutesOf(quiet.end)];
  return start > end ? minute >= start || minute < end : minute >= start && minute < end;
}

/** The instant with its offset in `zone`, as the API shows planned times ("2026-12-01T10:00:00.000-06:00"). */
export const isoInZone = (instant: Date, zone: string): string => DateTime.fromJSDate(instant, { zone }).toISO()!;
