/**
 * The coordinator's workspace at /app: server-rendered pages, forms that post
 * back, and a little script for live cases and the idle warning. Every page
 * needs a session, every change a CSRF token, and every page that shows a
 * patient is written to the access log.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { clientGone, DomainError } from '../errors.js';
import { signIn, signOut } from './sign-in.js';
import { findPractice } from '../store/practices.js';
import { databaseFault } from '../store/sql.js';
import { html } from './html.js';
import { page } from './layout.js';
import { liveEventsRoute } from './live-events.js';
import { checkCsrf, loadSession, readCookie, redirect, SESSION_COOKIE, sessionCookie } from './session.js';
import { todayPage } from './pages/today.js';
import { alertPages } from './pages/alerts.js';
import { casePages } from './pages/cases.js';
import { patientPages } from './pages/patients.js';
import { monthPages } from './pages/months.js';
import { adminPages } from './pages/admin.js';
import { unknownSenderPages } from './pages/unknown-senders.js';
import { frontDeskPages } from './pages/front-desk.js';
import { outboundPages } from './pages/outbound.js';
import { enrolmentPages } from './pages/enrolment.js';
import type { PageDeps } from './page-deps.js';

export interface WebOptions {
  deps: AppDeps;
}
// Registered with the prefix /app: routes here and in pages/ are relative to it.

const PUBLIC = new Set(['/app/login']);
// A Map: a plain object would find "constructor" and "__proto__" among the files.
const ASSETS = new Map([
  ['app.css', 'text/css; charset=utf-8'],
  ['app.js', 'text/javascript; charset=utf-8'],
]);
const ASSET_DIR = new URL('./assets/', import.meta.url);

// Control characters (a NUL) are in no address or password anyone types, and the database refuses a NUL.
const typed = (max: number) => z.string().max(max).regex(/^[^\u0000-\u001f\u007f]*$/);
const SignInSchema = z.object({ email: typed(200), password: typed(200), next: typed(500).optional() });

/** Only our own pages: a `next` pointing elsewhere would make the sign-in page an open redirect. */
const safeNext = (next: string | undefined) => (next && /^\/app(\/[\w\-/?=&%.]*)?$/.test(next) ? next : '/app');

function signInPage(message: string | null, next: string, email = ''): string {
  return page({
    title: 'Sign in',
    session: null,
    body: html`<form method="post" action="/app/login" class="card narrow">
      ${message ? html`<p class="error" role="alert">${message}</p>` : ''}
      <input type="hidden" name="next" value="${next}">
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" required value="${email}">
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit">Sign in</button>
    </form>`,
  });
}

function errorPage(reply: FastifyReply, status: number, message: string, request: FastifyRequest) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(page({ title: status === 404 ? 'Not found' : 'Something is wrong', session: request.staffSession, body: html`<p class="error" role="alert">${message}</p><p><a href="/app">Back to Today</a></p>` }));
}

