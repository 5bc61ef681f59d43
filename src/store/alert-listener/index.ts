/**
 * How an instance of the service hears that a practice has new alerts: one
 * LISTEN per instance on the channel migration 024's trigger notifies when an
 * alert joins a case, fanned out to that practice's open pages. A notification
 * carries only the practice id; each page then reads what is new after its own
 * cursor, so a lost or doubled notification costs one read, never a card.
 */
import type { Logger } from '../../logger.js';
import type { Database } from '../database.js';
import { listenOnEmbedded } from './embedded.js';
import { listenOnServer } from './server.js';
import type { Hearing } from './channel.js';

export { ALERT_CHANNEL, ALERT_LISTENER_NAME } from './channel.js';

export interface AlertListener {
  /**
   * Calls `onNews` whenever the practice's alerts may have changed: on each
   * notification, and every time the listening connection is (re)established,
   * since what committed while it was away went unheard. The first follower
   * starts the listening, so an instance that serves no pages holds no extra
   * connection. Returns the way to stop following.
   */
  follow(practiceId: string, onNews: () => void): () => void;
  /** Stops listening (service shutdown); following after this hears nothing. */
  close(): Promise<void>;
}

/** The listener for this instance's database: a connection of its own on a server; on PGlite, the pool's one session. */
export function createAlertListener(db: Pick<Database, 'pool' | 'kind'>, logger: Logger): AlertListener {
  const followers = new Map<string, Set<() => void>>();
  const tell = (callbacks: Iterable<() => void>) => {
    for (const onNews of callbacks) {
      try {
        onNews();
      } catch (err) {
        logger.warn({ err }, 'a live page failed to take alert news');
      }
    }
  };
  const hearing: Hearing = {
    heard: (practiceId) => tell([...(followers.get(practiceId) ?? [])]),
    listening: () => tell([...followers.values()].flatMap((set) => [...set])),
  };
  const connection = db.kind === 'server' ? listenOnServer(db.pool, logger, hearing) : listenOnEmbedded(db.pool, logger, hearing);
  let started = false;
  let closed = false;
  return {
    follow(practiceId, onNews) {
      if (!started && !closed) {
        started = true;
        connection.start();
      }
      const set = followers.get(practiceId) ?? new Set();
      followers.set(practiceId, set.add(onNews));
      return () => {
        set.delete(onNews);
        if (set.size === 0 && followers.get(practiceId) === set) followers.delete(practiceId);
      };
    },
    async close() {
      closed = true;
      followers.clear();
      if (started) await connection.close();
    },
  };
}
