/**
 * Which of the patient's own medicines a text says were taken or not, and
 * why not: by name (typos, split spellings), brand, or what it is for, in
 * English and Spanish, each judged in its own clause.
 */
import { describe, expect, it } from 'vitest';
import { readMedicineMentions, type MedicineMention } from '../../src/flows/understand/index.js';

const MEDS = [
  { id: 'furo', name: 'Furosemide 40 mg' },
  { id: 'lisi', name: 'Lisinopril 10mg' },
  { id: 'metf', name: 'Metformin ER 500 mg' },
  { id: 'apix', name: 'Eliquis 5 mg' },
  { id: 'atorva', name: 'atorvastatin 20 mg tab' },
  { id: 'glar', name: 'Insulin glargine (Lantus) 20 units' },
];

const taken = (id: string): MedicineMention => ({ medicationId: id, taken: true });
const notTaken = (id: string, reason?: MedicineMention['reason']): MedicineMention =>
  reason ? { medicationId: id, taken: false, reason } : { medicationId: id, taken: false };

describe('readMedicineMentions in English', () => {
  it.each<[string, MedicineMention[]]>([
    ['took the water pill but not the lisinopril', [taken('furo'), notTaken('lisi')]],
    ['i stopped the water pill cause i was going to the bathroom too much', [notTaken('furo', 'stopped')]],
    ['ran out of my eliquis', [notTaken('apix', 'ran_out')]],
    ["I'm out of my lasix", [notTaken('furo', 'ran_out')]],
    ['the metformin makes me sick so I skip it', [notTaken('metf', 'side_effects')]],
    ['forgot the lisinopril', [notTaken('lisi', 'forgot')]],
    ['took my lasix and my metformin this morning', [taken('furo'), taken('metf')]],
    ['took the lisinopril and the lasix', [taken('lisi'), taken('furo')]],
    ["didn't take the lasix or the metformin", [notTaken('furo'), notTaken('metf')]],
    ['took lasix and didnt take lisinopril', [taken('furo'), notTaken('lisi')]],
    ['took the lasix, the lisinopril I forgot', [taken('furo'), notTaken('lisi', 'forgot')]],
    ['forgot the lasix this morning but took it at lunch', [taken('furo')]],
    ["the lasix, didn't take it", [notTaken('furo')]],
    ['took all my pills except the lasix', [notTaken('furo')]],
    ["didn't forget my lisinopril today", [taken('lisi')]],
    ['the doctor took me off the lisinopril', [notTaken('lisi', 'stopped')]],
    ["I don't take the metformin anymore", [notTaken('metf', 'stopped')]],
    ['skipped my blood thinner because of the bruising', [notTaken('apix', 'side_effects')]],
    ["my insurance won't cover the eliquis so I haven't taken it", [notTaken('apix', 'cost')]],
    ["haven't taken the lasix since I ran out", [notTaken('furo', 'ran_out')]],
    ["didn't take my metformin because I was traveling", [notTaken('metf', 'other')]],
    ['no lasix today', [notTaken('furo')]],
    ['lasix yes, lisinopril no', [taken('furo'), notTaken('lisi')]],
    ['took my cholesterol pill and my insulin', [taken('atorva'), taken('glar')]],
    ['took the lipitor and the lantus', [taken('atorva'), taken('glar')]],
    ['skipped breakfast and took the lasix', [taken('furo')]],
    ['Took everything but the metformin', [notTaken('metf')]],
    ['I take lisinopril in the morning and metformin at night', [taken('lisi'), taken('metf')]],
    ["didn't take the lasix, ran out", [notTaken('furo', 'ran_out')]],
    ['not taking lasix, it makes me pee too much', [notTaken('furo', 'side_effects')]],
    ['Metformin: took it', [taken('metf')]],
    ['Taken lisinopril. Not metformin.', [taken('lisi'), notTaken('metf')]],
    ['forgot to take my metformin', [notTaken('metf', 'forgot')]],
    ['My daughter gave me my insulin', [taken('glar')]],
  ])('"%s"', (text, expected) => {
    expect(readMedicineMentions(text, MEDS)).toEqual(expected);
  });

  it('reads brands of the generic on the list, and the generic of a brand on it', () => {
    const meds = [{ id: 'riva', name: 'rivaroxaban 20 mg' }, { id: 'cou', name: 'Coumadin' }];
    expect(readMedicineMentions("can't afford the xarelto", meds)).toEqual([notTaken('riva', 'cost')]);
    expect(readMedicineMentions('took my warfarin', meds)).toEqual([taken('cou')]);
  });

  it('forgives one typo in a name of 5+ letters, and a name split in two', () => {
    expect(readMedicineMentions('lisinipril yes, metforman no', MEDS)).toEqual([taken('lisi'), notTaken('metf')]);
    expect(readMedicineMentions('took the lie sinopril', MEDS)).toEqual([taken('lisi')]);
    expect(readMedicineMentions('took my met forming', MEDS)).toEqual([taken('metf')]);
    expect(readMedicineMentions('forgot my eliqis', MEDS)).toEqual([notTaken('apix', 'forgot')]);
  });

  it('forgives two slips in a long name spelt by ear, when its first letter is right', () => {
    expect(readMedicineMentions('yep took the metaforman', MEDS)).toEqual([taken('metf')]);
    expect(readMedicineMentions('took the atorvastaten and the lisinoprill', MEDS)).toEqual([taken('atorva'), taken('lisi')]);
  });

  it.each([
    'should I take the metformin at night?',
    'should I take the metformin at night',
    'can i skip the lasix tomorrow, my daughter is getting married?',
    "I don't remember if I took the lasix",
    'gonna take my metformin after dinner',
    'took my blood pressure this morning, 130/80',
    'my lasix is on the counter',
    'the lasix makes me pee a lot',
    'took my pills',
    'the nurse said to stop the lasix',
    'metformin 500 twice a day',
  ])('says nothing of "%s"', (text) => {
    expect(readMedicineMentions(text, MEDS)).toEqual([]);
  });

  it('reports a medicine stated elsewhere in a text that also asks about it', () => {
    expect(readMedicineMentions('took the lasix. should I take the metformin at night?', MEDS)).toEqual([taken('furo')]);
  });

  it('names every medicine of a kind in the plural, none when singular and there are several', () => {
    const meds = [{ id: 'lisi', name: 'lisinopril' }, { id: 'amlo', name: 'amlodipine 5mg' }];
    expect(readMedicineMentions('took my blood pressure pills', meds)).toEqual([taken('lisi'), taken('amlo')]);
    expect(readMedicineMentions('took my blood pressure pill', meds)).toEqual([]);
    expect(readMedicineMentions('took my blood pressure pill and the norvasc', meds)).toEqual([taken('amlo')]);
  });

  it('does not take everyday words for medicine words', () => {
    const meds = [...MEDS, { id: 'asa', name: 'Baby aspirin 81mg' }];
    expect(readMedicineMentions('went to the gas station and took my lasix', meds)).toEqual([taken('furo')]);
    expect(readMedicineMentions('took my lasix on an empty stomach', meds)).toEqual([taken('furo')]);
    expect(readMedicineMentions("I'm quite sure I took the lasix", meds)).toEqual([taken('furo')]);
    expect(readMedicineMentions('stopped by the pharmacy and picked up my lasix', meds)).toEqual([]);
    expect(readMedicineMentions('took the baby to the park', meds)).toEqual([]);
    expect(readMedicineMentions('took my baby aspirin', meds)).toEqual([taken('asa')]);
  });

  it('goes back to medicines just named after "but"', () => {
    expect(readMedicineMentions('didnt take my water pill yesterday but did today', MEDS)).toEqual([taken('furo')]);
  });

  it('names only medicines on the list', () => {
    expect(readMedicineMentions('forgot the lisinopril', [{ id: 'metf', name: 'metformin' }])).toEqual([]);
  });
});

