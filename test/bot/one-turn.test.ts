/**
 * One turn for every channel: the same words, texted or said on a call at
 * the same point of a check-in, record the same events, observations and
 * alerts and leave the check-in in the same state. Only the rendering (a
 * text, or <Say> and <Gather>) differs.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { PUBLIC_URL } from '../helpers/service.js';
import { fixture, postTwilio } from '../helpers/twilio.js';
import { allNodes, parseTwiml, type TwimlNode } from '../helpers/twiml.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

/** Where in the wellness check-in the words come: its first question, or "what is wrong?" after a 2. */
type Point = 'first_question' | 'what_is_wrong';

const INPUTS: Array<[Point, string]> = [
  ['first_question', '1'],
  ['first_question', '2'],
  ['first_question', 'I have chest pain'],
  ['first_question', 'i cant breathe'],
  ['first_question', 'my face is drooping and my arm is weak'],
  ['first_question', 'I want to kill myself'],
  ['first_question', 'help me'],
  ['first_question', 'STOP'],
  ['first_question', 'wrong number'],
  ['first_question', 'HELP'],
  ['first_question', 'my sugar was 45'],
  ['first_question', 'my sugar was 250 this morning'],
  ['first_question', 'my blood pressure is 185/110'],
  ['first_question', 'oxygen 86%'],
  ['first_question', 'i feel fine'],
  ['first_question', 'not so good'],
  ['first_question', 'my knee hurts'],
  ['first_question', 'can someone call me tomorrow'],
  ['first_question', 'I need a refill of my metformin'],
  ['first_question', 'who is this?'],
  ['first_question', 'i already answered this'],
  ['first_question', 'feeling ok but my ankles are swollen'],
  ['first_question', 'im dizzy when i stand up'],
  ['first_question', 'shaky and sweaty'],
  ['first_question', 'me siento bien'],
  ['first_question', 'tengo dolor de pecho'],
  ['first_question', 'no me siento bien'],
  ['first_question', 'my weight is 189, up from 182 last week'],
  ['first_question', 'thank you'],
  ['first_question', 'my pain is 8 out of 10'],
  ['first_question', 'temperature 102'],
  ['first_question', 'i fell yesterday'],
  ['first_question', 'asdfgh'],
  ['what_is_wrong', '1'],
  ['what_is_wrong', '3'],
  ['what_is_wrong', 'my breathing is worse'],
  ['what_is_wrong', 'chest pain'],
  ['what_is_wrong', 'it hurts to pee'],
  ['what_is_wrong', 'i ran out of my pills'],
  ['what_is_wrong', 'mi azucar esta en 300'],
  ['what_is_wrong', '9'],
  ['what_is_wrong', 'STOP'],
];

interface Left {
  events: string[];
  observations: Array<{ kind: string; value: unknown }>;
  alerts: Array<{ level: string; reason: string }>;
  conversation: string;
}

/** What one patient's words left behind, keyed to the message that carried them. */
async function leftBy(patientId: string, messageId: string): Promise<Left> {
  const q = (sql: string, params: unknown[]) => s.t.db.pool.query(sql, params).then((r) => r.rows);
  const events = await q('SELECT type FROM patient_events WHERE message_id = $1 ORDER BY type', [messageId]);
  const observations = await q('SELECT kind, value FROM observations WHERE message_id = $1 ORDER BY kind, value::text', [messageId]);
  const alerts = await q('SELECT level, reason FROM alerts WHERE patient_id = $1 ORDER BY reason, level', [patientId]);
  const [conversation] = await q("SELECT status FROM conversations WHERE patient_id = $1 AND flow = 'wellness' ORDER BY started_at DESC LIMIT 1", [patientId]);
  return { events: events.map((e) => e.type), observations, alerts, conversation: conversation?.status ?? 'none' };
}

/** The message that carried `words` from the patient: the text itself, or the line the call recorded of them. */
async function carrying(patientId: string, words: string): Promise<string> {
  const { rows } = await s.t.db.pool.query(
    "SELECT id FROM messages WHERE patient_id = $1 AND direction = 'inbound' AND (body = $2 OR body LIKE 'said \"' || $2 || '\"%')",
    [patientId, words],
  );
  expect(rows, `one message carries "${words}"`).toHaveLength(1);
  return rows[0].id;
}

/** The words as a text, in a wellness check-in started by text. */
async function byText(point: Point, words: string): Promise<Left> {
  const patient = await s.newPatient();
  await s.checkIn(patient, 'wellness');
  if (point === 'what_is_wrong') await s.say(patient, '2');
  await s.say(patient, words);
  return leftBy(patient.id, await carrying(patient.id, words));
}

/** The words said on a call, in a wellness check-in the patient started by calling in. */
async function byCall(point: Point, words: string): Promise<{ left: Left; twiml: TwimlNode }> {
  const patient = await s.newPatient();
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  let twiml: TwimlNode | null = null;
  const post = async (url: string, params: { [key: string]: string }) => {
    const path = url.startsWith(PUBLIC_URL) ? url.slice(PUBLIC_URL.length) : url;
    const base = { ...fixture('voice-gather-speech'), From: patient.phone, Caller: patient.phone, To: s.practice.phoneNumber, CallSid: callSid, Digits: '' };
    const response = await postTwilio(s.t.service.app, path, { ...base, ...params });
    expect(response.statusCode, response.body).toBe(200);
    twiml = parseTwiml(response.body);
  };
  const gatherAction = () => allNodes(twiml!).find((n) => n.verb === 'Gather')!.attributes.action!;
  await post('/webhooks/twilio/voice', { ...fixture('voice-incoming'), From: patient.phone, Caller: patient.phone, To: s.practice.phoneNumber, CallSid: callSid });
  await post(gatherAction(), { Digits: '1', SpeechResult: '' });
  if (point === 'what_is_wrong') await post(gatherAction(), { Digits: '2', SpeechResult: '' });
  await post(gatherAction(), { SpeechResult: words, Confidence: '0.95' });
  return { left: await leftBy(patient.id, await carrying(patient.id, words)), twiml: twiml! };
}

describe('the same words by text and by call', () => {
  it.each(INPUTS)('at %s, "%s": the same events, observations, alerts and check-in state', async (point, words) => {
    const texted = await byText(point, words);
    const { left: said, twiml } = await byCall(point, words);
    expect(said).toEqual(texted);
    // Only the rendering differs: the call speaks, and after an escalation it offers a nurse on the line.
    expect(allNodes(twiml).some((n) => n.verb === 'Say')).toBe(true);
    if (texted.events.includes('red_flag') || texted.events.includes('distress')) {
      expect(allNodes(twiml).find((n) => n.verb === 'Gather')?.attributes.action).toContain('/check-in/bridge');
    }
  });
});
