/**
 * A red flag said on a call, through signed Twilio requests on the real
 * database (only Twilio's REST API is faked): the advice and the offer of a
 * nurse; then silence, "Gracias. Adiós." or a hang-up, each ending with the
 * advice again while the alert's escalation runs exactly as a text's does,
 * once however often Twilio repeats itself; and "yes" or 1, which dials the
 * on-call chain in order, each nurse hearing who calls before taking it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { PUBLIC_URL } from '../helpers/service.js';
import { fixture, postTwilio } from '../helpers/twilio.js';
import { hangsUp, newCallSid, phoneCall, words } from '../helpers/phone-call.js';
import { allNodes, parseTwiml, type TwimlNode } from '../helpers/twiml.js';

let s: Scenario;
let omar: { id: string; phone: string };
beforeAll(async () => {
  s = await startScenario();
  // Nora (the scenario's coordinator) is first on call, Omar second.
  omar = (await s.admin.post(`/api/v1/practices/${s.practice.id}/coordinators`, { name: 'Omar Ortiz', phone: '(555) 300-0002', role: 'nurse', onCallOrder: 2 })).body;
});
afterAll(() => s.close());

/** The practice's wait between two coordinators' calls. */
const WAIT = 60_000;

const phone = (patient: { phone: string }) => phoneCall(s.t.service.app, patient.phone, s.practice.phoneNumber);
const callsTo = (number: string) => s.twilio.calls.filter((c) => c.To === number);
const urgentTextsTo = (number: string, name: string) => s.sentTo(number).filter((m) => m.Body.startsWith('URGENT') && m.Body.includes(name));
const transcript = async (patientId: string) =>
  ((await s.admin.get(`/api/v1/patients/${patientId}/transcript`)).body.data as Array<{ channel: string; direction: string; text: string }>).filter((e) => e.channel === 'voice');

/** A patient calls, takes the wellness check-in and says `words`: the offer of a nurse. */
async function redFlagOnACall(firstName: string, language: 'en' | 'es', said: string) {
  const patient = await s.newPatient({ firstName, lastName: 'Vega', language });
  const call = phone(patient);
  await call.dial();
  await call.press('1');
  const offer = await call.say(said);
  return { patient, call, offer };
}

/** Twilio says how a coordinator's escalation call ended. */
async function escalationCallEnded(placed: { StatusCallback: string; sid: string }, status: string) {
  const response = await postTwilio(s.t.service.app, placed.StatusCallback.slice(PUBLIC_URL.length), { ...fixture('call-status-completed'), CallSid: placed.sid, CallStatus: status });
  expect(response.statusCode).toBe(204);
}

