/**
 * The fresh set AC's misses, through the SMS webhook on a real database
 * (the readings themselves: test/understand/what-ac-taught.unit.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

describe('what AC taught, through the webhook', () => {
  it('"2 - this is Gary, Mom\'s son ..." to "how are you feeling?" is a concern asked about, never "we did not get that"', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    const replies = await s.say(
      patient,
      "2 - this is Gary, Mom's son. She thought it was 1987 yesterday and asked for Dad twice. Thats new. Took her to Kopp's after and she ate her custard fine",
    );
    expect(replies.join(' ')).not.toMatch(/did not get that/i);
    expect(replies.join(' ')).toMatch(/concern/i);
  });

  it('a cuff\'s 58/34 with a dizzy head, unprompted, rings the on-call coordinator', async () => {
    const patient = await s.newPatient({ language: 'es' });
    const callsBefore = s.twilio.calls.length;
    await s.say(patient, "mi maquina dice 58/34 y estoy muy mareada, can't stand up, ¿es error de la maquina?");
    expect(await s.alerts(patient.id)).toContainEqual(expect.objectContaining({ level: 'urgent', reason: 'bp_very_low', status: 'open' }));
    await s.runDue();
    expect(s.twilio.calls.slice(callsBefore).map((c) => c.To)).toEqual([s.coordinator.phone]);
  });

  it('days without pills told by a date ("since the 1st") are several missed doses: urgent', async () => {
    const patient = await s.newPatient();
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'metformin', dose: '500 mg', times: ['08:00'], reminders: false });
    await s.checkIn(patient, 'medication');
    await s.say(patient, "Nope. Figured why bother, I'm circling the drain anyway. Haven't touched the pill box since the 1st.");
    expect(await s.alerts(patient.id)).toContainEqual(expect.objectContaining({ level: 'urgent', reason: 'missed_doses', status: 'open' }));
  });

  it('a husband who speaks funny with his mouth going down on one side is a stroke, in the middle of a check-in', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    await s.say(patient, '2 my husband he speak funny since lunch, his mouth is going down on one side and he cannot hold the tea cup. please what we do');
    expect(await s.alerts(patient.id)).toContainEqual(expect.objectContaining({ level: 'urgent', reason: 'red_flag:stroke', status: 'open' }));
  });
});
