/**
 * Check-ins by phone, through signed Twilio requests shaped like the
 * recorded fixtures: a patient calling in (known and unknown), each flow by
 * keypad and by speech in both languages, confirming what was heard,
 * silence, "*", a spoken red flag and the bridge to a nurse, a call that
 * drops and is picked up again, check-in calls out (a person, a machine,
 * busy and no answer) and the transcript afterwards. Every TwiML answer is
 * parsed and may use only documented verbs and attributes.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { PUBLIC_URL } from '../helpers/service.js';
import { fixture, postTwilio } from '../helpers/twilio.js';
import { allNodes, parseTwiml, spoken, type TwimlNode } from '../helpers/twiml.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const newCallSid = () => `CA${randomBytes(16).toString('hex')}`;

/** One phone call as Twilio would make its requests. */
function phone(patientPhone: string) {
  const callSid = newCallSid();
  const post = async (url: string, params: Record<string, string>) => {
    const path = url.startsWith(PUBLIC_URL) ? url.slice(PUBLIC_URL.length) : url;
    const response = await postTwilio(s.t.service.app, path, { ...fixture('voice-gather-digits'), From: patientPhone, Caller: patientPhone, To: s.practice.phoneNumber, CallSid: callSid, Digits: '', ...params });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.statusCode === 204 ? null : parseTwiml(response.body);
  };
  let last: TwimlNode | null = null;
  const gather = () => allNodes(last!).find((n) => n.verb === 'Gather');
  return {
    callSid,
    /** The patient calls the practice. */
    async dial() {
      last = await post('/webhooks/twilio/voice', { ...fixture('voice-incoming'), From: patientPhone, Caller: patientPhone, To: s.practice.phoneNumber, CallSid: callSid });
      return last!;
    },
    /** Twilio fetches the answer URL of a call we placed. */
    async pickUp(url: string, answeredBy = 'human') {
      last = await post(url, { CallStatus: 'in-progress', AnsweredBy: answeredBy });
      return last!;
    },
    async press(digits: string) {
      last = await post(gather()!.attributes.action!, { Digits: digits });
      return last!;
    },
    async say(words: string, confidence = 0.92) {
      last = await post(gather()!.attributes.action!, { ...fixture('voice-gather-speech'), From: patientPhone, To: s.practice.phoneNumber, CallSid: callSid, SpeechResult: words, Confidence: String(confidence) });
      return last!;
    },
    async silence() {
      last = await post(gather()!.attributes.action!, {});
      return last!;
    },
    /** Twilio posts to another URL of the call (a recording, a dial's end). */
    async post(url: string, params: Record<string, string>) {
      last = await post(url, params);
      return last;
    },
    get twiml() {
      return last!;
    },
    gather,
  };
}

const words = (node: TwimlNode) => spoken(node).join(' ');
const hangsUp = (node: TwimlNode) => allNodes(node).some((n) => n.verb === 'Hangup');
const conversationsOf = async (patientId: string) =>
  (await s.t.db.pool.query('SELECT id, flow, status, channel FROM conversations WHERE patient_id = $1 ORDER BY started_at, id', [patientId])).rows;