describe('after a red flag said on a call, the caller says goodbye, stays silent or hangs up', () => {
  it('a stroke sign in Spanish, then "Gracias. Adiós.": the advice again first, a polite goodbye, and Nora rung and texted once', async () => {
    const { patient, call, offer } = await redFlagOnACall('Rosa', 'es', 'tengo la cara caída y no puedo mover el brazo');
    expect(words(offer)).toBe(
      'Rosa, lo que nos dice puede ser una emergencia. Si lo es, cuelgue y marque el 911. Ya estamos avisando a su equipo médico. Para hablar con una enfermera ahora, diga sí u oprima 1.',
    );
    // The offer takes speech too, in Spanish.
    expect(call.gather()!.attributes).toMatchObject({ input: 'dtmf speech', numDigits: '1', language: 'es-MX', actionOnEmptyResult: 'true' });
    expect(call.gather()!.attributes.hints).toContain('sí');
    expect(await s.alerts(patient.id)).toEqual([{ level: 'urgent', reason: 'red_flag:stroke', status: 'open' }]);

    const goodbye = await call.say('Gracias. Adiós.');
    expect(words(goodbye)).toBe('Si es una emergencia, cuelgue y marque el 911 ahora. Ya avisamos a su equipo médico y una enfermera le va a llamar. Cuídese. Adiós.');
    expect(allNodes(goodbye).some((n) => n.verb === 'say-as' && n.text === '911')).toBe(true);
    expect(hangsUp(goodbye)).toBe(true);
    // Twilio repeats the request, then reports the hang-up twice: the same answer, nothing done again.
    expect(words((await call.repeat())!)).toBe(words(goodbye));
    await call.hangUp();
    await call.hangUp();

    // The escalation runs as for a text: the first on call is rung at once and texted; nothing twice.
    await s.runDue();
    const alert = (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts?patientId=${patient.id}`)).body.data[0];
    const rung = await s.t.db.pool.query("SELECT call_sid FROM escalation_attempts WHERE alert_id = $1 AND kind = 'call'", [alert.id]);
    expect(rung.rows).toHaveLength(1);
    expect(callsTo(s.coordinator.phone).filter((c) => c.sid === rung.rows[0].call_sid)).toHaveLength(1);
    expect(urgentTextsTo(s.coordinator.phone, 'Rosa Vega')).toHaveLength(1);
    expect(await s.alerts(patient.id)).toEqual([{ level: 'urgent', reason: 'red_flag:stroke', status: 'open' }]);
    const lines = (await transcript(patient.id)).map((e) => `${e.direction} ${e.text}`);
    expect(lines.filter((l) => l.startsWith('inbound said "Gracias. Adiós."'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('Cuídese'))).toHaveLength(1);
    // No PHI in the logs: neither the patient's words nor their number.
    expect(s.t.logs.text).not.toContain('cara caída');
    expect(s.t.logs.text).not.toContain(patient.phone);
  });

  it('silence after the offer: the advice first, then goodbye; a repeated silence changes nothing', async () => {
    const { patient, call } = await redFlagOnACall('Hank', 'en', 'I have crushing chest pain');
    const goodbye = await call.silence();
    expect(words(goodbye)).toBe('If this is an emergency, hang up and dial 911 now. Your care team has been alerted, and a nurse will call you back. Take care. Goodbye.');
    expect(hangsUp(goodbye)).toBe(true);
    expect(words((await call.repeat())!)).toBe(words(goodbye));
    await s.runDue();
    expect(urgentTextsTo(s.coordinator.phone, 'Hank Vega')).toHaveLength(1);
    expect((await s.alerts(patient.id)).map((a) => a.reason)).toEqual(['red_flag:chest_pain']);
  });

  it('a self-harm statement: the goodbye says 988 as well as 911', async () => {
    const { call, offer } = await redFlagOnACall('Ivy', 'en', 'I want to kill myself');
    expect(words(offer)).toMatch(/988.*911.*say yes or press 1\.$/);
    expect(words(await call.say('no'))).toBe('Please call 988 now to talk to someone, or dial 911. Your care team has been alerted, and a nurse will call you back. Take care. Goodbye.');
  });

  it('a hang-up right after the offer: the chain goes on as for a text (Nora, then Omar after the wait), once', async () => {
    const { patient, call } = await redFlagOnACall('Jude', 'en', 'my face is drooping and my speech is slurred');
    await call.hangUp();
    await call.repeat();
    await s.runDue();
    const nora = callsTo(s.coordinator.phone).at(-1)!;
    expect(urgentTextsTo(s.coordinator.phone, 'Jude Vega')).toHaveLength(1);
    await escalationCallEnded(nora, 'no-answer');
    await escalationCallEnded(nora, 'no-answer');
    await s.advance(WAIT);
    const alert = (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts?patientId=${patient.id}`)).body.data[0];
    const attempts = await s.t.db.pool.query('SELECT step, coordinator_id FROM escalation_attempts WHERE alert_id = $1 ORDER BY step', [alert.id]);
    expect(attempts.rows).toEqual([
      { step: 0, coordinator_id: s.coordinator.id },
      { step: 1, coordinator_id: omar.id },
    ]);
    expect(urgentTextsTo(omar.phone, 'Jude Vega')).toHaveLength(1);
    expect((await s.alerts(patient.id)).map((a) => `${a.level}:${a.status}`)).toEqual(['urgent:open']);
  });
});

