/**
 * Who is signed in to the web app: the session cookie, the automatic logoff,
 * and the CSRF token every state-changing request must carry.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.js';
import { resumeSession, type ActiveSession } from './sign-in.js';
import type { RecordDeps } from '../runtime.js';

export const SESSION_COOKIE = 'ccm_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member's session on /app pages; null on the sign-in page. */
    staffSession: ActiveSession | null;
  }
}

export function readCookie(request: FastifyRequest, name: string): string | null {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=');
    // Our cookies are base64url and never percent-encoded: the value is taken as sent (a stray "%" is simply no session).
    if (key === name) return value.join('=');
  }
  return null;
}

/** Cookies are Secure wherever the browser allows it: over HTTPS, and on localhost, which browsers treat as secure. */
export function secureCookies(publicUrl: string): boolean {
  const { protocol, hostname } = new URL(publicUrl);
  return protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

/**
 * The cookie is HttpOnly (no script reads it), SameSite=Strict (no other site
 * sends it), limited to /app, and Secure wherever the browser allows it: over
 * HTTPS and on localhost, which browsers treat as secure.
 */
export function sessionCookie(token: string | null, publicUrl: string): string {
  const parts = [`${SESSION_COOKIE}=${token ?? ''}`, 'Path=/app', 'HttpOnly', 'SameSite=Strict'];
  if (secureCookies(publicUrl)) parts.push('Secure');
  if (token === null) parts.push('Max-Age=0');
  return parts.join('; ');
}

/** Loads the session; `touch` false for background requests that must not keep a session alive. */
export async function loadSession(deps: RecordDeps, request: FastifyRequest, touch: boolean): Promise<ActiveSession | null> {
  const token = readCookie(request, SESSION_COOKIE);
  return token ? resumeSession(deps, token, touch) : null;
}

/** A form's or a script's CSRF token must match the session's. */
export function checkCsrf(request: FastifyRequest, session: ActiveSession): void {
  const body = request.body as Record<string, unknown> | undefined;
  const sent = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? request.headers['x-csrf-token'];
  if (sent !== session.csrfToken) {
    throw new DomainError('forbidden', 'This form has expired or did not come from this app. Go back, reload the page and try again.');
  }
}

export function requireSession(request: FastifyRequest): ActiveSession {
  if (!request.staffSession) throw new DomainError('unauthorized', 'Sign in first');
  return request.staffSession;
}

/** After a form: back to a page (303 so the browser GETs it). */
export const redirect = (reply: FastifyReply, to: string) => reply.code(303).header('location', to).send();
