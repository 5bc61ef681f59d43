/**
 * The live Today channel across instances (issue 22): a page served by one
 * instance of the service hears of an urgent alert raised through another on
 * the same database, pushed by PostgreSQL's LISTEN/NOTIFY. The pages' safety
 * poll is set to an hour, so a card that arrives can only have been pushed.
 * On PGlite the two services share the one embedded database (which only one
 * process can open), and the push takes the embedded path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../src/service.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { ALERT_CHANNEL, ALERT_LISTENER_NAME } from '../../src/store/alert-listener/index.js';
import { raiseAlert } from '../../src/alerts/index.js';
import { findPatient } from '../../src/store/patients.js';
import { findPractice } from '../../src/store/practices.js';
import { withTransaction, type Queryable } from '../../src/store/sql.js';
import { testDbKind } from '../helpers/database.js';
import { eventually } from '../helpers/real-time.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { signInNora } from './signed-in.js';
import { openLiveStream, type LiveEvent, type LiveStream } from './live-stream.js';

const AN_HOUR = 60 * 60_000;

let s: Scenario;
let b: Service;
let ownDb: Database | null = null;
let base: string;
let cookie: string;
const streams: LiveStream[] = [];

beforeAll(async () => {
  s = await startScenario();
  cookie = (await signInNora(s)).cookie!;
  // Instance B: on a server, a pool of its own on the same database, as another process would have.
  const url = s.t.db.pool.options.connectionString;
  ownDb = testDbKind() === 'server' && url ? await openDatabase({ url }) : null;
  b = await createService(s.t.service.config, { db: ownDb ?? s.t.db, logger: s.t.logger, clock: s.clock, liveSafetyPollMs: AN_HOUR });
  base = await b.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await b?.stop();
  await ownDb?.close();
  await s?.close();
});

/**
 * Whether instance B listens: its connection's last statement on a server; on PGlite, the one
 * session's channels. (The first page starts the listening; an alert committed before it is
 * in place reaches the page by the read that follows, which is not what these tests show.)
 */
const bListens = async () =>
  testDbKind() === 'server'
    ? (await s.t.db.pool.query("SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() AND query LIKE 'LISTEN %'", [ALERT_LISTENER_NAME])).rowCount === 1
    : (await s.t.db.pool.query('SELECT 1 FROM pg_listening_channels() AS c WHERE c = $1', [ALERT_CHANNEL])).rowCount === 1;

/** Today's live channel on instance B, connected (its first session event means its cursor is fixed) and listening. */
async function todayOnB(): Promise<LiveStream> {
  const stream = openLiveStream(`${base}/app/events?alerts=1`, cookie);
  streams.push(stream);
  expect((await stream.response).headers['content-type']).toBe('text/event-stream');
  await stream.next('session event', (e) => e.event === 'session');
  await eventually('instance B listening', async () => (await bListens()) || false);
  return stream;
}
const cardOf = (name: string) => (e: LiveEvent) => e.event === 'case' && e.data.includes(name);

/**
 * Raises the patient's urgent alert in a transaction that takes its seq before `overtake` runs
 * and commits after it: overtaken by a later one. Returns the alert's seq. On a server it is
 * just that, open on a connection of its own while `overtake` commits through others. PGlite is
 * one session whose transactions take turns, never overlapping; there the alert is given a seq
 * taken before `overtake` ran, which is what the overtaken transaction's alert would carry.
 */
async function overtaken(patientId: string, overtake: () => Promise<void>): Promise<string> {
  const [practice, patient] = [(await findPractice(s.t.db.pool, s.practice.id))!, (await findPatient(s.t.db.pool, patientId))!];
  const raise = async (tx: Queryable) => {
    const subject = { practice, patient, conversationId: null, messageId: null };
    const { alert } = await raiseAlert(tx, subject, { level: 'urgent', reason: 'chest_pain', explanation: 'Reports chest pain.', evidence: [] }, s.clock.now());
    return alert.id;
  };
  const seqOf = async (db: Queryable, id: string) => (await db.query<{ seq: string }>('SELECT seq::text AS seq FROM alerts WHERE id = $1', [id])).rows[0]!.seq;
  if (testDbKind() === 'server') {
    return withTransaction(s.t.db.pool, async (tx) => {
      const id = await raise(tx);
      await overtake();
      return seqOf(tx, id);
    });
  }
  const taken = (await s.t.db.pool.query<{ seq: string }>("SELECT nextval('record_seq')::text AS seq")).rows[0]!.seq;
  await overtake();
  return withTransaction(s.t.db.pool, async (tx) => {
    const id = await raise(tx);
    await tx.query('UPDATE alerts SET seq = $2 WHERE id = $1', [id, taken]);
    return seqOf(tx, id);
  });
}

