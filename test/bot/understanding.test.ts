/**
 * What patients actually write, through the webhook on a real database: every
 * row of the "understand what patients write" table, in English and Spanish.
 * Each asserts the reply, what was recorded and who will hear of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSms, type PromptKey } from '../../prompts/index.js';
/** The contactPhone the scenario's practice was created with, as texts write it. */
const PRACTICE_PHONE = '(555) 123-4567';
import { startScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

type Lang = 'en' | 'es';

/** A prompt as the patient receives it (GSM-7 folded, like every text). */
const prompt = (key: PromptKey, lang: Lang, firstName: string, params: Record<string, string> = {}) =>
  renderSms([{ prompt: key, params }], lang, { firstName, practiceName: s.practice.name, practicePhone: PRACTICE_PHONE });

const kinds = async (patientId: string) => (await s.observations(patientId)).map((o) => o.kind);
const reasons = async (patientId: string) => (await s.alerts(patientId)).map((a) => `${a.level}:${a.reason}`);

async function patientIn(lang: Lang, extra: Record<string, unknown> = {}) {
  return s.newPatient({ firstName: lang === 'en' ? 'Ruth' : 'Rosa', language: lang, ...extra });
}

describe('a reply that answers the question and says something else', () => {
  it.each([
    ['en', "I fell last week but I'm ok now"],
    ['es', 'me caí la semana pasada pero ya estoy bien'],
  ] as const)('%s: "%s" to "how are you feeling" is a fall for a nurse, not "glad you feel well"', async (lang, text) => {
    const patient = await patientIn(lang);
    const started = await s.checkIn(patient, 'wellness');
    const replies = await s.say(patient, text);
    expect(replies.join(' ')).not.toContain(prompt('wellness.close_well', lang, patient.firstName));
    expect(await s.observations(patient.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'concern_reported', value: { category: 'fall' } })]),
    );
    expect(await reasons(patient.id)).toContain('elevated:concern:fall');
    expect((await s.conversation(started.conversationId)).status).toBe('active');
  });

  it.each([
    ['en', 'Yes, I took it. But my feet are very swollen today', 'medication.close_taken'],
    ['es', 'Sí, ya me la tomé. Pero tengo los pies bien hinchados', 'medication.close_taken'],
  ] as const)('%s: "%s" records the dose taken and raises the swelling', async (lang, text, close) => {
    const patient = await patientIn(lang, { conditions: ['heart failure', 'hypertension'] });
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'furosemide', dose: '40 mg', times: ['08:00'] });
    const started = await s.checkIn(patient, 'medication');
    const replies = await s.say(patient, text);
    expect(replies).toEqual([prompt('system.concern_noted', lang, patient.firstName), prompt(close, lang, patient.firstName)]);
    expect(await s.observations(patient.id)).toMatchObject([
      { kind: 'medication_adherence', value: { taken: true } },
      { kind: 'concern_reported', value: { category: 'swelling' } },
    ]);
    expect(await reasons(patient.id)).toEqual(['elevated:concern:swelling']);
    expect((await s.conversation(started.conversationId)).status).toBe('completed');
  });

  it.each([
    ['en', 'my ankles are really swollen'],
    ['es', 'tengo los tobillos bien inflamados'],
  ] as const)('%s: "%s" to "how are you feeling" is taken as the concern, not re-prompted', async (lang, text) => {
    const patient = await patientIn(lang, { conditions: ['heart failure'] });
    const started = await s.checkIn(patient, 'wellness');
    const replies = await s.say(patient, text);
    expect(replies).toEqual([prompt('wellness.ask_severity', lang, patient.firstName)]);
    expect((await s.conversation(started.conversationId)).answers).toMatchObject({ wellness: 'concerns', concernCategory: 'swelling' });
    // Moderate and worse: the check-in closes with the concern on the review queue.
    await s.say(patient, '2');
    await s.say(patient, '2');
    expect(await s.observations(patient.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'concern', value: expect.objectContaining({ category: 'swelling' }) })]),
    );
    expect(await reasons(patient.id)).toEqual(['elevated:new_or_worse_concern']);
  });
});

