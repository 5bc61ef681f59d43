/**
 * What the twenty-eighth fresh set (AB, test/understand/fresh-2026-12-ab.ts)
 * taught, each as the general rule it stands for, with the cases that must
 * keep reading as before beside it. Through the webhook:
 * test/bot/what-ab-taught.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { warmDictionary } from '../../src/flows/text/dictionary.js';
import { parseTrend, parseYesNo } from '../../src/flows/text/index.js';
import { forTheOffice, leftOver, needsAPerson, readMedicineMentions, readMessage } from '../../src/flows/understand/index.js';
import { parseTakenOf } from '../../src/flows/machines/medication.js';
import type { FlowContext } from '../../src/flows/machines/flow-setup.js';
import { classifyKeyword } from '../../src/flows/safety/keywords.js';
import { detectRedFlag } from '../../src/flows/safety/index.js';

beforeAll(() => warmDictionary(), 60_000);

const settles = (text: string) => !needsAPerson(leftOver(text));

describe('what AB taught: an oximeter\'s pulse', () => {
  it.each([
    ['the pulse ox says 148 and I feel lightheaded', 148],
    ['oximeter said 132, heart pounding', 132],
  ])('a figure off an oximeter above any oxygen\'s is the pulse: "%s"', (text, bpm) => {
    expect(readMessage(text).vitals).toContainEqual({ kind: 'pulse', bpm });
  });

  it.each([
    ['pulse ox 96 this morning', { kind: 'oxygen', percent: 96 }],
    ['oximeter said 94 and 88', { kind: 'oxygen', percent: 94 }],
  ])('an oxygen off an oximeter stays the oxygen: "%s"', (text, vital) => {
    expect(readMessage(text).vitals).toEqual([vital]);
  });

  it('"oxygen" alone names no machine that shows a pulse', () => {
    expect(readMessage('oxygen 130').vitals).toEqual([]);
  });
});

describe('what AB taught: "no more" and "basta" stop texts only as the whole message', () => {
  it('a sentence of "no more" among others is about what they are about, and a person reads them', () => {
    const text = 'hello. me. the... pills. the white ones. gone. no more. need the... paper. doctor';
    expect(classifyKeyword(text)).toBeNull();
    expect(settles(text)).toBe(false);
  });

  it.each(['No more', 'no more please', 'Basta', 'ya basta'])('"%s" alone still stops texts', (text) => {
    expect(classifyKeyword(text)).toBe('opt_out');
  });
});

describe('what AB taught: whose trouble a cleft sentence names', () => {
  it.each([
    'its the dog thats sick not me lol',
    'el que está peor es mi perro',
    "the one that's limping is the cat",
  ])('the one named is someone else, and the writer is left out: "%s"', (text) => {
    expect(readMessage(text).concerns).toEqual([]);
    expect(settles(text)).toBe(true);
  });

  it.each(["its not the dog thats sick, its me", 'el que esta peor soy yo', 'the one that is sick is me'])(
    'the writer as the one is the writer\'s news: "%s"',
    (text) => {
      expect(settles(text)).toBe(false);
    },
  );
});

describe('what AB taught: a name that opens each sentence it is in', () => {
  it.each([
    "Walter says 1. Walter's rash cleared right up with the cream.",
    'Eleanor is a 1 today. Eleanor made 6 dozen sugar cookies for the bake sale and ate exactly one.',
  ])('is someone written of in the third person, not two unknown words: "%s"', (text) => {
    expect(leftOver(text).unknown).toEqual([]);
  });

  it.each([
    // A medicine misspelt is still unknown: a person reads it.
    'Metforman gone. Metforman ran out',
    // Written once, a capital at a sentence's start says nothing.
    'Zorbex is what the pharmacy gave me. made me sick',
  ])('but not a medicine, nor a word written once: "%s"', (text) => {
    expect(leftOver(text).unknown.length).toBeGreaterThan(0);
  });
});

describe("what AB taught: a vaccine's sore arm", () => {
  it.each([
    'got my flu shot and covid booster today 💉💉 arm a little sore lol',
    "Just letting you know I got my flu shot at the pharmacy today. Arm's a little sore but that's it.",
    'Me puse la vacuna de la gripe ayer, me duele un poco el brazo',
  ])('is what a vaccine leaves, no news: "%s"', (text) => {
    expect(readMessage(text).concerns).toEqual([]);
    expect(settles(text)).toBe(true);
  });

  it.each([
    ['arm sore from the flu shot, and swollen and hot', ['swelling']],
    ['flu shot yesterday, arm sore and I have a fever', ['pain', 'fever']],
    // "Shot" alone is insulin's too: its sore arm is read as ever.
    ['got my insulin shot, arm sore', ['pain']],
    ['covid booster yesterday. chest sore', ['pain']],
  ])('anything more, or another place, or no vaccine, is read as ever: "%s"', (text, concerns) => {
    expect(readMessage(text).concerns).toEqual(concerns);
  });
});

describe('what AB taught: a bleed stopped, in learner English', () => {
  it('"the bleeding stop after one hour" says it stopped', () => {
    expect(readMessage('I go to dentist yesterday, tooth pull out, no problem, the bleeding stop after one hour').concerns).toEqual([]);
  });

  it('denied, it is still bleeding', () => {
    expect(readMessage('the bleeding dont stop after one hour').concerns).toEqual(['bleeding']);
    expect(detectRedFlag('nose bleed wont stop after 30 minutes')?.category).toBe('severe_bleeding');
  });
});

describe('what AB taught: a bill that came, noun first', () => {
  it('is the front desk\'s', () => {
    expect(forTheOffice('la factura que me llegó dice 35 dólares')).toEqual(['billing']);
  });

  it('a medicine that went unpaid is not', () => {
    expect(forTheOffice('la factura que me llegó de la farmacia es muy cara, no compré la insulina')).toEqual([]);
  });
});

describe('what AB taught: PM is a time', () => {
  it('"all AM and PM meds" are no unknown words', () => {
    expect(leftOver('Yes, Dad took all AM and PM meds').unknown).toEqual([]);
  });
});

describe('found beside AB: an exception to a yes', () => {
  const medicines = [{ id: 'met', name: 'metformin' }, { id: 'lis', name: 'lisinopril' }];

  it.each([
    ['yes, all but the metformin', [{ medicationId: 'met', taken: false }]],
    ['sí, todas menos la metformina', [{ medicationId: 'met', taken: false }]],
    ['the rest yes, the metformin no', [{ medicationId: 'met', taken: false }]],
    ['yes, the metformin', [{ medicationId: 'met', taken: true }]],
    ['yes but I worry about the metformin', []],
  ])('"%s": a yes, then what was not taken', (text, mentions) => {
    expect(readMedicineMentions(text, medicines)).toEqual(mentions);
  });

  it('the medication check-in reads its medicine by the name on file, though its texts say "your medicine"', () => {
    const context = { medication: { id: 'met', name: 'medicine', dose: '', onFile: 'metformin' } } as unknown as FlowContext;
    expect(parseTakenOf('sí, menos la metformina', context)).toEqual({ ok: true, value: { taken: false } });
    expect(parseTakenOf('yes, all but the metformin', context)).toEqual({ ok: true, value: { taken: false } });
    expect(parseTakenOf('yes', context)).toEqual({ ok: true, value: { taken: true } });
    expect(parseTakenOf('yes took the lisinopril and the metformin', context)).toEqual({ ok: true, value: { taken: true } });
  });

  it.each(['Yes pero the eye drops no', 'yes the pills, the insulin no', 'sí, pero las gotas no'])(
    'a medicine answered no after its name is news a person reads: "%s"',
    (text) => {
      expect(settles(text)).toBe(false);
    },
  );

  it.each(['pills no problem, all good', 'no pain, pills yes, insulin yes'])('"%s" is no medicine refused', (text) => {
    expect(settles(text)).toBe(true);
  });
});

describe('what AB taught: a menu answer said of someone else is no answer of the patient\'s', () => {
  it.each([
    ['Jaja mae, el que está peor es mi perro, se comió un sapo', null],
    ['1 better, my neighbor is worse', 'better'],
    ['my dog is worse', null],
    // Compared with someone, it is the patient's own.
    ['worse than my neighbor', 'worse'],
    ['peor que mi vecina', 'worse'],
    // The answer said before them is still the patient's.
    ['2 my neighbor is worse', 'same'],
  ])('"%s" -> %s', (text, trend) => {
    expect(parseTrend(text)).toBe(trend);
  });

  it('"no my dog ate them" to "did you take your medicine?" is a no', () => {
    expect(parseYesNo('no my dog ate them')).toBe('no');
  });
});
