import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { embeddedAdminToken, type FirstToken } from './admin-token.js';
import { createLogger, type Logger } from './logger.js';
import { openDatabase, type Database, type OpeningDatabase } from './store/database.js';
import { migrate } from './store/migrate.js';
import { createJobRunner, type JobRunner } from './jobs/runner.js';
import { defineJobs, scheduleRecurring } from './jobs/definitions.js';
import type { RuntimeDeps } from './runtime.js';
import { createTwilioCalls, simulatedCalls, type CallTransport } from './transport/index.js';
import { createTwilioTransport, simulatedTransport, type SmsTransport } from './transport/index.js';
import { createSmtpTransport, simulatedMail, type MailTransport } from './transport/index.js';
import { buildApp, type App } from './app.js';
import { createAlertListener } from './store/alert-listener/index.js';
import { warmDictionaryInBackground } from './flows/understand/index.js';
import { compilePhraseDetectorsInBackground } from './flows/text/index.js';

export interface Service {
  config: Config;
  logger: Logger;
  db: Database;
  jobs: JobRunner;
  /** What the conversation runtime, the jobs and the actions run with. */
  runtime: RuntimeDeps;
  app: App;
  clock: Clock;
  /** Starts the HTTP listener and the job workers; resolves to the listening address. */
  start(): Promise<string>;
  /** Stops taking requests and jobs, lets running work finish, closes the database. */
  stop(): Promise<void>;
}

export interface ServiceOptions {
  logger?: Logger;
  /** An already open database (tests); the service then leaves closing it to the caller. */
  db?: Database;
  /**
   * The service's own database, already being opened (server.ts starts it before loading the service);
   * the service assembles itself meanwhile and waits for it before its first query. Closed by stop().
   */
  opening?: OpeningDatabase;
  /** The clock the service reads all time from; the machine's clock unless a test or simulation sets one. */
  clock?: Clock;
  /** Where texts and calls go instead of Twilio or the built-in simulation: the panel simulator's patients (simulate/). */
  transport?: SmsTransport;
  calls?: CallTransport;
  /** Where emails go instead of SMTP_URL's server or the built-in simulation. */
  mail?: MailTransport;
  /** How often a live page reads alerts without being told to (default 30 s); tests set it long to show the push. */
  liveSafetyPollMs?: number;
}

/** The live channel reads on news; this read only catches up on a notification lost on the way. */
const LIVE_SAFETY_POLL_MS = 30_000;

