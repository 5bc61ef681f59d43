import pg from 'pg';
import type { Logger } from '../../logger.js';
import { ALERT_CHANNEL, ALERT_LISTENER_NAME, type Connection, type Hearing } from './channel.js';

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 30_000;

/**
 * A dedicated client outside the pool (it never returns a connection, and must
 * not count against the pool's size); on losing it, reconnect with backoff.
 */
export function listenOnServer(pool: pg.Pool, logger: Logger, hearing: Hearing): Connection {
  let client: pg.Client | null = null;
  let pending: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let delay = FIRST_RETRY_MS;
  let closed = false;

  const reconnectLater = (err: unknown) => {
    // Jitter: every instance loses its connection at once when the database restarts.
    const wait = Math.round(delay * (0.75 + Math.random() / 2));
    logger.warn({ err, retryInMs: wait }, 'live alerts: the listening database connection is lost; reconnecting');
    retry = setTimeout(() => {
      retry = undefined;
      pending = connect();
    }, wait);
    delay = Math.min(delay * 2, LAST_RETRY_MS);
  };

  const connect = async () => {
    const next = new pg.Client({ ...pool.options, application_name: ALERT_LISTENER_NAME, keepAlive: true });
    let lost = false;
    const onLost = (err?: unknown) => {
      if (lost) return;
      lost = true;
      if (client === next) client = null;
      next.end().catch(() => undefined);
      if (!closed) reconnectLater(err);
    };
    // A dropped connection shows as 'error' or only as 'end'; either way, once.
    next.on('error', onLost);
    next.on('end', () => onLost(new Error('connection ended')));
    next.on('notification', (n) => {
      if (n.channel === ALERT_CHANNEL && n.payload) hearing.heard(n.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${ALERT_CHANNEL}`);
    } catch (err) {
      onLost(err);
      return;
    }
    if (lost || closed) return void next.end().catch(() => undefined);
    client = next;
    delay = FIRST_RETRY_MS;
    hearing.listening();
  };

  return {
    start: () => void (pending = connect()),
    async close() {
      closed = true;
      clearTimeout(retry);
      await pending;
      await client?.end().catch(() => undefined);
    },
  };
}
