import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { inboundSmsParams, messageBodies, postTwilio } from '../helpers/twilio.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

describe('texts arriving together', () => {
  it('are handled one after the other: both recorded, the conversation consistent', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'symptoms');
    const [a, b] = await Promise.all(
      ['150/95', '6'].map((body) =>
        postTwilio(s.t.service.app, '/webhooks/twilio/sms', inboundSmsParams(patient.phone, s.practice.phoneNumber, body)),
      ),
    );
    expect([a!.statusCode, b!.statusCode]).toEqual([200, 200]);
    const inbound = await s.t.db.pool.query(
      "SELECT body FROM messages WHERE patient_id = $1 AND direction = 'inbound' ORDER BY created_at",
      [patient.id],
    );
    expect(inbound.rows.map((r) => r.body).sort()).toEqual(['150/95', '6']);
    // Whichever came first was read as the blood pressure; the other answered the next question or was re-prompted.
    const conversation = await s.conversation(started.conversationId);
    const replies = [...messageBodies(a!.body), ...messageBodies(b!.body)];
    expect(replies).toHaveLength(2);
    const { rows } = await s.t.db.pool.query('SELECT version FROM conversations WHERE id = $1', [started.conversationId]);
    expect(rows[0].version).toBe(3);
    expect(conversation.status).toBe('active');
  });

  it('deliver each redelivered MessageSid once, even at the same moment', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    const params = inboundSmsParams(patient.phone, s.practice.phoneNumber, '1');
    const responses = await Promise.all([1, 2, 3].map(() => postTwilio(s.t.service.app, '/webhooks/twilio/sms', params)));
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    const count = await s.t.db.pool.query("SELECT count(*)::int AS n FROM messages WHERE patient_id = $1 AND direction = 'inbound'", [patient.id]);
    expect(count.rows[0].n).toBe(1);
  });
});

describe('a text that cannot be handled', () => {
  it('is kept all the same and put in front of the care team', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    // A conversation whose stored state no longer exists in its flow (as after a bad deploy).
    await s.t.db.pool.query(`UPDATE conversations SET snapshot = jsonb_set(snapshot, '{value}', '"noSuchState"') WHERE id = $1`, [
      started.conversationId,
    ]);
    const response = await postTwilio(s.t.service.app, '/webhooks/twilio/sms', inboundSmsParams(patient.phone, s.practice.phoneNumber, 'my feet are swollen'));
    expect(response.statusCode).toBe(200);
    const stored = await s.t.db.pool.query("SELECT body FROM messages WHERE patient_id = $1 AND direction = 'inbound'", [patient.id]);
    expect(stored.rows).toEqual([{ body: 'my feet are swollen' }]);
    expect(await s.alerts(patient.id)).toEqual([{ level: 'elevated', reason: 'unhandled_text', status: 'open' }]);
    expect(s.t.logs.text).toContain('inbound text could not be handled');
    expect(s.t.logs.text).not.toContain('my feet are swollen');
  });
});