/** Wires the service together: store, migrations, jobs, HTTP app. Nothing listens until start(). */
export async function createService(given: Config, options: ServiceOptions = {}): Promise<Service> {
  const logger = options.logger ?? createLogger(given.logLevel);
  // The embedded database and no ADMIN_TOKEN: a token of its own, made on the first start.
  const firstToken = !given.adminToken && !given.databaseUrl && !options.db ? await embeddedAdminToken(given.dataDir) : null;
  const config: Config = firstToken ? { ...given, adminToken: firstToken.token } : given;
  const clock = options.clock ?? systemClock;
  const db =
    options.db ??
    options.opening?.db ??
    (config.databaseUrl
      ? await openDatabase({ url: config.databaseUrl, logger })
      : await openDatabase({ dataDir: config.dataDir, logger }));

  // Off in tests: nock cannot settle requests on kept-alive sockets.
  const keepAlive = config.env !== 'test';
  const transport: SmsTransport =
    options.transport ?? (config.twilio ? createTwilioTransport({ ...config.twilio, keepAlive }) : simulatedTransport);
  const calls: CallTransport =
    options.calls ??
    (config.twilio
      ? createTwilioCalls({ ...config.twilio, keepAlive, callsPerSecond: config.callsPerSecond })
      : simulatedCalls);
  const mail: MailTransport = options.mail ?? (config.smtpUrl ? createSmtpTransport({ url: config.smtpUrl }) : simulatedMail);
  const runtime: RuntimeDeps = {
    pool: db.pool,
    transport,
    calls,
    logger,
    publicUrl: config.publicUrl,
    conversationTimeoutMs: config.conversationTimeoutMs,
    sendRetryBaseMs: config.sendRetryBaseMs,
    clock,
    voice: config.voiceCheckIns,
    email: { transport: mail, from: config.mailFrom },
  };
  // One listener per instance, started by the first live page, whichever instance wrote the alert.
  const liveAlerts = createAlertListener(db, logger);
  const live = { alerts: liveAlerts, safetyPollMs: options.liveSafetyPollMs ?? LIVE_SAFETY_POLL_MS };
  // The schema is checked (or migrated) as soon as the database answers, while the app is assembled:
  // an embedded database opens meanwhile in its thread, and on a restart answers before the app is built.
  const migrated = (async () => {
    await options.opening?.opened;
    return migrate(db.pool);
  })();
  // Awaited below; a failure to build the app must not leave it unheard meanwhile.
  migrated.catch(() => undefined);
  let app: App;
  try {
    // Nothing here queries the database.
    app = await buildApp({ config, db, logger, runtime, clock, live });
  } catch (error) {
    await migrated.catch(() => undefined);
    if (options.opening) await db.close();
    throw error;
  }
  try {
    const { applied } = await migrated;
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
  } catch (error) {
    await app.close();
    if (options.opening) await db.close();
    throw error;
  }
  // Agenda connects as it is made: after the database answers.
  const jobs = createJobRunner({ pool: db.pool, clock, logger, pollMs: config.jobPollMs, notifications: db.kind === 'server' });
  defineJobs(jobs, runtime);
  let stopping: Promise<void> | undefined;

  return {
    config,
    logger,
    db,
    jobs,
    runtime,
    app,
    clock,
    async start() {
      const address = await app.listen({ port: config.port, host: config.host });
      // The workers start once the service answers: what a request queues meanwhile waits in the database for them.
      await jobs.start();
      await scheduleRecurring(runtime);
      // What reads patients' texts gets ready now, in slices that let requests through, rather than on a
      // patient's first text: the phrase detectors (compiled on first use, about a tenth of a second in
      // all), then the closed world's dictionaries (about a second).
      void compilePhraseDetectorsInBackground().then(warmDictionaryInBackground);
      announce(config, db, logger);
      if (firstToken?.created) welcome(config, firstToken);
      return address;
    },
    stop() {
      stopping ??= (async () => {
        await app.close();
        await liveAlerts.close();
        await jobs.stop(config.shutdownGraceMs);
        mail.close();
        if (!options.db) await db.close();
        logger.info('ccm-bot stopped');
      })();
      return stopping;
    },
  };
}

/** Shown once, on the console (not in the logs): the token a new user needs for the API. */
function welcome(config: Config, first: FirstToken): void {
  process.stdout.write(
    [
      '',
      'ccm-bot is ready. Your admin token (shown only now; kept in ' + first.file + '):',
      '',
      `  ${first.token}`,
      '',
      `Try: curl -H "Authorization: Bearer ${first.token}" ${config.publicUrl}/api/v1/practices`,
      `API description: ${config.publicUrl}/docs`,
      '',
    ].join('\n'),
  );
}

/** What the service runs on and what it only simulates; "ccm-bot is running" comes last, so a reader of the log can wait for it. */
function announce(config: Config, db: Database, logger: Logger): void {
  if (!config.twilio) {
    logger.warn(
      'SIMULATED MODE: no Twilio credentials. Webhooks accept unsigned requests and no text or call leaves this machine (status "simulated").',
    );
  }
  if (!config.smtpUrl) {
    logger.warn('SIMULATED EMAIL: SMTP_URL is not set. Emails are recorded with status "simulated" and none leaves this machine.');
  }
  if (!config.adminToken) {
    logger.warn('ADMIN_TOKEN is not set: the API only accepts existing API keys, and no practice can be created.');
  }
  logger.info(
    { database: db.kind === 'embedded' ? `embedded (${config.dataDir})` : 'server', publicUrl: config.publicUrl },
    'ccm-bot is running',
  );
}