describe('a patient calls the practice', () => {
  it('an unknown caller hears the practice and its number, in English and Spanish, and the call ends', async () => {
    const call = phone('+15559990001');
    const twiml = await call.dial();
    expect(words(twiml)).toContain('You have reached Riverside Family Medicine');
    expect(words(twiml)).toContain('Usted llamó a Riverside Family Medicine');
    expect(allNodes(twiml).filter((n) => n.verb === 'Say').map((n) => n.attributes.language)).toEqual(['en-US', 'es-MX']);
    expect(hangsUp(twiml)).toBe(true);
  });

  it('a known caller gets the menu; 1 holds the wellness check-in by keypad', async () => {
    const patient = await s.newPatient({ firstName: 'Opal' });
    const call = phone(patient.phone);
    const menu = await call.dial();
    expect(words(menu)).toMatch(/^Hello Opal, this is Riverside Family Medicine\. To tell us how you feel, say or press 1\..*say or press 3\.$/);
    expect(call.gather()!.attributes).toMatchObject({ input: 'dtmf speech', numDigits: '1', language: 'en-US', actionOnEmptyResult: 'true' });
    const question = await call.press('1');
    expect(words(question)).toMatch(/how are you feeling today\?.*press 1\..*press 2\.$/i);
    expect(call.gather()!.attributes).toMatchObject({ input: 'dtmf speech', numDigits: '1', language: 'en-US', speechModel: 'phone_call', actionOnEmptyResult: 'true' });
    const end = await call.press('1');
    expect(words(end)).toMatch(/glad/i);
    expect(hangsUp(end)).toBe(true);
    expect(await conversationsOf(patient.id)).toMatchObject([{ flow: 'wellness', status: 'completed', channel: 'voice' }]);
    expect(await s.observations(patient.id)).toMatchObject([{ kind: 'wellness', value: { status: 'well' } }]);
  });

  it('speech works in Spanish: "me siento bien" is well', async () => {
    const patient = await s.newPatient({ firstName: 'Pilar', language: 'es' });
    const call = phone(patient.phone);
    expect(words(await call.dial())).toMatch(/^Hola Pilar, le habla Riverside Family Medicine\./);
    const question = await call.press('1');
    expect(call.gather()!.attributes.language).toBe('es-MX');
    expect(words(question)).toMatch(/oprima 1/);
    await call.say('me siento bien, gracias');
    expect(await s.observations(patient.id)).toMatchObject([{ kind: 'wellness', value: { status: 'well' } }]);
  });

  it('reads back words heard with low confidence, and takes them on "1"', async () => {
    const patient = await s.newPatient();
    const call = phone(patient.phone);
    await call.dial();
    await call.press('1');
    const confirm = await call.say('not so good', 0.31);
    expect(words(confirm)).toBe('I heard: not so good. If that is right, press 1. To say it again, press 2.');
    expect(await s.observations(patient.id)).toEqual([]);
    const next = await call.press('1');
    expect(words(next)).toMatch(/What is wrong\?.*For pain, press 1/);
  });

  it('asks again after a silence, repeats on *, and after two silences ends kindly with no usable answer', async () => {
    const patient = await s.newPatient();
    const call = phone(patient.phone);
    await call.dial();
    const question = await call.press('1');
    expect(words(await call.press('*'))).toBe(words(question));
    const again = await call.silence();
    expect(words(again)).toBe(`Sorry, I did not hear anything. ${words(question)}`);
    const end = await call.silence();
    expect(words(end)).toMatch(/care team will follow up/);
    expect(hangsUp(end)).toBe(true);
    expect((await s.observations(patient.id)).map((o) => o.kind)).toEqual(['no_usable_answer']);
    expect((await s.alerts(patient.id)).map((a) => a.reason)).toEqual(['unanswered']);
  });

  it('a message left at the menu is kept for the care team to review', async () => {
    const patient = await s.newPatient();
    const call = phone(patient.phone);
    await call.dial();
    const record = await call.press('3');
    const verb = allNodes(record).find((n) => n.verb === 'Record')!;
    expect(verb.attributes).toMatchObject({ transcribe: 'true', finishOnKey: '#' });
    const thanks = await call.post(verb.attributes.action!, { RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE123', RecordingDuration: '21' });
    expect(words(thanks!)).toMatch(/care team will listen/);
    // Twilio repeating the transcription callback adds nothing.
    for (let i = 0; i < 2; i += 1) {
      await call.post(verb.attributes.transcribeCallback!, { TranscriptionText: 'please call me about my water pill', TranscriptionStatus: 'completed' });
    }
    expect((await s.alerts(patient.id)).map((a) => `${a.level}:${a.reason}`)).toEqual(['elevated:voice_message']);
    const transcript = (await s.admin.get(`/api/v1/patients/${patient.id}/transcript`)).body.data.map((e: { text: string }) => e.text);
    expect(transcript.filter((text: string) => text.includes('voice message, transcribed: please call me about my water pill'))).toHaveLength(1);
  });
});

describe('the symptoms check-in by keypad and by speech', () => {
  it('a blood pressure as the top number then #, then the bottom; pain "1 0 #"', async () => {
    const patient = await s.newPatient({ firstName: 'Quinn', preferredChannel: 'voice' });
    const started = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'symptoms' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ messageId: null, callId: expect.any(String) });
    await s.runDue();
    const placed = s.twilio.calls.filter((c) => c.To === patient.phone).at(-1)!;
    expect(placed).toMatchObject({ From: s.practice.phoneNumber, MachineDetection: 'DetectMessageEnd', AsyncAmd: 'true' });
    const call = phone(patient.phone);
    const first = await call.pickUp(placed.Url);
    expect(words(first)).toMatch(/blood pressure/i);
    expect(call.gather()!.attributes.finishOnKey).toBe('#');
    expect(words(await call.press('152'))).toBe('Now enter the bottom number, then the pound key.');
    const pain = await call.press('96');
    expect(words(pain)).toMatch(/0 to 10|0 al 10/);
    await call.press('10');
    const end = await call.press('3');
    expect(hangsUp(end)).toBe(true);
    expect((await s.observations(patient.id)).map((o) => `${o.kind}:${JSON.stringify(o.value)}`)).toEqual([
      'blood_pressure:{"systolic":152,"diastolic":96}',
      'pain:{"score":10}',
      'symptom_trend:{"trend":"worse"}',
    ]);
  });

  it('speech: "one fifty over ninety five" and "ciento cuarenta sobre noventa"', async () => {
    for (const [language, said, reading] of [
      ['en', '150 over 95', { systolic: 150, diastolic: 95 }],
      ['es', 'ciento cuarenta sobre noventa', { systolic: 140, diastolic: 90 }],
    ] as const) {
      const patient = await s.newPatient({ preferredChannel: 'voice', language });
      await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'symptoms' });
      await s.runDue();
      const call = phone(patient.phone);
      await call.pickUp(s.twilio.calls.filter((c) => c.To === patient.phone).at(-1)!.Url);
      await call.say(said);
      expect((await s.observations(patient.id))[0]).toMatchObject({ kind: 'blood_pressure', value: reading });
    }
  });
});

