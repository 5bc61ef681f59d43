/**
 * Settle only what is understood (issue 19's table), through the webhook on
 * a real database: what the reader cannot account for reaches a person with
 * a reply that says so; everyday life and settled symptoms raise nothing;
 * emergencies in new words are urgent; a reading on its own is stored and
 * acknowledged; a call-back request goes on the call list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const reasons = async (patientId: string) => (await s.alerts(patientId)).map((a: { level: string; reason: string }) => `${a.level}:${a.reason}`);

describe('emergencies in words no list had', () => {
  it.each([
    ['es', 'tengo dolor de cabeza muy fuerte y veo borroso'],
    ['en', 'bad headache since lunch and everything looks blurry'],
    ['en', 'my wife says im confused and not making sense'],
  ])('%s: "%s" is urgent', async (language, text) => {
    const patient = await s.newPatient({ language });
    const [reply] = await s.say(patient, text);
    expect(reply).toContain('911');
    expect((await reasons(patient.id)).some((r) => r.startsWith('urgent:'))).toBe(true);
  });
});

describe('what the reader cannot place reaches a person', () => {
  it('"i stopped the water pill cause i was going to the bathroom too much" to the medicine question: an alert, and a reply that says so', async () => {
    const patient = await s.newPatient();
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'furosemide', dose: '40 mg', times: ['08:00'] });
    await s.checkIn(patient, 'medication');
    const replies = await s.say(patient, 'i stopped the water pill cause i was going to the bathroom too much');
    expect(replies).toEqual([expect.stringContaining('will look at what you wrote')]);
    expect(await reasons(patient.id)).toEqual(['elevated:missed_dose']);
    expect(await s.observations(patient.id)).toContainEqual(expect.objectContaining({ kind: 'medication_adherence', value: expect.objectContaining({ taken: false, reason: 'stopped' }) }));
  });

  it('"took the water pill but not the lisinopril it makes me cough": one taken, one not, and a side effect', async () => {
    const patient = await s.newPatient();
    const water = (await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'furosemide', dose: '40 mg', times: ['08:00'] })).body;
    const lisinopril = (await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'lisinopril', dose: '10 mg', times: ['08:00'] })).body;
    await s.checkIn(patient, 'medication', { medicationId: water.id });
    const replies = await s.say(patient, 'took the water pill but not the lisinopril it makes me cough');
    expect(replies).toEqual([expect.stringContaining('will look at what you wrote')]);
    const adherence = (await s.observations(patient.id)).filter((o) => o.kind === 'medication_adherence').map((o) => o.value);
    expect(adherence).toEqual(expect.arrayContaining([
      expect.objectContaining({ medicationId: water.id, taken: true }),
      expect.objectContaining({ medicationId: lisinopril.id, taken: false, reason: 'side_effects' }),
    ]));
    expect(await reasons(patient.id)).toEqual(expect.arrayContaining(['elevated:missed_dose', 'elevated:side_effects']));
  });

  it('"no he tomado mis pastillas desde el lunes", said on a Friday: several missed doses, urgent', async () => {
    const patient = await s.newPatient({ language: 'es' });
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'metformina', dose: '500 mg', times: ['08:00'] });
    await s.advanceTo('2026-11-27T16:00:00Z');
    await s.checkIn(patient, 'medication');
    await s.say(patient, 'no he tomado mis pastillas desde el lunes');
    expect(await s.observations(patient.id)).toContainEqual(expect.objectContaining({ kind: 'medication_adherence', value: expect.objectContaining({ taken: false, days: 4 }) }));
    expect(await reasons(patient.id)).toContain('urgent:missed_doses');
  });

  it.each([
    'the pharmacy says my insurance changed',
    'mi hija dice que no estoy comiendo',
    'using the rescue inhaler like 6 times a day now',
  ])('"%s", written first: reviewed, and acknowledged as one a person will read', async (text) => {
    const patient = await s.newPatient();
    const [reply] = await s.say(patient, text);
    expect(reply).toMatch(/will see your message|va a leer su mensaje|request|solicitud|will contact you/i);
    expect((await s.alerts(patient.id)).length).toBeGreaterThan(0);
  });
});

describe('nothing to act on is recorded, not raised', () => {
  it.each([
    'fell asleep in my chair watching tv lol',
    'i was dizzy last week but its gone now',
    'went to church with my granddaughter and then we had pancakes',
    'hoy fui al mercado con mi comadre y compré frijoles para mi nieta',
  ])('"%s": the patient is told it is kept, and nothing is raised', async (text) => {
    const patient = await s.newPatient();
    expect(await s.say(patient, text)).toEqual([expect.stringMatching(/saved in your record|Guardamos su mensaje/)]);
    expect(await s.alerts(patient.id)).toEqual([]);
  });

  it.each(['thanks hon have a good night', 'gracias mija, bendiciones'])('"%s": a pleasantry gets no answer', async (text) => {
    const patient = await s.newPatient();
    expect(await s.say(patient, text)).toEqual([]);
    expect(await s.alerts(patient.id)).toEqual([]);
  });

  it('"2 same. legs look fine, weighed 172 same as last week" to the symptoms question: no alert', async () => {
    const patient = await s.newPatient({ conditions: ['heart failure'] });
    await s.checkIn(patient, 'symptoms');
    await s.say(patient, 'no, legs look fine, weighed 172 same as last week');
    expect(await s.alerts(patient.id)).toEqual([]);
  });
});

describe('answers in a patient\'s spelling', () => {
  it('"tok my meds this mornin" to the medicine question is a yes', async () => {
    const patient = await s.newPatient();
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'furosemide', dose: '40 mg', times: ['08:00'] });
    const { conversationId } = await s.checkIn(patient, 'medication');
    const replies = await s.say(patient, 'tok my meds this mornin');
    expect(replies.join(' ')).not.toMatch(/did not get that/i);
    expect(await s.conversation(conversationId)).toMatchObject({ status: 'completed', answers: { medicationTaken: true } });
  });
});

describe('readings and requests get a reply', () => {
  it('"my sugar was 250 this morning": stored, and the patient is told so', async () => {
    const patient = await s.newPatient({ conditions: ['type 2 diabetes'] });
    expect(await s.say(patient, 'my sugar was 250 this morning')).toEqual([expect.stringContaining('added your reading')]);
    expect(await s.observations(patient.id)).toContainEqual(expect.objectContaining({ kind: 'glucose', value: { mgdl: 250 } }));
  });

  it('"one forty five over ninety two" to "how are you feeling?": stored and acknowledged before the question again', async () => {
    const patient = await s.newPatient({ conditions: ['hypertension'] });
    await s.checkIn(patient, 'wellness');
    const replies = await s.say(patient, 'one forty five over ninety two');
    expect(replies[0]).toContain('added your reading');
    expect(await s.observations(patient.id)).toContainEqual(expect.objectContaining({ kind: 'blood_pressure', value: { systolic: 145, diastolic: 92 } }));
  });

  it('"pueden llamarme mañana?": a call-back on the call list, and a reply that says when', async () => {
    const patient = await s.newPatient({ language: 'es' });
    const [reply] = await s.say(patient, 'pueden llamarme mañana?');
    expect(reply).toContain('le va a llamar');
    expect(await reasons(patient.id)).toEqual(['elevated:request:callback']);
    const list = (await s.admin.get(`/api/v1/practices/${s.practice.id}/call-list`)).body.data as Array<{ patient: { id: string } }>;
    expect(list.map((entry) => entry.patient.id)).toContain(patient.id);
  });

  it('"pretty bad cant get my shoes on" to "how are you feeling?" is taken as swelling, and its words reach a person now', async () => {
    const patient = await s.newPatient();
    const { conversationId } = await s.checkIn(patient, 'wellness');
    const replies = await s.say(patient, 'pretty bad cant get my shoes on');
    expect(replies.join(' ')).not.toMatch(/did not get that/i);
    expect((await s.conversation(conversationId)).answers).toMatchObject({ wellness: 'concerns', concernCategory: 'swelling' });
    expect((await s.alerts(patient.id)).length).toBeGreaterThan(0);
  });

  it('a concern the check-in took, then silence: the concern still reaches a person when the wait runs out', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    await s.say(patient, 'my feet are very swollen today');
    expect(await s.alerts(patient.id)).toEqual([]);
    await s.advance(25 * 60 * 60 * 1000);
    await s.runDue();
    expect(await reasons(patient.id)).toEqual(['elevated:new_or_worse_concern']);
  });
});

describe('a concern said and then silence (a sixth fresh corpus, F)', () => {
  it('"2 mi vieja, la presión está bajita, 88/50, y me siento flojo", then nothing more: a person hears of it, with the words', async () => {
    const patient = await s.newPatient({ language: 'es' });
    await s.checkIn(patient, 'wellness');
    await s.say(patient, '2 mi vieja, la presión está bajita, 88/50, y me siento flojo');
    await s.advance(24 * 60 * 60 * 1000);
    expect(await reasons(patient.id)).toContain('elevated:new_or_worse_concern');
    expect(await s.observations(patient.id)).toContainEqual(
      expect.objectContaining({ kind: 'concern', value: expect.objectContaining({ category: 'other', text: '2 mi vieja, la presión está bajita, 88/50, y me siento flojo' }) }),
    );
  });

  it.each([
    ["YES but only the morning one. I've been cutting the metoprolol in half to make them last till the 1st"],
    ['no. every other day till payday, the Eliquis was $95 this month'],
  ])('"%s" to the medicine question reaches a person at once', async (text) => {
    const patient = await s.newPatient();
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'metoprolol', dose: '25 mg', times: ['08:00'] });
    await s.checkIn(patient, 'medication');
    await s.say(patient, text);
    expect((await s.alerts(patient.id)).length).toBeGreaterThan(0);
  });

  it('"198 122", bare numbers as the cuff shows them: a blood-pressure crisis', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    await s.say(patient, '198 122');
    expect(await s.observations(patient.id)).toContainEqual(expect.objectContaining({ kind: 'blood_pressure', value: expect.objectContaining({ systolic: 198, diastolic: 122 }) }));
    expect((await reasons(patient.id)).some((r) => r.startsWith('urgent:'))).toBe(true);
  });
});

describe('a seventh round, after F', () => {
  it('"1 but my sugars have been in the 300s all week": a decade is at least its figure, so it is above 300', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    await s.say(patient, '1 but my sugars have been in the 300s all week, not sure why');
    expect(await reasons(patient.id)).toContain('elevated:glucose_high');
  });

  it.each([
    ['medication', 'no he didnt, grandpa keeps sayin he already took it but the pill box is still full for tues and wed'],
    ['wellness', 'one feeling okay but my sugar was 3:15 this morning'],
    ['wellness', '1 but got a 62 before supper yesterday, ate some crackers and it came up'],
  ] as const)('to the %s question, "%s" reaches a person', async (flow, text) => {
    const patient = await s.newPatient();
    if (flow === 'medication') await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'donepezil', dose: '5 mg', times: ['08:00'] });
    await s.checkIn(patient, flow);
    await s.say(patient, text);
    expect((await s.alerts(patient.id)).length).toBeGreaterThan(0);
  });

  it.each(['1 my dog is sick though, taking her to the vet tomorrow', '1, had some swelling back in August after the long flight but none since'])(
    '"%s" to "how are you feeling?" raises nothing',
    async (text) => {
      const patient = await s.newPatient();
      await s.checkIn(patient, 'wellness');
      await s.say(patient, text);
      expect(await s.alerts(patient.id)).toEqual([]);
    },
  );
});

describe('an answer the check-in asked for', () => {
  it('"SKIP" to the blood pressure question is the answer, not a skipped dose: no alert, and the next question', async () => {
    const patient = await s.newPatient({ conditions: ['heart failure', 'hypertension'] });
    await s.checkIn(patient, 'symptoms');
    const replies = await s.say(patient, 'SKIP');
    expect(replies).toEqual([expect.stringContaining('how bad is your pain')]);
    expect(await s.alerts(patient.id)).toEqual([]);
  });
});
