/**
 * Twilio repeating a voice request, all copies at once (a retry racing the
 * first try, a replay): every copy gets the TwiML the first one got, and the
 * record holds the turn once. Checked on the rows, not only on the answers:
 * the call, the transcript's lines, the conversation, the escalation's jobs.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { PUBLIC_URL } from '../helpers/service.js';
import { fixture, postTwilio } from '../helpers/twilio.js';
import { allNodes, parseTwiml } from '../helpers/twiml.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const COPIES = 20;
const newCallSid = () => `CA${randomBytes(16).toString('hex')}`;

/** The same signed request, `COPIES` times at once; the status codes and bodies in order. */
async function burst(url: string, params: Record<string, string>) {
  const path = url.startsWith(PUBLIC_URL) ? url.slice(PUBLIC_URL.length) : url;
  const responses = await Promise.all(Array.from({ length: COPIES }, () => postTwilio(s.t.service.app, path, params)));
  return { statuses: responses.map((r) => r.statusCode), bodies: responses.map((r) => r.body) };
}

/** Every copy answered 200 with one and the same TwiML; that TwiML. */
function sameAnswer({ statuses, bodies }: { statuses: number[]; bodies: string[] }) {
  expect(statuses).toEqual(Array(COPIES).fill(200));
  expect(new Set(bodies).size, bodies.join('\n---\n')).toBe(1);
  return parseTwiml(bodies[0]!);
}

const gatherAction = (twiml: ReturnType<typeof parseTwiml>) => allNodes(twiml).find((n) => n.verb === 'Gather')!.attributes.action!;

/** The call's lines in the transcript, oldest first, as "kind body". */
const callLines = async (patientId: string) =>
  (
    await s.t.db.pool.query<{ line: string }>(
      "SELECT kind || ' ' || body AS line FROM messages WHERE patient_id = $1 AND channel = 'voice' ORDER BY created_at, seq",
      [patientId],
    )
  ).rows.map((r) => r.line);

/** A patient's call to the practice, as Twilio makes its requests. */
function patientCall(patientPhone: string) {
  const callSid = newCallSid();
  const params = (extra: Record<string, string>) => ({
    ...fixture('voice-gather-digits'),
    From: patientPhone,
    Caller: patientPhone,
    To: s.practice.phoneNumber,
    CallSid: callSid,
    Digits: '',
    ...extra,
  });
  const incoming = { ...fixture('voice-incoming'), From: patientPhone, Caller: patientPhone, To: s.practice.phoneNumber, CallSid: callSid };
  return { callSid, params, incoming };
}

describe('a patient call repeated by Twilio', () => {
  it('20 copies of the incoming call at once: one answer, one call, one greeting', async () => {
    const patient = await s.newPatient({ firstName: 'Ada' });
    const call = patientCall(patient.phone);
    const menu = sameAnswer(await burst('/webhooks/twilio/voice', call.incoming));
    expect(gatherAction(menu)).toContain('/check-in/menu?token=');

    const calls = await s.t.db.pool.query('SELECT turns FROM patient_calls WHERE call_sid = $1', [call.callSid]);
    expect(calls.rows).toEqual([{ turns: 1 }]);
    const lines = await callLines(patient.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^voice_prompt Hello Ada, this is Riverside Family Medicine\./);
  });

  it('20 copies of an answer at once: one answer, taken once, one question after it', async () => {
    const patient = await s.newPatient({ firstName: 'Bea' });
    const call = patientCall(patient.phone);
    const menu = parseTwiml((await postTwilio(s.t.service.app, '/webhooks/twilio/voice', call.incoming)).body);
    const questionAt = gatherAction(menu);
    const question = parseTwiml((await postTwilio(s.t.service.app, questionAt.slice(PUBLIC_URL.length), call.params({ Digits: '1' }))).body);
    const before = await callLines(patient.id);
    const version = (await s.t.db.pool.query('SELECT version FROM conversations WHERE patient_id = $1', [patient.id])).rows[0].version;

    // "Not so good": the wellness flow asks what is wrong.
    const next = sameAnswer(await burst(gatherAction(question), call.params({ Digits: '2' })));
    expect(allNodes(next).some((n) => n.verb === 'Gather')).toBe(true);

    const conversation = (await s.t.db.pool.query('SELECT answers, version FROM conversations WHERE patient_id = $1', [patient.id])).rows;
    expect(conversation).toEqual([{ answers: { wellness: 'concerns' }, version: version + 1 }]);
    const added = (await callLines(patient.id)).slice(before.length);
    expect(added).toEqual(['voice_answer pressed 2', expect.stringMatching(/^voice_prompt We are sorry\. What is wrong\?/)]);
    const calls = await s.t.db.pool.query('SELECT turns FROM patient_calls WHERE call_sid = $1', [call.callSid]);
    expect(calls.rows).toEqual([{ turns: 3 }]);
  });
});

describe("a coordinator's key repeated by Twilio", () => {
  it('20 copies of "3, pass it on" at once: one answer, one outcome, the next person queued once', async () => {
    const patient = await s.newPatient({ firstName: 'Cal', lastName: 'Avery' });
    await s.say(patient, 'I have crushing chest pain');
    await s.runDue();
    const alert = (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts?patientId=${patient.id}`)).body.data[0] as { id: string };
    const placed = s.twilio.calls.at(-1)!;
    expect(placed.To).toBe(s.coordinator.phone);
    const escalation = (extra: Record<string, string>) => ({ ...fixture('voice-gather-digits'), CallSid: placed.sid, Digits: '', ...extra });
    const answered = await postTwilio(s.t.service.app, placed.Url.slice(PUBLIC_URL.length), escalation({ CallStatus: 'in-progress', AnsweredBy: 'human' }));
    const menu = parseTwiml(answered.body);
    // The chain already holds a step for a call that never reports its end; passing adds one more, once.
    const nextSteps = async () =>
      (await s.t.db.pool.query("SELECT next_run_at FROM agenda_jobs WHERE name = 'escalation.step' AND data->>'alertId' = $1 AND data->>'step' = '1'", [alert.id])).rows.length;
    const stepsBefore = await nextSteps();

    const passed = sameAnswer(await burst(gatherAction(menu), escalation({ Digits: '3' })));
    expect(allNodes(passed).find((n) => n.verb === 'Say')!.text).toBe('Passing this to the next person. Goodbye.');

    const attempts = await s.t.db.pool.query('SELECT step, outcome FROM escalation_attempts WHERE alert_id = $1 ORDER BY step', [alert.id]);
    expect(attempts.rows).toEqual([{ step: 0, outcome: 'passed' }]);
    expect(await nextSteps()).toBe(stepsBefore + 1);
  });
});
