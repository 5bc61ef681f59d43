/**
 * When an appointment starts, as people give it: a wall-clock time where the
 * patient lives ('2027-01-08T09:30', what the app's date-time field posts and
 * what a front desk reads off its schedule), or an instant with its offset
 * from a system that has one. Pure: the zone and the clock are passed in.
 */
import { DateTime } from 'luxon';
import { DomainError } from '../../errors.js';

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** How far ahead an appointment may be booked: further is a typo in the year. */
export const MAX_YEARS_AHEAD = 5;

export const isLocalDateTime = (text: string) => LOCAL.test(text);

/** The wall-clock time as a date-time in `zone`, or why there is none. */
function localInstant(text: string, zone: string): Date {
  const at = DateTime.fromISO(text, { zone });
  if (!at.isValid) throw new DomainError('validation_failed', `${text} is not a real date and time`, 'startsAt');
  // Luxon moves a time the clocks skip (02:30 on the night they go forward) to the next hour; say so instead.
  // A time that happens twice (the night they go back) is read as Luxon reads it: the second, in standard time.
  if (at.toFormat("yyyy-MM-dd'T'HH:mm") !== text) {
    throw new DomainError('validation_failed', `${text.replace('T', ' ')} does not exist in ${zone}: the clocks go forward then`, 'startsAt');
  }
  return at.toJSDate();
}

/**
 * The instant an appointment starts, from a local date-time in `zone` or an
 * ISO instant; it must be still to come at `now` and within MAX_YEARS_AHEAD.
 * A DomainError on 'startsAt' says what is wrong.
 */
export function appointmentStart(text: string, zone: string, now: Date): Date {
  const at = isLocalDateTime(text) ? localInstant(text, zone) : new Date(text);
  if (Number.isNaN(at.getTime())) throw new DomainError('validation_failed', `${text} is not a date and time`, 'startsAt');
  const local = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat('LLL d, yyyy, h:mm a ZZZZ');
  if (at.getTime() <= now.getTime()) {
    throw new DomainError('validation_failed', `${local(at)} is in the past (it is now ${local(now)}); give a time still to come`, 'startsAt');
  }
  if (DateTime.fromJSDate(now).plus({ years: MAX_YEARS_AHEAD }).toMillis() < at.getTime()) {
    throw new DomainError('validation_failed', `${local(at)} is more than ${MAX_YEARS_AHEAD} years ahead; check the year`, 'startsAt');
  }
  return at;
}