/** The coordinator's phone answers the dial: Twilio fetches the whisper (the <Number url>) on their leg of the call. */
async function nurseAnswers(dial: TwimlNode) {
  const number = allNodes(dial).find((n) => n.verb === 'Number')!;
  const path = number.attributes.url!.slice(PUBLIC_URL.length);
  const leg = newCallSid();
  const whisper = parseTwiml((await postTwilio(s.t.service.app, path, { ...fixture('voice-gather-digits'), CallSid: leg, Digits: '', CallStatus: 'in-progress' })).body);
  const press = async (digits: string) => {
    const action = allNodes(whisper).find((n) => n.verb === 'Gather')!.attributes.action!;
    return parseTwiml((await postTwilio(s.t.service.app, action.slice(PUBLIC_URL.length), { ...fixture('voice-gather-digits'), CallSid: leg, Digits: digits })).body);
  };
  return { whisper, press };
}

const dialIn = (twiml: TwimlNode) => allNodes(twiml).find((n) => n.verb === 'Dial')!;
const dialedNumber = (twiml: TwimlNode) => allNodes(dialIn(twiml)).find((n) => n.verb === 'Number')!.text;

describe('"yes" or 1 for a nurse dials the on-call chain in order', () => {
  it('Nora does not answer, then Omar hears who calls, presses 1, and is connected: the alert is his, the chain stops', async () => {
    const { patient, call } = await redFlagOnACall('Kurt', 'en', 'I have chest pain');
    await s.runDue(); // the escalation has rung Nora already, as for a text
    const first = await call.say('yes please');
    expect(words(first)).toBe('Connecting you to a nurse now. Please stay on the line.');
    expect(dialedNumber(first)).toBe(s.coordinator.phone);
    expect(dialIn(first).attributes).toMatchObject({ callerId: s.practice.phoneNumber, timeout: '30' });

    const second = (await call.post(dialIn(first).attributes.action!, { DialCallStatus: 'no-answer' }))!;
    expect(words(second)).toBe('That nurse did not answer. We are calling another nurse. Please stay on the line.');
    expect(dialedNumber(second)).toBe(omar.phone);

    const omarsPhone = await nurseAnswers(second);
    expect(words(omarsPhone.whisper)).toBe(
      'Urgent call from Riverside Family Medicine. Kurt V. reported chest pain and is on the line asking for a nurse. To talk to them now, press 1.',
    );
    const accepted = await omarsPhone.press('1');
    expect(words(accepted)).toBe('Connecting you now. This alert is acknowledged.');
    expect(hangsUp(accepted)).toBe(false);
    const alert = (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts?patientId=${patient.id}`)).body.data[0];
    expect(alert).toMatchObject({ status: 'acknowledged', acknowledgedBy: { id: omar.id } });

    // They talk; Omar hangs up; the patient's call says goodbye. Nobody else is rung about this alert.
    const end = (await call.post(dialIn(second).attributes.action!, { DialCallStatus: 'completed', DialCallDuration: '95' }))!;
    expect(words(end)).toBe('Thank you. Goodbye.');
    await s.advance(10 * WAIT);
    const attempts = await s.t.db.pool.query('SELECT kind, coordinator_id FROM escalation_attempts WHERE alert_id = $1', [alert.id]);
    expect(attempts.rows).toEqual([{ kind: 'call', coordinator_id: s.coordinator.id }]);
  });

  it('nobody takes the call (no answer, then a voicemail that presses nothing): the advice again and the truth that the team was alerted', async () => {
    const { patient, call } = await redFlagOnACall('Lena', 'es', 'me duele mucho el pecho');
    const first = await call.press('1');
    expect(words(first)).toBe('Le comunicamos con una enfermera. Por favor no cuelgue.');
    const second = (await call.post(dialIn(first).attributes.action!, { DialCallStatus: 'busy' }))!;
    expect(dialedNumber(second)).toBe(omar.phone);
    const voicemail = await nurseAnswers(second);
    expect(hangsUp(await voicemail.press(''))).toBe(true);
    const end = (await call.post(dialIn(second).attributes.action!, { DialCallStatus: 'completed', DialCallDuration: '12' }))!;
    expect(words(end)).toBe(
      'No pudimos comunicarnos con una enfermera. Si es una emergencia, cuelgue y marque el 911 ahora. Ya avisamos a su equipo médico y una enfermera le va a llamar. Cuídese. Adiós.',
    );
    expect(hangsUp(end)).toBe(true);
    expect(await s.alerts(patient.id)).toEqual([{ level: 'urgent', reason: 'red_flag:chest_pain', status: 'open' }]);
  });
});

describe('the menu takes speech as well as keys', () => {
  it('"uno" in Spanish starts the check-in, asked without a second greeting', async () => {
    const patient = await s.newPatient({ firstName: 'Marta', language: 'es' });
    const call = phone(patient);
    const menu = await call.dial();
    expect(words(menu)).toBe(
      'Hola Marta, le habla Riverside Family Medicine. Para decirnos cómo se siente, diga u oprima 1. Sobre sus medicinas, diga u oprima 2. Para dejar un mensaje, diga u oprima 3.',
    );
    expect(call.gather()!.attributes).toMatchObject({ input: 'dtmf speech', language: 'es-MX', speechModel: 'phone_call' });
    expect(call.gather()!.attributes.hints).toContain('uno');
    const question = await call.say('uno');
    expect(words(question)).toBe('¿Cómo se siente hoy? Si se siente bien, oprima 1. Si algo le preocupa, oprima 2.');
  });

  it('"leave a message" records one; words that pick nothing are said again kindly', async () => {
    const patient = await s.newPatient({ firstName: 'Nell' });
    const call = phone(patient);
    await call.dial();
    const again = await call.say('hello there');
    expect(words(again)).toMatch(/^Sorry, I did not understand\. Hello Nell, this is Riverside Family Medicine\./);
    const record = await call.say('I want to leave a message');
    expect(allNodes(record).some((n) => n.verb === 'Record')).toBe(true);
  });

  it('a red flag said at the menu is escalated and a nurse offered', async () => {
    const patient = await s.newPatient({ firstName: 'Otto' });
    const call = phone(patient);
    await call.dial();
    const offer = await call.say('I feel chest pain right now');
    expect(words(offer)).toMatch(/^Otto, what you told us may be an emergency\..*say yes or press 1\.$/);
    expect((await s.alerts(patient.id)).map((a) => a.reason)).toEqual(['red_flag:chest_pain']);
  });
});

describe('what a call says', () => {
  it('a resumed call greets once: "let us go on where we stopped" and the question, no second hello', async () => {
    const patient = await s.newPatient({ firstName: 'Sam' });
    const first = phone(patient);
    await first.dial();
    await first.press('1');
    await first.hangUp();
    const resumed = await phone(patient).dial();
    expect(words(resumed)).toBe(
      'Hello Sam, this is Riverside Family Medicine. Let us go on where we stopped. How are you feeling today? If you feel well, press 1. If you have concerns, press 2.',
    );
  });

  it('no space before "?" in Spanish when the medicine has no dose to say', async () => {
    const patient = await s.newPatient({ firstName: 'Pilar', language: 'es' });
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'metformina', dose: '500 mg', times: ['08:00'], reminders: false });
    const call = phone(patient);
    await call.dial();
    const question = await call.press('2');
    // The practice keeps medicine names out of what is said (the default): "su medicina", and no dose.
    expect(words(question)).toBe('¿Pudo tomar hoy su medicina? Si ya se la tomó, oprima 1. Si no, oprima 2.');
  });

  it('the voice webhooks are in /docs, described as Twilio calls them', async () => {
    const doc = (await s.t.service.app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, { summary?: string; requestBody?: unknown }>> };
    const voice = Object.keys(doc.paths).filter((p) => p.startsWith('/webhooks/twilio/voice'));
    expect(voice).toEqual(
      expect.arrayContaining([
        '/webhooks/twilio/voice/',
        '/webhooks/twilio/voice/check-in/gather',
        '/webhooks/twilio/voice/check-in/menu',
        '/webhooks/twilio/voice/check-in/bridge',
        '/webhooks/twilio/voice/check-in/whisper',
        '/webhooks/twilio/voice/check-in/status',
        '/webhooks/twilio/voice/escalation',
        '/webhooks/twilio/voice/escalation/status',
      ]),
    );
    for (const path of voice) expect(doc.paths[path]!.post!.summary, path).toMatch(/^\S.{9,}/);
  });
});
