/**
 * A practice network's deployment: several instances of the service behind a
 * load balancer on one PostgreSQL database. Webhooks reach whichever instance
 * the balancer picks (a redelivered one may reach the other); every
 * instance's job runner takes scheduled work; an instance may die at any
 * moment. What must hold: each text goes to Twilio once, each job runs once
 * (a dead worker's job once more, by a survivor, after its lock runs out), and
 * nothing accepted is lost.
 *
 * The instances live in this process (test/scale/instances.ts) on one manual
 * clock, so lock lifetimes pass by moving the clock, not by waiting. Each has
 * its own pool, named after it, so the database knows whose connection is
 * whose: a trigger keeps a ledger of every job run and which instance ran it,
 * and a dying instance's connections can be dropped as a killed process's are.
 * The tests are one timeline (a week and a half of a practice), run in order.
 */
import { DateTime } from 'luxon';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { runPlanJob } from '../../src/outreach/index.js';
import { migrate } from '../../src/store/migrate.js';
import { apiClient, createPatient, createPractice, THREE_TEXTS_FIXED, type ApiClient } from '../helpers/api.js';
import { createServerDatabase, testDbKind } from '../helpers/database.js';
import { eventually } from '../helpers/real-time.js';
import { TEST_START } from '../helpers/service.js';
import { fakeTwilioMessages, fixture, inboundSmsParams, messageBodies, postTwilio } from '../helpers/twilio.js';
import { advanceAll, runDueOnAll, startInstance, type Instance } from './instances.js';

const PATIENTS = 16;
/** A dead worker's claim on a job runs out after the job's lock lifetime (jobs/definitions.ts). */
const SEND_LOCK_MS = 15_000;
const DISPATCH_LOCK_MS = 60_000;
/** A transaction of a dying instance waits on this advisory lock while the test holds it (see the trigger below). */
const HOLD_KEY = 220_022;

/**
 * Test instrumentation in the test's own database. `job_ledger` gets a row each
 * time a job starts a run (its last_run_at changes: our runner's claim and
 * Agenda's run both write it) with the connection's application_name, i.e.
 * the instance. Connections of instances named `victim-*` pass a shared
 * advisory lock whenever they insert messages, so a test holding the lock
 * stops a victim in the middle of its transaction.
 */
const INSTRUMENTATION = `
  CREATE TABLE job_ledger (job_id uuid NOT NULL, name text NOT NULL, instance text NOT NULL, at timestamptz NOT NULL);
  CREATE FUNCTION ledger_job_run() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.last_run_at IS DISTINCT FROM OLD.last_run_at AND NEW.last_run_at IS NOT NULL THEN
      INSERT INTO job_ledger VALUES (NEW.id, NEW.name, current_setting('application_name'), NEW.last_run_at);
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER ledger_job_run AFTER UPDATE ON agenda_jobs FOR EACH ROW EXECUTE FUNCTION ledger_job_run();
  CREATE FUNCTION hold_victims() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF current_setting('application_name') LIKE 'victim-%' THEN PERFORM pg_advisory_xact_lock_shared(${HOLD_KEY}); END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER hold_victims AFTER INSERT ON messages FOR EACH STATEMENT EXECUTE FUNCTION hold_victims();`;

