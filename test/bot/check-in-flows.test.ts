import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

describe('wellness check-in', () => {
  it('goes out naming the practice with the STOP line, and closes on "1"', async () => {
    const patient = await s.newPatient({ firstName: 'Maria' });
    const started = await s.checkIn(patient, 'wellness');
    expect(started.text).toContain('Hi Maria');
    expect(started.text).toContain('Riverside Family Medicine');
    expect(started.text).toContain('Reply STOP to opt out');
    expect((await s.conversation(started.conversationId)).status).toBe('active');

    const replies = await s.say(patient, '1');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Thank you, Maria');
    const conversation = await s.conversation(started.conversationId);
    expect(conversation).toMatchObject({ flow: 'wellness', status: 'completed', answers: { wellness: 'well' } });
    expect(await s.observations(patient.id)).toMatchObject([{ kind: 'wellness', value: { status: 'well' } }]);
  });

  it('asks about a concern, its severity and trend, and queues an elevated review', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    expect(await s.say(patient, 'not so good')).toEqual([expect.stringContaining('What is your main concern?')]);
    expect(await s.say(patient, 'my knee hurts when I walk')).toEqual([expect.stringContaining('How bad is it?')]);
    expect(await s.say(patient, '2')).toEqual([expect.stringContaining('Is this new')]);
    expect(await s.say(patient, 'worse')).toEqual([expect.stringContaining('will review this')]);
    expect((await s.conversation(started.conversationId)).status).toBe('completed');
    const concern = (await s.observations(patient.id)).find((o) => o.kind === 'concern');
    expect(concern?.value).toMatchObject({ category: 'pain', severity: 'moderate', trend: 'worse' });
    expect(await s.alerts(patient.id)).toEqual([{ level: 'elevated', reason: 'new_or_worse_concern', status: 'open' }]);
  });

  it('re-prompts gibberish with an example, then closes politely after two tries', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    expect(await s.say(patient, 'asdfgh')).toEqual([expect.stringMatching(/reply 1 .*2/i)]);
    expect(await s.say(patient, '???')).toEqual([expect.stringMatching(/reply 1 .*2/i)]);
    expect(await s.say(patient, 'qwerty')).toEqual([expect.stringContaining('could not understand')]);
    expect((await s.conversation(started.conversationId)).status).toBe('no_usable_answer');
    expect((await s.observations(patient.id)).map((o) => o.kind)).toEqual(['no_usable_answer']);
  });
});

describe('medication check-in', () => {
  it('says "your medicine" unless the practice allows medication names in texts', async () => {
    const patient = await s.newPatient({ firstName: 'Ada' });
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'lisinopril', dose: '10 mg', times: ['08:00'], reminders: false });
    const started = await s.checkIn(patient, 'medication');
    expect(started.text).toContain('Did you take your medicine today?');
    expect(started.text).not.toContain('lisinopril');
  });

  it('names the medication and dose when allowed, and records a refill concern when the patient ran out', async () => {
    await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { outreach: { medicationNamesInTexts: true } });
    const patient = await s.newPatient();
    const med = await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'lisinopril', dose: '10 mg', times: ['08:00'], reminders: false });
    const started = await s.checkIn(patient, 'medication');
    expect(started.text).toContain('lisinopril 10 mg');
    expect(await s.say(patient, 'no')).toEqual([expect.stringContaining('1 Forgot')]);
    expect(await s.say(patient, '3')).toHaveLength(1);
    expect((await s.conversation(started.conversationId)).status).toBe('completed');
    const observations = await s.observations(patient.id);
    expect(observations).toMatchObject([
      { kind: 'medication_adherence', value: { medicationId: med.body.id, taken: false, reason: 'ran_out' } },
      { kind: 'refill_concern', value: { medicationId: med.body.id } },
    ]);
    // Running out is a missed dose too (it counts towards the urgent 3 in 7 days), and a refill to arrange.
    expect((await s.alerts(patient.id)).map((a) => a.reason).sort()).toEqual(['missed_dose', 'refill_needed']);
  });

  it('records adherence on "yes" in Spanish and answers in Spanish', async () => {
    const patient = await s.newPatient({ language: 'es', firstName: 'José' });
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'metformina', dose: '500 mg', times: ['08:00'], reminders: false });
    const started = await s.checkIn(patient, 'medication');
    expect(started.text).toContain('Hola, José'); // é is a GSM-7 letter: kept (prompts/sms.ts)
    expect(started.text).toContain('STOP');
    const replies = await s.say(patient, 'sí, ya la tomé');
    expect(replies[0]).toMatch(/gracias/i);
    expect(await s.observations(patient.id)).toMatchObject([{ kind: 'medication_adherence', value: { taken: true } }]);
  });

  it('refuses a medication check-in for a patient without medications', async () => {
    const patient = await s.newPatient();
    const response = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'medication' });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain('no medication');
  });
});

