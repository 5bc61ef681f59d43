/**
 * One case per patient: however many texts and alerts one event brings, the
 * care team sees one case, one card on Today, acknowledged and resolved as
 * one; and the case agrees with its alerts whichever way they were handled
 * (the alert API, the web app, a key pressed on an escalation call).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseAlert } from '../../src/alerts/index.js';
import { findPatient } from '../../src/store/patients.js';
import { findPractice } from '../../src/store/practices.js';
import { withTransaction } from '../../src/store/sql.js';
import { apiClient, createApiKey, createPractice } from '../helpers/api.js';
import { testDbKind } from '../helpers/database.js';
import { eventually } from '../helpers/real-time.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { PUBLIC_URL } from '../helpers/service.js';
import { fixture, postTwilio } from '../helpers/twilio.js';
import { allNodes, parseTwiml } from '../helpers/twiml.js';
import { signInAs, type Browser } from '../web/signed-in.js';

const FALL = 'I fell and cant get up';
// The bruise or cut of the same fall, said without the fall (said with it, "fell, its bleeding" is the fall's red flag itself).
const CUT = 'cut my arm on the table, its bleeding';
const VAGUE = 'i just dont feel right today';

const LOGIN = { name: 'Nora Nurse', email: 'nora@riverside.example', role: 'coordinator', password: 'correct horse battery staple' };

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
  expect((await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, { ...LOGIN, staffId: s.coordinator.id })).status).toBe(201);
});
afterAll(() => s.close());

/** Nora in the web app, signed in afresh: the clock moves past the 15 minutes a session lasts idle. */
const signedInNora = (): Promise<Browser> => signInAs(s.t.service.app, LOGIN.email, LOGIN.password);
type Json = Record<string, any>;
const casesOf = async (patientId: string, status = 'unresolved') =>
  ((await s.admin.get(`/api/v1/practices/${s.practice.id}/cases?status=${status}`)).body.data as Json[]).filter((c) => c.patient.id === patientId);