export const webApp: FastifyPluginAsync<WebOptions> = async (app, { deps }) => {
  const records = { pool: deps.db.pool, clock: deps.clock };
  app.decorateRequest('staffSession', null);

  app.addHook('onRequest', async (request, reply) => {
    request.receivedAt = deps.clock.now();
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'");
    const path = request.url.split('?')[0]!;
    if (PUBLIC.has(path) || path.startsWith('/app/assets/')) return;
    // The live channel checks the session without counting as activity.
    request.staffSession = await loadSession(records, request, path !== '/app/events');
    if (request.staffSession) return;
    if (request.method === 'GET' && path !== '/app/events') {
      const timedOut = readCookie(request, SESSION_COOKIE) ? '&timeout=1' : '';
      return redirect(reply.header('set-cookie', sessionCookie(null, deps.config.publicUrl)), `/app/login?next=${encodeURIComponent(request.url)}${timedOut}`);
    }
    throw new DomainError('unauthorized', 'Your session has ended. Sign in again.');
  });

  app.addHook('preHandler', async (request) => {
    if (request.method !== 'GET' && request.staffSession) checkCsrf(request, request.staffSession);
  });

  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (clientGone(request.raw)) return reply.code(499).send();
    if (error instanceof DomainError) return errorPage(reply, error.status, error.message, request);
    if ((error as FastifyError).validation) return errorPage(reply, 400, `The form is not complete: ${error.message}`, request);
    const fault = databaseFault(error);
    if (fault === 'unavailable') {
      request.log.warn({ err: { message: error.message, code: (error as FastifyError).code } }, 'database unavailable');
      return errorPage(reply.header('retry-after', '60'), 503, 'ccm-bot is temporarily unavailable. Nothing was changed; try again in a minute.', request);
    }
    if (fault === 'conflict') return errorPage(reply, 409, 'Someone changed this at the same moment. Reload the page and try again.', request);
    if (fault === 'invalid_value') return errorPage(reply, 400, 'A value in the form cannot be stored; check the dates, numbers and text you entered.', request);
    // The request itself was malformed (a body that is not a form, a type this app does not take).
    const status = (error as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) return errorPage(reply, status, 'This request could not be read. Go back and send the form again.', request);
    request.log.error({ err: { message: error.message, code: (error as FastifyError).code } }, 'web page failed');
    return errorPage(reply, 500, `Something went wrong on our side. If it happens again, quote ${request.id}.`, request);
  });
  app.setNotFoundHandler((request, reply) => errorPage(reply, 404, 'There is no such page.', request));

  app.get('/assets/:file', async (request, reply) => {
    const file = (request.params as { file: string }).file;
    const type = ASSETS.get(file);
    if (!type) return errorPage(reply, 404, 'There is no such file.', request);
    return reply.type(type).header('cache-control', 'public, max-age=3600').send(await readFile(new URL(file, ASSET_DIR)));
  });

  app.get('/login', async (request, reply) => {
    const q = request.query as { next?: string; timeout?: string; signedOut?: string };
    const message = q.timeout ? 'You were signed out after 15 minutes without activity.' : q.signedOut ? 'You are signed out.' : null;
    return reply.type('text/html; charset=utf-8').send(signInPage(message, safeNext(q.next)));
  });

  app.post('/login', async (request, reply) => {
    const form = SignInSchema.safeParse(request.body);
    if (!form.success) return reply.code(400).type('text/html; charset=utf-8').send(signInPage('Enter your email and password.', '/app'));
    const next = safeNext(form.data.next);
    try {
      const { token } = await signIn(records, form.data.email.trim(), form.data.password);
      return redirect(reply.header('set-cookie', sessionCookie(token, deps.config.publicUrl)), next);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return reply.code(error.status).type('text/html; charset=utf-8').send(signInPage(error.detail, next, form.data.email));
    }
  });

  app.post('/sign-out', async (request, reply) => {
    const token = readCookie(request, SESSION_COOKIE);
    if (token) await signOut(records, token);
    return redirect(reply.header('set-cookie', sessionCookie(null, deps.config.publicUrl)), '/app/login?signedOut=1');
  });

  // The idle warning's "Stay signed in": any request with the session counts as activity.
  app.post('/keepalive', async (request) => ({ expiresAt: request.staffSession!.expiresAt.toISOString() }));

  liveEventsRoute(app, deps);

  const practiceOf = async (request: FastifyRequest) => (await findPractice(deps.db.pool, request.staffSession!.user.practiceId))!;
  const pages: PageDeps = { deps, practiceOf };
  await app.register(todayPage, pages);
  await app.register(alertPages, pages);
  await app.register(casePages, pages);
  await app.register(patientPages, pages);
  await app.register(monthPages, pages);
  await app.register(adminPages, pages);
  await app.register(unknownSenderPages, pages);
  await app.register(frontDeskPages, pages);
  await app.register(outboundPages, pages);
  await app.register(enrolmentPages, pages);
};

