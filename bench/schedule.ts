/**
 * schedule: outreach for a large panel on a real PostgreSQL server. Enrols
 * N patients in one practice (bulk SQL for the setup), then measures, in one
 * process on one pool:
 *   - planning a month: outreach rows written per second;
 *   - dispatching one cadence slot for every patient: check-ins started per
 *     second (conversation, first text and its send job each), then a sample
 *     of those texts sent through the simulated transport by 10 send workers;
 *   - the floor: plain single-row inserts of as many rows, through the same
 *     pool with as many workers as the dispatcher uses.
 * Targets (issue 22): dispatch at least the floor's rate (a slot's batch is a
 * few set-based statements, not a round of statements per patient; the
 * statements a batch took are printed); peak memory at 100,000 patients within
 * 1.5x of the peak at 10,000 (each size runs in a fresh process, so its peak
 * is its own).
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createService } from '../src/service.js';
import { quietHoursPolicy } from '../src/jobs/definitions.js';
import { openDatabase } from '../src/store/database.js';
import { deliverMessage } from '../src/messaging/index.js';
import { dispatchDue } from '../src/conversation/index.js';
import { runPlanJob } from '../src/outreach/index.js';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SIZES = (process.env.BENCH_SCHEDULE_SIZES ?? '10000,100000').split(',').map(Number);
/** The dispatcher's workers (src/conversation/dispatch.ts); the floor uses as many. */
const WORKERS = 4;
/** Monday Nov 30 2026, 12:00 in Chicago: the month ahead holds the Dec 1, 8 and 15 check-ins. */
const START = '2026-11-30T18:00:00Z';
const FIRST_SLOT = '2026-12-01T16:00:00Z';
/** Texts sent to measure delivery; the send workers' concurrency (src/jobs/definitions.ts). */
const DELIVERY_SAMPLE = 5000;
const SEND_WORKERS = 10;

