/**
 * The questionnaire's form at /q, for patients (not the staff app): the
 * text's link /q/<token> is exchanged for a short-lived cookie and
 * redirected, so the token is never in the address bar, the history or a
 * Referer; the form's screens are /q (and /q?screen=<id> to go back). Every
 * page is server-rendered and works with no script; no page sends a
 * referrer, none is cached, none can be framed.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { answerScreen, openLink, showCrisis, showForm, type FormState } from '../conversation/index.js';
import { FORM_ICON, FORM_STYLESHEET, renderCrisisPage, renderDonePage, renderScreenPage, type PracticeContact } from '../channels/form/index.js';
import { databaseFault } from '../store/sql.js';
import { readCookie, redirect, secureCookies } from './session.js';

export const FORM_COOKIE = 'ccm_form';
/** The patient's pages (the form, the summary) share the form's stylesheet and icon. */
/**
 * Wraps a patient page's handler: a database that does not answer tells the
 * patient to try again (503, Retry-After), and nothing they sent is half kept.
 */
export const guarded =
  <T extends FastifyRequest>(handler: (request: T, reply: FastifyReply) => Promise<unknown>) =>
  async (request: T, reply: FastifyReply) => {
    try {
      return await handler(request, reply);
    } catch (error) {
      if (!databaseFault(error)) throw error;
      return reply.code(503).header('retry-after', '60').type('text/plain; charset=utf-8').send('The service is busy. Nothing was lost; please try again in a minute.');
    }
  };

export const STYLESHEET = '/q/form.css';
export const ICON = '/q/icon.svg';

/** Pages a patient opens from a link: never cached, no referrer leaves with the link, never framed, no script. */
export async function patientPageHeaders(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('cache-control', 'no-store');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('content-security-policy', "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
}

/** The cookie that holds the visit: HttpOnly, only for /q, Lax so the first page after the text's link has it. */
function formCookie(value: string, publicUrl: string, maxAgeSeconds: number): string {
  return [`${FORM_COOKIE}=${value}`, 'Path=/q', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`, ...(secureCookies(publicUrl) ? ['Secure'] : [])].join('; ');
}

// What a screen posts: its id, the CSRF token, and its answers (strings, not too long).
const PostedSchema = z
  .record(z.string().max(200), z.string().max(5000))
  .refine((body) => typeof body.screen === 'string' && typeof body._csrf === 'string', { message: 'the form must say which screen it answers' });

export const patientForm: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const runtime = deps.runtime;
  const contact = (state: FormState): PracticeContact | null =>
    state.practice ? { name: state.practice.name, phone: state.practice.contactPhone } : null;

  app.addHook('onRequest', patientPageHeaders);

  const page = (reply: FastifyReply, state: FormState, status = 200) => {
    const base = { stylesheet: STYLESHEET, icon: ICON };
    const body =
      state.kind === 'screen'
        ? renderScreenPage({
            ...base,
            locale: state.link.locale,
            practice: contact(state)!,
            definition: state.link.definition,
            screen: state.screen,
            answers: state.answers,
            errors: state.errors,
            progress: { step: state.step, of: state.of },
            action: '/q',
            back: state.backTo ? `/q?screen=${encodeURIComponent(state.backTo)}` : null,
            csrf: state.csrf,
            last: state.last,
          })
        : state.kind === 'crisis'
          ? renderCrisisPage({ ...base, locale: state.link.locale, practice: contact(state)!, continueAction: '/q/continue', csrf: state.csrf })
          : renderDonePage({ ...base, locale: state.locale, practice: contact(state), kind: state.outcome });
    const code = state.kind === 'done' && state.outcome === 'too_many_attempts' ? 429 : status;
    return reply.code(code).type('text/html; charset=utf-8').send(body.toString());
  };

  for (const [path, asset] of [['/form.css', FORM_STYLESHEET], ['/icon.svg', FORM_ICON]] as const) {
    app.get(path, async (_request, reply) => reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(await readFile(asset.file)));
  }

  app.get<{ Params: { token: string } }>(
    '/:token',
    guarded(async (request, reply) => {
      const opened = await openLink(runtime, request.params.token, request.ip);
      if ('state' in opened) return page(reply, opened.state, opened.state.kind === 'done' && opened.state.outcome === 'invalid' ? 404 : 200);
      const maxAge = Math.floor((opened.expiresAt.getTime() - runtime.clock.now().getTime()) / 1000);
      return redirect(reply.header('set-cookie', formCookie(opened.cookie, deps.config.publicUrl, maxAge)), '/q');
    }),
  );

  app.get<{ Querystring: { screen?: string } }>(
    '/',
    guarded(async (request, reply) => {
      const screen = typeof request.query.screen === 'string' ? request.query.screen : undefined;
      return page(reply, await showForm(runtime, readCookie(request, FORM_COOKIE) ?? undefined, screen));
    }),
  );

  app.post(
    '/',
    guarded(async (request, reply) => {
      const parsed = PostedSchema.safeParse(request.body);
      if (!parsed.success) return reply.code(400).type('text/plain; charset=utf-8').send('The form could not be read. Please go back and try again.');
      const { screen, _csrf: csrf, ...fields } = parsed.data;
      const result = await answerScreen(runtime, readCookie(request, FORM_COOKIE) ?? undefined, { screen: screen!, csrf: csrf!, fields });
      if ('forbidden' in result) return reply.code(403).type('text/plain; charset=utf-8').send(result.forbidden);
      if ('state' in result) return page(reply, result.state, result.state.kind === 'screen' ? 422 : 200);
      if (result.next === 'crisis') return redirect(reply, '/q/crisis');
      return redirect(reply, result.next === 'done' ? '/q/thanks' : '/q');
    }),
  );

  app.get(
    '/crisis',
    guarded(async (request, reply) => {
      const state = await showCrisis(runtime, readCookie(request, FORM_COOKIE) ?? undefined);
      return state ? page(reply, state) : redirect(reply, '/q');
    }),
  );

  // "Continue the questionnaire" after the crisis page: the next screen.
  app.post('/continue', async (_request, reply) => redirect(reply, '/q'));

  // Where the last screen leads: the answers just sent are "thank you", not "already received".
  app.get(
    '/thanks',
    guarded(async (request, reply) => {
      const state = await showForm(runtime, readCookie(request, FORM_COOKIE) ?? undefined);
      return page(reply, state.kind === 'done' && state.outcome === 'already_received' ? { ...state, outcome: 'thanks' } : state);
    }),
  );
};
