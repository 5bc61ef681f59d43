import type pg from 'pg';
import type { Logger } from '../../logger.js';
import { ALERT_CHANNEL, type Connection, type Hearing } from './channel.js';

/**
 * PGlite is one session behind its socket, and a notification comes back on
 * whichever connection ran the COMMIT; on the embedded database that is always
 * one of this pool's (nothing else writes to it), so every pool connection
 * passes on what it hears. LISTEN belongs to the session and outlives them.
 */
export function listenOnEmbedded(pool: pg.Pool, logger: Logger, hearing: Hearing): Connection {
  const attached = new Set<pg.PoolClient>();
  const onNotification = (n: pg.Notification) => {
    if (n.channel === ALERT_CHANNEL && n.payload) hearing.heard(n.payload);
  };
  const attach = (client: pg.PoolClient) => {
    if (attached.has(client)) return;
    attached.add(client);
    client.on('notification', onNotification);
    client.once('end', () => attached.delete(client));
  };
  let pending: Promise<void> | undefined;
  return {
    start() {
      pool.on('connect', attach);
      pending = (async () => {
        const client = await pool.connect();
        try {
          attach(client);
          await client.query(`LISTEN ${ALERT_CHANNEL}`);
        } finally {
          client.release();
        }
        hearing.listening();
      })().catch((err: unknown) => logger.warn({ err }, 'live alerts: could not listen on the embedded database; pages fall back to polling'));
    },
    async close() {
      await pending;
      pool.off('connect', attach);
      for (const client of attached) client.off('notification', onNotification);
      attached.clear();
    },
  };
}
