/** Small helpers the note's parts share: dates in the practice's zone, lists, clauses. Pure. */
import { DateTime } from 'luxon';
import type { MonthRecord } from './types.js';

export type DraftableRecord = Omit<MonthRecord, 'note'>;

/** The chart is in US English whatever the server's or the patient's locale. */
const LOCALE = 'en-US';

/**
 * A value from the record as a date-time in the practice's zone. A bare
 * calendar date ('2026-10-01') stays that date; an instant is converted.
 */
export function toLocal(value: string, zone: string): DateTime {
  return DateTime.fromISO(value, { zone }).setLocale(LOCALE);
}

/** "32 min 10 s", "18 min", "0 min": whole seconds, never rounded up, as billing counts them. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const rest = whole % 60;
  return rest === 0 ? `${Math.floor(whole / 60)} min` : `${Math.floor(whole / 60)} min ${rest} s`;
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Reasons and messages are written as sentences; the note joins them with semicolons. */
export function clause(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}

/** "Blood sugar 62 mg/dL" as an item in a list: "blood sugar 62 mg/dL"; "PHQ-2" stays. */
export function inList(text: string): string {
  const trimmed = clause(text);
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The patient's own words, quoted as written (Spanish stays Spanish), cut to a readable length. */
export function quoted(words: string): string {
  const oneLine = words.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > 200 ? `${oneLine.slice(0, 197).trimEnd()}...` : oneLine}"`;
}

/** Date formatting bound to one record: the year is left out for dates in the month's own year. */
export interface Dates {
  day(value: string): string;
  fullDay(value: string): string;
  /** "Nov 3 at 9:20 AM". */
  dayTime(value: string): string;
}

export function datesFor(record: Pick<MonthRecord, 'month' | 'practice'>): Dates {
  const zone = record.practice.timezone;
  const year = Number(record.month.slice(0, 4));
  const format = (value: string, withYear: boolean, withTime = false) => {
    const local = toLocal(value, zone);
    if (!local.isValid) return value;
    const day = local.toFormat(withYear || local.year !== year ? 'LLL d, yyyy' : 'LLL d');
    return withTime ? `${day} at ${local.toFormat('h:mm a')}` : day;
  };
  return { day: (value) => format(value, false), fullDay: (value) => format(value, true), dayTime: (value) => format(value, false, true) };
}
