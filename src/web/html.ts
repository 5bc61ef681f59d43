/**
 * HTML for the web app, written as tagged templates: every interpolated value
 * is escaped unless it is already Html (another template's output), so a
 * patient's text can never become markup. Templates are TypeScript, checked by
 * tsc with the rest of the code; there is no template file to load at run time.
 */
import { DateTime } from 'luxon';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function render(part: Part): string {
  if (part === null || part === undefined || part === false || part === true) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => (out += render(value) + strings[i + 1]!));
  return new Html(out);
}

/** Markup we made ourselves (an SVG chart); never pass anything a person typed. */
export const trusted = (markup: string): Html => new Html(markup);

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
