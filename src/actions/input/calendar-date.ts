/**
 * A calendar date as people write it: 1948-03-21, or 3/21/1948 as US
 * exports and forms do. Both the API and the CSV import read dates this way,
 * and an impossible date (2/30/1945) is named as such.
 */
import { DateTime } from 'luxon';

export type DateReading = { ok: true; iso: string } | { ok: false; message: string };

const FORMATS = 'must be a date like 1948-03-21 or 3/21/1948';

export function readCalendarDate(value: string): DateReading {
  const text = value.trim();
  const parts = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!parts) return { ok: false, message: FORMATS };
  const [year, month, day] = text.includes('/') ? [parts[3], parts[1], parts[2]] : [parts[1], parts[2], parts[3]];
  const date = DateTime.fromObject({ year: Number(year), month: Number(month), day: Number(day) }, { zone: 'UTC' });
  if (!date.isValid) {
    const first = DateTime.fromObject({ year: Number(year), month: Number(month), day: 1 }, { zone: 'UTC' });
    const why = first.isValid ? `${first.toFormat('LLLL yyyy')} has ${first.daysInMonth} days` : 'there is no month ' + month;
    return { ok: false, message: `${value} is not a real date: ${why}` };
  }
  return { ok: true, iso: date.toISODate()! };
}