describe('readMedicineMentions in Spanish', () => {
  it.each<[string, MedicineMention[]]>([
    ['no me he tomado la de la presión', [notTaken('lisi')]],
    ['ya me tomé la del azúcar y la de la presión', [taken('metf'), taken('lisi')]],
    ['no me tomé ni la de la presión ni la del azúcar', [notTaken('lisi'), notTaken('metf')]],
    ['se me olvidó la metformina', [notTaken('metf', 'forgot')]],
    ['se me acabó la pastilla del agua', [notTaken('furo', 'ran_out')]],
    ['dejé de tomar la metformina porque me cae mal', [notTaken('metf', 'stopped')]],
    ['no me alcanza para el eliquis', [notTaken('apix', 'cost')]],
    ['me tomé todas menos la de la presión', [notTaken('lisi')]],
    ['ya me tomé la furosemida pero no la metformina', [taken('furo'), notTaken('metf')]],
    ['no se me olvidó la pastilla para adelgazar la sangre', [taken('apix')]],
    ['la metformina no me la tomé', [notTaken('metf')]],
    ['me salté la insulina porque no tenía comida', [notTaken('glar', 'other')]],
    ['la del azucar si, la de la presion no', [taken('metf'), notTaken('lisi')]],
    ['se me olvido la lisinoprill pero ya me la tome', [taken('lisi')]],
    ['la metformina me da diarrea y ya no me la tomo', [notTaken('metf', 'stopped')]],
    ['ya le di a mi mamá la pastilla de la presión y la del colesterol', [taken('lisi'), taken('atorva')]],
    ['no, no me he tomado el lasix', [notTaken('furo')]],
    ['no pude comprar la metformina', [notTaken('metf', 'cost')]],
    ['ya se me acabaron las pastillas de la presion', [notTaken('lisi', 'ran_out')]],
  ])('"%s"', (text, expected) => {
    expect(readMedicineMentions(text, MEDS)).toEqual(expected);
  });

  it.each([
    'me tomé la presión y salió 130 con 80',
    '¿puedo tomar la metformina en la noche?',
    'voy a tomar la de la presión más tarde',
    'no sé si me tomé la metformina',
  ])('says nothing of "%s"', (text) => {
    expect(readMedicineMentions(text, MEDS)).toEqual([]);
  });
});
