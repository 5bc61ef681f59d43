import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THREE_TEXTS_FIXED } from '../helpers/api.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { claimDueJob } from '../../src/store/job-queue.js';
import { claimForSending } from '../../src/store/message-sending.js';
import { newMessageSid, postTwilio, fixture } from '../helpers/twilio.js';
import { handleInboundSms } from '../../src/channels/sms/index.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
  // Nothing of the cadence falls due while these tests count jobs (the default's week-4 summary is due at the start).
  expect((await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { outreach: THREE_TEXTS_FIXED })).status).toBe(200);
  await s.runDue();
});
afterAll(() => s.close());

const messageRow = async (id: string) =>
  (await s.t.db.pool.query('SELECT status, twilio_sid, attempts, body, to_number, from_number FROM messages WHERE id = $1', [id])).rows[0];

/**
 * A worker that took the check-in's send job and claimed the message, then
 * died before recording what Twilio answered (kill -9 in the middle of the
 * HTTP call). Its job lock and the message's claim are left behind.
 */
async function dieMidSend(messageId: string) {
  const job = await claimDueJob(s.t.db.pool, s.t.service.jobs.jobs, s.clock.now());
  expect(job?.data).toEqual({ messageId });
  expect(await claimForSending(s.t.db.pool, messageId, s.clock.now())).not.toBeNull();
}

describe('a send cut short by a crash', () => {
  it('is recorded, not sent again, when Twilio had received it', async () => {
    const patient = await s.newPatient();
    const started = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    await dieMidSend(started.body.messageId);
    const message = await messageRow(started.body.messageId);
    const twilioSid = newMessageSid();
    s.twilio.messages.push({ sid: twilioSid, to: message.to_number, from: message.from_number, body: message.body, status: 'sent', dateCreated: s.clock.now() });

    expect(await s.runDue()).toBe(0); // the dead worker's lock still holds
    await s.advance(15_000); // ... until it expires; the job runs again and asks Twilio
    expect(await messageRow(started.body.messageId)).toMatchObject({ status: 'sent', twilio_sid: twilioSid, attempts: 1 });
    expect(s.sentTo(patient.phone)).toEqual([]);
    // The question is out, so the check-in waits for the answer from now on.
    expect((await s.conversation(started.body.conversationId)).expiresAt).not.toBeNull();
  });

  it('is sent once when Twilio never got it', async () => {
    const patient = await s.newPatient();
    const started = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    await dieMidSend(started.body.messageId);
    await s.advance(15_000);
    expect(s.sentTo(patient.phone)).toHaveLength(1);
    expect(await messageRow(started.body.messageId)).toMatchObject({ status: 'queued', attempts: 2 });
    await s.advance(60 * 60_000);
    expect(s.sentTo(patient.phone)).toHaveLength(1);
  });
});

describe('a reply handed back in a webhook answer', () => {
  it('is sent by the API when Twilio never got the answer (the process died before replying)', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    // The text is handled and its reply recorded, but the HTTP answer never reaches Twilio.
    const result = await handleInboundSms(s.t.service.runtime, { messageSid: newMessageSid(), from: patient.phone, to: s.practice.phoneNumber, body: '2' });
    const [reply] = result.replies;
    expect(await messageRow(reply!.id)).toMatchObject({ status: 'queued', twilio_sid: null });
    await s.advance(119_000);
    expect(s.sentTo(patient.phone)).toHaveLength(1); // only the check-in's question so far
    await s.advance(1_000);
    expect(s.sentTo(patient.phone).map((m) => m.Body)).toEqual([expect.any(String), reply!.body]);
    expect((await messageRow(reply!.id)).twilio_sid).toMatch(/^SM/);
  });

  it('is recorded, not sent again, when Twilio got it but its status callback was lost', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    await s.say(patient, '2');
    await s.advance(3 * 60_000);
    expect(s.sentTo(patient.phone)).toHaveLength(1);
    const replies = await s.t.db.pool.query("SELECT status, twilio_sid FROM messages WHERE to_number = $1 AND in_reply_to IS NOT NULL", [patient.phone]);
    expect(replies.rows).toEqual([{ status: 'sent', twilio_sid: expect.stringMatching(/^SM/) }]);
  });

  it('is left alone when its status callback came', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    const result = await handleInboundSms(s.t.service.runtime, { messageSid: newMessageSid(), from: patient.phone, to: s.practice.phoneNumber, body: '1' });
    const replyId = result.replies[0]!.id;
    const callback = { ...fixture('message-status-delivered'), MessageSid: newMessageSid() };
    expect((await postTwilio(s.t.service.app, `/webhooks/twilio/status?messageId=${replyId}`, callback)).statusCode).toBe(204);
    await s.advance(3 * 60_000);
    expect(await messageRow(replyId)).toMatchObject({ status: 'delivered', twilio_sid: callback.MessageSid });
    expect(s.sentTo(patient.phone)).toHaveLength(1);
  });
});