describe('the live Today channel on two instances', () => {
  it('delivers an urgent alert raised through instance A to the page instance B serves, and its case again when another alert joins it', async () => {
    const page = await todayOnB();
    const walter = await s.newPatient({ firstName: 'Walter', lastName: 'Brooks' });

    await s.say(walter, 'I have chest pain');
    const card = await page.next("Walter's card", cardOf('Brooks, Walter'));
    expect(card.data).toContain('I have chest pain');
    expect(card.id).toMatch(/^\d+$/);

    await s.say(walter, 'and now I cant breathe');
    const again = await page.next("Walter's card again", cardOf('Brooks, Walter'));
    expect(again.data).toContain('and now I cant breathe');
    expect(BigInt(again.id!)).toBeGreaterThan(BigInt(card.id!));
    // The practice id is all the database says on the channel; nothing about the patient reaches the logs.
    expect(s.t.logs.text).not.toContain(walter.phone);
    expect(s.t.logs.text).not.toContain('Brooks');
  });

  it.runIf(testDbKind() === 'server')('catches up after losing its listening connection, and listens again', async () => {
    const page = await todayOnB();
    const listener = () =>
      s.t.db.pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [ALERT_LISTENER_NAME]);
    const before = (await listener()).rows;
    expect(before).toHaveLength(1);
    const pid = before[0]!.pid;

    // Ada's urgent alert commits just after the listening connection is gone, well before it can
    // come back (its first retry waits a few hundred milliseconds): no notification reaches B,
    // and the read every page makes once B listens again finds her.
    const ada = await s.newPatient({ firstName: 'Ada', lastName: 'Away' });
    const [practice, patient] = [(await findPractice(s.t.db.pool, s.practice.id))!, (await findPatient(s.t.db.pool, ada.id))!];
    await withTransaction(s.t.db.pool, async (tx) => {
      const subject = { practice, patient, conversationId: null, messageId: null };
      await raiseAlert(tx, subject, { level: 'urgent', reason: 'chest_pain', explanation: 'Reports chest pain.', evidence: [] }, s.clock.now());
      await s.t.db.pool.query('SELECT pg_terminate_backend($1)', [pid]);
      await eventually('the listening connection gone', async () => (await listener()).rows.every((row) => row.pid !== pid));
    });
    await page.next("Ada's card", cardOf('Away, Ada'));

    await eventually('the listener back', async () => ((await listener()).rows[0]?.pid ?? pid) !== pid && (await bListens()));
    const bea = await s.newPatient({ firstName: 'Bea', lastName: 'Back' });
    await s.say(bea, 'I have chest pain');
    await page.next("Bea's card", cardOf('Back, Bea'));
  });

  it('delivers an urgent alert whose transaction commits after a later one was read, and no card twice', async () => {
    const page = await todayOnB();
    const ida = await s.newPatient({ firstName: 'Ida', lastName: 'Overtaken' });
    const ian = await s.newPatient({ firstName: 'Ian', lastName: 'Overtaking' });
    const ivy = await s.newPatient({ firstName: 'Ivy', lastName: 'Later' });

    // Ida's alert takes its seq first; Ian's, taken after, commits and reaches the page first.
    let ians!: LiveEvent;
    const idasSeq = await overtaken(ida.id, async () => {
      await s.say(ian, 'I have chest pain');
      ians = await page.next("Ian's card", cardOf('Overtaking, Ian'));
    });
    // The page's cursor is past Ida's alert: the gap a read after the cursor alone falls into.
    expect(BigInt(idasSeq)).toBeLessThan(BigInt(ians.id!));
    const idas = await page.next("Ida's card", cardOf('Overtaken, Ida'));
    // Its id is the cursor, which never goes back: a reconnect from it still looks back for Ida.
    expect(idas.id).toBe(ians.id);

    await s.say(ivy, 'I have chest pain');
    await page.next("Ivy's card", cardOf('Later, Ivy'));
    // The reads since looked back over Ian's and Ida's alerts, and skipped them: each card came once.
    expect(page.events.filter(cardOf('Overtaking, Ian'))).toHaveLength(1);
    expect(page.events.filter(cardOf('Overtaken, Ida'))).toHaveLength(1);
  });

  it('gives a page that reconnects, or loads, after the later alert the overtaken one all the same', async () => {
    const first = await todayOnB();
    const una = await s.newPatient({ firstName: 'Una', lastName: 'Unseen' });
    const uri = await s.newPatient({ firstName: 'Uri', lastName: 'Upfront' });

    // The page has Uri's card and loses its connection before Una's transaction commits.
    let lastId = '';
    await overtaken(una.id, async () => {
      await s.say(uri, 'I have chest pain');
      lastId = (await first.next("Uri's card", cardOf('Upfront, Uri'))).id!;
      first.close();
    });

    // The browser reconnects (to any instance) with the id of the last event it had; a page
    // rendered meanwhile connects with the sequence it was rendered after, the same one.
    const reconnected = openLiveStream(`${base}/app/events?alerts=1`, cookie, { lastEventId: lastId });
    const rendered = openLiveStream(`${base}/app/events?alerts=1&after=${lastId}`, cookie);
    streams.push(reconnected, rendered);
    await reconnected.next("Una's card on reconnecting", cardOf('Unseen, Una'));
    await rendered.next("Una's card on the page rendered after Uri's", cardOf('Unseen, Una'));
  });

  it("ends its pages' streams when the instance stops, so their browsers reconnect (to another instance)", async () => {
    const page = await todayOnB();
    await b.stop();
    await page.ended;
    // And its listening connection with it.
    if (testDbKind() === 'server') expect(await bListens()).toBe(false);
  });
});
