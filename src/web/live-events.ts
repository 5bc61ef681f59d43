/**
 * The live channel (Server-Sent Events): urgent cases for Today (a patient's
 * card, sent again whenever an alert joins their case), and how
 * long the session has left, so the page can warn before the automatic
 * logoff. It reads without counting as activity. Every instance of the
 * service can serve it: it follows the alerts table through PostgreSQL's
 * LISTEN/NOTIFY (store/alert-listener/), not this process, and reads
 * what is new after its own cursor when told (and a few minutes back, for
 * alerts whose transactions committed late).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.js';
import { resumeSession, type ActiveSession } from './sign-in.js';
import { loadCaseViews } from '../alerts/index.js';
import { latestAlertSeq } from '../store/alerts.js';
import { findCasesWithNames, urgentCaseNews } from '../store/case-views.js';
import { findPractice } from '../store/practices.js';
import { recordAccess } from '../store/audit.js';
import { readCookie, SESSION_COOKIE } from './session.js';
import { caseCard } from './pages/case-card.js';

/** How often the page hears how long its session has left (real time: it is I/O, not scheduled work). */
export const LIVE_SESSION_MS = 2000;
/**
 * Between reads the countdown runs from the expiry last read: a keepalive or
 * sign-out in another tab or on another instance shows within this many
 * ticks (30 s), and the page reads the database that seldom while idle.
 */
const SESSION_READ_TICKS = 15;
/** From here to the logoff (the warning shows at two minutes) every tick reads, so both follow the session as it is. */
const NEAR_LOGOFF_SECONDS = 150;
/**
 * How far back, by the service clock, every read of news also looks. An
 * alert's seq is taken from a sequence when it is inserted, but transactions
 * commit in any order: T1 takes 10, T2 takes 11 and commits first, a read
 * sees 11 and moves the cursor past 10, and T1's alert, committed a moment
 * later, would never reach the page (nor a page reconnecting from 11). So
 * each read also takes the urgent alerts created within this window that the
 * stream has not sent, whatever their seq. It need only outlast an alert's
 * transaction, from the instant it is given (its created_at: when the text,
 * call or job that raised it began) to its commit: seconds; ten minutes leaves
 * room for lock waits and instances' clocks a little apart. Why not a
 * commit-ordered watermark: PostgreSQL keeps no commit order a query can read
 * (commit timestamps are off by default; a row's xmin is 32 bits, wraps and
 * changes with every update), and a window by the clock works alike on PGlite.
 */
const LATE_COMMIT_MS = 10 * 60_000;

/**
 * GET /events. Its streams end when the app closes: an open stream would hold
 * the server's shutdown forever, and the browser reconnects by itself (to
 * another instance behind the load balancer) and catches up from its last id.
 */
export function liveEventsRoute(app: FastifyInstance, deps: AppDeps): void {
  const streams = new Set<() => void>();
  app.addHook('preClose', (done) => {
    for (const end of [...streams]) end();
    done();
  });
  app.get('/events', (request, reply) => liveEvents(deps, request, reply, streams));
}

async function liveEvents(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, streams: Set<() => void>): Promise<void> {
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

  // The alerts this stream has sent from the window (seq -> created_at), so a late read does not send them twice.
  // A (re)connected stream starts with none and sends the window's cards again: a card replaces the one the
  // page has for its case, so that costs a repaint, never a card. Older ones can come back neither way (their
  // seqs are behind the cursor), and are forgotten.
  const sent = new Map<string, number>();
  const sendNews = async (alive: ActiveSession) => {
    const now = deps.clock.now();
    const since = now.getTime() - LATE_COMMIT_MS;
    for (const [alertSeq, createdAt] of sent) if (createdAt < since) sent.delete(alertSeq);
    const news = await urgentCaseNews(deps.db.pool, practice.id, { afterSeq: seq, since: new Date(since), skip: [...sent.keys()] });
    if (news.length === 0) return;
    const views = new Map((await loadCaseViews(deps.db.pool, await findCasesWithNames(deps.db.pool, news.map((n) => n.caseId)), now)).map((v) => [v.case.id, v]));
    await recordAccess(deps.db.pool, { actor: { kind: 'user', id: alive.user.id }, practiceId: practice.id, action: 'web.today.live', at: now }, [...views.values()].map((v) => v.case.patientId));
    for (const { caseId, seq: newest, alerts } of news) {
      for (const alert of alerts) sent.set(alert.seq, Date.parse(alert.createdAt));
      // The id (Last-Event-ID on reconnecting) never goes back: a late alert's card carries the cursor, not its
      // own seq, and a reconnect from there finds whatever else came late in the window.
      if (BigInt(newest) > BigInt(seq)) seq = newest;
      const view = views.get(caseId);
      if (view) send('case', caseCard(view, practice.timezone, now).value, seq);
    }
  };
  const secondsLeftOf = (alive: ActiveSession | null) => (alive ? Math.max(0, Math.floor((alive.expiresAt.getTime() - deps.clock.now().getTime()) / 1000)) : 0);
  let lastRead: ActiveSession | null = null;
  let ticksSinceRead = 0;
  // The session is read before every read of news, so no card reaches a page whose session has ended.
  const tick = async (withNews: boolean) => {
    const alive = await resumeSession(records, token, false);
    [lastRead, ticksSinceRead] = [alive, 0];
    send('session', JSON.stringify({ secondsLeft: secondsLeftOf(alive) }));
    if (!alive) return stop();
    if (withNews && wantsAlerts) await sendNews(alive);
  };

  // One read at a time, and none dropped: news that comes during a read makes one more read after it.
  let open = true;
  let reading = false;
  let wanted: boolean | null = null;
  const read = async (withNews: boolean) => {
    wanted = (wanted ?? false) || withNews;
    if (reading) return;
    reading = true;
    try {
      while (wanted !== null && open) {
        const next: boolean = wanted;
        wanted = null;
        try {
          await tick(next);
        } catch (error) {
          // A database hiccup: the next tick or notification tries again; the page keeps its connection.
          request.log.warn({ err: { message: (error as Error).message } }, 'live channel read failed');
        }
      }
    } finally {
      reading = false;
    }
  };

  const unfollow = wantsAlerts ? deps.live.alerts.follow(practice.id, () => void read(true)) : () => undefined;
  const sessionTimer = setInterval(() => {
    // A read under way says how long is left when it ends.
    if (reading) return;
    ticksSinceRead += 1;
    const secondsLeft = secondsLeftOf(lastRead);
    if (ticksSinceRead >= SESSION_READ_TICKS || secondsLeft <= NEAR_LOGOFF_SECONDS) void read(false);
    else send('session', JSON.stringify({ secondsLeft }));
  }, LIVE_SESSION_MS);
  // A catch-up in case a notification was lost; news otherwise comes as it is committed.
  const safetyPoll = wantsAlerts ? setInterval(() => void read(true), deps.live.safetyPollMs) : undefined;
  const close = () => {
    open = false;
    clearInterval(sessionTimer);
    clearInterval(safetyPoll);
    unfollow();
    streams.delete(stop);
  };
  const stop = () => {
    close();
    out.end();
  };
  streams.add(stop);
  request.raw.on('close', close);
  out.write('retry: 5000\n\n');
  await read(true);
}
