import { Writable } from 'node:stream';
import { ManualClock, type Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { advanceClock } from '../../src/jobs/drive.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createService, type Service } from '../../src/service.js';
import type { Database } from '../../src/store/database.js';
import { createTestDatabase } from './database.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const AUTH_TOKEN = 'test_auth_token';
export const ACCOUNT_SID = `AC${'a'.repeat(32)}`;
export const PUBLIC_URL = 'https://hooks.example.com';
/**
 * Where test clocks start: a Tuesday, 10:00 in Chicago and 08:00 in Los
 * Angeles, so the test practice is open whatever the hour the suite runs.
 */
export const TEST_START = '2026-11-24T16:00:00Z';

/** Collects every log line the service writes, to assert what is (not) in them. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(chunk.toString('utf8'));
    done();
  }
  get text() {
    return this.lines.join('');
  }
}

export interface TestService {
  service: Service;
  db: Database;
  logs: LogCapture;
  logger: Logger;
  /** The service's clock; it moves only when the test moves it. */
  clock: ManualClock;
  /** Runs every job due at the clock's time now (a text to send, an alert to escalate). */
  runDue(): Promise<number>;
  /** Moves the clock forward, running each job at the moment it falls due. */
  advance(ms: number): Promise<number>;
  advanceTo(instant: Date | string): Promise<number>;
  close(): Promise<void>;
}

export interface TestServiceOptions {
  /** Where the service's clock starts (default TEST_START). */
  start?: string;
  /** Run on another clock (the machine's, for tests of Agenda's own workers); advance() then refuses. */
  clock?: Clock;
  /** A second instance of the service on the same database and clock as this one (closing it leaves both). */
  beside?: TestService;
}

/**
 * The real service on a fresh test database, configured from `env` on top of
 * test defaults (Twilio credentials set, so webhooks must be signed), on a
 * manual clock. Agenda's workers are not started: tests run due jobs with
 * runDue() and advance(), so nothing waits in real time.
 */
export async function startTestService(
  env: Record<string, string | undefined> = {},
  options: TestServiceOptions = {},
): Promise<TestService> {
  const config = loadConfig({
    NODE_ENV: 'test',
    ADMIN_TOKEN,
    PUBLIC_URL,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    LOG_LEVEL: 'info',
    JOB_POLL_SECONDS: '0.2',
    // Twilio's own limit is 1 call a second; the faked Twilio has none, and a test
    // would otherwise wait a real second between two calls (the pacer has tests of its own).
    TWILIO_CALLS_PER_SECOND: '100',
    ...env,
  });
  const db = options.beside?.db ?? (await createTestDatabase());
  const logs = new LogCapture();
  const logger = createLogger(config.logLevel, logs);
  const manual = options.beside?.clock ?? new ManualClock(options.start ?? TEST_START);
  const service = await createService(config, { db, logger, clock: options.clock ?? manual });
  await service.app.ready();
  const advanceTo = (instant: Date | string) => {
    if (options.clock) throw new Error('this test service runs on its own clock; advance() moves only the manual clock');
    return advanceClock(service.jobs, db.pool, manual, new Date(instant));
  };
  return {
    service,
    db,
    logs,
    logger,
    clock: manual,
    runDue: () => service.jobs.runDue(),
    advance: (ms) => advanceTo(new Date(manual.now().getTime() + ms)),
    advanceTo,
    async close() {
      await service.stop();
      if (!options.beside) await db.close();
    },
  };
}