// The PostgreSQL server only: two instances are two processes on one database, and the embedded
// PGlite database belongs to the one process that opened it.
describe.runIf(testDbKind() === 'server')('two instances behind a load balancer on one database', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: pg.Pool;
  const clock = new ManualClock(TEST_START);
  let twilio: ReturnType<typeof fakeTwilioMessages>;
  let a: Instance;
  let b: Instance;
  const victims: Instance[] = [];
  let admins: [ApiClient, ApiClient];
  let practice: { id: string; phoneNumber: string };
  const patients: Array<{ id: string; phone: string }> = [];
  /** Jobs a victim took and died holding: the only ones that may run twice. */
  const abandoned: string[] = [];

  beforeAll(async () => {
    twilio = fakeTwilioMessages({ now: () => clock.now() });
    database = await createServerDatabase();
    db = new pg.Pool({ connectionString: database.url, max: 3, application_name: 'test' });
    // Dropping the database at the end drops this pool's connections too: that must not count as an error.
    db.on('error', () => undefined);
    await migrate(db);
    await db.query(INSTRUMENTATION);
    [a, b] = await Promise.all([startInstance('ccm-a', database.url, clock), startInstance('ccm-b', database.url, clock)]);
    admins = [apiClient(a.service.app), apiClient(b.service.app)];
    practice = await createPractice(admins[0]);
    // Nothing of the cadence is due this week (the default sequence's month summary would be).
    expect((await admins[1].patch(`/api/v1/practices/${practice.id}`, { outreach: THREE_TEXTS_FIXED })).status).toBe(200);
    for (let i = 0; i < PATIENTS; i += 1) patients.push(await createPatient(admins[i % 2]!, practice.id));
    await runDueOnAll([a, b]);
  });
  afterAll(async () => {
    twilio?.done();
    for (const instance of [a, b, ...victims]) await instance?.close();
    await db?.end();
    await database?.drop();
  });

  /** The message id in a status callback URL: which of our messages a Twilio request was for. */
  const messageIdOf = (statusCallback: string) => new URL(statusCallback).searchParams.get('messageId')!;
  const sendsFor = (messageId: string) => twilio.sent.filter((s) => messageIdOf(s.StatusCallback) === messageId);
  const slotTexts = async (slot: string) =>
    (
      await db.query<{ id: string; patient_id: string; status: string }>(
        `SELECT m.id, m.patient_id, m.status FROM outreach o JOIN messages m ON m.conversation_id = o.conversation_id AND m.kind = 'check_in'
         WHERE o.practice_id = $1 AND o.planned_for = $2`,
        [practice.id, slot],
      )
    ).rows;

  it('answer inbound texts at either instance; a text delivered to both is handled once and answered the same', async () => {
    // Check-ins are started through either instance's API; both runners send the first texts.
    const started: Array<{ conversationId: string; messageId: string }> = [];
    for (const [i, patient] of patients.entries()) {
      const response = await admins[i % 2]!.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
      expect(response.status).toBe(202);
      started.push(response.body);
    }
    await runDueOnAll([a, b]);
    for (const s of started) expect(sendsFor(s.messageId)).toHaveLength(1);

    // The balancer alternates. Patient 0's text reaches both instances at the same moment;
    // patient 1's is delivered again, later, to the other instance.
    const post = (instance: Instance, params: Record<string, string>) => postTwilio(instance.service.app, '/webhooks/twilio/sms', params);
    const answers = patients.map((p) => inboundSmsParams(p.phone, practice.phoneNumber, '1'));
    const [responses, twin] = await Promise.all([Promise.all(answers.map((params, i) => post(i % 2 === 0 ? a : b, params))), post(b, answers[0]!)]);
    const redelivered = await post(a, answers[1]!);
    for (const response of [...responses, twin, redelivered]) expect(response.statusCode).toBe(200);
    expect(messageBodies(responses[0]!.body)).toEqual([expect.stringContaining('Thank you')]);
    expect(twin.body).toBe(responses[0]!.body);
    expect(redelivered.body).toBe(responses[1]!.body);

    const sids = answers.map((p) => p.MessageSid);
    const stored = await db.query<{ n: number; replies: number }>(
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM messages r JOIN messages i ON r.in_reply_to = i.id WHERE i.twilio_sid = ANY($1)) AS replies
       FROM messages WHERE twilio_sid = ANY($1)`,
      [sids],
    );
    expect(stored.rows[0]).toEqual({ n: PATIENTS, replies: PATIENTS });
    for (const [i, s] of started.entries()) {
      const conversation = (await admins[(i + 1) % 2]!.get(`/api/v1/conversations/${s.conversationId}`)).body;
      expect(conversation).toMatchObject({ status: 'completed', answers: { wellness: 'well' } });
    }
    const wellness = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM observations WHERE practice_id = $1 AND kind = 'wellness'", [practice.id]);
    expect(wellness.rows[0]!.n).toBe(PATIENTS);

    // Twilio sends each reply it was handed once (whichever delivery's answer it used) and
    // reports its status to the other instance.
    for (const [i, response] of responses.entries()) {
      const actions = [...response.body.matchAll(/action="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
      expect(actions).toHaveLength(1);
      const callbackPath = actions[0]!.slice(new URL(actions[0]!).origin.length);
      twilio.acceptTwiml(patients[i]!.phone, practice.phoneNumber, messageBodies(response.body));
      const sid = twilio.messages.at(-1)!.sid;
      const status = { ...fixture('message-status-delivered'), MessageSid: sid, SmsSid: sid, To: patients[i]!.phone, From: practice.phoneNumber };
      expect((await postTwilio((i % 2 === 0 ? b : a).service.app, callbackPath, status)).statusCode).toBe(204);
    }
  });

  it('lose nothing when an instance dies in the middle of sends: each text reaches Twilio once', async () => {
    // The victim's sends never come back to it: the first after Twilio took the text, the second before.
    let handedOver = 0;
    let twilioSid: string | null = null;
    const victim = await startInstance('victim-sends', database.url, clock, {
      send: async (sms, real) => {
        handedOver += 1;
        if (handedOver === 1) twilioSid = (await real.send(sms)).sid;
        return new Promise(() => undefined);
      },
    });
    victims.push(victim);
    const [first, second] = [patients[2]!, patients[3]!];
    const started = await Promise.all(
      [first, second].map(async (p) => (await admins[0].post(`/api/v1/patients/${p.id}/check-ins`, { flow: 'symptoms' })).body as { messageId: string }),
    );
    // Two of the victim's workers each take one of the send jobs.
    void victim.service.jobs.runDue().catch(() => undefined);
    void victim.service.jobs.runDue().catch(() => undefined);
    await eventually('the victim to be sending both texts, one of them taken by Twilio', async () => (handedOver === 2 && twilioSid !== null) || false, 10_000);
    const claimed = await db.query<{ id: string }>(
      "SELECT job_id AS id FROM job_ledger WHERE instance = 'victim-sends' AND name = 'message.send'",
    );
    expect(claimed.rows).toHaveLength(2);
    abandoned.push(...claimed.rows.map((r) => r.id));
    await victim.kill(db);

    // The survivors leave the dead worker's jobs alone while its locks hold...
    expect(await runDueOnAll([a, b])).toEqual([0, 0]);
    const ids = started.map((s) => s.messageId);
    const rows = async () =>
      (await db.query<{ id: string; status: string; attempts: number; twilio_sid: string | null }>(
        'SELECT id, status, attempts, twilio_sid FROM messages WHERE id = ANY($1) ORDER BY id',
        [ids],
      )).rows;
    expect((await rows()).map((r) => r.status)).toEqual(['submitting', 'submitting']);
    // ...and once they run out, one of them finds what Twilio has: recorded, or sent now.
    await advanceAll([a, b], clock, new Date(clock.now().getTime() + SEND_LOCK_MS));
    for (const id of ids) expect(sendsFor(id)).toHaveLength(1);
    const settled = await rows();
    expect(settled.map((r) => r.status)).toEqual(['queued', 'queued']);
    // The one Twilio had is recorded under Twilio's sid; the other was claimed again and sent.
    expect(settled.find((r) => r.twilio_sid === twilioSid)).toMatchObject({ attempts: 1 });
    expect(settled.find((r) => r.twilio_sid !== twilioSid)).toMatchObject({ attempts: 2 });
  });

  it("share a cadence slot's work between both instances' job runners; each patient is texted once", async () => {
    // Both instances plan the practice at once (as two nightly runs would).
    await Promise.all([a, b].map((i) => runPlanJob(i.db.pool, clock.now(), { practiceId: practice.id })));
    const slot = DateTime.fromISO('2026-12-01T10:00', { zone: 'America/Chicago' }).toJSDate();
    const sendsBefore = [a.sends.length, b.sends.length];
    const ran = await advanceAll([a, b], clock, new Date(slot.getTime() + 5 * 60_000));
    expect(ran.every((n) => n > 0)).toBe(true);

    const texts = await slotTexts(slot.toISOString());
    expect(texts.map((t) => t.patient_id).sort()).toEqual(patients.map((p) => p.id).sort());
    for (const text of texts) {
      expect(text.status).toBe('queued');
      expect(sendsFor(text.id)).toHaveLength(1);
    }
    // Both instances' runners sent some of the slot's texts.
    const slotSends = [a.sends.length - sendsBefore[0]!, b.sends.length - sendsBefore[1]!];
    expect(slotSends[0]! + slotSends[1]!).toBe(PATIENTS);
    expect(slotSends.every((n) => n > 0), `sends per instance: ${slotSends.join(', ')}`).toBe(true);
  });

  it('lose no text an instance was handling when it died: Twilio hears no 200, delivers it again, the other handles it once', async () => {
    const patient = patients[4]!;
    const victim = await startInstance('victim-webhook', database.url, clock);
    victims.push(victim);
    const answer = inboundSmsParams(patient.phone, practice.phoneNumber, '1');
    const holder = await db.connect();
    let first: Awaited<ReturnType<typeof postTwilio>>;
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [HOLD_KEY]);
      const delivery = postTwilio(victim.service.app, '/webhooks/twilio/sms', answer);
      await eventually('the victim to be in the middle of storing the text', async () => {
        const { rows } = await db.query("SELECT 1 FROM pg_stat_activity WHERE application_name = 'victim-webhook' AND wait_event = 'advisory'");
        return rows.length > 0 || false;
      }, 10_000);
      await victim.kill(db);
      first = await delivery;
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1)', [HOLD_KEY]);
      holder.release();
    }
    // Its connection was dropped mid-transaction: nothing was stored, and Twilio is told to try again.
    expect(first.statusCode).toBe(503);
    expect(first.headers['retry-after']).toBeDefined();
    expect((await db.query('SELECT 1 FROM messages WHERE twilio_sid = $1', [answer.MessageSid])).rows).toEqual([]);

    const again = await postTwilio(a.service.app, '/webhooks/twilio/sms', answer);
    expect(again.statusCode).toBe(200);
    expect(messageBodies(again.body)).toEqual([expect.stringContaining('Thank you')]);
    twilio.acceptTwiml(patient.phone, practice.phoneNumber, messageBodies(again.body));
    expect((await db.query('SELECT 1 FROM messages WHERE twilio_sid = $1', [answer.MessageSid])).rows).toHaveLength(1);
  });

  it("lose nothing when an instance dies holding the slot's dispatch: the other does it once its lock runs out", async () => {
    const slot = DateTime.fromISO('2026-12-08T10:00', { zone: 'America/Chicago' }).toJSDate();
    await advanceAll([a, b], clock, new Date(slot.getTime() - 60_000));
    const victim = await startInstance('victim-dispatch', database.url, clock);
    victims.push(victim);
    // The test holds the lock the victim's dispatch will wait on when it writes the opening texts.
    const holder = await db.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [HOLD_KEY]);
      clock.set(slot);
      const run = victim.service.jobs.runDue().then(
        () => 'finished',
        () => 'died',
      );
      await eventually('the victim to be in the middle of its dispatch', async () => {
        const { rows } = await db.query("SELECT 1 FROM pg_stat_activity WHERE application_name = 'victim-dispatch' AND wait_event = 'advisory'");
        return rows.length > 0 || false;
      }, 10_000);
      await victim.kill(db);
      expect(await run).toBe('died');
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1)', [HOLD_KEY]);
      holder.release();
    }
    const claimed = await db.query<{ id: string }>("SELECT job_id AS id FROM job_ledger WHERE instance = 'victim-dispatch'");
    expect(claimed.rows).toHaveLength(1);
    abandoned.push(claimed.rows[0]!.id);

    // Its transaction rolled back: every contact of the slot is still to do, no text exists.
    const contacts = async () =>
      (await db.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM outreach WHERE practice_id = $1 AND planned_for = $2 GROUP BY status',
        [practice.id, slot],
      )).rows;
    expect(await contacts()).toEqual([{ status: 'planned', n: PATIENTS }]);
    expect(await slotTexts(slot.toISOString())).toEqual([]);
    // The survivors cannot take the dispatch while the dead worker's lock holds...
    expect(await runDueOnAll([a, b])).toEqual([0, 0]);
    // ...and do all of it once the lock runs out.
    await advanceAll([a, b], clock, new Date(slot.getTime() + DISPATCH_LOCK_MS + 60_000));
    expect(await contacts()).toEqual([{ status: 'started', n: PATIENTS }]);
    const texts = await slotTexts(slot.toISOString());
    expect(texts.map((t) => t.patient_id).sort()).toEqual(patients.map((p) => p.id).sort());
    for (const text of texts) expect(sendsFor(text.id)).toHaveLength(1);
  });

  it('sent every text to Twilio once and ran every job once, a dead worker\'s job once more by a survivor', async () => {
    // Every request to Twilio's API was for a message of ours, and none for the same message twice.
    const perMessage = new Map<string, number>();
    for (const s of twilio.sent) perMessage.set(messageIdOf(s.StatusCallback), (perMessage.get(messageIdOf(s.StatusCallback)) ?? 0) + 1);
    expect([...perMessage.values()].filter((n) => n > 1)).toEqual([]);
    const outbound = await db.query<{ id: string; twilio_sid: string | null; status: string }>(
      "SELECT id, twilio_sid, status FROM messages WHERE direction = 'outbound' AND in_reply_to IS NULL",
    );
    expect(outbound.rows.filter((m) => ['pending', 'submitting'].includes(m.status))).toEqual([]);
    expect(outbound.rows.filter((m) => m.twilio_sid).map((m) => m.id).sort()).toEqual([...perMessage.keys()].sort());
    // Every reply went inside a webhook's answer: none by the API.
    const replies = await db.query<{ id: string }>("SELECT id FROM messages WHERE direction = 'outbound' AND in_reply_to IS NOT NULL");
    for (const reply of replies.rows) expect(perMessage.has(reply.id)).toBe(false);

    const runs = await db.query<{ job_id: string; runs: number; instances: string[] }>(
      'SELECT job_id, count(*)::int AS runs, array_agg(instance ORDER BY at, instance) AS instances FROM job_ledger GROUP BY job_id',
    );
    const twice = runs.rows.filter((r) => r.runs > 1);
    expect(twice.map((r) => r.job_id).sort()).toEqual([...abandoned].sort());
    for (const job of twice) {
      expect(job.runs).toBe(2);
      expect(job.instances[0]).toMatch(/^victim-/);
      expect(job.instances[1]).toMatch(/^ccm-[ab]$/);
    }
    const byInstance = await db.query<{ instance: string; n: number }>(
      'SELECT instance, count(*)::int AS n FROM job_ledger GROUP BY instance ORDER BY instance',
    );
    expect(byInstance.rows.map((r) => r.instance)).toEqual(['ccm-a', 'ccm-b', 'victim-dispatch', 'victim-sends']);
    // Nothing was left behind: no job due and not done, none failed.
    const left = await db.query<{ name: string }>(
      'SELECT name FROM agenda_jobs WHERE (next_run_at <= $1 AND last_finished_at IS NULL) OR locked_at IS NOT NULL OR failed_at IS NOT NULL',
      [clock.now()],
    );
    expect(left.rows).toEqual([]);
    // The survivors logged no error.
    for (const instance of [a, b]) expect(instance.logs.lines.filter((line) => JSON.parse(line).level >= 50)).toEqual([]);
  });
});
