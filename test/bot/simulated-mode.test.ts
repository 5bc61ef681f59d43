import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { apiClient, createPatient, createPractice, type ApiClient } from '../helpers/api.js';
import { inboundSmsParams, messageBodies, postTwilio } from '../helpers/twilio.js';

let t: TestService;
let admin: ApiClient;

beforeAll(async () => {
  t = await startTestService({ TWILIO_ACCOUNT_SID: undefined, TWILIO_AUTH_TOKEN: undefined });
  admin = apiClient(t.service.app);
});
afterAll(() => t.close());

describe('simulated mode (no Twilio credentials)', () => {
  it('runs a whole check-in without anything leaving the machine, and keeps the transcript', async () => {
    const practice = await createPractice(admin, { name: 'Lakeside Clinic' });
    const patient = await createPatient(admin, practice.id, { firstName: 'Grace' });
    const started = await admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    expect(started.status).toBe(202);
    await t.runDue();
    expect((await t.db.pool.query('SELECT status FROM messages WHERE id = $1', [started.body.messageId])).rows[0].status).toBe('simulated');
    await t.advance(60_000);

    // Unsigned webhooks are accepted in this mode.
    const response = await postTwilio(t.service.app, '/webhooks/twilio/sms', inboundSmsParams(patient.phone, practice.phoneNumber, '1'), {
      signature: false,
    });
    expect(response.statusCode).toBe(200);
    expect(messageBodies(response.body)).toEqual([expect.stringContaining('Thank you, Grace')]);

    const transcript = (await admin.get(`/api/v1/patients/${patient.id}/transcript`)).body.data;
    const messages = transcript.filter((entry: { type: string }) => entry.type === 'message');
    expect(messages).toEqual([
      expect.objectContaining({ direction: 'outbound', channel: 'sms', kind: 'check_in', status: 'simulated', conversationId: started.body.conversationId, text: expect.stringContaining('Lakeside Clinic') }),
      expect.objectContaining({ direction: 'inbound', kind: 'patient_text', text: '1', status: 'received', conversationId: started.body.conversationId }),
      expect.objectContaining({ direction: 'outbound', kind: 'conversation', status: 'simulated', conversationId: started.body.conversationId }),
    ]);
    const events = transcript.filter((entry: { type: string }) => entry.type === 'event').map((e: { kind: string }) => e.kind);
    expect(events).toEqual(['conversation.started', 'conversation.completed']);
    const times = transcript.map((entry: { timestamp: string }) => Date.parse(entry.timestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
