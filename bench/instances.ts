/**
 * instances: one service process, then two, on one PostgreSQL server
 * database, as a practice network runs N instances behind a load balancer.
 * The load generator plays the balancer: signed inbound texts (patients
 * answering a check-in, as in inbound-sms.ts) go to one instance, then
 * round-robin to two, and it prints throughput and p99 of each and the ratio.
 * The check-ins' first texts are scheduled work: Agenda's workers of whichever
 * instances run send them through Twilio's API (faked in each process by
 * test/helpers/fake-twilio-process.ts, which keeps every request in a file).
 * At the end the database says whether anything was sent twice or any job
 * ran twice (a trigger keeps a ledger of job runs and the instance that ran
 * each, by its connections' application_name).
 *
 * Both instances share PUBLIC_URL (the balancer's address: Twilio signs it),
 * ADMIN_TOKEN and Twilio's credentials; nothing else is shared but the database.
 *
 * BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 * skipped, saying so, when no server answers there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import twilio from 'twilio';
import { migrate } from '../src/store/migrate.js';
import { closedLoop, formatResult, openLoop, type LoadResult, type Send } from './load.js';
import { adminRequest } from './admin-api.js';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** A rate one instance keeps up with here, to compare latency under the same load. */
const RATE = Number(process.env.BENCH_RATE ?? 60);
const PORTS = [3941, 3942];
const ADMIN = 'bench-admin-token-0123456789';
const ACCOUNT_SID = `AC${'0'.repeat(32)}`;
const AUTH_TOKEN = 'bench_auth_token';
/** The load balancer's address: what Twilio calls and signs, the same for every instance. */
const PUBLIC_URL = 'https://ccm.bench.invalid';
const PRACTICE_PHONE = '+15558675320';
const SCRIPT = ['2', 'my knee hurts', '2', '3', 'thank you'];
/** Patients per measured run: enough that each sends its script about once. */
const RATE_PATIENTS = Math.ceil((RATE * SECONDS) / SCRIPT.length);
const MAX_PATIENTS = Number(process.env.BENCH_MAX_PATIENTS ?? 500);
const WARM_PATIENTS = 60;

const LEDGER = `
  CREATE TABLE bench_job_runs (job_id uuid NOT NULL, name text NOT NULL, instance text NOT NULL, repeating boolean NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());
  CREATE FUNCTION bench_job_run() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.last_run_at IS DISTINCT FROM OLD.last_run_at AND NEW.last_run_at IS NOT NULL THEN
      INSERT INTO bench_job_runs (job_id, name, instance, repeating) VALUES (NEW.id, NEW.name, current_setting('application_name'), NEW.repeat_interval IS NOT NULL);
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER bench_job_run AFTER UPDATE ON agenda_jobs FOR EACH ROW EXECUTE FUNCTION bench_job_run();`;

