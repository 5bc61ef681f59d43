import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createService, type Service } from '../../src/service.js';
import type { Database } from '../../src/store/database.js';
import { createTestDatabase } from './database.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const AUTH_TOKEN = 'test_auth_token';
export const ACCOUNT_SID = `AC${'a'.repeat(32)}`;
export const PUBLIC_URL = 'https://hooks.example.com';

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
  close(): Promise<void>;
}

/**
 * The real service on a fresh test database, configured from `env` on top of
 * test defaults (Twilio credentials set, so webhooks must be signed).
 */
export async function startTestService(env: Record<string, string | undefined> = {}): Promise<TestService> {
  const config = loadConfig({
    NODE_ENV: 'test',
    ADMIN_TOKEN,
    PUBLIC_URL,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    LOG_LEVEL: 'info',
    JOB_POLL_SECONDS: '0.2',
    ...env,
  });
  const db = await createTestDatabase();
  const logs = new LogCapture();
  const logger = createLogger(config.logLevel, logs);
  const service = await createService(config, { db, logger });
  await service.app.ready();
  return {
    service,
    db,
    logs,
    logger,
    async close() {
      await service.stop();
      await db.close();
    },
  };
}
