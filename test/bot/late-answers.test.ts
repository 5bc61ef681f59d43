/**
 * Late answers (issue 19): an answer that arrives after the check-in's wait
 * ran out, the same day in the practice, is taken for that check-in, which
 * then ends as answered; what else it says is read as always. On another day,
 * or when the text answers nothing, it is a text with no check-in open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const HOUR = 60 * 60 * 1000;

/** A wellness check-in whose 24-hour wait has just run out. */
async function timedOutCheckIn(patient: { id: string; phone: string }) {
  const { conversationId } = await s.checkIn(patient, 'wellness');
  await s.advance(24 * HOUR + 60_000);
  await s.runDue();
  expect((await s.conversation(conversationId)).status).toBe('timed_out');
  return conversationId;
}

describe('an answer after the check-in timed out', () => {
  it('"1 feeling fine" later that day is taken for it: the check-in ends answered, with the wellness recorded', async () => {
    const patient = await s.newPatient({ firstName: 'Maria' });
    const conversationId = await timedOutCheckIn(patient);
    await s.advance(2 * HOUR);
    const replies = await s.say(patient, '1 feeling fine');
    expect(replies).toEqual([expect.stringContaining('Thank you, Maria')]);
    expect(await s.conversation(conversationId)).toMatchObject({ status: 'completed', answers: { wellness: 'well' } });
    expect((await s.observations(patient.id)).map((o) => o.kind)).toContain('wellness');
    expect(await s.alerts(patient.id)).toEqual([]);
  });

  it('"2" later that day goes on with the concern questions', async () => {
    const patient = await s.newPatient();
    const conversationId = await timedOutCheckIn(patient);
    expect(await s.say(patient, '2')).toEqual([expect.stringContaining('What is your main concern?')]);
    expect((await s.conversation(conversationId)).status).toBe('active');
  });

  it('a late answer that also says something is taken, and what it says reaches a person', async () => {
    const patient = await s.newPatient();
    const conversationId = await timedOutCheckIn(patient);
    await s.say(patient, '1 but i stopped the water pill, it kept me up all night');
    expect((await s.conversation(conversationId)).status).toBe('completed');
    expect((await s.alerts(patient.id)).length).toBeGreaterThan(0);
  });

  it('on the next day it is a text with no check-in open', async () => {
    const patient = await s.newPatient();
    const conversationId = await timedOutCheckIn(patient);
    await s.advance(24 * HOUR);
    await s.say(patient, '1');
    expect((await s.conversation(conversationId)).status).toBe('timed_out');
  });

  it('a text that answers nothing leaves the timed-out check-in as it was', async () => {
    const patient = await s.newPatient();
    const conversationId = await timedOutCheckIn(patient);
    await s.say(patient, 'my granddaughter is visiting this weekend');
    expect((await s.conversation(conversationId)).status).toBe('timed_out');
  });
});
