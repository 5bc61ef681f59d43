/**
 * The links in patients' emails, at /e: /e/unsubscribe/<token>. A GET (a
 * person, or a mail scanner following links) only asks; a POST stops emails:
 * the page's button, or a mail client's one-click POST (RFC 8058, body
 * "List-Unsubscribe=One-Click", as form data or multipart). Pages are plain,
 * never cached, send no referrer and run no script, like the form's at /q.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../deps.js';
import { renderUnsubscribeInvalidPage, renderUnsubscribePage } from '../channels/email/unsubscribe.js';
import { unsubscribe, unsubscribePage, type UnsubscribeView } from '../messaging/index.js';
import { databaseFault } from '../store/sql.js';
import { ICON, patientPageHeaders, STYLESHEET } from './patient-form.js';

/** What a mail client's one-click POST says (RFC 8058); the page's own button sends nothing. */
const ONE_CLICK = /List-Unsubscribe=One-Click|name="List-Unsubscribe"\s+One-Click/i;

export const emailLinks: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  app.addHook('onRequest', patientPageHeaders);
  // A one-click POST may come as multipart/form-data (RFC 8058 prefers it) or as anything else: read
  // it as text, at most a little; only whether it says One-Click matters (form data is parsed already).
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 8 * 1024 }, (_request, body, done) => done(null, body));

  const assets = { stylesheet: STYLESHEET, icon: ICON };
  const show = (reply: FastifyReply, view: UnsubscribeView, action: string) =>
    view.kind === 'invalid'
      ? reply.code(404).type('text/html; charset=utf-8').send(renderUnsubscribeInvalidPage(assets).toString())
      : reply.type('text/html; charset=utf-8').send(renderUnsubscribePage({ ...view, action, ...assets }).toString());
  const busy = (reply: FastifyReply) =>
    reply.code(503).header('retry-after', '60').type('text/plain; charset=utf-8').send('The service is busy. Nothing was changed; please try again in a minute.');

  app.get<{ Params: { token: string } }>('/unsubscribe/:token', async (request, reply) => {
    try {
      return show(reply, await unsubscribePage(deps.runtime, request.params.token), request.url.split('?')[0]!);
    } catch (error) {
      if (databaseFault(error)) return busy(reply);
      throw error;
    }
  });

  app.post<{ Params: { token: string } }>('/unsubscribe/:token', async (request, reply) => {
    const body = request.body;
    const oneClick = typeof body === 'string' ? ONE_CLICK.test(body) : (body as Record<string, unknown> | undefined)?.['List-Unsubscribe'] === 'One-Click';
    try {
      return show(reply, await unsubscribe(deps.runtime, request.params.token, oneClick ? 'one_click' : 'unsubscribe_page'), request.url.split('?')[0]!);
    } catch (error) {
      if (databaseFault(error)) return busy(reply);
      throw error;
    }
  });
};