describe('a red flag said on a call', () => {
  it('tells the caller to hang up and dial 911, alerts the team, and "1" connects them to the nurse on call', async () => {
    const patient = await s.newPatient({ firstName: 'Rhea' });
    const call = phone(patient.phone);
    await call.dial();
    await call.press('1');
    const offer = await call.say('I have some chest pain.');
    expect(words(offer)).toBe('Rhea, what you told us may be an emergency. If it is, hang up and dial 911. We are alerting your care team. To talk to a nurse now, say yes or press 1.');
    expect(allNodes(offer).some((n) => n.verb === 'say-as' && n.text === '911')).toBe(true);
    expect((await s.alerts(patient.id)).map((a) => `${a.level}:${a.reason}`)).toEqual(['urgent:red_flag:chest_pain']);
    expect((await conversationsOf(patient.id))[0]).toMatchObject({ status: 'escalated' });
    const bridge = await call.press('1');
    const dial = allNodes(bridge).find((n) => n.verb === 'Dial')!;
    expect(dial.attributes.callerId).toBe(s.practice.phoneNumber);
    expect(allNodes(dial).find((n) => n.verb === 'Number')!.text).toBe(s.coordinator.phone);
    // Nora is the only coordinator on call: after her, the advice again and the truth that the team was alerted.
    const after = await call.post(dial.attributes.action!, { DialCallStatus: 'no-answer' });
    expect(words(after!)).toBe(
      'We could not reach a nurse. If this is an emergency, hang up and dial 911 now. Your care team has been alerted, and a nurse will call you back. Take care. Goodbye.',
    );
  });
});

describe('a call that drops mid-check-in', () => {
  it('leaves the check-in open: a second call picks it up where it stopped, and so does a text', async () => {
    const patient = await s.newPatient({ firstName: 'Sam' });
    const first = phone(patient.phone);
    await first.dial();
    await first.press('1');
    const concern = await first.press('2');
    await first.post(`/webhooks/twilio/voice/check-in/status?token=${new URL(first.gather()!.attributes.action!).searchParams.get('token')}`, {
      ...fixture('call-status-completed'),
      CallSid: first.callSid,
      CallStatus: 'completed',
      CallDuration: '40',
    });
    expect((await conversationsOf(patient.id))[0]).toMatchObject({ status: 'active' });

    const second = phone(patient.phone);
    const resumed = await second.dial();
    expect(words(resumed)).toBe(`Hello Sam, this is Riverside Family Medicine. Let us go on where we stopped. ${words(concern)}`);
    await second.press('1');
    // The call drops again; the patient answers the next question by text.
    const replies = await s.say(patient, '2');
    expect(replies.at(-1)).toMatch(/new, worse/i);
    expect((await s.observations(patient.id)).map((o) => o.kind)).toEqual(['wellness']);

    const transcript = (await s.admin.get(`/api/v1/patients/${patient.id}/transcript`)).body.data as Array<{ channel: string; direction: string; text: string; kind: string }>;
    expect(transcript.filter((e) => e.channel === 'voice').map((e) => `${e.direction} ${e.text}`)).toEqual(
      expect.arrayContaining(['inbound pressed 1', 'inbound pressed 2', expect.stringMatching(/^outbound Hello Sam/)]),
    );
    expect(transcript.some((e) => e.kind === 'call.ended')).toBe(true);
  });

  it('a repeated request gets the same answer, and a forged step changes nothing', async () => {
    const patient = await s.newPatient();
    const call = phone(patient.phone);
    await call.dial();
    await call.press('1');
    const action = call.gather()!.attributes.action!;
    const once = await call.press('2');
    const twice = await call.post(action, { Digits: '2' });
    expect(words(twice!)).toBe(words(once));
    const forged = action.replace(/step=\d+/, 'step=999');
    const stale = await call.post(forged, { Digits: '1' });
    expect(words(stale!)).toBe(words(once));
    expect((await s.t.db.pool.query('SELECT answers FROM conversations WHERE patient_id = $1', [patient.id])).rows[0].answers).toEqual({ wellness: 'concerns' });
  });
});

