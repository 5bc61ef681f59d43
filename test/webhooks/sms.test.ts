import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { apiClient, createPatient, createPractice, type ApiClient } from '../helpers/api.js';
import { fixture, inboundSmsParams, messageBodies, newMessageSid, postTwilio, text } from '../helpers/twilio.js';

let t: TestService;
let admin: ApiClient;
let practice: { id: string; phoneNumber: string; name: string };

beforeAll(async () => {
  t = await startTestService();
  admin = apiClient(t.service.app);
  practice = await createPractice(admin, { name: 'Riverside Family Medicine' });
});
afterAll(() => t.close());

const SMS = '/webhooks/twilio/sms';
const count = async (sql: string, params: unknown[] = []) => (await t.db.pool.query(sql, params)).rows[0].n as number;
const messageCount = () => count('SELECT count(*)::int AS n FROM messages');

describe('signature and body checks', () => {
  let before: number;
  beforeAll(async () => {
    before = await messageCount();
  });
  afterEach(async () => {
    expect(await messageCount()).toBe(before);
  });

  it('accepts the recorded fixture signed for its URL, exactly as Twilio computes it', async () => {
    const { getExpectedTwilioSignature } = (await import('twilio')).default;
    expect(getExpectedTwilioSignature('test_auth_token', 'https://hooks.example.com/twilio/sms', fixture('inbound-sms'))).toBe(
      'WuYu8MGCpAgV7kJnzCVuLSVe3xg=',
    );
  });

  it('answers 403 to a missing signature and stores nothing', async () => {
    const response = await postTwilio(t.service.app, SMS, inboundSmsParams('+14017122661', practice.phoneNumber, 'hi'), { signature: false });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain('X-Twilio-Signature');
  });

  it('answers 403 to a wrong signature, and to a signature for another URL', async () => {
    const params = inboundSmsParams('+14017122661', practice.phoneNumber, 'hi');
    expect((await postTwilio(t.service.app, SMS, params, { signature: 'WuYu8MGCpAgV7kJnzCVuLSVe3xg=' })).statusCode).toBe(403);
    const { getExpectedTwilioSignature } = (await import('twilio')).default;
    const forOtherHost = getExpectedTwilioSignature('test_auth_token', `http://localhost:3000${SMS}`, params);
    expect((await postTwilio(t.service.app, SMS, params, { signature: forOtherHost })).statusCode).toBe(403);
  });

  it('answers 400 to a signed body that is not a Twilio message, naming the field', async () => {
    const response = await postTwilio(t.service.app, SMS, { From: 'nobody', To: practice.phoneNumber, Body: 'hi' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('body.MessageSid');
    expect(response.json().error.message).toContain('body.From: is not a phone number');
  });

  it('answers 413 to an oversize body and 415 to JSON', async () => {
    const huge = inboundSmsParams('+14017122661', practice.phoneNumber, 'x'.repeat(100_000));
    expect((await postTwilio(t.service.app, SMS, huge)).statusCode).toBe(413);
    const json = await t.service.app.inject({ method: 'POST', url: SMS, payload: { Body: 'hi' } });
    expect(json.statusCode).toBe(415);
  });
});

describe('texts that match no patient', () => {
  it('answers an unknown sender politely, naming the practice and how to reach it, and records the text', async () => {
    const from = '+14017122661';
    const { replies } = await text(t.service.app, from, practice.phoneNumber, 'Yes, I will be there');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Riverside Family Medicine');
    expect(replies[0]).toMatch(/\(\d{3}\) \d{3}-\d{4}/);
    const stored = await t.db.pool.query("SELECT kind, patient_id FROM messages WHERE from_number = $1 AND direction = 'inbound'", [from]);
    expect(stored.rows).toEqual([{ kind: 'unmatched', patient_id: null }]);
    // A second text soon after is recorded but not answered again.
    expect((await text(t.service.app, from, practice.phoneNumber, 'hello?')).replies).toEqual([]);
  });

  it('records a text to a number no practice owns and answers with empty TwiML', async () => {
    const response = await postTwilio(t.service.app, SMS, inboundSmsParams('+14017122661', '+15550009999', 'hi'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/xml');
    expect(messageBodies(response.body)).toEqual([]);
  });
});

describe('redelivered webhooks', () => {
  it('stores a MessageSid once and answers a repeat exactly as the first time', async () => {
    const patient = await createPatient(admin, practice.id);
    const sid = newMessageSid();
    const first = await text(t.service.app, patient.phone, practice.phoneNumber, 'help', sid);
    const again = await text(t.service.app, patient.phone, practice.phoneNumber, 'help', sid);
    expect(first.replies).toHaveLength(1);
    expect(again.twiml).toBe(first.twiml);
    expect(await count('SELECT count(*)::int AS n FROM messages WHERE patient_id = $1', [patient.id])).toBe(2);
  });
});
