/** What the listener's parts share: the channel, and how a connection reports what it hears. */
/** The channel migration 024's trigger notifies on: keep the two in step. */
export const ALERT_CHANNEL = 'ccm_alerts';
/** How the listening connection shows in pg_stat_activity. */
export const ALERT_LISTENER_NAME = 'ccm-bot live alerts';

/** What a connection tells the listener. */
export interface Hearing {
  heard(practiceId: string): void;
  /** LISTEN is in place (again): everyone may have missed something. */
  listening(): void;
}

/** A way of listening: a connection of its own on a server, the pool's session on PGlite. */
export interface Connection {
  start(): void;
  close(): Promise<void>;
}
