/**
 * Several instances of the service on one PostgreSQL database, in one test
 * process: each with its own pool (its connections named after it in
 * pg_stat_activity), its own Twilio client and its own job runner, all on one
 * manual clock, as instances on machines whose clocks agree. Twilio's API is
 * the one nock fakes for the whole process (test/helpers/twilio.ts).
 */
import pg from 'pg';
import type { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createService, type Service } from '../../src/service.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { nextDueAt } from '../../src/store/job-queue.js';
import { createTwilioTransport, type OutboundSms, type SmsTransport } from '../../src/transport/index.js';
import { ACCOUNT_SID, ADMIN_TOKEN, AUTH_TOKEN, LogCapture, PUBLIC_URL } from '../helpers/service.js';

export interface Instance {
  name: string;
  service: Service;
  db: Database;
  logs: LogCapture;
  /** Texts this instance handed to Twilio's API (or tried to), in order. */
  sends: OutboundSms[];
  /**
   * Dies as a process dies: no new connection, and the server drops the ones
   * it had (an open transaction rolls back). Whatever it was awaiting never
   * comes back to it.
   */
  kill(admin: pg.Pool): Promise<void>;
  close(): Promise<void>;
}

export interface InstanceOptions {
  /** Wraps the Twilio transport (a send that never returns, say). */
  send?: (sms: OutboundSms, twilio: SmsTransport) => Promise<{ sid: string | null; status: string }>;
}

/** The connection URL with the instance's name as its application_name. */
const named = (url: string, name: string) => {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
};

/** One instance of the service on `url`, configured as production would be (signed webhooks, Twilio's API). */
export async function startInstance(name: string, url: string, clock: ManualClock, options: InstanceOptions = {}): Promise<Instance> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: named(url, name),
    ADMIN_TOKEN,
    PUBLIC_URL,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    LOG_LEVEL: 'info',
    TWILIO_CALLS_PER_SECOND: '100',
  });
  const logs = new LogCapture();
  const logger = createLogger(config.logLevel, logs);
  const db = await openDatabase({ url: config.databaseUrl!, logger, poolSize: 6 });
  const twilio = createTwilioTransport({ ...config.twilio!, keepAlive: false });
  const sends: OutboundSms[] = [];
  const transport: SmsTransport = {
    simulated: false,
    send(sms) {
      sends.push(sms);
      return options.send ? options.send(sms, twilio) : twilio.send(sms);
    },
    lookup: (sms) => twilio.lookup(sms),
  };
  const service = await createService(config, { db, logger, clock, transport });
  await service.app.ready();
  let dead = false;
  return {
    name,
    service,
    db,
    logs,
    sends,
    async kill(admin) {
      dead = true;
      const ended = db.pool.end().catch(() => undefined);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [name]);
      await ended;
    },
    async close() {
      if (dead) return;
      await service.stop();
      await db.close();
    },
  };
}

/**
 * Every runner takes due work at once, as the instances' workers do, until
 * none finds any: a runner that finds nothing while another is still working
 * (and may queue more) looks again shortly, as a worker polls. Nothing waits
 * for the clock; it moves only when the test moves it. Returns how many jobs
 * each runner ran.
 */
export async function runDueOnAll(instances: readonly Instance[]): Promise<number[]> {
  const busy = instances.map(() => false);
  const ran = instances.map(() => 0);
  await Promise.all(
    instances.map(async (instance, k) => {
      for (;;) {
        busy[k] = true;
        const n = await instance.service.jobs.runDue();
        busy[k] = false;
        ran[k] = ran[k]! + n;
        if (n > 0) continue;
        if (!busy.some(Boolean)) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }),
  );
  return ran;
}

/**
 * Moves the clock to `target`, stopping at each moment a job falls due (or a
 * dead worker's lock runs out) and letting every instance's runner take what
 * is due then (jobs/drive.ts, for several runners). Returns the jobs each ran.
 */
export async function advanceAll(instances: readonly Instance[], clock: ManualClock, target: Date): Promise<number[]> {
  const total = instances.map(() => 0);
  const add = (ran: number[]) => ran.forEach((n, k) => (total[k] = total[k]! + n));
  const [first] = instances;
  add(await runDueOnAll(instances));
  for (;;) {
    const next = await nextDueAt(first!.db.pool, first!.service.jobs.jobs);
    if (!next || next > target) break;
    if (next > clock.now()) clock.set(next);
    const ran = await runDueOnAll(instances);
    add(ran);
    if (ran.every((n) => n === 0)) break;
  }
  clock.set(target);
  add(await runDueOnAll(instances));
  return total;
}
