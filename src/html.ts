/**
 * HTML written as tagged templates, for every page the service makes (the
 * web app, the printable month): every interpolated value is escaped unless
 * it is already Html (another template's output), so a patient's text can
 * never become markup and forgetting to escape is the hard case. Templates
 * are TypeScript, checked by tsc; there is no template file to load at run time.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | boolean | null | undefined | readonly Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text into HTML element content or an attribute value. */
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

/** Markup we made ourselves (an SVG chart, a style sheet); never pass anything a person typed. */
export const trusted = (markup: string): Html => new Html(markup);
