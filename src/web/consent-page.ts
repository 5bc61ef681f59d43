/**
 * The consent page at /c, for candidates (not the staff app), beside the
 * questionnaire's form at /q and built the same way: the text's link
 * /c/<token> is exchanged for a short-lived cookie and redirected, so the
 * token is never in the address bar, the history or a Referer. "Sign" posts
 * to /c, "No, thank you" to /c/decline; each leads to a page of its own.
 * Server-rendered, no script; never cached, no referrer, never framed.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { declineConsent, openConsentLink, showConsent, signConsent, type ConsentPageState, type ConsentPostResult } from '../enrolment/consent.js';
import { renderConsentDonePage, renderConsentPage } from '../channels/form/index.js';
import { guarded, ICON, patientPageHeaders, STYLESHEET } from './patient-form.js';
import { readCookie, redirect, secureCookies } from './session.js';

export const CONSENT_COOKIE = 'ccm_consent';

/** The cookie that holds the visit: HttpOnly, only for /c, Lax so the first page after the text's link has it. */
function consentCookie(value: string, publicUrl: string, maxAgeSeconds: number): string {
  return [`${CONSENT_COOKIE}=${value}`, 'Path=/c', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`, ...(secureCookies(publicUrl) ? ['Secure'] : [])].join('; ');
}

// What the form posts: its CSRF token, the text version shown, the elements ticked (one value or several), the name.
const field = z.string().max(5000);
const SignSchema = z.object({
  _csrf: field,
  text: field,
  elements: z.union([field, z.array(field).max(20)]).optional(),
  signatureName: field.optional(),
});
const DeclineSchema = z.object({ _csrf: field });

export const consentPage: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const runtime = deps.runtime;
  app.addHook('onRequest', patientPageHeaders);

  const page = (reply: FastifyReply, state: ConsentPageState, status = 200) => {
    const base = { stylesheet: STYLESHEET, icon: ICON };
    const contact = state.practice ? { name: state.practice.name, phone: state.practice.contactPhone } : null;
    const body =
      state.kind === 'form'
        ? renderConsentPage({
            ...base,
            language: state.language,
            practice: contact!,
            practitioner: state.practitioner,
            title: state.title,
            elements: state.elements,
            agreement: state.agreement,
            text: { id: state.text.id, version: state.text.version },
            ticked: state.ticked,
            signatureName: state.signatureName,
            errors: state.errors,
            action: '/c',
            declineAction: '/c/decline',
            csrf: state.csrf,
          })
        : renderConsentDonePage({ ...base, language: state.language, practice: contact, kind: state.outcome });
    const code = state.kind === 'done' && state.outcome === 'too_many_attempts' ? 429 : status;
    return reply.code(code).type('text/html; charset=utf-8').send(body.toString());
  };

  const answer = (reply: FastifyReply, result: ConsentPostResult) => {
    if ('forbidden' in result) return reply.code(403).type('text/plain; charset=utf-8').send(result.forbidden);
    if ('state' in result) return page(reply, result.state, result.state.kind === 'form' ? 422 : 200);
    return redirect(reply, result.next === 'signed' ? '/c/signed' : '/c/declined');
  };
  const unreadable = (reply: FastifyReply) => reply.code(400).type('text/plain; charset=utf-8').send('The form could not be read. Please go back and try again.');

  app.get<{ Params: { token: string } }>(
    '/:token',
    guarded(async (request, reply) => {
      const opened = await openConsentLink(runtime, request.params.token, request.ip);
      if ('state' in opened) return page(reply, opened.state, opened.state.kind === 'done' && opened.state.outcome === 'invalid' ? 404 : 200);
      const maxAge = Math.floor((opened.expiresAt.getTime() - runtime.clock.now().getTime()) / 1000);
      return redirect(reply.header('set-cookie', consentCookie(opened.cookie, deps.config.publicUrl, maxAge)), '/c');
    }),
  );

  app.get(
    '/',
    guarded(async (request, reply) => page(reply, await showConsent(runtime, readCookie(request, CONSENT_COOKIE) ?? undefined))),
  );

  app.post(
    '/',
    guarded(async (request, reply) => {
      const parsed = SignSchema.safeParse(request.body);
      if (!parsed.success) return unreadable(reply);
      const { _csrf: csrf, text, elements, signatureName } = parsed.data;
      const ticked = elements === undefined ? [] : typeof elements === 'string' ? [elements] : elements;
      const result = await signConsent(runtime, readCookie(request, CONSENT_COOKIE) ?? undefined, { csrf, textId: text, elements: ticked, signatureName: signatureName ?? '' });
      return answer(reply, result);
    }),
  );

  app.post(
    '/decline',
    guarded(async (request, reply) => {
      const parsed = DeclineSchema.safeParse(request.body);
      if (!parsed.success) return unreadable(reply);
      return answer(reply, await declineConsent(runtime, readCookie(request, CONSENT_COOKIE) ?? undefined, { csrf: parsed.data._csrf }));
    }),
  );

  // Where signing and declining lead: the visit's link says which page (thank you, or never asked again).
  for (const path of ['/signed', '/declined']) {
    app.get(path, guarded(async (request, reply) => page(reply, await showConsent(runtime, readCookie(request, CONSENT_COOKIE) ?? undefined))));
  }
};
