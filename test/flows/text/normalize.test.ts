import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from '../../../src/flows/text/normalize.js';
import { splitClauses } from '../../../src/flows/text/clauses.js';

describe('normalizeText', () => {
  it.each([
    ['Sí', 'si'],
    ['RESPIRACIÓN', 'respiracion'],
    ['niño año', 'nino ano'],
    ['Can’t breathe', 'cant breathe'],
    ["I'm fine", 'im fine'],
    ['don`t', 'dont'],
    ['“Good”', 'good'],
    ['  lots   of   space  ', 'lots of space'],
    ['145/92', '145/92'],
    ['145 / 92', '145/92'],
    ['7/10!', '7/10'],
    ['and/or', 'and or'],
    ['/ 5', '5'],
    ['#1', '1'],
    ['(1)', '1'],
    ['1.', '1'],
    ['1)', '1'],
    ['opt-out', 'opt out'],
    ['STOP!!!', 'stop'],
    ['¿Cómo está?', 'como esta'],
    ['👍👍', ''],
    ['feeling 😀 good', 'feeling good'],
    ['1️⃣', '1'],
    ['ＳＴＯＰ', 'stop'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('tokenize', () => {
  it('splits normalised text into words', () => {
    expect(tokenize('No, I can’t!')).toEqual(['no', 'i', 'cant']);
  });
  it('returns no tokens for emoji only', () => {
    expect(tokenize('🙂 ...')).toEqual([]);
  });
});

describe('splitClauses', () => {
  it.each([
    ['no chest pain, but I can’t breathe', [['no', 'chest', 'pain'], ['i', 'cant', 'breathe']]],
    ['no chest pain but I can’t breathe', [['no', 'chest', 'pain'], ['i', 'cant', 'breathe']]],
    ['sin dolor pero me ahogo', [['sin', 'dolor'], ['me', 'ahogo']]],
    ['No. I took it', [['no'], ['i', 'took', 'it']]],
    ['no I took it', [['no'], ['i', 'took', 'it']]],
    ['no estoy bien', [['no', 'estoy', 'bien']]],
    ['pain is 7.5 today', [['pain', 'is', '7', '5', 'today']]],
    ['bp 145-92; pulse 70', [['bp', '145', '92'], ['pulse', '70']]],
    ['fine - thanks', [['fine'], ['thanks']]],
    // A list of things denied together is one clause; with "and", or after "not", the patient may be telling what they have.
    ['no swelling, shortness of breath or weight gain', [['no', 'swelling', 'or', 'shortness', 'of', 'breath', 'or', 'weight', 'gain']]],
    ['without fever, chills, cough or sweats', [['without', 'fever', 'or', 'chills', 'or', 'cough', 'or', 'sweats']]],
    ['sin hinchazón, mareo ni dolor', [['sin', 'hinchazon', 'or', 'mareo', 'ni', 'dolor']]],
    ['no swelling, short of breath and dizzy', [['no', 'swelling'], ['short', 'of', 'breath', 'and', 'dizzy']]],
    ['not great, short of breath or wheezing', [['not', 'great'], ['short', 'of', 'breath', 'or', 'wheezing']]],
    ['no, chest pain or pressure', [['no'], ['chest', 'pain', 'or', 'pressure']]],
  ])('%j', (input, expected) => {
    expect(splitClauses(input)).toEqual(expected);
  });
});
