/**
 * The web app's HTML helpers: the escaping templates (src/html.ts, shared
 * with the printable month) and how the app writes times, ages and forms.
 */
import { DateTime } from 'luxon';
import { html } from '../html.js';

export { Html, escapeHtml, html, trusted } from '../html.js';

/** "Nov 24, 9:12 AM CST": times always in the practice's timezone, with the zone named. */
export function localTime(iso: string | Date, zone: string): string {
  const at = typeof iso === 'string' ? DateTime.fromISO(iso, { zone }) : DateTime.fromJSDate(iso, { zone });
  return at.toFormat('LLL d, h:mm a ZZZZ');
}

export function localDate(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('LLL d, yyyy');
}

/** "3 h ago", "2 d ago": how long something has waited. */
export function age(iso: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 60_000));
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return `${Math.floor(minutes / 1440)} d ago`;
}

/** A hidden field with the session's CSRF token: every form that changes something carries it. */
export const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}">`;