const caseOf = async (patientId: string) => {
  const [found, ...more] = await casesOf(patientId);
  expect(more).toEqual([]);
  return (await s.admin.get(`/api/v1/cases/${found!.id}`)).body as Json;
};
const alertsOf = async (patientId: string, status = 'unresolved') =>
  (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts?patientId=${patientId}&status=${status}`)).body.data as Json[];
const cardsOn = (page: string, caseId: string) => page.split(`data-case-id="${caseId}"`).length - 1;
/** The coordinator an admin-token call acts as. */
const acting = () => ({ coordinatorId: s.coordinator.id });

describe('one fall told in three texts', () => {
  let patient: { id: string; phone: string };
  let caseId: string;

  it('is one case: urgent, its reasons folded into one, one card on Today', async () => {
    patient = await s.newPatient({ firstName: 'Walter', lastName: 'Brooks' });
    await s.say(patient, FALL);
    await s.advance(60_000);
    await s.say(patient, CUT);
    await s.advance(60_000);
    await s.say(patient, VAGUE);

    const alerts = await alertsOf(patient.id);
    expect(alerts.map((a) => a.reason)).toEqual(expect.arrayContaining(['red_flag:fall', 'concern:bleeding', 'message_for_team']));
    expect(new Set(alerts.map((a) => a.caseId)).size).toBe(1);

    const detail = await caseOf(patient.id);
    caseId = detail.id;
    expect(alerts[0]!.caseId).toBe(caseId);
    expect(detail).toMatchObject({ level: 'urgent', status: 'open', latestWords: { text: VAGUE }, acknowledgedBy: null });
    expect(detail.reasons).toHaveLength(1);
    expect(detail.reasons[0]).toMatchObject({
      reason: 'red_flag:fall',
      description: 'a fall (hurt or unable to get up) — also: bleeding or bruising',
      level: 'urgent',
      words: [FALL, CUT],
      alsoSaid: [VAGUE],
    });
    expect(detail.reasons[0].joined).toEqual(expect.arrayContaining([{ reason: 'concern:bleeding', description: 'bleeding or bruising' }]));
    expect(detail.reasons[0].evidence.length).toBeGreaterThanOrEqual(2); // the fall's text and the cut's
    expect(detail.alerts.map((a: Json) => a.id).sort()).toEqual(alerts.map((a) => a.id).sort());

    const nora = await signedInNora();
    const today = await nora.get('/app');
    expect(today.status).toBe(200);
    expect(cardsOn(today.body, caseId)).toBe(1);
    // One card; the name appears once more only in the call list, which is GET /call-list's and links to the case.
    expect(today.body.match(/Brooks, Walter/g)!.length).toBeLessThanOrEqual(2);
    const card = today.body.slice(today.body.indexOf(`data-case-id="${caseId}"`));
    expect(card.slice(0, card.indexOf('</li>'))).toMatch(/a fall \(hurt or unable to get up\) — also: bleeding or bruising[\s\S]*i just dont feel right today[\s\S]*not yet acknowledged/);

    const page = await nora.get(`/app/cases/${caseId}`);
    expect(page.status).toBe(200);
    for (const words of [FALL, CUT, VAGUE]) expect(page.body).toContain(words);
    expect(page.body).toContain('Also said');
  });

  it('acknowledged as one: every open alert in it, so no escalation goes on', async () => {
    // A second urgent reason in the same case: two escalations under way.
    await s.say(patient, 'and now my chest hurts');
    await s.runDue();
    const urgent = (await alertsOf(patient.id)).filter((a) => a.level === 'urgent');
    expect(urgent.map((a) => a.reason).sort()).toEqual(['red_flag:chest_pain', 'red_flag:fall']);
    expect(new Set(urgent.map((a) => a.caseId))).toEqual(new Set([caseId]));
    const callsBefore = s.twilio.calls.length;

    const acknowledged = await s.admin.post(`/api/v1/cases/${caseId}/acknowledge`, acting());
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledgedAt: s.clock.now().toISOString(), acknowledgedBy: { id: s.coordinator.id, name: 'Nora Nurse' } });
    expect(acknowledged.body.alerts.map((a: Json) => a.status)).toEqual(acknowledged.body.alerts.map(() => 'acknowledged'));

    await s.advance(30 * 60_000);
    expect(s.twilio.calls.length).toBe(callsBefore);
    expect(s.twilio.sent.filter((m) => m.Body.includes('nobody has acknowledged') && m.Body.includes('Walter'))).toEqual([]);
    const again = await s.admin.post(`/api/v1/cases/${caseId}/acknowledge`, acting());
    expect(again.body.acknowledgedAt).toBe(acknowledged.body.acknowledgedAt);
  });

  it('goes back to open when a new alert joins it, and is acknowledged again from the web app', async () => {
    await s.say(patient, 'my ankles are swollen');
    const reopened = await caseOf(patient.id);
    expect(reopened).toMatchObject({ id: caseId, status: 'open', acknowledgedAt: null });
    expect(reopened.reviewDueAt).not.toBeNull();

    const nora = await signedInNora();
    const done = await nora.post(`/app/cases/${caseId}/acknowledge`, {});
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(`/app/cases/${caseId}`);
    expect((await nora.get(`/app/cases/${caseId}`)).body).toContain('acknowledged by Nora Nurse');
    expect((await caseOf(patient.id)).status).toBe('acknowledged');
  });

  it('resolved as one, with a note: every alert in it; a later alert opens a new case', async () => {
    const noNote = await s.admin.post(`/api/v1/cases/${caseId}/resolve`, acting());
    expect(noNote.status).toBe(400);
    expect(JSON.stringify(noNote.body.error)).toContain('note');

    const note = 'Called him: daughter took him to urgent care, arm dressed, chest pain was a pulled muscle.';
    const resolved = await s.admin.post(`/api/v1/cases/${caseId}/resolve`, { ...acting(), note });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolutionNote: note, resolvedBy: { name: 'Nora Nurse' } });
    const twice = await s.admin.post(`/api/v1/cases/${caseId}/resolve`, { ...acting(), note: 'again' });
    expect(twice.body).toMatchObject({ resolutionNote: note, resolvedAt: resolved.body.resolvedAt });
    expect(await alertsOf(patient.id)).toEqual([]);
    const closed = await alertsOf(patient.id, 'resolved');
    expect(closed.map((a) => a.resolutionNote)).toEqual(closed.map(() => note));
    expect(await casesOf(patient.id)).toEqual([]);
    expect(cardsOn((await (await signedInNora()).get('/app')).body, caseId)).toBe(0);

    await s.advance(60 * 60_000);
    await s.say(patient, 'I fell again and cant get up');
    const [fresh] = await casesOf(patient.id);
    expect(fresh).toMatchObject({ status: 'open', level: 'urgent' });
    expect(fresh!.id).not.toBe(caseId);
    expect((await s.admin.get(`/api/v1/cases/${caseId}`)).body.status).toBe('resolved');
    await s.admin.post(`/api/v1/cases/${fresh!.id}/resolve`, { ...acting(), note: 'Seen at home.' });
  });
});

describe('a case follows its alerts whichever way they are handled', () => {
  it('through the alert API: acknowledged once none is open, resolved once all are', async () => {
    const patient = await s.newPatient({ firstName: 'Ada' });
    await s.say(patient, 'my ankles are swollen');
    await s.advance(60_000);
    await s.say(patient, 'can you call me');
    const [first, second] = await alertsOf(patient.id);
    expect(second).toBeDefined();
    await s.admin.post(`/api/v1/alerts/${first!.id}/acknowledge`, acting());
    expect((await caseOf(patient.id)).status).toBe('open');
    await s.advance(60_000);
    await s.admin.post(`/api/v1/alerts/${second!.id}/acknowledge`, acting());
    expect(await caseOf(patient.id)).toMatchObject({ status: 'acknowledged', acknowledgedAt: s.clock.now().toISOString(), acknowledgedBy: { name: 'Nora Nurse' } });
    await s.admin.post(`/api/v1/alerts/${first!.id}/resolve`, { ...acting(), note: 'Legs up, recheck Friday.' });
    expect((await caseOf(patient.id)).status).toBe('acknowledged');
    await s.admin.post(`/api/v1/alerts/${second!.id}/resolve`, { ...acting(), note: 'Called her back.' });
    const [resolved] = await casesOf(patient.id, 'resolved');
    expect(resolved).toMatchObject({ status: 'resolved', resolutionNote: 'Called her back.', resolvedAt: s.clock.now().toISOString() });
  });

  it('through a key pressed on the escalation call', async () => {
    const patient = await s.newPatient({ firstName: 'Hal' });
    const callsBefore = s.twilio.calls.length;
    await s.say(patient, 'I have crushing chest pain');
    await s.runDue();
    const call = s.twilio.calls.slice(callsBefore).at(-1)!;
    const answered = await postTwilio(s.t.service.app, call.Url.slice(PUBLIC_URL.length), { ...fixture('voice-gather-digits'), Digits: '', CallSid: call.sid, CallStatus: 'in-progress', AnsweredBy: 'human' });
    const gather = allNodes(parseTwiml(answered.body)).find((n) => n.verb === 'Gather')!;
    await postTwilio(s.t.service.app, gather.attributes.action!.slice(PUBLIC_URL.length), { ...fixture('voice-gather-digits'), CallSid: call.sid, Digits: '2' });
    expect(await caseOf(patient.id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: { id: s.coordinator.id } });
  });
});

describe('an alert raised without a case', () => {
  it('(by the previous version, during an upgrade) joins the case of the next alert raised for the patient', async () => {
    const patient = await s.newPatient({ firstName: 'Vera' });
    const at = s.clock.now();
    await s.t.db.pool.query(
      "INSERT INTO alerts (practice_id, patient_id, level, reason, status, created_at, updated_at) VALUES ($1, $2, 'elevated', 'refill_needed', 'open', $3, $3)",
      [s.practice.id, patient.id, at],
    );
    await s.advance(60_000);
    await s.say(patient, 'my ankles are swollen');
    const found = await caseOf(patient.id);
    expect(found.alerts.map((a: Json) => a.reason)).toEqual(expect.arrayContaining(['refill_needed', 'concern:swelling']));
    expect(found.openedAt).toBe(at.toISOString());
  });
});

describe('two alerts raised for one patient at the same moment', () => {
  it('end in one case', async () => {
    const created = await s.newPatient({ firstName: 'Iris' });
    const pool = s.t.db.pool;
    const [practice, patient] = await Promise.all([findPractice(pool, s.practice.id), findPatient(pool, created.id)]);
    const subject = { practice: practice!, patient: patient!, conversationId: null, messageId: null };
    const at = s.clock.now();
    const request = (reason: string) => ({ level: 'elevated' as const, reason, explanation: `test ${reason}`, evidence: [{ key: `test:${reason}`, explanation: 'test', at }] });

    if (testDbKind() === 'pglite') {
      // One session: the two transactions run one after the other.
      await Promise.all(['missed_dose', 'refill_needed'].map((reason) => withTransaction(pool, (tx) => raiseAlert(tx, subject, request(reason), at))));
    } else {
      // The first holds its new case uncommitted until the second is waiting on it.
      const first = await pool.connect();
      try {
        await first.query('BEGIN');
        await raiseAlert(first, subject, request('missed_dose'), at);
        const second = withTransaction(pool, (tx) => raiseAlert(tx, subject, request('refill_needed'), at));
        await eventually('the second raise to wait on the first', async () => {
          const { rows } = await pool.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
          return rows[0].n > 0 || false;
        });
        await first.query('COMMIT');
        await second;
      } finally {
        first.release();
      }
    }
    const cases = await pool.query('SELECT id, status FROM cases WHERE patient_id = $1', [created.id]);
    expect(cases.rows).toEqual([{ id: expect.any(String), status: 'open' }]);
    const alerts = await pool.query('SELECT DISTINCT case_id FROM alerts WHERE patient_id = $1', [created.id]);
    expect(alerts.rows).toEqual([{ case_id: cases.rows[0].id }]);
  });
});

describe('cases out of reach', () => {
  it("answer 404 to another practice, and 400 or 404 naming the problem for an id that is not a case", async () => {
    const [anyCase] = (await s.admin.get(`/api/v1/practices/${s.practice.id}/cases`)).body.data as Json[];
    expect(anyCase).toBeDefined();
    const other = await createPractice(s.admin);
    const outsider = apiClient(s.t.service.app, (await createApiKey(s.admin, other.id, 'admin')).token);
    expect((await outsider.get(`/api/v1/cases/${anyCase!.id}`)).status).toBe(404);
    expect((await outsider.post(`/api/v1/cases/${anyCase!.id}/acknowledge`, { coordinatorId: s.coordinator.id })).status).toBe(404);
    expect((await outsider.get(`/api/v1/practices/${s.practice.id}/cases`)).status).toBe(404);
    const missing = await s.admin.get('/api/v1/cases/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('case was not found');
    expect((await s.admin.get('/api/v1/cases/not-a-case')).status).toBe(400);
    expect((await s.admin.get(`/api/v1/practices/${s.practice.id}/cases?status=closed`)).status).toBe(400);
    expect((await (await signedInNora()).get('/app/cases/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