describe('a reply the check-in cannot take', () => {
  it('"2" beside readings in a sentence is the concerns answer: the figures pick nothing from the menu', async () => {
    const patient = await patientIn('en', { conditions: ['type 2 diabetes'] });
    const started = await s.checkIn(patient, 'wellness');
    const replies = await s.say(patient, '2. Sugar readings are coming 250 to 280 fasting from last 5 days despite taking insulin as per schedule.');
    expect(replies.join(' ')).toContain(prompt('wellness.ask_concern', 'en', patient.firstName));
    expect((await s.conversation(started.conversationId)).answers).toMatchObject({ wellness: 'concerns' });
    expect(await s.observations(patient.id)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'glucose', value: { mgdl: 280 } })]));
  });

  it('a caregiver\'s account the medicine question cannot take is asked again and read by a person', async () => {
    const patient = await patientIn('en');
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'metformin', dose: '500 mg', times: ['08:00'] });
    const started = await s.checkIn(patient, 'medication');
    const replies = await s.say(patient, 'Yes for me, no for Earl. He hid his pills in the couch cushion again, found 2 days worth');
    expect(replies).toEqual([prompt('system.concern_noted', 'en', patient.firstName), prompt('medication.reprompt_taken', 'en', patient.firstName, { medicationName: 'medicine' })]);
    expect(await reasons(patient.id)).toEqual(['elevated:message_for_team']);
    expect((await s.conversation(started.conversationId)).status).toBe('active');
  });
});

describe('a text nobody asked for that needs nobody', () => {
  it.each([
    ['en', 'Eye exam done today. All normal. Report sent to you.'],
    ['es', 'Ya recogí la receta en la farmacia, todo bien, gracias'],
  ] as const)('%s: "%s" is kept, and the patient told so once in a while; a pleasantry gets nothing', async (lang, text) => {
    const patient = await patientIn(lang);
    expect(await s.say(patient, text)).toEqual([prompt('system.message_kept', lang, patient.firstName)]);
    expect(await reasons(patient.id)).toEqual([]);
    // A second within the hour is kept as quietly: two phones answering each other never loop.
    expect(await s.say(patient, text)).toEqual([]);
    expect(await s.say(patient, lang === 'en' ? 'thanks, have a good night' : 'gracias, buenas noches')).toEqual([]);
  });
});

