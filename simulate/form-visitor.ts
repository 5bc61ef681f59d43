/**
 * The questionnaire's form from a phone's side, over the service's real HTTP
 * routes (`app.inject`): the text's link /q/<token> exchanged for the
 * `ccm_form` cookie, each screen's page read for what its form would post
 * (the hidden fields, the names of its questions and a choice's values) and
 * posted back as a browser would (application/x-www-form-urlencoded). Every
 * request and the status it got go into a ledger the report reads; the
 * token's part of an address is never written down.
 */
import type { Clock } from '../src/clock.js';
import type { Service } from '../src/service.js';

/** The form's token in a text, or null: 32 random bytes, 43 characters of base64url. */
export const tokenIn = (body: string): string | null => /\/q\/([\w-]{43})(?![\w-])/.exec(body)?.[1] ?? null;

/**
 * The reminder's wording (en, es) in a text as Twilio takes it: the service writes Spanish texts in
 * the GSM alphabet, so "todavía" goes out as "todavia". A link text that is not a reminder is the invite.
 */
export const REMINDER = /would still like your answers|todav[ií]a espera sus respuestas/i;

export interface Page {
  status: number;
  html: string;
  location: string | undefined;
}

/** One request the simulated phones made to the form, with what it got. */
export interface FormRequest {
  at: Date;
  method: 'GET' | 'POST';
  /** The route, with any token replaced: '/q/:token', '/q', '/q/crisis'. */
  path: string;
  status: number;
}

/** What a page's form would post: where, its hidden fields, its questions' names, and each choice's values. */
export interface PageForm {
  action: string | null;
  hidden: Record<string, string>;
  names: string[];
  options: Record<string, string[]>;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

/** Reads the page's first form, minimally: as much as a browser needs to post it. */
export function formOf(html: string): PageForm {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) return { action: null, hidden: {}, names: [], options: {} };
  const action = /\baction="([^"]*)"/.exec(form[0].slice(0, form[0].indexOf('>') + 1))?.[1];
  const hidden: Record<string, string> = {};
  const names: string[] = [];
  const options: Record<string, string[]> = {};
  for (const m of form[1]!.matchAll(/<(input|textarea)\b([^>]*)>/g)) {
    const attrs = m[2]!;
    const name = /\bname="([^"]+)"/.exec(attrs)?.[1];
    if (!name) continue;
    const type = m[1] === 'textarea' ? 'textarea' : (/\btype="([^"]+)"/.exec(attrs)?.[1] ?? 'text');
    const value = decode(/\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const key = decode(name);
    if (type === 'hidden') {
      hidden[key] = value;
      continue;
    }
    if (!names.includes(key)) names.push(key);
    if (type === 'radio') (options[key] ??= []).push(value);
  }
  return { action: action === undefined ? null : decode(action), hidden, names, options };
}

/** One phone's visit: the cookie its link gave it, and the address it comes from. */
export class FormVisitor {
  private cookie: string | null = null;

  constructor(
    private readonly app: Service['app'],
    private readonly clock: Clock,
    private readonly ip: string,
    private readonly ledger: FormRequest[],
  ) {}

  async request(method: 'GET' | 'POST', url: string, fields?: Record<string, string>): Promise<Page> {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: `ccm_form=${this.cookie}` } : {}),
        ...(fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(fields ? { payload: new URLSearchParams(fields).toString() } : {}),
    });
    const set = response.headers['set-cookie'];
    const cookie = /ccm_form=([^;]*)/.exec(Array.isArray(set) ? set.join(';') : (set ?? ''))?.[1];
    if (cookie) this.cookie = cookie;
    const path = url.split('?')[0]!.replace(/^\/q\/[\w-]{20,}$/, '/q/:token');
    this.ledger.push({ at: this.clock.now(), method, path, status: response.statusCode });
    const location = response.headers.location;
    return { status: response.statusCode, html: response.body, location: typeof location === 'string' ? location : undefined };
  }

  /** Opens the text's link: the token is exchanged for the cookie (a 303 to /q), or a page saying why not. */
  open(token: string): Promise<Page> {
    return this.request('GET', `/q/${token}`);
  }

  /**
   * Posts the form on `page` with these answers, by field name, as a browser would: a box left
   * blank is sent empty, a choice not made is not sent.
   */
  post(page: Page, answers: Record<string, string>): Promise<Page> {
    const { action, hidden, names, options } = formOf(page.html);
    const fields: Record<string, string> = { ...hidden };
    for (const name of names) {
      const answer = answers[name] ?? '';
      if (name in options && answer === '') continue;
      fields[name] = answer;
    }
    return this.request('POST', action ?? '/q', fields);
  }
}
