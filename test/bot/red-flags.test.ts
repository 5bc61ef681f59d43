import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

describe('red flags', () => {
  it.each([
    ['wellness', ['2'], 'I have chest pain'],
    ['symptoms', ['140/90'], "can't breathe"],
    ['wellness', [], 'me duele el pecho'],
  ])('escalate at once in the middle of a %s check-in (%j, then %j)', async (flow, before, redFlag) => {
    const patient = await s.newPatient({ firstName: 'Ana', lastName: 'Lopez' });
    const started = await s.checkIn(patient, flow);
    for (const answer of before) await s.say(patient, answer);
    const replies = await s.say(patient, redFlag);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/911/);
    expect((await s.conversation(started.conversationId)).status).toBe('escalated');
    expect(await s.alerts(patient.id)).toEqual([expect.objectContaining({ level: 'urgent', status: 'open' })]);

    // The on-call coordinator is texted at once, naming the patient, how to call them back, and why.
    await s.runDue();
    const alert = s.sentTo(s.coordinator.phone).at(-1)!;
    expect(alert.Body).toMatch(/^URGENT Riverside Family Medicine: Ana Lopez \(555\) \d{3}-\d{4} reported (chest pain|trouble breathing)/);
  });

  it('escalate with no check-in open, and still reach the team for an opted-out patient (who gets no text)', async () => {
    const patient = await s.newPatient({ firstName: 'Leo', lastName: 'Marsh' });
    expect(await s.say(patient, 'I fainted this morning')).toEqual([expect.stringContaining('911')]);
    await s.say(patient, 'STOP');
    expect(await s.say(patient, 'chest pain again')).toEqual([]);
    expect((await s.alerts(patient.id)).map((a) => a.level)).toEqual(['urgent', 'urgent']);
    await s.runDue();
    expect(s.twilio.sent.filter((m) => m.Body.includes('Leo Marsh')).map((m) => m.To)).toEqual([s.coordinator.phone, s.coordinator.phone]);
  });

  it.each([
    ['en', "2. my hand went numb at breakfast and the words won't come right, wife says my face look funny"],
    ['es', 'mi mamá tiene la boca caída de un lado y no puede agarrar el vaso'],
  ])('a stroke told as weak signs together (%s) escalates as a stroke, with no check-in open', async (_lang, text) => {
    const patient = await s.newPatient({ firstName: 'Rosa', lastName: 'Diaz' });
    expect(await s.say(patient, text)).toEqual([expect.stringContaining('911')]);
    expect(await s.alerts(patient.id)).toEqual([expect.objectContaining({ level: 'urgent', reason: 'red_flag:stroke', status: 'open' })]);
  });

  it.each([
    ['en', "hi this is Marisol, Abuela Carmen's granddaughter. she's been talking weird since lunch, calling me by my mom's name and doesnt know what day it is"],
    ['es', 'mi mamá no sabe qué día es y me llama con el nombre de mi tía'],
  ])('confusion as the family sees it (%s), lost in time or taking one person for another, escalates as confusion', async (_lang, text) => {
    const patient = await s.newPatient({ firstName: 'Carmen', lastName: 'Ortiz' });
    expect(await s.say(patient, text)).toEqual([expect.stringContaining('911')]);
    expect(await s.alerts(patient.id)).toEqual([expect.objectContaining({ level: 'urgent', reason: 'red_flag:confusion', status: 'open' })]);
  });

  it('a bleed told by how long and how much ("since one hour", "a wicked amount of blood") escalates as severe bleeding', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    expect(await s.say(patient, '2. Please my wife is bleeding from the nose since one hour, the towel is full')).toEqual([expect.stringContaining('911')]);
    const other = await s.newPatient();
    expect(await s.say(other, 'I gotta tell ya I coughed up a wicked amount of blood this mornin')).toEqual([expect.stringContaining('911')]);
    for (const id of [patient.id, other.id]) expect(await s.alerts(id)).toEqual([expect.objectContaining({ level: 'urgent', reason: 'red_flag:severe_bleeding' })]);
  });

  it('a chest likened to a stone, with sweat and the left arm, answering "how are you feeling?", escalates at once as chest pain', async () => {
    const patient = await s.newPatient({ firstName: 'Lucia', lastName: 'Tzoc', language: 'es' });
    const started = await s.checkIn(patient, 'wellness');
    const replies = await s.say(patient, '2 señorita. Mi pecho como piedra pesada encima, desde mañana. Sudor mucho. Brazo izquierdo tambien duele.');
    expect(replies).toEqual([expect.stringContaining('911')]);
    expect((await s.conversation(started.conversationId)).status).toBe('escalated');
    expect(await s.alerts(patient.id)).toEqual([expect.objectContaining({ level: 'urgent', reason: 'red_flag:chest_pain', status: 'open' })]);
  });

  it('sleeping pills put by, told as news of the week, are self-harm: 988 in the reply and an urgent alert', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    const replies = await s.say(patient, 'Not well. I have been saving up my sleeping pills in the sock drawer. I think it is time. Tell the girls I love them');
    expect(replies).toEqual([expect.stringContaining('988')]);
    expect(await s.alerts(patient.id)).toEqual([expect.objectContaining({ level: 'urgent', reason: 'red_flag:self_harm', status: 'open' })]);
  });

  it('a heart told at length, its signs far apart, is chest pain: 911 in the reply and an urgent alert', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    const replies = await s.say(patient, '2 - chest feels like a belt cinched up tight and its goin down my left arm. started when I was reddin up the garage. sweatin like crazy');
    expect(replies).toEqual([expect.stringContaining('911')]);
    expect(await s.alerts(patient.id)).toEqual([expect.objectContaining({ level: 'urgent', reason: 'red_flag:chest_pain', status: 'open' })]);
  });

  it('a brother who "se quiere matar", told by his sister, is self-harm: an urgent alert', async () => {
    const patient = await s.newPatient();
    await s.say(patient, "Mi hermano is talking crazy, dice que se quiere matar, and he has my dad's pills in his hand. He is your patient too. Please");
    expect(await s.alerts(patient.id)).toEqual([expect.objectContaining({ level: 'urgent', reason: 'red_flag:self_harm', status: 'open' })]);
  });

  it('do not fire on a joke about the date, a laugh, a golf stroke or love', async () => {
    const patient = await s.newPatient();
    for (const text of [
      "I don't know what day it is lol, retirement is great",
      "1 FEELING GREAT. LAUGHED SO HARD AT MY GRANDSON'S SCHOOL PLAY I COULDNT BREATHE LOL",
      'Shot an 88 at the club today, had a penalty stroke on 14',
      'I fell head over heels for that new detective show on PBS',
    ]) {
      expect((await s.say(patient, text)).join(' '), text).not.toContain('911');
    }
    expect(await s.alerts(patient.id)).toEqual([]);
  });

  it('do not fire on a plain denial', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'wellness');
    await s.say(patient, '2');
    const replies = await s.say(patient, 'no chest pain, just tired');
    expect(replies[0]).not.toContain('911');
    expect(await s.alerts(patient.id)).toEqual([]);
  });
});

