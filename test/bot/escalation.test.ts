import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { fixture, postTwilio } from '../helpers/twilio.js';
import { PUBLIC_URL } from '../helpers/service.js';
import { allNodes, parseTwiml, spoken } from '../helpers/twiml.js';
import { signInAs } from '../web/signed-in.js';

let s: Scenario;
let omar: { id: string; phone: string };

beforeAll(async () => {
  s = await startScenario();
  // Nora (the scenario's coordinator) is first on call, Omar second.
  omar = (await s.admin.post(`/api/v1/practices/${s.practice.id}/coordinators`, { name: 'Omar Ortiz', phone: '(555) 300-0002', role: 'nurse', onCallOrder: 2 }))
    .body;
});
afterAll(() => s.close());

const WAIT = 60_000;

/** Twilio calling one of our voice URLs (the one it was given for the call), with a recorded body's shape. */
async function twilioCalls(url: string, params: Record<string, string>) {
  const path = url.slice(PUBLIC_URL.length);
  const response = await postTwilio(s.t.service.app, path, { ...fixture('voice-gather-digits'), Digits: '', ...params });
  return { status: response.statusCode, xml: response.body };
}

/** What the coordinator hears when the call is answered, and the gather it waits in. */
async function answer(call: { Url: string; sid: string }, answeredBy = 'human') {
  const { xml } = await twilioCalls(call.Url, { CallSid: call.sid, CallStatus: 'in-progress', AnsweredBy: answeredBy });
  return parseTwiml(xml);
}

async function press(twiml: ReturnType<typeof parseTwiml>, call: { sid: string }, digits: string) {
  const gather = allNodes(twiml).find((n) => n.verb === 'Gather')!;
  const { xml } = await twilioCalls(gather.attributes.action!, { CallSid: call.sid, Digits: digits });
  return parseTwiml(xml);
}

async function callEnded(call: { StatusCallback: string; sid: string }, status: string, answeredBy?: string) {
  const params = { ...fixture('call-status-completed'), CallSid: call.sid, CallStatus: status, ...(answeredBy ? { AnsweredBy: answeredBy } : {}) };
  if (!answeredBy) delete (params as Record<string, string>).AnsweredBy;
  const response = await postTwilio(s.t.service.app, call.StatusCallback.slice(PUBLIC_URL.length), params);
  expect(response.statusCode).toBe(204);
}