describe('symptoms check-in', () => {
  it('reads "145 over 92", a pain score and a trend, storing them as observations with their time', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'symptoms');
    expect(started.text).toContain('130/80');
    expect(await s.say(patient, 'it was 145 over 92 this morning')).toEqual([expect.stringContaining('0 to 10')]);
    expect(await s.say(patient, '11')).toEqual([expect.stringContaining('0 to 10')]);
    expect(await s.say(patient, '4')).toEqual([expect.stringContaining('1 Better')]);
    expect(await s.say(patient, '2')).toHaveLength(1);
    expect((await s.conversation(started.conversationId)).answers).toMatchObject({
      bloodPressure: { systolic: 145, diastolic: 92 },
      pain: 4,
      trend: 'same',
    });
    const observations = await s.observations(patient.id);
    expect(observations.map((o) => [o.kind, o.value])).toEqual([
      ['blood_pressure', { systolic: 145, diastolic: 92 }],
      ['pain', { score: 4 }],
      ['symptom_trend', { trend: 'same' }],
    ]);
    // Each is stamped with the service clock's time of the answer it came from.
    for (const o of observations) expect(o.observedAt).toBe(s.clock.now().toISOString());
  });

  it('re-prompts an implausible reading and escalates a hypertensive crisis at once', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'symptoms');
    expect(await s.say(patient, '300/20')).toEqual([expect.stringContaining('130/80')]);
    const replies = await s.say(patient, '190/125');
    expect(replies[0]).toContain('911');
    expect((await s.conversation(started.conversationId)).status).toBe('completed');
    expect(await s.alerts(patient.id)).toEqual([{ level: 'urgent', reason: 'bp_crisis', status: 'open' }]);
    const before = s.sentTo(s.coordinator.phone).length;
    await s.runDue();
    expect(s.sentTo(s.coordinator.phone).length).toBe(before + 1);
  });
});

describe('starting check-ins', () => {
  it('allows one open check-in per patient, and says which one is open', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    const again = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'symptoms' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(started.conversationId);
  });

  it('refuses patients who declined consent, and unknown flows; calls a patient who takes calls', async () => {
    const declined = await s.newPatient({
      consent: { status: 'declined', method: 'verbal', recordedAt: '2026-11-01T10:00:00Z', recordedBy: 'Jane Doe, RN' },
    });
    const declinedResponse = await s.admin.post(`/api/v1/patients/${declined.id}/check-ins`, { flow: 'wellness' });
    expect(declinedResponse.status).toBe(409);
    expect(declinedResponse.body.error.message).toContain('declined consent');
    const caller = await s.newPatient({ preferredChannel: 'voice' });
    const called = await s.admin.post(`/api/v1/patients/${caller.id}/check-ins`, { flow: 'wellness' });
    expect(called.status).toBe(202);
    expect(called.body).toMatchObject({ messageId: null, callId: expect.any(String) });
    const patient = await s.newPatient();
    expect((await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'astrology' })).status).toBe(400);
  });
});
