/**
 * The live channel (Server-Sent Events): urgent cases for Today (a patient's
 * card, sent again whenever an alert joins their case), and how
 * long the session has left, so the page can warn before the automatic
 * logoff. It reads without counting as activity. Every instance of the
 * service can serve it: it follows the alerts table, not this process.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.js';
import { resumeSession } from './sign-in.js';
import { loadCaseViews } from '../alerts/index.js';
import { latestAlertSeq } from '../store/alerts.js';
import { findCasesWithNames, urgentCaseNewsAfter } from '../store/case-views.js';
import { findPractice } from '../store/practices.js';
import { recordAccess } from '../store/audit.js';
import { readCookie, SESSION_COOKIE } from './session.js';
import { caseCard } from './pages/case-card.js';

/** How often the channel looks for news (real time: it is I/O, not scheduled work). */
export const LIVE_POLL_MS = 2000;

export async function liveEvents(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const session = request.staffSession;
  if (!session) {
    reply.code(401).send();
    return;
  }
  const records = { pool: deps.db.pool, clock: deps.clock };
  const practice = (await findPractice(deps.db.pool, session.user.practiceId))!;
  const query = request.query as { alerts?: string; after?: string };
  const wantsAlerts = query.alerts === '1';
  // Where the page's list stopped: the last alert sent on this channel, or the one the page was rendered after,
  // so an alert raised between the render and the connection is not missed.
  const digits = (value: unknown) => (typeof value === 'string' && /^\d{1,19}$/.test(value) ? value : undefined);
  let seq = digits(request.headers['last-event-id']) ?? digits(query.after) ?? (await latestAlertSeq(deps.db.pool, practice.id));
  const token = readCookie(request, SESSION_COOKIE)!;

  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  const send = (event: string, data: string, id?: string) => out.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${data.replace(/\n/g, '\ndata: ')}\n\n`);

  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const alive = await resumeSession(records, token, false);
      const secondsLeft = alive ? Math.max(0, Math.floor((alive.expiresAt.getTime() - deps.clock.now().getTime()) / 1000)) : 0;
      send('session', JSON.stringify({ secondsLeft }));
      if (!alive) return stop();
      if (!wantsAlerts) return;
      const news = await urgentCaseNewsAfter(deps.db.pool, practice.id, seq);
      if (news.length === 0) return;
      const now = deps.clock.now();
      const views = new Map((await loadCaseViews(deps.db.pool, await findCasesWithNames(deps.db.pool, news.map((n) => n.caseId)), now)).map((v) => [v.case.id, v]));
      await recordAccess(deps.db.pool, { actor: { kind: 'user', id: alive.user.id }, practiceId: practice.id, action: 'web.today.live', at: now }, [...views.values()].map((v) => v.case.patientId));
      for (const { caseId, seq: next } of news) {
        const view = views.get(caseId);
        if (view) send('case', caseCard(view, practice.timezone, now).value, next);
        seq = next;
      }
    } catch (error) {
      // A database hiccup: the next tick tries again; the page keeps its connection.
      request.log.warn({ err: { message: (error as Error).message } }, 'live channel tick failed');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), LIVE_POLL_MS);
  const stop = () => {
    clearInterval(timer);
    out.end();
  };
  request.raw.on('close', () => clearInterval(timer));
  out.write('retry: 5000\n\n');
  await tick();
}
