/**
 * What the front ends (webhooks, API, web app) are built with. A leaf: they
 * import this type instead of app.ts, so the module that assembles the app
 * and the parts it assembles do not import each other.
 */
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { RuntimeDeps } from './runtime.js';
import type { Database } from './store/database.js';
import type { AlertListener } from './store/alert-listener/index.js';

/** What the live Today channel follows: news of alerts as the database announces it, and how often it reads anyway. */
export interface LiveDeps {
  alerts: AlertListener;
  /** The catch-up read's interval, in case a notification was lost; pages otherwise read on news. */
  safetyPollMs: number;
}

export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  /** What the conversation runtime runs with (the pool, the clock, Twilio's transports). */
  runtime: RuntimeDeps;
  clock: Clock;
  live: LiveDeps;
}
