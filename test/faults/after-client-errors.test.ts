import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestService, type TestService } from '../helpers/service.js';
import { apiClient, createApiKey, createPatient, createPractice, patientBody, type ApiClient } from '../helpers/api.js';
import { fakeTwilioMessages, inboundSmsParams, postTwilio, text } from '../helpers/twilio.js';

/**
 * The embedded database is one PostgreSQL session behind one connection, so
 * a failed statement that discards the connection used to leave the next one
 * at odds with the session (every later text answered 500). After every kind
 * of client error the API can give, the service must still work.
 */
let t: TestService;
let admin: ApiClient;
let twilio: ReturnType<typeof fakeTwilioMessages>;
let practice: { id: string; phoneNumber: string };
let patient: { id: string; phone: string };

beforeAll(async () => {
  t = await startTestService();
  twilio = fakeTwilioMessages({ now: () => t.clock.now() });
  admin = apiClient(t.service.app);
  practice = await createPractice(admin);
  patient = await createPatient(admin, practice.id);
});
afterAll(async () => {
  twilio.done();
  await t.close();
});

const inject = (method: 'GET' | 'POST', url: string, payload: string, headers: Record<string, string>) =>
  t.service.app.inject({ method, url, payload, headers });

const CLIENT_ERRORS: Array<[string, number, () => Promise<{ statusCode?: number; status?: number }>]> = [
  ['an invalid body', 400, () => admin.post(`/api/v1/practices/${'x'}/patients`, {})],
  ['broken JSON', 400, () => inject('POST', '/api/v1/practices', '{"name":', { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' })],
  ['no token', 401, () => apiClient(t.service.app, null).get(`/api/v1/patients/${patient.id}`)],
  ['a wrong token', 401, () => apiClient(t.service.app, 'ccm_wrong').get(`/api/v1/patients/${patient.id}`)],
  ['a coordinator key on an admin route', 403, async () => {
    const key = await createApiKey(admin, practice.id, 'coordinator');
    return apiClient(t.service.app, key.token).post(`/api/v1/practices/${practice.id}/patients`, patientBody());
  }],
  ['an unknown patient', 404, () => admin.get('/api/v1/patients/00000000-0000-4000-8000-000000000000')],
  ['a duplicate phone', 409, () => admin.post(`/api/v1/practices/${practice.id}/patients`, patientBody({ phone: patient.phone }))],
  ['a practice number already taken', 409, () => admin.post('/api/v1/practices', { name: 'Copy', timezone: 'America/Chicago', phoneNumber: practice.phoneNumber })],
  ['a body too large', 413, () => admin.post('/api/v1/practices', { name: 'x'.repeat(2 * 1024 * 1024) })],
  ['an unsigned webhook', 403, () => postTwilio(t.service.app, '/webhooks/twilio/sms', inboundSmsParams(patient.phone, practice.phoneNumber, 'hi'), { signature: false })],
  ['a webhook that is not a form', 415, () => inject('POST', '/webhooks/twilio/sms', '{}', { 'content-type': 'application/json' })],
  ['a malformed webhook', 400, () => postTwilio(t.service.app, '/webhooks/twilio/sms', { MessageSid: 'nope', From: 'x', To: 'y' })],
  ['a bad paging cursor', 400, () => admin.get(`/api/v1/practices/${practice.id}/patients?after=00000000-0000-4000-8000-000000000000`)],
];

describe('after a client error', () => {
  it.each(CLIENT_ERRORS)('after %s (%d), check-ins and texts still work', async (_what, status, provoke) => {
    const response = await provoke();
    expect(response.statusCode ?? response.status).toBe(status);

    const fresh = await createPatient(admin, practice.id);
    const started = await admin.post(`/api/v1/patients/${fresh.id}/check-ins`, { flow: 'wellness' });
    expect(started.status).toBe(202);
    await t.runDue();
    expect(twilio.sent.filter((m) => m.To === fresh.phone)).toHaveLength(1);
    const { replies } = await text(t.service.app, fresh.phone, practice.phoneNumber, '1');
    expect(replies).toEqual([expect.stringContaining('Thank you')]);
    expect((await t.service.app.inject({ url: '/health' })).statusCode).toBe(200);
  });
});
