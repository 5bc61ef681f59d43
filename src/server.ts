import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { beginOpeningEmbedded } from './store/database.js';

/** Process entry: configure, start, and shut down cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // The embedded database opens in a thread of its own while this one loads and assembles the rest of the service.
  const opening = config.databaseUrl ? undefined : beginOpeningEmbedded({ dataDir: config.dataDir, logger });
  const { createService } = await import('./service.js');
  const service = await createService(config, { logger, ...(opening ? { opening } : {}) });
  const shutdown = (signal: NodeJS.Signals) => {
    service.logger.info({ signal }, 'shutting down');
    // A second signal means "now": skip the graceful path.
    process.once(signal, () => process.exit(1));
    service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        service.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  await service.start();
}

main().catch((err: unknown) => {
  process.stderr.write(`ccm-bot failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
