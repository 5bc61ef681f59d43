import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { fixture, postTwilio } from '../helpers/twilio.js';
import { listPendingJobs } from '../../src/store/job-queue.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const messageRow = async (id: string) =>
  (await s.t.db.pool.query('SELECT status, error_code, attempts, sent_at, twilio_sid FROM messages WHERE id = $1', [id])).rows[0];
const at = (iso: string) => new Date(iso);

/** A check-in to a new patient whose first text is due now; its send job has not run yet. */
async function checkInDue() {
  const patient = await s.newPatient();
  const response = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
  expect(response.status).toBe(202);
  return { patient, messageId: response.body.messageId as string, conversationId: response.body.conversationId as string };
}

/** What Twilio was asked, counted from now: creates (answered or not) and message lookups. */
function twilioRequests() {
  const posts = s.twilio.messagePosts;
  const lookups = s.twilio.messageLookups;
  return () => ({ posts: s.twilio.messagePosts - posts, lookups: s.twilio.messageLookups - lookups });
}

describe('sending texts', () => {
  it('retries after Twilio throttles or fails, backing off, and sends the text once', async () => {
    const patient = await s.newPatient();
    const start = s.clock.now().getTime();
    const asked = twilioRequests();
    s.twilio.failNext(429, { code: 20429, message: 'Too Many Requests' });
    s.twilio.failNext(503, { message: 'Service Unavailable' });
    const response = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    await s.runDue();
    // A 429 says Twilio did not take the text: it waits to be sent again, and nobody asks Twilio about it.
    expect(await messageRow(response.body.messageId)).toMatchObject({ status: 'pending', attempts: 1, error_code: 20429 });
    await s.advance(29_000);
    expect((await messageRow(response.body.messageId)).attempts).toBe(1);
    await s.advance(1_000);
    // A 503 does not say Twilio did not take it: the text stays being sent until Twilio is asked.
    expect(await messageRow(response.body.messageId)).toMatchObject({ status: 'submitting', attempts: 2 });
    expect(asked()).toEqual({ posts: 2, lookups: 0 });
    // 30 s after the first attempt, then 60 s after the second: Twilio has no such text, so it is sent.
    await s.advance(10 * 60_000);
    expect(await messageRow(response.body.messageId)).toMatchObject({ status: 'queued', attempts: 3, sent_at: new Date(start + 90_000) });
    expect(asked()).toEqual({ posts: 3, lookups: 1 });
    expect(s.sentTo(patient.phone)).toHaveLength(1);
  });

  it('retries a text Twilio throttled (429) without asking Twilio whether it has it', async () => {
    const { patient, messageId } = await checkInDue();
    const asked = twilioRequests();
    s.twilio.failNext(429, { code: 20429, message: 'Too Many Requests' });
    await s.runDue();
    expect(await messageRow(messageId)).toMatchObject({ status: 'pending', attempts: 1, error_code: 20429 });
    await s.advance(30_000);
    expect(await messageRow(messageId)).toMatchObject({ status: 'queued', attempts: 2, twilio_sid: expect.stringMatching(/^SM/) });
    expect(asked()).toEqual({ posts: 2, lookups: 0 });
    expect(s.sentTo(patient.phone)).toHaveLength(1);
  });
});

describe("a send whose answer from Twilio was lost", () => {
  it('is recorded, not sent again, when Twilio took the text and the connection broke before its answer', async () => {
    const { patient, messageId, conversationId } = await checkInDue();
    const asked = twilioRequests();
    s.twilio.loseNextAnswer('ECONNRESET');
    await s.runDue();
    expect(s.sentTo(patient.phone)).toHaveLength(1); // Twilio has it, and is sending it
    const twilioSid = s.twilio.messages.at(-1)!.sid;
    expect(await messageRow(messageId)).toMatchObject({ status: 'submitting', attempts: 1, twilio_sid: null });

    await s.advance(30_000);
    expect(await messageRow(messageId)).toMatchObject({ status: 'queued', attempts: 1, twilio_sid: twilioSid });
    expect(asked()).toEqual({ posts: 1, lookups: 1 });
    // The question is out, so the check-in waits for the answer.
    expect((await s.conversation(conversationId)).expiresAt).not.toBeNull();
    await s.advance(60 * 60_000);
    expect(asked()).toEqual({ posts: 1, lookups: 1 });
    expect(s.sentTo(patient.phone)).toHaveLength(1);
  });

  it('is settled by the status callback without asking Twilio, when one came meanwhile', async () => {
    const { patient, messageId } = await checkInDue();
    const asked = twilioRequests();
    s.twilio.loseNextAnswer('ECONNRESET');
    await s.runDue();
    const twilioSid = s.twilio.messages.at(-1)!.sid;
    const callback = { ...fixture('message-status-delivered'), MessageSid: twilioSid, SmsSid: twilioSid };
    expect((await postTwilio(s.t.service.app, `/webhooks/twilio/status?messageId=${messageId}`, callback)).statusCode).toBe(204);

    await s.advance(60 * 60_000);
    expect(await messageRow(messageId)).toMatchObject({ status: 'delivered', attempts: 1, twilio_sid: twilioSid });
    expect(asked()).toEqual({ posts: 1, lookups: 0 });
    expect(s.sentTo(patient.phone)).toHaveLength(1);
  });

  it('is sent once when Twilio answered 500 and has no such text', async () => {
    const { patient, messageId } = await checkInDue();
    const asked = twilioRequests();
    s.twilio.failNext(500, { message: 'Internal Server Error' });
    await s.runDue();
    expect(await messageRow(messageId)).toMatchObject({ status: 'submitting', attempts: 1 });
    expect(s.sentTo(patient.phone)).toEqual([]);

    await s.advance(29_999);
    expect(asked()).toEqual({ posts: 1, lookups: 0 });
    await s.advance(1);
    expect(asked()).toEqual({ posts: 2, lookups: 1 });
    expect(await messageRow(messageId)).toMatchObject({ status: 'queued', attempts: 2, twilio_sid: expect.stringMatching(/^SM/) });
    await s.advance(60 * 60_000);
    expect(s.sentTo(patient.phone)).toHaveLength(1);
  });

  it('fails the text after the last attempt only once Twilio is known not to have it', async () => {
    const { patient, messageId, conversationId } = await checkInDue();
    const asked = twilioRequests();
    for (let i = 0; i < 6; i += 1) s.twilio.failNext(502, { message: 'Bad Gateway' });
    await s.runDue();
    // 30 s, 1, 2, 4 and 8 minutes between attempts; 16 minutes after the sixth, Twilio is asked a last time.
    await s.advance((30 + 60 + 120 + 240 + 480) * 1_000);
    expect(await messageRow(messageId)).toMatchObject({ status: 'submitting', attempts: 6 });
    expect(asked()).toEqual({ posts: 6, lookups: 5 });
    await s.advance(960_000);
    expect(await messageRow(messageId)).toMatchObject({ status: 'failed', attempts: 6 });
    expect(asked()).toEqual({ posts: 6, lookups: 6 });
    expect(s.sentTo(patient.phone)).toEqual([]);
    expect((await s.conversation(conversationId)).status).toBe('cancelled');
  });

});

