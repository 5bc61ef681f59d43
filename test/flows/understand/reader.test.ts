/**
 * The message reader's rules, one at a time: what counts as a concern, a
 * reading or a request, and what does not. The corpora in test/understand
 * measure it on realistic texts; these pin each rule down.
 */
import { describe, expect, it } from 'vitest';
import { readConcerns, readMessage, readRequests, readVitals } from '../../../src/flows/understand/index.js';
import { tokenHasStem } from '../../../src/flows/text/fuzzy.js';

describe('concerns', () => {
  it.each([
    ['I did fall tuesday night', 'fall'],
    ['my ankles are sweling', 'swelling'],
    ['tengo los pies inchados', 'swelling'],
    ['feelin real low lately', 'mood'],
    ['me da vahido cuando me levanto', 'dizziness'],
    ['the new pills got me sick to my stomach', 'vomiting'],
    ['been gaining weight', 'weight_gain'],
    ['have to sleep sitting up to breathe', 'breathing'],
    ['been a bit short of wind walking to the mailbox', 'breathing'],
  ])('"%s" is %s', (text, category) => {
    expect(readConcerns(text)).toContain(category);
  });

  it.each([
    ['no dizziness', 'a plain denial'],
    ['no e tenido mareos', 'a denial with "he" misspelt'],
    ['the cough is gone now', 'a symptom that has passed'],
    ['ya se me quitó la tos', 'a symptom that has passed, in Spanish'],
    ['the swelling went down after the new pill', 'swelling that eased'],
    ['fell asleep in my chair', 'an idiom'],
    ['me caí de la risa con mi nieto', 'an idiom, in Spanish'],
    ['that movie had me crying, so good', 'tears at a movie'],
    ['the cowboys are killing me this season', 'a team, not a body part'],
    ['mi papá ya se tomó las pastillas con el desayuno', 'breakfast is not fainting'],
  ])('"%s" is no concern (%s)', (text) => {
    expect(readConcerns(text)).toEqual([]);
  });

  it('does not read a denied resolution as one: "the swelling is not gone"', () => {
    expect(readConcerns('the swelling is not gone')).toEqual(['swelling']);
  });
});

describe('typos a stem forgives, and those it does not', () => {
  it.each([
    ['brething', 'breath', true],
    ['breaath', 'breath', true],
    ['mareado', 'mareado', true],
    ['contestar', 'congest', false],
    ['results', 'resurt', false],
    ['maria', 'mariad', false],
  ])('%s against %s*: %s', (token, stem, matches) => {
    expect(tokenHasStem(token, stem)).toBe(matches);
  });
});

describe('readings written in words', () => {
  it.each([
    ['sugar was in the 50s', [{ kind: 'glucose', mgdl: 50, over: true }]],
    // A decade is at least its figure: "in the 300s" is above 300.
    ['my sugars have been in the 300s all week', [{ kind: 'glucose', mgdl: 300, over: true }]],
    ['la glucosa me ha salido arriba de 300', [{ kind: 'glucose', mgdl: 300, over: true }]],
    ['el aparatito dice 83 de oxigeno', [{ kind: 'oxygen', percent: 83 }]],
    ['heart racing, my watch says 140', [{ kind: 'pulse', bpm: 140 }]],
    ['198 over 122 this morning', [{ kind: 'blood_pressure', systolic: 198, diastolic: 122 }]],
    ['weight this morning 192 yesterday it was 188', [{ kind: 'weight', pounds: 192 }, { kind: 'weight_gain', pounds: 4, days: 1 }]],
    ['ayer pesaba 165 y hoy 169', [{ kind: 'weight', pounds: 165 }, { kind: 'weight_gain', pounds: 4, days: 1 }]],
    ['scale says 3 lb more than yesterday', [{ kind: 'weight_gain', pounds: 3, days: 1 }]],
    ['great day, pain is only a 1', [{ kind: 'pain', score: 1 }]],
    ['un 8 hoy la rodilla', [{ kind: 'pain', score: 8 }]],
    ['back pain for 2 days', []],
    ['blood sugar was fine, weighed 198', [{ kind: 'weight', pounds: 198 }]],
    // Bare numbers, as the cuff shows them: alone in the message, after the menu's answer, with the pulse.
    ['198 122', [{ kind: 'blood_pressure', systolic: 198, diastolic: 122 }]],
    ['1 126 80', [{ kind: 'blood_pressure', systolic: 126, diastolic: 80 }]],
    ['118 74 62', [{ kind: 'blood_pressure', systolic: 118, diastolic: 74 }, { kind: 'pulse', bpm: 62 }]],
    ['2 3', []],
    ['took 2 pills at 8 and 10', []],
    // Dictation writes a hundred as "1": joined only where the figures as written make no reading.
    ['blood pressure wash 1 90 over 1 15 and a pounding headache', [{ kind: 'blood_pressure', systolic: 190, diastolic: 115 }]],
    ['1 90 over 60', [{ kind: 'blood_pressure', systolic: 90, diastolic: 60 }]],
    // And "four" as "for": straight after a sugar and its verb, never before a length of time.
    ['Three worse my sugar was for 12 this morning and I have thrown up twice', [{ kind: 'glucose', mgdl: 412 }]],
    ['sugar was 4 12', [{ kind: 'glucose', mgdl: 412 }]],
    ['sugar was fine for 12 hours', []],
    ['sugar went down to 65', [{ kind: 'glucose', mgdl: 65 }]],
    // Above what the meter reads.
    ['MY METER JUST SAYS HI AND I CANT STOP THROWING UP', [{ kind: 'glucose', mgdl: 600, over: true }]],
    ['Hi, sugar was good this morning', []],
    // Written as a list with dashes; two figures side by side after a word for blood pressure; a nurse's word for a sugar.
    ['1 / bp-128-80 / sugar-112 / weight-174', [{ kind: 'blood_pressure', systolic: 128, diastolic: 80 }, { kind: 'glucose', mgdl: 112 }, { kind: 'weight', pounds: 174 }]],
    ['presión 130 85', [{ kind: 'blood_pressure', systolic: 130, diastolic: 85 }]],
    ['fingerstick 126 with breakfast', [{ kind: 'glucose', mgdl: 126 }]],
    ['one forty-five over ninety-two', [{ kind: 'blood_pressure', systolic: 145, diastolic: 92 }]],
    // A series of one measure: the sugar furthest out, a weight log's last and its gain from the first.
    ['Sugar readings keep climbing: 198 Mon, 224 Wed, 251 today', [{ kind: 'glucose', mgdl: 251 }]],
    ['mi sugar sigue alto, 285 en la mañana y 310 después de cenar', [{ kind: 'glucose', mgdl: 310 }]],
    ['sugar 62 at 3 am then 85 after juice', [{ kind: 'glucose', mgdl: 62 }]],
    ['sugar 150 for 30 days', [{ kind: 'glucose', mgdl: 150 }]],
    ['Weight log: Mon 212.4, Tue 213.0, Wed 214.8, Thu 216.1, Fri 217.6', [{ kind: 'weight', pounds: 217.6 }, { kind: 'weight_gain', pounds: 5.2, days: 7 }]],
    ['weighed 182 today, was 177 on wed', [{ kind: 'weight', pounds: 182 }, { kind: 'weight_gain', pounds: 5, days: 7 }]],
    // Below what the meter reads.
    ['her sugar thing just says LO', [{ kind: 'glucose', mgdl: 20 }]],
  ])('"%s"', (text, vitals) => {
    expect(readVitals(text)).toEqual(vitals);
  });

  it('a low pain score is an answer, not a concern', () => {
    expect(readMessage('pain is a 1 today').concerns).toEqual([]);
    // A gain said with its figure is weighed as a reading is, not raised as a concern whatever it weighs.
    expect(readMessage('ate everything on the ship, weight up only 1 lb').concerns).toEqual([]);
    expect(readMessage('ate everything on the ship, weight up only 1 lb').vitals).toEqual([{ kind: 'weight_gain', pounds: 1, days: null }]);
    expect(readMessage('my weight is up and my ankles are puffy').concerns).toContain('weight_gain');
    // The menu's "2" (the same) is no score: the pain after it is news.
    expect(readMessage('2 same with the back, but it burns when I pee').concerns).toEqual(['pain']);
    expect(readMessage('my knee pain is a 6').concerns).toEqual(['pain']);
  });
});

