import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const patientRow = async (id: string) => (await s.t.db.pool.query('SELECT sms_opted_out_at FROM patients WHERE id = $1', [id])).rows[0];
const eventTypes = async (id: string) =>
  (await s.t.db.pool.query('SELECT type FROM patient_events WHERE patient_id = $1 ORDER BY at, seq', [id])).rows.map((r) => r.type);

describe('opting out', () => {
  const keywords = ['STOP', 'stop', ' Stop. ', 'STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit!', 'REVOKE', 'optout', 'STOP please'];
  it.each(keywords)('honours %j at once with one confirmation', async (keyword) => {
    const patient = await s.newPatient();
    const replies = await s.say(patient, keyword);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('no more texts from Riverside Family Medicine');
    expect((await patientRow(patient.id)).sms_opted_out_at).not.toBeNull();
    // Nothing else is ever texted: not to a second STOP, not to anything else.
    expect(await s.say(patient, 'STOP')).toEqual([]);
    expect(await s.say(patient, 'hello?')).toEqual([]);
  });

  const freeText = ['please stop texting me', 'No more texts', "don't text me anymore", 'ya no me manden mensajes', 'Take me off your list'];
  it.each(freeText)('understands the free-text request %j', async (request) => {
    const patient = await s.newPatient();
    expect(await s.say(patient, request)).toEqual([expect.stringContaining('START')]);
    expect((await patientRow(patient.id)).sms_opted_out_at).not.toBeNull();
  });

  it('is not fooled by "stop" inside an answer about medication', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    await s.say(patient, '2');
    const replies = await s.say(patient, 'I had to stop taking my pills because of dizziness');
    expect((await patientRow(patient.id)).sms_opted_out_at).toBeNull();
    expect(replies.at(-1)).toContain('How bad is it?');
  });

  it('ends the open check-in and cancels texts not yet sent', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    await s.say(patient, 'stop');
    expect((await s.conversation(started.conversationId)).status).toBe('cancelled');
    const refused = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('opted out');
    expect(await eventTypes(patient.id)).toEqual(expect.arrayContaining(['conversation.cancelled', 'opted_out']));
  });

  it('starts again on START, and YES counts only for someone opted out', async () => {
    const patient = await s.newPatient({ firstName: 'Ruth' });
    await s.say(patient, 'STOP');
    expect(await s.say(patient, 'START')).toEqual([expect.stringContaining('Welcome back, Ruth')]);
    expect((await patientRow(patient.id)).sms_opted_out_at).toBeNull();
    await s.say(patient, 'unsubscribe');
    expect(await s.say(patient, 'yes')).toEqual([expect.stringContaining('Welcome back')]);
    await s.checkIn(patient, 'wellness');
    expect(await eventTypes(patient.id)).toEqual(['opted_out', 'opted_in', 'opted_out', 'opted_in', 'conversation.started']);
  });

  it('marks the patient opted out when Twilio refuses a send with 21610', async () => {
    const patient = await s.newPatient();
    s.twilio.failNext(400, { code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    const response = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    await s.runDue();
    expect((await patientRow(patient.id)).sms_opted_out_at).toEqual(s.clock.now());
    expect((await s.conversation(response.body.conversationId)).status).toBe('cancelled');
    const message = await s.t.db.pool.query('SELECT status, error_code FROM messages WHERE id = $1', [response.body.messageId]);
    expect(message.rows[0]).toEqual({ status: 'failed', error_code: 21610 });
  });
});

describe('HELP', () => {
  it("answers with the practice's name and phone and leaves the check-in where it was", async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    const before = await s.conversation(started.conversationId);
    const replies = await s.say(patient, 'HELP');
    expect(replies[0]).toContain('Riverside Family Medicine');
    expect(replies[0]).toContain('(555) 123-4567');
    const after = await s.conversation(started.conversationId);
    expect(after).toMatchObject({ status: 'active', state: before.state, answers: before.answers });
    expect(await s.say(patient, '1')).toEqual([expect.stringContaining('Thank you')]);
  });
});
