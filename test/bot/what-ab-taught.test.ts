/**
 * The fresh set AB's two misses, through the SMS webhook on a real database
 * (the readings themselves: test/understand/what-ab-taught.unit.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

describe('what AB taught, through the webhook', () => {
  it('"no more" as one sentence of a patient looking for words stops nothing: the care team reads it, and texts go on', async () => {
    const patient = await s.newPatient();
    const replies = await s.say(patient, 'hello. me. the... pills. the white ones. gone. no more. need the... paper. doctor');
    expect(replies.join(' ')).not.toMatch(/no more texts/i);
    expect(replies).toEqual([expect.stringMatching(/care team/)]);
    expect(await s.alerts(patient.id)).toEqual([expect.objectContaining({ level: 'elevated', status: 'open' })]);
    const { rows } = await s.t.db.pool.query('SELECT sms_opted_out_at FROM patients WHERE id = $1', [patient.id]);
    expect(rows[0].sms_opted_out_at).toBeNull();
  });

  it('an oximeter\'s 148 with a light head, told after "yes took them", rings the on-call coordinator', async () => {
    const patient = await s.newPatient();
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'metoprolol', dose: '25 mg', times: ['08:00'], reminders: false });
    await s.checkIn(patient, 'medication');
    const callsBefore = s.twilio.calls.length;
    const replies = await s.say(
      patient,
      'yes took them. cant sleep tho. been sitting on the edge of the bed since 2 with my heart going like a hummingbird, the pulse ox says 148 and I feel lightheaded',
    );
    expect(replies[0]).toMatch(/nurse/);
    expect(await s.alerts(patient.id)).toContainEqual(expect.objectContaining({ level: 'urgent', reason: 'pulse_abnormal', status: 'open' }));
    await s.runDue();
    expect(s.twilio.calls.slice(callsBefore).map((c) => c.To)).toEqual([s.coordinator.phone]);
  });
});

describe('found beside AB, through the webhook: an exception to a yes', () => {
  it('"sí, menos la metformina" to "did you take your medicine?" asks why, and the missed dose reaches the care team', async () => {
    const patient = await s.newPatient({ language: 'es' });
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'metformin', dose: '500 mg', times: ['08:00'], reminders: false });
    await s.checkIn(patient, 'medication');
    const replies = await s.say(patient, 'sí, menos la metformina');
    expect(replies.join(' ')).not.toMatch(/sigan así|keep up/i);
    await s.say(patient, '1');
    expect(await s.alerts(patient.id)).toContainEqual(expect.objectContaining({ level: 'elevated', reason: 'missed_dose', status: 'open' }));
  });
});
