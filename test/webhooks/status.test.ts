import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { fixture, newMessageSid, postTwilio } from '../helpers/twilio.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const STATUS = '/webhooks/twilio/status';
const messageRow = async (id: string) =>
  (await s.t.db.pool.query('SELECT status, error_code, twilio_sid FROM messages WHERE id = $1', [id])).rows[0];

/** A status callback for our message `messageId`, shaped like the recorded fixture. */
function callback(messageId: string, sid: string, status: string, errorCode?: string) {
  const params: Record<string, string> = {
    ...fixture(status === 'undelivered' ? 'message-status-undelivered' : 'message-status-delivered'),
    MessageSid: sid,
    SmsSid: sid,
    MessageStatus: status,
    SmsStatus: status,
  };
  if (errorCode) params.ErrorCode = errorCode;
  else delete params.ErrorCode;
  return postTwilio(s.t.service.app, `${STATUS}?messageId=${messageId}`, params);
}

describe('message status callbacks', () => {
  it('move a message forward and never back, whatever order they arrive in', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    const sid = (await messageRow(started.messageId)).twilio_sid as string;
    expect(sid).toMatch(/^SM/);
    expect((await callback(started.messageId, sid, 'delivered')).statusCode).toBe(204);
    expect((await callback(started.messageId, sid, 'sent')).statusCode).toBe(204);
    expect((await callback(started.messageId, sid, 'queued')).statusCode).toBe(204);
    expect(await messageRow(started.messageId)).toMatchObject({ status: 'delivered', error_code: null });
    // A repeat is harmless.
    expect((await callback(started.messageId, sid, 'delivered')).statusCode).toBe(204);
    const transcript = (await s.admin.get(`/api/v1/patients/${patient.id}/transcript`)).body.data as Array<{ type: string }>;
    expect(transcript.find((entry) => entry.type === 'message')).toMatchObject({ direction: 'outbound', status: 'delivered' });
  });

  it('record undelivered with its error code, and the first final status wins', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    const sid = (await messageRow(started.messageId)).twilio_sid as string;
    await callback(started.messageId, sid, 'undelivered', '30003');
    await callback(started.messageId, sid, 'delivered');
    expect(await messageRow(started.messageId)).toMatchObject({ status: 'undelivered', error_code: 30003 });
  });

  it('track a reply sent back in TwiML through its <Message action> URL', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    const response = await postTwilio(s.t.service.app, '/webhooks/twilio/sms', {
      ...fixture('inbound-sms'),
      From: patient.phone,
      To: s.practice.phoneNumber,
      Body: '1',
      MessageSid: newMessageSid(),
    });
    const action = /action="([^"]+)"/.exec(response.body)![1]!.replace(/&amp;/g, '&');
    expect(action).toMatch(/^https:\/\/hooks\.example\.com\/webhooks\/twilio\/status\?messageId=[0-9a-f-]{36}$/);
    const path = action.replace('https://hooks.example.com', '');
    const replySid = newMessageSid();
    const delivered = await postTwilio(s.t.service.app, path, { ...fixture('message-status-delivered'), MessageSid: replySid, SmsSid: replySid });
    expect(delivered.statusCode).toBe(204);
    const id = new URL(action).searchParams.get('messageId')!;
    expect(await messageRow(id)).toMatchObject({ status: 'delivered', twilio_sid: replySid });
  });

  it('acknowledge a callback for a message they do not know, and reject unsigned or malformed ones', async () => {
    const unknown = await postTwilio(s.t.service.app, STATUS, fixture('message-status-delivered'));
    expect(unknown.statusCode).toBe(204);
    expect((await postTwilio(s.t.service.app, STATUS, fixture('message-status-delivered'), { signature: false })).statusCode).toBe(403);
    const malformed = await postTwilio(s.t.service.app, `${STATUS}?messageId=not-a-uuid`, { MessageSid: 'SM1', MessageStatus: 'bogus' });
    expect(malformed.statusCode).toBe(400);
  });
});