interface Instance {
  name: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Does a PostgreSQL server answer at `url`? */
async function answers(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** One service process, as `npm start` runs it, with Twilio's API faked inside it; resolves once healthy. */
async function startInstance(name: string, port: number, databaseUrl: string, twilioLog: string): Promise<Instance> {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', name);
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './test/helpers/fake-twilio-process.ts', 'src/server.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      // 'test' only turns off keep-alive to Twilio, which the in-process fake needs.
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: url.toString(),
      PUBLIC_URL,
      ADMIN_TOKEN: ADMIN,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      JOB_POLL_SECONDS: '1',
      FAKE_TWILIO_LOG: twilioLog,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${name} exited before it was ready`);
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    name,
    port,
    child,
    stop: () => new Promise((done) => (exited ? done() : (child.once('exit', () => done()), child.kill('SIGTERM')))),
  };
}

const api = (port: number, method: string, path: string, body?: unknown) => adminRequest(port, ADMIN, method, path, body);

/** Runs `work` over `items`, `concurrency` at a time. */
async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]!, i);
  }));
}

let phoneCounter = 0;
/**
 * Enrols `count` patients and starts a wellness check-in for each, through the
 * given instances' APIs in turn; the first texts are sent by whichever
 * instance's job workers take them. Returns their phones once every text is out.
 */
async function enrolWithCheckIns(db: pg.Pool, ports: number[], practiceId: string, count: number): Promise<string[]> {
  const phones: string[] = [];
  await inParallel(Array.from({ length: count }), 8, async (_, i) => {
    const port = ports[i % ports.length]!;
    const patient = await api(port, 'POST', `/api/v1/practices/${practiceId}/patients`, {
      firstName: 'Bench',
      lastName: `Patient ${i}`,
      phone: `+1555${String(4000000 + phoneCounter++)}`,
      conditions: ['hypertension', 'diabetes'],
      consent: { status: 'granted', method: 'verbal', recordedAt: '2026-11-01T12:00:00Z', recordedBy: 'Bench RN' },
    });
    await api(ports[(i + 1) % ports.length]!, 'POST', `/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    phones.push(patient.phone);
  });
  for (;;) {
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM messages WHERE kind = 'check_in' AND status IN ('pending', 'submitting')");
    if (rows[0]!.n === 0) return phones;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Signed texts from `phones`, each request to the next instance in turn (the
 * balancer). Patients take turns in two cohorts, so one patient's texts arrive
 * far apart and any stretch of requests carries the same mix of answers.
 */
function sender(instances: Instance[], phones: string[]): Send {
  const cohort = Math.ceil(phones.length / 2);
  const perCohort = cohort * SCRIPT.length;
  let next = 0;
  return async () => {
    const i = next++;
    const first = (Math.floor(i / perCohort) % 2) * cohort;
    const from = phones[Math.min(phones.length - 1, first + (i % cohort))]!;
    const turn = Math.floor((i % perCohort) / cohort);
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const params = { MessageSid: sid, SmsSid: sid, AccountSid: ACCOUNT_SID, From: from, To: PRACTICE_PHONE, Body: SCRIPT[turn]!, NumMedia: '0' };
    const port = instances[i % instances.length]!.port;
    const response = await fetch(`http://127.0.0.1:${port}/webhooks/twilio/sms`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/webhooks/twilio/sms`, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    await response.text();
    return response.status === 200;
  };
}

/** CPU milliseconds so far of a process (Linux /proc; 0 when it is gone). */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

interface CpuSample {
  instances: number[];
  /** The bench database's PostgreSQL backends (other databases on the server are other people's). */
  backends: Map<number, number>;
}

async function cpuSample(db: pg.Pool, database: string, instances: Instance[]): Promise<CpuSample> {
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  return { instances: instances.map((i) => cpuMs(i.child.pid!)), backends: new Map(rows.map((r) => [r.pid, cpuMs(r.pid)])) };
}

/** CPU per text of the instances together and of the bench database's backends (WAL writer and checkpointer not counted). */
function cpuPerText(before: CpuSample, after: CpuSample, requests: number): string {
  const service = after.instances.reduce((sum, ms, i) => sum + ms - before.instances[i]!, 0);
  let postgres = 0;
  for (const [pid, ms] of after.backends) postgres += ms - Math.min(ms, before.backends.get(pid) ?? 0);
  return `CPU per text: service ${(service / requests).toFixed(2)} ms, PostgreSQL backends ${(postgres / requests).toFixed(2)} ms`;
}

async function measure(db: pg.Pool, database: string, label: string, instances: Instance[], load: () => Promise<LoadResult>): Promise<LoadResult> {
  const before = await cpuSample(db, database, instances);
  const result = await load();
  console.log(formatResult(label, result));
  console.log(`${''.padEnd(35)}${cpuPerText(before, await cpuSample(db, database, instances), result.requests)}`);
  return result;
}

/** What the database and Twilio's log say about exactly-once. */
async function exactlyOnce(db: pg.Pool, twilioLog: string, bothSince: Date) {
  const requests = existsSync(twilioLog)
    ? readFileSync(twilioLog, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { kind: string; statusCallback: string })
    : [];
  const perMessage = new Map<string, number>();
  for (const r of requests.filter((r) => r.kind === 'message')) {
    const id = new URL(r.statusCallback).searchParams.get('messageId')!;
    perMessage.set(id, (perMessage.get(id) ?? 0) + 1);
  }
  const { rows: outbound } = await db.query<{ id: string; status: string; twilio_sid: string | null }>(
    "SELECT id, status, twilio_sid FROM messages WHERE direction = 'outbound' AND in_reply_to IS NULL",
  );
  const sentTwice = [...perMessage.values()].filter((n) => n > 1).length;
  const unsent = outbound.filter((m) => ['pending', 'submitting'].includes(m.status)).length;
  const unmatched = outbound.filter((m) => m.twilio_sid && !perMessage.has(m.id)).length + [...perMessage.keys()].filter((id) => !outbound.some((m) => m.id === id)).length;
  const { rows: runs } = await db.query<{ instance: string; jobs: number }>(
    'SELECT instance, count(*)::int AS jobs FROM bench_job_runs WHERE NOT repeating AND at >= $1 GROUP BY instance ORDER BY instance',
    [bothSince],
  );
  const { rows: jobsTwice } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM (SELECT job_id FROM bench_job_runs WHERE NOT repeating GROUP BY job_id HAVING count(*) > 1) twice',
  );
  return { texts: perMessage.size, sentTwice, unsent, unmatched, runs, jobsTwice: jobsTwice[0]!.n };
}

async function main() {
  const unreachable = await answers(SERVER_URL);
  if (unreachable) {
    console.log(`instances: skipped: no PostgreSQL server answers at ${new URL(SERVER_URL).host} (${unreachable}); two instances need one server database (set BENCH_DATABASE_URL or DATABASE_URL)`);
    return;
  }
  const name = `ccm_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2, application_name: 'bench' });
  // An idle connection the server drops (DROP DATABASE ... WITH (FORCE) at the end) must not end the run.
  db.on('error', () => undefined);
  const twilioLog = join(tmpdir(), `${name}-twilio.jsonl`);
  const started: Instance[] = [];
  const wallStart = performance.now();
  try {
    const cores = availableParallelism();
    const load = () => loadavg()[0]!.toFixed(1);
    console.log(`instances: one vs two service processes on one PostgreSQL (${url.host}), ${SECONDS} s per run, ${CONCURRENCY} clients, ${cores} cores, load average ${load()}`);
    await migrate(db);
    await db.query(LEDGER);
    const one = await startInstance('ccm-1', PORTS[0]!, databaseUrl, twilioLog);
    started.push(one);
    const practice = await api(one.port, 'POST', '/api/v1/practices', {
      name: 'Bench Clinic',
      timezone: 'UTC',
      phoneNumber: PRACTICE_PHONE,
      quietHours: { start: '00:00', end: '00:01' },
    });
    // No cadence: the only scheduled work is what the bench starts.
    await api(one.port, 'PATCH', `/api/v1/practices/${practice.id}`, { outreach: { cadence: { time: '10:00', slots: [] } } });

    const seedOne = performance.now();
    const [warmOne, rateOne, maxOne] = [
      await enrolWithCheckIns(db, [one.port], practice.id, WARM_PATIENTS),
      await enrolWithCheckIns(db, [one.port], practice.id, RATE_PATIENTS),
      await enrolWithCheckIns(db, [one.port], practice.id, MAX_PATIENTS),
    ];
    const oneSeedS = (performance.now() - seedOne) / 1000;
    await closedLoop(sender([one], warmOne), CONCURRENCY, 2);
    const oneRate = await measure(db, name, `one instance, ${RATE} req/s`, [one], () => openLoop(sender([one], rateOne), RATE, SECONDS));
    const oneMax = await measure(db, name, 'one instance, max throughput', [one], () => closedLoop(sender([one], maxOne), CONCURRENCY, SECONDS));

    const bothSince = (await db.query<{ now: Date }>('SELECT clock_timestamp() AS now')).rows[0]!.now;
    const two = await startInstance('ccm-2', PORTS[1]!, databaseUrl, twilioLog);
    started.push(two);
    const both = [one, two];
    const seedTwo = performance.now();
    const [warmTwo, rateTwo, maxTwo] = [
      await enrolWithCheckIns(db, PORTS, practice.id, WARM_PATIENTS),
      await enrolWithCheckIns(db, PORTS, practice.id, RATE_PATIENTS),
      await enrolWithCheckIns(db, PORTS, practice.id, MAX_PATIENTS),
    ];
    const twoSeedS = (performance.now() - seedTwo) / 1000;
    await closedLoop(sender(both, warmTwo), CONCURRENCY, 2);
    const twoRate = await measure(db, name, `two instances, ${RATE} req/s`, both, () => openLoop(sender(both, rateTwo), RATE, SECONDS));
    const twoMax = await measure(db, name, 'two instances, max throughput', both, () => closedLoop(sender(both, maxTwo), CONCURRENCY, SECONDS));

    const ratio = twoMax.throughput / oneMax.throughput;
    console.log(`two/one max throughput: ${ratio.toFixed(2)} (${twoMax.throughput.toFixed(0)} vs ${oneMax.throughput.toFixed(0)} req/s)`);
    console.log(`p99 at ${RATE} req/s: one ${oneRate.p99.toFixed(1)} ms, two ${twoRate.p99.toFixed(1)} ms; at max: one ${oneMax.p99.toFixed(1)} ms, two ${twoMax.p99.toFixed(1)} ms`);
    console.log(
      `  the ratio is bounded by cores: this machine has ${cores}, shared by the load generator, both instances and PostgreSQL; ` +
        'each instance is one Node.js process (one core for JavaScript), so N instances scale with N free cores and a database that keeps up',
    );
    const enrolled = WARM_PATIENTS + RATE_PATIENTS + MAX_PATIENTS;
    console.log(`enrolment, check-in and its first text (API, then job workers): one instance ${(enrolled / oneSeedS).toFixed(0)} patients/s, two ${(enrolled / twoSeedS).toFixed(0)} patients/s`);

    const check = await exactlyOnce(db, twilioLog, bothSince);
    console.log(`jobs run while both instances ran, by instance: ${check.runs.map((r) => `${r.instance} ${r.jobs}`).join(', ')}`);
    console.log(
      `sent twice: ${check.sentTwice}, jobs run twice: ${check.jobsTwice}` +
        ` (database vs Twilio's requests: ${check.texts} texts through the API, ${check.unsent} never sent, ${check.unmatched} unaccounted for)`,
    );
    if (check.sentTwice + check.jobsTwice + check.unsent + check.unmatched > 0) process.exitCode = 1;
    console.log(`wall time ${((performance.now() - wallStart) / 1000).toFixed(0)} s, load average now ${load()} (other work on this machine moves these figures)`);
  } finally {
    for (const instance of started) await instance.stop();
    await db.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(twilioLog, { force: true });
  }
}

await main();