describe('check-in calls to patients who take calls', () => {
  it('a machine hears only the practice and its number; busy and no answer are tried again 2 hours later, 3 times, then the check-in is unanswered', async () => {
    const patient = await s.newPatient({ firstName: 'Tomasa', preferredChannel: 'voice' });
    await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    await s.runDue();
    const calls = () => s.twilio.calls.filter((c) => c.To === patient.phone);
    const machine = phone(patient.phone);
    const message = await machine.pickUp(calls()[0]!.Url, 'machine_end_beep');
    expect(words(message)).toBe('Hello, this is Riverside Family Medicine calling. Please call us back at (555) 123-4567. Thank you.');
    expect(words(message)).not.toContain('Tomasa');
    const ended = async (index: number, status: string) =>
      machine.post(calls()[index]!.StatusCallback, { ...fixture('call-status-completed'), CallSid: calls()[index]!.sid, CallStatus: status, CallDuration: '0' });
    await ended(0, 'completed');
    await s.advance(2 * 60 * 60 * 1000 - 1000);
    expect(calls()).toHaveLength(1);
    await s.advance(1000);
    expect(calls()).toHaveLength(2);
    await ended(1, 'busy');
    await s.advance(2 * 60 * 60 * 1000);
    expect(calls()).toHaveLength(3);
    await ended(2, 'no-answer');
    await s.advance(6 * 60 * 60 * 1000);
    expect(calls()).toHaveLength(3);
    expect((await conversationsOf(patient.id))[0]).toMatchObject({ status: 'timed_out', channel: 'voice' });
    const outcomes = (await s.admin.get(`/api/v1/patients/${patient.id}/transcript`)).body.data.filter((e: { kind: string }) => e.kind === 'call.ended');
    expect(outcomes).toHaveLength(3);
  });

  it('a machine found while the call goes on is sent to the callback message', async () => {
    const patient = await s.newPatient({ preferredChannel: 'voice' });
    await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    await s.runDue();
    const placed = s.twilio.calls.filter((c) => c.To === patient.phone).at(-1)!;
    const call = phone(patient.phone);
    await call.pickUp(placed.Url, '');
    const token = new URL(placed.Url).searchParams.get('token');
    await call.post(`/webhooks/twilio/voice/check-in/amd?token=${token}`, { CallSid: placed.sid, AnsweredBy: 'machine_end_beep' });
    expect(s.twilio.redirected.at(-1)).toEqual({ sid: placed.sid, url: expect.stringContaining(`/check-in/voicemail?token=${token}`) });
  });

  it('are never placed in quiet hours: the retry that would fall in them is not made', async () => {
    await s.advanceTo(new Date(Date.UTC(2026, 11, 1, 1, 0))); // 19:00 in Chicago
    const patient = await s.newPatient({ preferredChannel: 'voice' });
    await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    await s.runDue();
    const placed = s.twilio.calls.filter((c) => c.To === patient.phone);
    expect(placed).toHaveLength(1);
    const call = phone(patient.phone);
    await call.post(placed[0]!.StatusCallback, { ...fixture('call-status-completed'), CallSid: placed[0]!.sid, CallStatus: 'no-answer' });
    await s.advance(4 * 60 * 60 * 1000);
    expect(s.twilio.calls.filter((c) => c.To === patient.phone)).toHaveLength(1);
    expect((await conversationsOf(patient.id))[0]).toMatchObject({ status: 'timed_out' });
  });
});