async function urgentAlertFor(firstName: string) {
  const patient = await s.newPatient({ firstName, lastName: 'Avery' });
  await s.say(patient, 'I have crushing chest pain');
  await s.runDue();
  const alert = (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts?patientId=${patient.id}`)).body.data[0];
  return { patient, alert };
}

const callsTo = (phone: string) => s.twilio.calls.filter((c) => c.To === phone);

describe('ringing the on-call coordinators about an urgent alert', () => {
  it('calls each in turn through no answer, voicemail and "pass", twice round, then texts everyone', async () => {
    const callsBefore = s.twilio.calls.length;
    const { patient, alert } = await urgentAlertFor('Ruth');
    const [first] = s.twilio.calls.slice(callsBefore);
    // Nora is called at once, from the practice's number, with answering-machine detection, and texted too.
    expect(first).toMatchObject({ To: s.coordinator.phone, From: s.practice.phoneNumber, MachineDetection: 'Enable' });
    expect(first!.Url).toMatch(/\/webhooks\/twilio\/voice\/escalation\?token=/);
    expect(s.sentTo(s.coordinator.phone).at(-1)!.Body).toContain('Ruth Avery');

    // No answer: after the practice's wait (60 s), Omar.
    await callEnded(first!, 'no-answer');
    await s.advance(WAIT - 1000);
    expect(s.twilio.calls.length).toBe(callsBefore + 1);
    await s.advance(1000);
    const second = s.twilio.calls.at(-1)!;
    expect(second.To).toBe(omar.phone);

    // Omar's voicemail hears nothing about the patient; round two starts with Nora.
    const voicemail = await answer(second, 'machine_end_beep');
    expect(spoken(voicemail)).toEqual([]);
    expect(voicemail.children.map((n) => n.verb)).toEqual(['Hangup']);
    await callEnded(second, 'completed', 'machine_end_beep');
    await s.advance(WAIT);
    const third = s.twilio.calls.at(-1)!;
    expect(third.To).toBe(s.coordinator.phone);

    // Nora answers, hears who and why in a few words, and passes it on.
    const menu = await answer(third);
    expect(spoken(menu)).toEqual([
      'Urgent alert from Riverside Family Medicine. Ruth A. reported chest pain.',
      'To be connected to the patient, press 1. To acknowledge, press 2. To pass this to the next person, press 3. To hear this again, press 9.',
    ]);
    expect(allNodes(menu).find((n) => n.verb === 'Gather')!.attributes).toMatchObject({ input: 'dtmf', numDigits: '1', actionOnEmptyResult: 'true' });
    expect(spoken(await press(menu, third, '3'))).toEqual(['Passing this to the next person. Goodbye.']);
    await callEnded(third, 'completed', 'human');
    await s.advance(WAIT);
    const fourth = s.twilio.calls.at(-1)!;
    expect(fourth.To).toBe(omar.phone);

    // Omar does not answer the second time either: every active coordinator and the practice's own number are texted.
    await callEnded(fourth, 'busy');
    await s.advance(WAIT);
    expect(s.twilio.calls.length).toBe(callsBefore + 4);
    const finals = s.twilio.sent.filter((m) => m.Body.includes('nobody has acknowledged'));
    expect(finals.map((m) => m.To).sort()).toEqual([s.coordinator.phone, omar.phone, '+15551234567'].sort());
    expect(finals[0]!.Body).toContain('Ruth Avery');

    // Nothing more, however long the alert stays open.
    await s.advance(60 * 60_000);
    expect(s.twilio.calls.length).toBe(callsBefore + 4);

    // Every attempt is on the alert: who, when, and how it went.
    const detail = (await s.admin.get(`/api/v1/alerts/${alert.id}`)).body;
    expect(detail.escalation.map((a: { step: number; coordinator: { name: string } | null; outcome: string | null }) => [a.step, a.coordinator?.name ?? null, a.outcome])).toEqual([
      [0, 'Nora Nurse', 'no_answer'],
      [1, 'Omar Ortiz', 'voicemail'],
      [2, 'Nora Nurse', 'passed'],
      [3, 'Omar Ortiz', 'busy'],
      [4, null, null],
    ]);
    expect(detail.status).toBe('open');
    const transcript = (await s.admin.get(`/api/v1/patients/${patient.id}/transcript`)).body.data.map((e: { kind: string }) => e.kind);
    expect(transcript).toEqual(expect.arrayContaining(['alert.raised', 'alert.escalated', 'alert.unacknowledged']));
  });

  it('stops when a coordinator presses 2 to acknowledge, recording who and when', async () => {
    const callsBefore = s.twilio.calls.length;
    const { alert } = await urgentAlertFor('Sam');
    const call = s.twilio.calls.at(-1)!;
    const menu = await answer(call);
    const acknowledgedAt = s.clock.now().toISOString();
    expect(spoken(await press(menu, call, '2'))).toEqual(['Acknowledged. Thank you. Goodbye.']);
    await callEnded(call, 'completed', 'human');
    await s.advance(30 * 60_000);
    expect(s.twilio.calls.length).toBe(callsBefore + 1);
    const detail = (await s.admin.get(`/api/v1/alerts/${alert.id}`)).body;
    expect(detail).toMatchObject({ status: 'acknowledged', acknowledgedAt, acknowledgedBy: { id: s.coordinator.id, name: 'Nora Nurse' } });
    expect(detail.escalation).toMatchObject([{ outcome: 'acknowledged' }]);
  });

  it('connects the coordinator to the patient on 1, showing the practice number, and keeps the call length', async () => {
    const { patient, alert } = await urgentAlertFor('Lena');
    const call = s.twilio.calls.at(-1)!;
    const bridge = await press(await answer(call), call, '1');
    expect(spoken(bridge)).toEqual(['Connecting you to the patient now. This alert is acknowledged.']);
    const dial = allNodes(bridge).find((n) => n.verb === 'Dial')!;
    expect(dial.attributes.callerId).toBe(s.practice.phoneNumber);
    expect(dial.children).toEqual([expect.objectContaining({ verb: 'Number', text: patient.phone })]);
    const { xml } = await twilioCalls(dial.attributes.action!, { CallSid: call.sid, DialCallStatus: 'completed', DialCallDuration: '95' });
    expect(spoken(parseTwiml(xml))).toEqual(['The call with the patient has ended. Goodbye.']);
    const detail = (await s.admin.get(`/api/v1/alerts/${alert.id}`)).body;
    expect(detail).toMatchObject({ status: 'acknowledged', acknowledgedBy: { name: 'Nora Nurse' } });
    expect(detail.escalation).toMatchObject([{ outcome: 'bridged', bridgeSeconds: 95 }]);
    // The call is the coordinator's time with the patient, captured for the month's record.
    const captured = (await s.admin.get(`/api/v1/patients/${patient.id}/time-entries`)).body.data;
    expect(captured).toEqual([expect.objectContaining({ source: 'captured', activity: 'call', seconds: 95, staffId: s.coordinator.id })]);
    expect(captured[0].end).toBe(s.clock.now().toISOString());
    // Twilio repeating the request captures nothing more.
    await twilioCalls(dial.attributes.action!, { CallSid: call.sid, DialCallStatus: 'completed', DialCallDuration: '95' });
    expect((await s.admin.get(`/api/v1/patients/${patient.id}/time-entries`)).body.data).toHaveLength(1);
  });

  it('repeats the alert on 9 and on silence, then gives up and calls the next person', async () => {
    const callsBefore = s.twilio.calls.length;
    const { alert } = await urgentAlertFor('Ivan');
    const call = s.twilio.calls.at(-1)!;
    const menu = await answer(call);
    const again = await press(menu, call, '9');
    expect(spoken(again)).toEqual(spoken(menu));
    const wrongKey = await press(again, call, '7');
    expect(spoken(wrongKey)[0]).toBe('Sorry, that key does nothing here.');
    const silence = await press(wrongKey, call, '');
    const gaveUp = await press(silence, call, '');
    expect(spoken(gaveUp)).toEqual(['We did not hear a key. We will try the next person. Goodbye.']);
    await s.advance(WAIT);
    expect(s.twilio.calls.slice(callsBefore).map((c) => c.To)).toEqual([s.coordinator.phone, omar.phone]);
    // Resolved: its chain ends here.
    const resolved = await s.admin.post(`/api/v1/alerts/${alert.id}/resolve`, { coordinatorId: omar.id, note: 'Called back; patient at the ER.' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: { name: 'Omar Ortiz' }, resolutionNote: 'Called back; patient at the ER.' });
  });

  it('waits for the key of a coordinator still on the line, after Twilio\'s "answered" status callback too', async () => {
    const { alert } = await urgentAlertFor('Iris');
    const call = s.twilio.calls.at(-1)!;
    const menu = await answer(call);
    // Twilio reports the answered event as CallStatus "in-progress", on the status callback, in any order with the answer URL.
    await callEnded(call, 'in-progress', 'human');
    const called = async () =>
      (await s.admin.get(`/api/v1/alerts/${alert.id}`)).body.escalation.map((a: { coordinator: { name: string } }) => a.coordinator.name);
    // She listens to the alert twice over (past the ring time, the wait and its grace): nobody else is rung meanwhile.
    await s.advance(2 * 60_000);
    expect(await called()).toEqual(['Nora Nurse']);
    await press(menu, call, '2');
    await callEnded(call, 'completed', 'human');
    expect((await s.admin.get(`/api/v1/alerts/${alert.id}`)).body.status).toBe('acknowledged');
  });

  it('moves on even when Twilio never reports how a call ended', async () => {
    const { alert } = await urgentAlertFor('Nell');
    const called = async () =>
      (await s.admin.get(`/api/v1/alerts/${alert.id}`)).body.escalation.map((a: { coordinator: { name: string } }) => a.coordinator.name);
    // Ring time (30 s), the wait (60 s) and a grace of 15 s: then the next person.
    await s.advance(104_000);
    expect(await called()).toEqual(['Nora Nurse']);
    await s.advance(1_000);
    expect(await called()).toEqual(['Nora Nurse', 'Omar Ortiz']);
    await s.admin.post(`/api/v1/alerts/${alert.id}/acknowledge`, { coordinatorId: omar.id });
  });

  it('answers a repeated request as the first time, and a forged or unsigned one changes nothing', async () => {
    const { alert } = await urgentAlertFor('Otto');
    const call = s.twilio.calls.at(-1)!;
    const menu = await answer(call);
    const gather = allNodes(menu).find((n) => n.verb === 'Gather')!;
    const first = await twilioCalls(gather.attributes.action!, { CallSid: call.sid, Digits: '2' });
    const repeat = await twilioCalls(gather.attributes.action!, { CallSid: call.sid, Digits: '2' });
    expect(repeat.xml).toBe(first.xml);

    const forged = await twilioCalls(`${PUBLIC_URL}/webhooks/twilio/voice/escalation/gather?token=${'A'.repeat(32)}&heard=0`, { CallSid: call.sid, Digits: '1' });
    expect(spoken(parseTwiml(forged.xml))).toEqual(['This call link is no longer valid. Goodbye.']);

    const unsigned = await postTwilio(s.t.service.app, gather.attributes.action!.slice(PUBLIC_URL.length), { ...fixture('voice-gather-digits'), CallSid: call.sid }, { signature: false });
    expect(unsigned.statusCode).toBe(403);
    expect((await s.admin.get(`/api/v1/alerts/${alert.id}`)).body.escalation).toHaveLength(1);
  });
});

describe('"call the patient" from the app', () => {
  it('rings the coordinator, connects them straight to the patient, captures the minutes, and leaves the chain alone', async () => {
    const { patient, alert } = await urgentAlertFor('Mina');
    const chainCall = s.twilio.calls.at(-1)!;
    await press(await answer(chainCall), chainCall, '2'); // Nora acknowledges on the chain's call
    await callEnded(chainCall, 'completed', 'human');
    await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, { name: 'Nora Nurse', email: 'nora.app@riverside.example', role: 'coordinator', password: 'correct horse battery staple', staffId: s.coordinator.id });
    const browser = await signInAs(s.t.service.app, 'nora.app@riverside.example', 'correct horse battery staple');
    const before = s.twilio.calls.length;
    expect((await browser.post(`/app/alerts/${alert.id}/call`, {})).status).toBe(303);
    await s.runDue();
    const call = s.twilio.calls.at(-1)!;
    expect(s.twilio.calls.length).toBe(before + 1);
    expect(call.To).toBe(s.coordinator.phone);
    const answered = await answer(call);
    const dial = allNodes(answered).find((n) => n.verb === 'Dial')!;
    expect(dial.children).toEqual([expect.objectContaining({ verb: 'Number', text: patient.phone })]);
    await s.advance(6 * 60_000); // the conversation with the patient
    await twilioCalls(dial.attributes.action!, { CallSid: call.sid, DialCallStatus: 'completed', DialCallDuration: '300' });
    await callEnded(call, 'completed', 'human');
    await s.advance(30 * 60_000);
    expect(s.twilio.calls.length).toBe(before + 1); // nobody else was rung
    const entries = (await s.admin.get(`/api/v1/patients/${patient.id}/time-entries`)).body.data;
    expect(entries).toEqual([expect.objectContaining({ source: 'captured', activity: 'call', seconds: 300, staffId: s.coordinator.id })]);
  });
});