describe('blood sugar', () => {
  it.each([
    ['en', 'shaky and sweaty, sugar is 45'],
    ['es', 'estoy temblando y sudando, el azúcar me salió en 45'],
  ] as const)('%s: "%s" is urgent: the safe low-sugar text, a nurse called, the check-in ends', async (lang, text) => {
    const patient = await patientIn(lang, { conditions: ['type 2 diabetes'] });
    const started = await s.checkIn(patient, 'wellness');
    expect(await s.say(patient, text)).toEqual([prompt('system.low_sugar', lang, patient.firstName)]);
    expect(await s.observations(patient.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'glucose', value: { mgdl: 45 } })]),
    );
    expect(await reasons(patient.id)).toEqual(expect.arrayContaining(['urgent:glucose_low']));
    expect((await s.conversation(started.conversationId)).status).toBe('escalated');
    await s.runDue();
    expect(s.sentTo(s.coordinator.phone).at(-1)?.Body).toMatch(/^URGENT Riverside Family Medicine: Ro?u?(th|sa) /);
  });

  it("uses the practice's own low-sugar wording when it has one, and refuses wording that cannot be sent", async () => {
    const url = `/api/v1/practices/${s.practice.id}`;
    const own = 'Hi {firstName}, your sugar is low. Follow the low-sugar plan Dr. Reyes gave you. A nurse will call you now.';
    const bad = await s.admin.patch(url, {
      prompts: { 'system.low_sugar': { en: 'Hi {patientName}' }, 'system.help': { en: 'x' }, 'system.urgent_reading': { es: 'x'.repeat(400) } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/\{patientName\}/);
    const saved = await s.admin.patch(url, { prompts: { 'system.low_sugar': { en: own } } });
    expect(saved.status).toBe(200);
    expect(saved.body.prompts).toEqual({ 'system.low_sugar': { en: own } });

    const patient = await patientIn('en', { conditions: ['type 2 diabetes'] });
    expect(await s.say(patient, 'sugar 48 and shaky')).toEqual([own.replace('{firstName}', patient.firstName)]);
    // Spanish has no wording of the practice's own: the catalog's is used.
    const rosa = await patientIn('es');
    expect(await s.say(rosa, 'el azucar en 50')).toEqual([prompt('system.low_sugar', 'es', rosa.firstName)]);

    expect((await s.admin.patch(url, { prompts: { 'system.low_sugar': null } })).body.prompts).toEqual({});
  });

  it.each([
    ['en', 'sugar was 320 this morning'],
    ['es', 'el azúcar me salió 320 en la mañana'],
  ] as const)('%s: "%s" with no check-in open stores the value and asks for a review', async (lang, text) => {
    const patient = await patientIn(lang, { conditions: ['type 2 diabetes'] });
    expect(await s.say(patient, text)).toEqual([prompt('system.concern_noted', lang, patient.firstName)]);
    expect(await s.observations(patient.id)).toMatchObject([{ kind: 'glucose', value: { mgdl: 320 } }]);
    expect(await reasons(patient.id)).toEqual(['elevated:glucose_high']);
  });
});

describe('vomiting with the body running dry', () => {
  it.each([
    ['en', "No. Ain't took none cause I been throwing up since Sunday, can't keep water down, and I ain't peed since yesterday"],
    ['es', 'No. Estoy vomitando desde el domingo y no retengo ni el agua'],
  ] as const)('%s: "%s" to the medicine question is urgent, and the on-call nurse is texted at once', async (lang, text) => {
    const patient = await patientIn(lang);
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'metformin', dose: '500 mg', times: ['08:00'], reminders: false });
    await s.checkIn(patient, 'medication');
    expect((await s.say(patient, text)).length).toBeGreaterThan(0);
    expect(await reasons(patient.id)).toContain('urgent:concern:fluids_lost_danger');
    await s.runDue();
    expect(s.sentTo(s.coordinator.phone).at(-1)?.Body).toMatch(/^URGENT Riverside Family Medicine: Ro?u?(th|sa) .*vomiting with nothing kept down or no urine/);
  });
});

describe('a wound going bad with a fever', () => {
  it('"la herida del pie ya huele feo ... tengo fiebre y escalofríos", with no check-in open, is urgent, and the on-call nurse is texted at once', async () => {
    const patient = await patientIn('es');
    await s.say(patient, 'La herida del pie ya huele feo, está negra en la punta del dedo y tengo fiebre y escalofríos desde ayer');
    expect(await reasons(patient.id)).toContain('urgent:concern:wound_infection_danger');
    await s.runDue();
    expect(s.sentTo(s.coordinator.phone).at(-1)?.Body).toMatch(/^URGENT .*a wound going bad with a fever/);
  });
});

describe('a bleed with the head going light', () => {
  it('"bleedin from my back end all mornin ... real woozy", with no check-in open, is urgent, and the on-call nurse is texted at once', async () => {
    const patient = await patientIn('en');
    await s.say(patient, "Mais, I been bleedin from my back end all mornin, bright red, toilet full, I'm real woozy. Ain't my hemorrhoids this time");
    expect(await reasons(patient.id)).toContain('urgent:concern:blood_lost_danger');
    await s.runDue();
    expect(s.sentTo(s.coordinator.phone).at(-1)?.Body).toMatch(/^URGENT .*bleeding with dizziness or fainting/);
  });
});

