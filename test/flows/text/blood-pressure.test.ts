import { describe, expect, it } from 'vitest';
import { parseBloodPressure } from '../../../src/flows/text/index.js';

describe('parseBloodPressure', () => {
  it.each([
    ['145/92', 145, 92], ['145 / 92', 145, 92], ['145 over 92', 145, 92], ['145 sobre 92', 145, 92], ['145-92', 145, 92],
    ['145 92', 145, 92], ['BP 145/92', 145, 92], ['bp:145/92', 145, 92], ['my bp was 145/92 this morning', 145, 92],
    ['145/92 pulse 70', 145, 92], ['145/92 HR 70', 145, 92], ['pulse 70 bp 145/92', 145, 92], ['145/92/70', 145, 92],
    ['145 92 70', 145, 92], ['145/92mmHg', 145, 92], ['120/80 at 10:30', 120, 80], ['120/80 at 8am', 120, 80],
    ['mi presión es 130/80', 130, 80], ['130/80 on 3/15', 130, 80], ['130/80 on 10/12', 130, 80],
    ['sys 145 dia 92', 145, 92], ['systolic 145 diastolic 92', 145, 92], ['120/80 and 120/80', 120, 80],
    ['tengo 14/9', 140, 90], ['13 sobre 8', 130, 80], ['60/30', 60, 30], ['58/34', 58, 34], ['50/25', 50, 25], ['260/160', 260, 160], ['200/120', 200, 120],
    ['walked 30 minutes then 135/85', 135, 85],
  ])('%j -> ok %i/%i', (text, systolic, diastolic) => {
    expect(parseBloodPressure(text)).toEqual({ kind: 'ok', systolic, diastolic });
  });

  it.each([
    ['92/145', 92, 145], ['300/90', 300, 90], ['145/20', 145, 20], ['45/30', 45, 30], ['60/24', 60, 24], ['120/120', 120, 120],
    ['145/170', 145, 170], ['261/100', 261, 100],
  ])('%j -> implausible %i/%i', (text, systolic, diastolic) => {
    expect(parseBloodPressure(text)).toEqual({ kind: 'implausible', systolic, diastolic });
  });

  it.each([
    '145', 'high', '', 'I forgot to check', '120/80 and 130/85', 'weight 180 bp 140', '1/2', '1200/80', 'pulse 70',
  ])('%j -> none', (text) => {
    expect(parseBloodPressure(text)).toEqual({ kind: 'none' });
  });
});
