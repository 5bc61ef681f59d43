/**
 * What the front ends (webhooks, API, web app) are built with. A leaf: they
 * import this type instead of app.ts, so the module that assembles the app
 * and the parts it assembles do not import each other.
 */
import type { Bot } from './bot/index.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Database } from './store/database.js';

export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  bot: Bot;
  clock: Clock;
}
