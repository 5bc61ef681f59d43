/**
 * The monthly summary at /s/<token>, for patients (not the staff app): the
 * link in the summary email opens the summary as it was sent, printable. A
 * link that ran out says so and whom to call for a copy; one that matches
 * nothing names nobody.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../deps.js';
import { openSummary } from '../conversation/index.js';
import { renderSummaryLinkPage } from '../channels/email/summary-link.js';
import { renderSummaryPage } from '../channels/email/summary.js';
import { databaseFault } from '../store/sql.js';
import { ICON, patientPageHeaders, STYLESHEET } from './patient-form.js';

export const summaryPage: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  app.addHook('onRequest', patientPageHeaders);
  const assets = { stylesheet: STYLESHEET, icon: ICON };

  app.get<{ Params: { token: string } }>('/:token', async (request, reply) => {
    try {
      const view = await openSummary(deps.runtime, request.params.token, request.ip);
      if (view.kind === 'summary') return reply.type('text/html; charset=utf-8').send(renderSummaryPage(view.summary, assets).toString());
      const status = view.kind === 'invalid' ? 404 : view.kind === 'too_many_attempts' ? 429 : 200;
      return reply.code(status).type('text/html; charset=utf-8').send(renderSummaryLinkPage({ ...assets, ...view }).toString());
    } catch (error) {
      if (!databaseFault(error)) throw error;
      return reply.code(503).header('retry-after', '60').type('text/plain; charset=utf-8').send('The service is busy. Please try again in a minute.');
    }
  });
};
