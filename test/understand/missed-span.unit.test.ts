/**
 * How many days a text says medicines went untaken: a span beside a
 * statement of not taking them, in English and Spanish; nothing when the
 * span is about something else or the text says it took them.
 */
import { describe, expect, it } from 'vitest';
import { readMissedSpan } from '../../src/flows/understand/index.js';

const SUN = 0;
const MON = 1;
const TUE = 2;
const WED = 3;
const THU = 4;
const FRI = 5;

describe('readMissedSpan', () => {
  it.each<[string, number | undefined, number]>([
    ["haven't taken my pills since monday", WED, 2],
    ['no he tomado mis pastillas desde el lunes', THU, 3],
    ["didn't take them in 3 days", undefined, 3],
    ["haven't taken my meds for a week", undefined, 7],
    ['missed my pills all week', undefined, 7],
    ['hace cuatro días que no me las tomo', undefined, 4],
    ['ran out, two days now', undefined, 2],
    ['se me acabaron desde el viernes', MON, 3],
    // Insulin is put on; "ninguna" is the pills; refusing is not taking.
    ['hace como 5 días que no me pongo la insulina', undefined, 5],
    ['desde el jueves pasado no me tomo ninguna', MON, 4],
    ["she won't take the binders or the blood pressure pills since Sunday", MON, 1],
    ["haven't taken my pills since the weekend", TUE, 3],
    ['no me las he tomado desde el fin de semana', WED, 4],
    ['forgot my pills for 2 days', undefined, 2],
    ['no me he tomado la de la presión en tres días', undefined, 3],
    ['stopped taking the metformin a week ago', undefined, 7],
    ['llevo dos semanas sin tomar la insulina', undefined, 14],
    ['since monday no pills', WED, 2],
    ["haven't taken them since yesterday", undefined, 1],
    ['no me las tomo desde antier', undefined, 2],
    ["didn't take my lasix, it's been 3 days", undefined, 3],
    ["haven't taken my pills since monday", MON, 1],
    ["haven't taken my pills since last monday", MON, 7],
    ['havent tkaen my pils since wensday', FRI, 2],
    ['no me he tomado mis pastillas en toda la semana', undefined, 7],
    ['se me olvidaron las pastillas un par de días', undefined, 2],
    ["didn't take my pills for a day", undefined, 1],
    ['se me olvidaron desde el lunes', WED, 2],
    ['no me tomé la pastilla del agua desde el domingo', WED, 3],
    ["I haven't been able to afford my eliquis for 2 weeks", undefined, 14],
    ['Ran out of my water pill since Saturday.', SUN, 1],
    ["I've been dizzy for 3 days. Didn't take my pills in 2 days", undefined, 2],
    ["haven't had my insulin in 2 days", undefined, 2],
    ['2 days without my pills', undefined, 2],
    ['3 days no meds', undefined, 3],
    ['sin medicina desde el martes', THU, 2],
    ['Since Tuesday I have not taken my medicine', THU, 2],
    ['No, ran out 3 days ago', undefined, 3],
    ['forgot to pick up my refill, been 2 days without', undefined, 2],
    // The weekday and the patient's own count disagree: the longer is the one a nurse must hear.
    ["Haven't taken the heart pills since Sunday, five days, my mail order never came", TUE, 5],
  ])('"%s" (today %s) is %i days', (text, today, days) => {
    expect(readMissedSpan(text, today)).toBe(days);
  });

  it.each<[string, number | undefined]>([
    ['I have been dizzy since monday', WED],
    ['took them every day since monday', WED],
    ["haven't taken my pills", WED],
    ["haven't taken my blood pressure since monday", WED],
    ['no he tomado agua desde ayer', undefined],
    ["haven't missed a dose since monday", WED],
    ["haven't slept since monday", WED],
    ['the dizziness stopped since monday', WED],
    ["haven't taken them since I ran out", WED],
    ['I take them twice a day', undefined],
    ["I've been dizzy for 3 days, didn't take my pills today", undefined],
    ["I'm not sure if I took them for 3 days", undefined],
    ['me he sentido mareada desde el lunes', WED],
    ['took my pills, the dizziness stopped 3 days ago', undefined],
    ["I didn't take my pills monday", WED],
    ["I've missed 2 doses", undefined],
    ['I took them 3 days ago', undefined],
  ])('"%s" (today %s) says no missed span', (text, today) => {
    expect(readMissedSpan(text, today)).toBeNull();
  });

  it('needs the weekday a text was sent to count from a weekday', () => {
    expect(readMissedSpan("haven't taken my pills since monday")).toBeNull();
    expect(readMissedSpan("haven't taken my pills since monday", 9)).toBeNull();
    expect(readMissedSpan('no he tomado mis pastillas desde ayer')).toBe(1);
  });
});

describe('what Q taught: not wanting to take them, and a reflexive "no se ha tomado"', () => {
  it.each([
    ['Mi papá no ha querido tomarse ninguna pastilla desde el domingo', 2],
    ['no se ha tomado las pastillas desde el domingo', 2],
    ['he hasnt wanted to take any pills since sunday', 2],
  ])('"%s" is %i days without medicine (sent on a Tuesday)', (text, days) => {
    expect(readMissedSpan(text, 2)).toBe(days);
  });

  it('still reads "no sé si" as doubt', () => {
    expect(readMissedSpan('no se si tome las pastillas desde el domingo', 2)).toBeNull();
  });
});

describe('what S taught: doses found hidden, and "nada" taken', () => {
  it.each([
    ['Mi papa dice que si pero le encontre en la bolsa del pantalon las pastillas de toda la semana', 7],
    ['No, mi mama no se ha tomado nada en 3 dias, she refuses and spits them out', 3],
  ])('"%s" is %i days without medicine', (text, days) => {
    expect(readMissedSpan(text, 2)).toBe(days);
  });

  it.each(['found a cheaper pharmacy for my pills this week', 'no he tomado nada de alcohol en 3 dias'])('"%s" says no medicine missed', (text) => {
    expect(readMissedSpan(text, 2)).toBeNull();
  });
});

describe('what T taught: a stop that began last week goes on', () => {
  it.each([
    ['I quit taking all of them last week, they make me feel funny', 3, 4],
    ['dejé todas las pastillas la semana pasada', 0, 1],
  ])('"%s", read on weekday %i, is %i days without medicine at least', (text, today, days) => {
    expect(readMissedSpan(text, today)).toBe(days);
  });

  it.each([
    'I missed one dose last week but none since',
    'stopped at the pharmacy last week for my refill',
    'ya se me quitaron los mareos la semana pasada',
    'me quitaron la pastilla de la presión la semana pasada',
  ])('"%s" is no span', (text) => {
    expect(readMissedSpan(text, 3)).toBeNull();
  });
});