describe('a send Twilio refused', () => {
  it('marks the number invalid on 21211 and cancels the check-in', async () => {
    const patient = await s.newPatient();
    s.twilio.failNext(400, { code: 21211, message: "The 'To' number is not a valid phone number." });
    const response = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    await s.runDue();
    expect(await messageRow(response.body.messageId)).toMatchObject({ status: 'failed', error_code: 21211 });
    expect((await s.admin.get(`/api/v1/patients/${patient.id}`)).body.phoneInvalidAt).toBe(s.clock.now().toISOString());
    expect((await s.conversation(response.body.conversationId)).status).toBe('cancelled');
    const again = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    expect(again.status).toBe(409);
  });
});

describe('quiet hours', () => {
  it("holds a check-in started at night until 08:00 in each patient's own timezone, and sends it then", async () => {
    const chicago = await s.newPatient();
    const losAngeles = await s.newPatient({ timezone: 'America/Los_Angeles' });
    // 23:30 in Chicago, 21:30 in Los Angeles (the practice's quiet hours are 21:00-08:00).
    await s.advanceTo('2026-11-25T05:30:00Z');
    const first = await s.admin.post(`/api/v1/patients/${chicago.id}/check-ins`, { flow: 'wellness' });
    const second = await s.admin.post(`/api/v1/patients/${losAngeles.id}/check-ins`, { flow: 'wellness' });
    await s.runDue();
    expect(s.sentTo(chicago.phone)).toEqual([]);
    const held = await listPendingJobs(s.t.db.pool, 'message.send');
    expect(held.map((job) => job.nextRunAt).sort()).toEqual(['2026-11-25T14:00:00.000Z', '2026-11-25T16:00:00.000Z']);

    await s.advanceTo('2026-11-25T13:59:59Z');
    expect(s.sentTo(chicago.phone)).toEqual([]);
    await s.advanceTo('2026-11-25T15:00:00Z');
    expect(s.sentTo(chicago.phone)).toHaveLength(1);
    expect(await messageRow(first.body.messageId)).toMatchObject({ status: 'queued', sent_at: at('2026-11-25T14:00:00Z') });
    expect(s.sentTo(losAngeles.phone)).toEqual([]);
    await s.advanceTo('2026-11-25T16:00:00Z');
    expect(await messageRow(second.body.messageId)).toMatchObject({ status: 'queued', sent_at: at('2026-11-25T16:00:00Z') });

    // The transcript places the text when it went out, and the wait for the answer starts then.
    const transcript = (await s.admin.get(`/api/v1/patients/${chicago.id}/transcript`)).body.data;
    expect(transcript.find((e: { kind: string }) => e.kind === 'check_in').timestamp).toBe('2026-11-25T14:00:00.000Z');
    expect((await s.conversation(first.body.conversationId)).expiresAt).toBe('2026-11-26T14:00:00.000Z');
  });

  it('never holds a reply to a text the patient sent at night, nor the alert to the on-call coordinator', async () => {
    const patient = await s.newPatient({ firstName: 'Ruth', lastName: 'Avery' });
    await s.advanceTo('2026-11-26T08:15:00Z'); // 02:15 in Chicago
    expect(await s.say(patient, 'my chest hurts and my left arm is numb')).toEqual([expect.stringContaining('911')]);
    await s.runDue();
    const alert = s.sentTo(s.coordinator.phone).at(-1)!;
    expect(alert.Body).toContain('Ruth Avery');
    const row = await s.t.db.pool.query("SELECT sent_at FROM messages WHERE kind = 'alert' AND patient_id = $1", [patient.id]);
    expect(row.rows[0].sent_at).toEqual(at('2026-11-26T08:15:00Z'));
  });
});
