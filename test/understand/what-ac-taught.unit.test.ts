/**
 * What the twenty-ninth fresh set (AC, test/understand/fresh-2026-12-ac.ts)
 * taught, each as the general rule it stands for, with the cases that must
 * keep reading as before beside it. Through the webhook:
 * test/bot/what-ac-taught.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { warmDictionary } from '../../src/flows/text/dictionary.js';
import { parseBloodPressure, parseTrend, parseWellbeing, parseYesNo } from '../../src/flows/text/index.js';
import { readMessage, readMissedSpan } from '../../src/flows/understand/index.js';
import { detectRedFlag } from '../../src/flows/safety/index.js';
import { evaluateTriage } from '../../src/triage/index.js';
import { bp, facts } from '../triage/facts.js';

beforeAll(() => warmDictionary(), 60_000);

describe('what AC taught: a reply that opens with the menu\'s number picked it', () => {
  it.each([
    "2 - this is Gary, Mom's son. She thought it was 1987 yesterday and asked for Dad twice. Thats new. Took her to Kopp's after and she ate her custard fine",
    "2 since Harold passed in March the house is so quiet. I eat crackers for supper most nights. I'm not sick exactly",
  ])('"2" first is concerns, whatever "fine" follows: "%s"', (text) => {
    expect(parseWellbeing(text)).toBe('concerns');
  });

  it('"3" first is worse, and "2" first to "did you take them?" a no, though later words say otherwise', () => {
    expect(parseTrend('3 - the knee is better but the breathing is not')).toBe('worse');
    expect(parseYesNo('2 - took the small one, the big one made me sick')).toBe('no');
  });

  it.each([
    // The reassuring answer first never outweighs words that say otherwise: asked again.
    ['1 but not feeling good today', parseWellbeing],
    ['1 or 2, not sure', parseWellbeing],
    ['1 better, but the breathing got worse', parseTrend],
  ] as const)('"%s" stays unsettled', (text, parse) => {
    expect(parse(text)).toBeNull();
  });

  it('a second number on the menu keeps the reply unsettled ("2 or 3?")', () => {
    expect(parseTrend('2 or 3? its better in the morning, worse at night')).toBeNull();
  });
});

describe('what AC taught: red flags in plain words', () => {
  it.each([
    ['my husband he speak funny since lunch, his mouth is going down on one side and he cannot hold the tea cup', 'stroke'],
    ["Dad went down in the yard, he's breathing but not answering us right. What do we do??", 'unresponsive'],
    ['estoy sangrando de la nariz desde hace 2 hours y no para, estoy en warfarin', 'severe_bleeding'],
  ])('"%s" is %s', (text, category) => {
    expect(detectRedFlag(text)?.category).toBe(category);
  });

  it.each([
    'she speaks funny english, always has, her smile is the same as ever', // one sign is no stroke
    'sangré hace dos horas un poquito de la nariz, ya paró', // bled two hours ago, and stopped
    'he is breathing better since the new inhaler',
  ])('"%s" is no red flag', (text) => {
    expect(detectRedFlag(text)).toBeNull();
  });
});

describe('what AC taught: a count of none is a denial', () => {
  it.each(['0 headaches this week', 'Better. 3 cups of coffee, 0 headaches', 'cero dolor hoy'])('"%s" raises no pain', (text) => {
    expect(readMessage(text).concerns).not.toContain('pain');
  });

  it.each(['3 headaches this week', 'temp 100.0 headache bad'])('a count of some, or a decimal\'s 0, still tells it: "%s"', (text) => {
    expect(readMessage(text).concerns).toContain('pain');
  });
});

describe('what AC taught: a pressure too low', () => {
  it('a cuff in shock is read: "58/34"', () => {
    expect(readMessage('mi maquina dice 58/34 y estoy muy mareada').vitals).toContainEqual({ kind: 'blood_pressure', systolic: 58, diastolic: 34 });
    expect(parseBloodPressure('58/34')).toEqual({ kind: 'ok', systolic: 58, diastolic: 34 });
  });

  const ruleIds = (systolic: number, diastolic: number) => evaluateTriage(facts([bp(systolic, diastolic)])).findings.map((f) => [f.ruleId, f.level]);

  it.each([
    [58, 34, 'bp_very_low', 'urgent'],
    [86, 52, 'bp_low', 'elevated'],
  ])('%i/%i raises %s (%s) by the default rules', (systolic, diastolic, ruleId, level) => {
    expect(ruleIds(systolic, diastolic)).toContainEqual([ruleId, level]);
  });

  it('an ordinary pressure raises no low one', () => {
    expect(ruleIds(112, 70)).toEqual([]);
  });
});

describe('what AC taught: days without pills told by a date', () => {
  // Sunday the 6th.
  const today = { weekday: 0, dayOfMonth: 6 };

  it.each([
    ["Haven't touched the pill box since the 1st and today's the 6th", 5],
    ["haven't taken my pills since the 3rd", 3],
    ['no me he tomado las pastillas desde el dia 2', 4],
    // Later than today: last month's.
    ['no me he tomado las pastillas desde el 28', 8],
  ])('"%s" is %i days', (text, days) => {
    expect(readMissedSpan(text, today)).toBe(days);
  });

  it.each([
    "haven't taken my pills since 3", // a clock's 3
    'I have been dizzy since the 1st', // no medicine
    'took them every day since the 1st', // taken
  ])('"%s" is no span', (text) => {
    expect(readMissedSpan(text, today)).toBeNull();
  });

  it('a date is no span when the day of the month is not known', () => {
    expect(readMissedSpan("haven't taken my pills since the 3rd", 0)).toBeNull();
  });
});