describe('requests', () => {
  it.each([
    ["I'm out of my lasix", 'refill'],
    ['OUT OF METFORMIN since tues', 'refill'],
    ['only 2 of the water pills left', 'refill'],
    ['me quedan como 3 pastillas', 'refill'],
    ['I missed my appointment, can I make a new one', 'appointment'],
    ['llámame por favor', 'callback'],
    ['Please have the nurse return my call at her convenience', 'callback'],
    ['ask the doctor to ring me back when she can', 'callback'],
    ['Mi mamá no quiere comer. ¿La pueden llamar hoy?', 'callback'],
    ['who is this?', 'who_is_this'],
    ['wrong number', 'wrong_number'],
    ['please help me', 'distress'],
    ['can you help me I fell', 'distress'],
    ['ayúdenme por favor', 'distress'],
  ])('"%s" asks for %s', (text, kind) => {
    expect(readRequests(text)).toContain(kind);
  });

  it.each([
    ['went to my eye appointment yesterday, all good'],
    ['picked up my refill last week'],
    ['ya me surtieron la receta en la farmacia, gracias'],
    ["I'm out of town till Monday"],
    ['the lathe grabbed the gouge and scared the daylights out of me'],
    ['out of breath after the stairs'],
  ])('"%s" asks nothing of the team', (text) => {
    expect(readRequests(text).filter((k) => k === 'refill' || k === 'appointment')).toEqual([]);
  });

  it.each([['your texts help me stay on track honestly, thanks'], ['it really helps me remember'], ['los mensajes me ayudan mucho']])('"%s" is help received, not a call for it', (text) => {
    expect(readRequests(text)).not.toContain('distress');
  });

  // A wrong number stops every text to the phone: a denial counts only as the whole answer.
  it.each([['Not me.'], ['not me sorry'], ['Never signed up'], ["don't know who"], ['No soy yo'], ['Equivocado'], ['not my number'], ['this is not her phone, she moved']])(
    '"%s" says the number is wrong',
    (text) => {
      expect(readRequests(text)).toContain('wrong_number');
    },
  );

  it.each([
    ['1 better, a lot. Sat in the stands at the dragway all afternoon. Top fuel ran a 3.7, not me obviously lol'],
    ["A jammer got knocked out cold but she's ok, not me lol. I'm great, no pain."],
    ['I never heard of that side effect before, should I worry?'],
    ["I don't know who to ask about my pills"],
    ['No soy buena con los mensajes pero estoy bien'],
    ['Estaba equivocada, sí me la tomé esta mañana'],
  ])('"%s" is an aside, not a wrong number', (text) => {
    expect(readRequests(text)).not.toContain('wrong_number');
  });
});