describe('texts with no check-in open', () => {
  it('go to the review queue when they say something the bot cannot place, and are acknowledged once in a while', async () => {
    const patient = await s.newPatient();
    expect(await s.say(patient, 'the pharmacy says my insurance changed')).toEqual([expect.stringContaining('will see your message')]);
    expect(await s.say(patient, 'thank you!')).toEqual([]);
    expect(await s.say(patient, 'they want me to pay more for the water pill now')).toEqual([]);
    expect(await s.alerts(patient.id)).toEqual([{ level: 'elevated', reason: 'message_for_team', status: 'open' }]);
  });

  it('that are everyday life are kept in the transcript and raise nothing; the patient is told so once in a while', async () => {
    const patient = await s.newPatient();
    expect(await s.say(patient, 'my granddaughter is visiting this weekend')).toEqual([expect.stringContaining('saved in your record')]);
    expect(await s.say(patient, 'fell asleep in my chair watching tv lol')).toEqual([]);
    expect(await s.alerts(patient.id)).toEqual([]);
    const transcript = (await s.admin.get(`/api/v1/patients/${patient.id}/transcript`)).body.data as Array<{ text: string }>;
    expect(transcript.map((m) => m.text)).toEqual(expect.arrayContaining(['my granddaughter is visiting this weekend', 'fell asleep in my chair watching tv lol']));
  });

  it('are read for what they say: a concern in one gets its own alert and a reply that says so', async () => {
    const patient = await s.newPatient();
    expect(await s.say(patient, 'my ankles have been swollen since Monday')).toEqual([expect.stringContaining('will look at what you wrote')]);
    expect(await s.alerts(patient.id)).toEqual([{ level: 'elevated', reason: 'concern:swelling', status: 'open' }]);
  });
});
