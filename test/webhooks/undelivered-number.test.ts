/**
 * Found by the panel-month simulator: a text Twilio reports undelivered because
 * the number cannot take texts (30005 unknown number, 30006 landline) left the
 * number in use, so the service went on texting it until five check-ins had
 * gone unanswered (weeks, at the default cadence). An unknown number is
 * treated as Twilio's 21211 at send time already is: the number is marked
 * invalid and nothing more is planned. A landline takes calls: the patient's
 * check-ins go by call. 30003 (handset off or out of coverage) may pass, and
 * is left to the unanswered count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { fixture, postTwilio } from '../helpers/twilio.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

async function undelivered(messageId: string, errorCode: string) {
  const sid = (await s.t.db.pool.query<{ twilio_sid: string }>('SELECT twilio_sid FROM messages WHERE id = $1', [messageId])).rows[0]!.twilio_sid;
  const params = { ...fixture('message-status-undelivered'), MessageSid: sid, SmsSid: sid, ErrorCode: errorCode };
  return postTwilio(s.t.service.app, `/webhooks/twilio/status?messageId=${messageId}`, params);
}

const schedule = async (patientId: string) => (await s.admin.get(`/api/v1/patients/${patientId}/schedule`)).body as { reason: string | null; items: unknown[] };

describe('a text Twilio could not deliver', () => {
  it('stops texting an unknown number (30005): marked invalid, nothing planned', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    expect((await schedule(patient.id)).reason).toBeNull();
    expect((await undelivered(started.messageId, '30005')).statusCode).toBe(204);
    const after = await schedule(patient.id);
    expect(after.reason).toBe('phone_invalid');
    expect(after.items.filter((i) => (i as { status: string }).status === 'planned')).toEqual([]);
    // Nothing goes out to them now: the call list keeps them in sight until the number is corrected.
    const list = (await s.admin.get(`/api/v1/practices/${s.practice.id}/call-list`)).body.data as Array<{ patient: { id: string }; reasons: Array<{ code: string }> }>;
    expect(list.find((e) => e.patient.id === patient.id)?.reasons.map((r) => r.code)[0]).toBe('phone_invalid');
  });

  it('calls a landline (30006) instead of texting it, and says so on the timeline', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    expect((await undelivered(started.messageId, '30006')).statusCode).toBe(204);
    expect((await s.admin.get(`/api/v1/patients/${patient.id}`)).body.preferredChannel).toBe('voice');
    const after = await schedule(patient.id);
    expect(after.reason).toBeNull();
    const planned = after.items.filter((i) => (i as { status: string }).status === 'planned') as Array<{ channel: string }>;
    expect(planned.length).toBeGreaterThan(0);
    // Every call or text (the summary is an email).
    expect(planned.filter((i) => i.channel !== 'email').every((i) => i.channel === 'voice')).toBe(true);
    // A repeated callback changes nothing more.
    expect((await undelivered(started.messageId, '30006')).statusCode).toBe(204);
    const events = (await s.t.db.pool.query<{ type: string }>('SELECT type FROM patient_events WHERE patient_id = $1', [patient.id])).rows.map((r) => r.type);
    expect(events.filter((t) => t === 'phone_landline')).toHaveLength(1);
  });

  it('keeps texting a handset that was only unreachable (30003)', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    expect((await undelivered(started.messageId, '30003')).statusCode).toBe(204);
    expect((await schedule(patient.id)).reason).toBeNull();
  });
});