describe('a pulse off a watch', () => {
  it('"checked my watch it says 158" with a pounding heart is a pulse of 158: urgent, and the on-call nurse is texted at once', async () => {
    const patient = await patientIn('en');
    await s.checkIn(patient, 'wellness');
    await s.say(patient, "Heart's pounding like crazy, checked my watch it says 158 and I'm sweating buckets just sitting here. Feel lightheaded");
    expect(await reasons(patient.id)).toContain('urgent:pulse_abnormal');
    await s.runDue();
    expect(s.sentTo(s.coordinator.phone).at(-1)?.Body).toMatch(/^URGENT /);
  });
});

describe('asking for a person', () => {
  it.each([
    ['en', 'can you call me'],
    ['es', 'llámame por favor'],
    ['es', 'necesito hablar con la enfermera'],
  ] as const)('%s: "%s" puts a call-back on the list with their words, and the reply says when', async (lang, text) => {
    const patient = await patientIn(lang);
    const started = await s.checkIn(patient, 'wellness');
    const replies = await s.say(patient, text);
    // Tuesday 10:00 in Chicago: the call-back is due within a day.
    expect(replies[0]).toBe(prompt('system.callback_arranged', lang, patient.firstName, { when: lang === 'en' ? 'by tomorrow' : 'a más tardar mañana' }));
    expect(await s.observations(patient.id)).toMatchObject([{ kind: 'request', value: { kind: 'callback' } }]);
    const queue = (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts?patientId=${patient.id}`)).body.data;
    expect(queue).toMatchObject([{ reason: 'request:callback', level: 'elevated', patientText: text }]);
    expect(Date.parse(queue[0].reviewDueAt) - s.clock.now().getTime()).toBe(24 * 3600 * 1000);
    // The check-in goes on: the question is asked once more.
    expect(replies[1]).toBe(prompt('wellness.opening', lang, patient.firstName));
    expect((await s.conversation(started.conversationId)).status).toBe('active');
  });

  it.each([
    ['en', 'HELP ME'],
    ['es', 'ayúdenme por favor'],
  ] as const)('%s: "%s" is possible distress: asked if OK and the on-call nurse rung, not the HELP boilerplate', async (lang, text) => {
    const patient = await patientIn(lang);
    expect(await s.say(patient, text)).toEqual([prompt('system.distress', lang, patient.firstName)]);
    expect(await reasons(patient.id)).toEqual(['urgent:distress']);
    await s.runDue();
    expect(s.twilio.calls.filter((c) => c.To === s.coordinator.phone).length).toBeGreaterThan(0);
  });
});

describe('the words people use', () => {
  it.each([
    ['en', 'no pain'],
    ['en', 'none'],
    ['es', 'no me duele nada'],
    ['es', 'nada'],
  ] as const)('%s: "%s" to the pain question is pain 0', async (lang, text) => {
    const patient = await patientIn(lang);
    await s.checkIn(patient, 'symptoms');
    await s.say(patient, '128/82');
    expect(await s.say(patient, text)).toEqual([prompt('symptoms.ask_trend', lang, patient.firstName)]);
    expect(await s.observations(patient.id)).toMatchObject([{ kind: 'blood_pressure' }, { kind: 'pain', value: { score: 0 } }]);
    expect(await s.alerts(patient.id)).toEqual([]);
  });

  it.each([
    ['en', '3 my stomach pain is 10 out of 10, been doubled over since 4am'],
    ['es', '3 el dolor de panza es un 10 de 10, no me puedo enderezar'],
  ] as const)('%s: "%s" to "compared with last week" is worse, and severe pain reported as worse is urgent', async (lang, text) => {
    const patient = await patientIn(lang);
    const started = await s.checkIn(patient, 'symptoms');
    await s.say(patient, 'SKIP');
    await s.say(patient, '0');
    await s.say(patient, text);
    expect((await s.conversation(started.conversationId)).answers).toMatchObject({ trend: 'worse' });
    expect(await s.observations(patient.id)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'pain', value: { score: 10 } })]));
    expect(await reasons(patient.id)).toContain('urgent:pain_severe_worse');
  });

  it.each([
    ['en', 'yse'],
    ['es', 'sii'],
    ['es', 'si ya'],
  ] as const)('%s: "%s" is yes', async (lang, text) => {
    const patient = await patientIn(lang);
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'lisinopril', dose: '10 mg', times: ['08:00'] });
    await s.checkIn(patient, 'medication');
    expect(await s.say(patient, text)).toEqual([prompt('medication.close_taken', lang, patient.firstName)]);
    expect(await s.observations(patient.id)).toMatchObject([{ kind: 'medication_adherence', value: { taken: true } }]);
  });

  it.each([
    ['en', '👍', 'well'],
    ['en', '😔', 'concerns'],
    ['es', 'mas o menos', 'concerns'],
  ] as const)('%s: "%s" to "how are you feeling" is %s', async (lang, text, status) => {
    const patient = await patientIn(lang);
    const started = await s.checkIn(patient, 'wellness');
    await s.say(patient, text);
    expect((await s.conversation(started.conversationId)).answers).toMatchObject({ wellness: status });
  });
});

describe('questions about the texts themselves', () => {
  it.each([
    ['en', 'who is this?'],
    ['es', '¿quién es?'],
    // Whether a person is there: the answer says the check-ins are automatic and a nurse reads what needs one.
    ['en', 'is this a robot or a real person?'],
    ['es', '¿es una máquina o una persona de verdad?'],
  ] as const)('%s: "%s" says who is writing and why, then asks the question again', async (lang, text) => {
    const patient = await patientIn(lang);
    const started = await s.checkIn(patient, 'wellness');
    expect(await s.say(patient, text)).toEqual([
      prompt('system.who_we_are', lang, patient.firstName),
      prompt('wellness.opening', lang, patient.firstName).replace(/ (Reply STOP to opt out|Responda STOP para no recibir mas mensajes)\.$/, ''),
    ].map((t, i) => (i === 1 ? expect.stringContaining(t.slice(t.indexOf('?') - 20, t.indexOf('?') + 1)) : t)));
    expect(await s.alerts(patient.id)).toEqual([]);
    expect((await s.conversation(started.conversationId)).status).toBe('active');
  });

  it.each([
    ['en', 'I already answered this'],
    ['es', 'ya les contesté eso'],
  ] as const)('%s: "%s" gets an apology and the check-in closes, with no concern raised', async (lang, text) => {
    const patient = await patientIn(lang);
    const started = await s.checkIn(patient, 'wellness');
    expect(await s.say(patient, text)).toEqual([prompt('system.already_answered', lang, patient.firstName)]);
    expect((await s.conversation(started.conversationId)).status).toBe('cancelled');
    expect(await s.alerts(patient.id)).toEqual([]);
    expect(await kinds(patient.id)).toEqual([]);
  });

  it.each([
    ['en', 'wrong number'],
    ['es', 'número equivocado'],
  ] as const)('%s: "%s" stops all texts to the number and asks the team to check it', async (lang, text) => {
    const patient = await patientIn(lang);
    const started = await s.checkIn(patient, 'wellness');
    expect(await s.say(patient, text)).toEqual([prompt('system.wrong_number', lang, patient.firstName)]);
    expect(await reasons(patient.id)).toEqual(['elevated:wrong_number']);
    expect((await s.conversation(started.conversationId)).status).toBe('cancelled');
    const record = (await s.admin.get(`/api/v1/patients/${patient.id}`)).body;
    expect(record.phoneInvalidAt).not.toBeNull();
    // A new check-in is refused rather than texted to a stranger.
    const again = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    expect(again.status).toBe(409);
  });
});

describe('texts from numbers no patient has', () => {
  it.each([
    ['en', 'my mom Ruth fell again, can someone call me'],
    ['es', 'mi mamá se cayó otra vez, alguien me puede llamar'],
  ] as const)('%s: "%s" is kept, listed for the practice to read, and the sender told a person will', async (_lang, text) => {
    const stranger = { phone: `+1555${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}` };
    expect(await s.say(stranger, text)).toEqual([
      renderSms([{ prompt: 'system.unknown_sender_noted' }], 'en', { firstName: '', practiceName: s.practice.name, practicePhone: PRACTICE_PHONE }),
    ]);
    const list = (await s.admin.get(`/api/v1/practices/${s.practice.id}/unmatched-texts`)).body.data;
    const kept = list.find((t: { from: string }) => t.from === stranger.phone);
    expect(kept).toMatchObject({ body: text, reviewNeeded: true, urgent: false, reviewedAt: null });

    const reviewed = await s.admin.post(`/api/v1/unmatched-texts/${kept.id}/review`, { coordinatorId: s.coordinator.id, note: 'Called back: her daughter' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ reviewedBy: { id: s.coordinator.id, name: 'Nora Nurse' }, reviewNote: 'Called back: her daughter' });
    const waiting = (await s.admin.get(`/api/v1/practices/${s.practice.id}/unmatched-texts`)).body.data;
    expect(waiting.map((t: { id: string }) => t.id)).not.toContain(kept.id);
  });

  it('a greeting is kept but waits for nobody; a red flag tells the sender to call 911 and texts the on-call nurse', async () => {
    const stranger = { phone: '+15559870001' };
    await s.say(stranger, 'hello');
    const all = (await s.admin.get(`/api/v1/practices/${s.practice.id}/unmatched-texts?status=all`)).body.data;
    expect(all.find((t: { from: string }) => t.from === stranger.phone)).toMatchObject({ body: 'hello', reviewNeeded: false });

    const replies = await s.say(stranger, 'my husband has chest pain');
    expect(replies).toEqual([expect.stringContaining('Call 911 now')]);
    await s.runDue();
    const waiting = (await s.admin.get(`/api/v1/practices/${s.practice.id}/unmatched-texts`)).body.data;
    const urgent = waiting.find((t: { from: string }) => t.from === stranger.phone);
    expect(urgent).toMatchObject({ urgent: true, reviewNeeded: true });
    // The text points at where the message is in the app: on Today, its own page.
    expect(s.sentTo(s.coordinator.phone).at(-1)?.Body).toBe(
      `URGENT Riverside Family Medicine: a text from (555) 987-0001, a number no patient has, reports chest pain. Call them now. It is on Today in the app: https://hooks.example.com/app/unknown-senders/${urgent.id}`,
    );
  });
});

describe('a text while the check-in\'s first question waits for the morning', () => {
  it.each([
    ['en', 'hi, I have a question about my pills'],
    ['es', 'hola, buenas noches'],
  ] as const)('%s: "%s" is answered now with the first question, and the held copy is dropped', async (lang, text) => {
    // 22:00 in Chicago: quiet hours.
    await s.advanceTo(new Date(Date.UTC(2026, 10, 25 + (lang === 'en' ? 0 : 1), 4, 0)));
    const patient = await patientIn(lang);
    const response = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    await s.runDue();
    expect(s.sentTo(patient.phone)).toEqual([]);

    const replies = await s.say(patient, text);
    expect(replies.at(-1)).toBe(prompt('wellness.opening', lang, patient.firstName));
    await s.advance(12 * 3600 * 1000);
    await s.runDue();
    // The reply asked it (TwiML); the held copy was cancelled, not sent again in the morning.
    expect(s.sentTo(patient.phone)).toEqual([]);
    expect((await s.conversation(response.body.conversationId)).status).toBe('active');
  });
});