interface Figures {
  patients: number;
  planned: number;
  planPerSecond: number;
  started: number;
  dispatchPerSecond: number;
  /** Round trips of the dispatch (BEGIN and COMMIT included) per batch, and the batches. */
  statementsPerBatch: number;
  batches: number;
  delivered: number;
  deliverPerSecond: number;
  floorPerSecond: number;
  peakRssMb: number;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** A fresh database on the server for one run. */
async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** One size, in this process: prints its figures as JSON on the last line. */
async function measure(patients: number): Promise<Figures> {
  const name = `ccm_bench_schedule_${patients}`;
  const url = await freshDatabase(name);
  const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: url, ADMIN_TOKEN: 'bench-admin-token-0123456789', LOG_LEVEL: 'warn' });
  const logger = createLogger('warn');
  const db = await openDatabase({ url, logger });
  // Every round trip of the pool's connections while `counting` (the dispatch alone runs then).
  const counted = { counting: false, roundTrips: 0, batches: 0 };
  db.pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      if (counted.counting) {
        counted.roundTrips += 1;
        if (args[0] === 'BEGIN') counted.batches += 1;
      }
      return query(...args);
    };
  });
  const clock = new ManualClock(START);
  const service = await createService(config, { db, logger, clock });
  try {
    const pool = db.pool;
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO practices (name, timezone, phone_number, contact_phone) VALUES ('Bench Practice', 'America/Chicago', '+15550000000', '+15550000001') RETURNING id`,
    );
    const practiceId = rows[0]!.id;
    await pool.query(
      `INSERT INTO patients (practice_id, first_name, last_name, phone, language, preferred_channel, consent_status, consent_method,
         consent_recorded_at, consent_recorded_by, created_at, updated_at)
       SELECT $1, 'Pat', 'Bench' || n, '+1555' || lpad(n::text, 7, '0'), CASE WHEN n % 3 = 0 THEN 'es' ELSE 'en' END, 'sms',
              'granted', 'verbal', $2, 'Bench RN', $2, $2
       FROM generate_series(1, $3) AS n`,
      [practiceId, START, patients],
    );

    let t0 = performance.now();
    await runPlanJob(service.runtime.pool, service.clock.now(), { practiceId });
    const planSeconds = seconds(t0);
    const planned = Number((await pool.query('SELECT count(*) FROM outreach')).rows[0].count);

    clock.set(new Date(FIRST_SLOT));
    counted.counting = true;
    t0 = performance.now();
    const started = await dispatchDue(service.runtime, practiceId);
    const dispatchSeconds = seconds(t0);
    counted.counting = false;

    // Sending what the dispatcher queued, as the send workers do (10 at a time), on a sample of the texts.
    const sample = (await pool.query<{ id: string }>(`SELECT id FROM messages WHERE kind = 'check_in' LIMIT $1`, [DELIVERY_SAMPLE])).rows.map((r) => r.id);
    let nextText = 0;
    t0 = performance.now();
    await Promise.all(
      Array.from({ length: SEND_WORKERS }, async () => {
        for (let i = nextText++; i < sample.length; i = nextText++) await deliverMessage(service.runtime, sample[i]!, quietHoursPolicy);
      }),
    );
    const delivered = sample.length;
    const deliverSeconds = seconds(t0);

    await pool.query('CREATE TABLE floor_rows (id bigserial PRIMARY KEY, patient_id uuid NOT NULL, kind text NOT NULL, at timestamptz NOT NULL)');
    const ids = (await pool.query<{ id: string }>('SELECT id FROM patients')).rows.map((r) => r.id);
    let next = 0;
    t0 = performance.now();
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        for (let i = next++; i < ids.length; i = next++) {
          await pool.query('INSERT INTO floor_rows (patient_id, kind, at) VALUES ($1, $2, $3)', [ids[i], 'check_in', FIRST_SLOT]);
        }
      }),
    );
    const floorSeconds = seconds(t0);

    return {
      patients,
      planned,
      planPerSecond: planned / planSeconds,
      started,
      dispatchPerSecond: started / dispatchSeconds,
      // The last transaction of each worker finds nothing due: it is a batch too, of no contacts.
      statementsPerBatch: counted.roundTrips / counted.batches,
      batches: counted.batches,
      delivered,
      deliverPerSecond: delivered / deliverSeconds,
      floorPerSecond: ids.length / floorSeconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await service.stop();
    await db.close();
    await dropDatabase(name);
  }
}

const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;

if (process.argv[2] === '--size') {
  const figures = await measure(Number(process.argv[3]));
  console.log(JSON.stringify(figures));
} else {
  const results: Figures[] = [];
  for (const size of SIZES) {
    // Each size in its own process: its peak memory is its own.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/schedule.ts', '--size', String(size)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (run.status !== 0) process.exit(run.status ?? 1);
    results.push(JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Figures);
  }
  console.log('\nschedule: outreach for one practice on PostgreSQL (simulated transport)');
  for (const r of results) {
    console.log(`  ${r.patients.toLocaleString('en-US')} patients`);
    console.log(`    plan a month:      ${r.planned.toLocaleString('en-US')} rows at ${rate(r.planPerSecond)}`);
    console.log(`    dispatch a slot:   ${r.started.toLocaleString('en-US')} check-ins started at ${rate(r.dispatchPerSecond)} (${WORKERS} workers)`);
    console.log(`    send its texts:    ${r.delivered.toLocaleString('en-US')} (a sample) at ${rate(r.deliverPerSecond)} (${SEND_WORKERS} send workers)`);
    console.log(`    floor:             single-row inserts at ${rate(r.floorPerSecond)} (${WORKERS} workers)`);
    console.log(`    dispatch / floor:  ${(r.dispatchPerSecond / r.floorPerSecond).toFixed(2)} (target >= 1.0)`);
    console.log(`    statements:        ${r.statementsPerBatch.toFixed(1)} round trips per batch, BEGIN and COMMIT included (${r.batches} transactions)`);
    console.log(`    peak memory:       ${Math.round(r.peakRssMb)} MB`);
  }
  if (results.length >= 2) {
    const [small, large] = [results[0]!, results.at(-1)!];
    console.log(`  peak memory ${large.patients.toLocaleString('en-US')} / ${small.patients.toLocaleString('en-US')}: ${(large.peakRssMb / small.peakRssMb).toFixed(2)}x (target <= 1.5x)`);
  }
}
