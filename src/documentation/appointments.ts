/**
 * Appointments in words, for the chart and for people: "Jan 8, 2027, 9:30 AM
 * CST with Dr. Patel at Maple Family Medicine". Always on the clock the
 * appointment was entered on, with the zone named, so a reader elsewhere (or
 * across a clock change) is not misled. Pure.
 */
import { DateTime } from 'luxon';
import type { MonthAppointment, MonthAppointments } from './types.js';

/** The chart is in US English whatever the server's or the patient's locale. */
const LOCALE = 'en-US';

/** "Jan 8, 2027, 9:30 AM CST"; without the year when it is `sameYear` (a date in the record's own year). */
export function appointmentWhen(a: Pick<MonthAppointment, 'startsAt' | 'timezone'>, sameYear?: number): string {
  const local = DateTime.fromISO(a.startsAt, { zone: a.timezone }).setLocale(LOCALE);
  if (!local.isValid) return a.startsAt;
  return local.toFormat(local.year === sameYear ? 'LLL d, h:mm a ZZZZ' : 'LLL d, yyyy, h:mm a ZZZZ');
}

/** A visit by video or phone is "by telehealth", not "at Telehealth". */
const REMOTE = /^(tele ?(health|medicine|visit)|video( visit| call)?|virtual( visit)?|phone( call| visit)?|by phone)$/i;

/** "at Maple Family Medicine, 2nd floor", or "by telehealth". */
export function appointmentPlace(location: string): string {
  const place = location.trim();
  return REMOTE.test(place) ? `by ${place.replace(/^by /i, '').toLowerCase()}` : `at ${place}`;
}

/** "Jan 8, 2027, 9:30 AM CST with Dr. Patel at Maple Family Medicine". */
export function appointmentWords(a: Pick<MonthAppointment, 'startsAt' | 'timezone' | 'withWhom' | 'location'>, sameYear?: number): string {
  return `${appointmentWhen(a, sameYear)} with ${a.withWhom.trim()} ${appointmentPlace(a.location)}`;
}

/**
 * The note's sentences: the month's appointments until the drafting, and the
 * next one ("Next appointment: Jan 8, 2027, 9:30 AM CST with Dr. Patel at
 * Maple Family Medicine."). Nothing for a record that keeps no appointments.
 */
export function appointmentSentences(record: { month: string; appointments?: MonthAppointments | undefined }): string[] {
  const kept = record.appointments;
  if (!kept) return [];
  const year = Number(record.month.slice(0, 4));
  const asOf = Date.parse(kept.asOf);
  // Those still to come are said once, as the next appointment, not twice.
  const past = kept.inMonth.filter((a) => Date.parse(a.startsAt) < asOf);
  const sentences: string[] = [];
  if (past.length > 0) {
    const items = past.map((a) => `${appointmentWords(a, year)}${a.status === 'cancelled' ? ' (cancelled)' : ''}`);
    sentences.push(`Appointments this month: ${items.join('; ')}.`);
  }
  const next = kept.upcoming[0];
  sentences.push(next ? `Next appointment: ${appointmentWords(next)}${next.purpose ? ` (${next.purpose.trim()})` : ''}.` : 'No upcoming appointment on file.');
  return sentences;
}
