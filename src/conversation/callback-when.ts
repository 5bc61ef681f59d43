import { DateTime } from 'luxon';
import type { Locale } from '../flows/index.js';

const WEEKDAYS: Readonly<Record<Locale, readonly string[]>> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  es: ['el lunes', 'el martes', 'el miércoles', 'el jueves', 'el viernes', 'el sábado', 'el domingo'],
};

/**
 * When a nurse will have called, in the words of the reply: "today", "by
 * tomorrow", "by Thursday" (the call-back's review deadline, in the
 * practice's timezone).
 */
export function callbackWhen(due: Date, now: Date, timezone: string, locale: Locale): string {
  const day = DateTime.fromJSDate(due, { zone: timezone }).startOf('day');
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const days = Math.round(day.diff(today, 'days').days);
  if (locale === 'es') {
    if (days <= 0) return 'hoy';
    return days === 1 ? 'a más tardar mañana' : `a más tardar ${WEEKDAYS.es[day.weekday - 1]}`;
  }
  if (days <= 0) return 'today';
  return days === 1 ? 'by tomorrow' : `by ${WEEKDAYS.en[day.weekday - 1]}`;
}
