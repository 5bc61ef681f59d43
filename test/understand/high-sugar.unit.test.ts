/**
 * A high sugar with the signs of its emergency (DKA, a hyperosmolar state) is
 * urgent; the sugar alone, or a sign alone, is not (src/flows/understand/high-sugar.ts).
 * The first came from a twelfth fresh set (L), where both were raised only as
 * "a high sugar reading".
 */
import { describe, expect, it } from 'vitest';
import { readMessage } from '../../src/flows/understand/index.js';

const danger = (text: string) => readMessage(text).concerns.includes('glucose_high_danger');

describe('a high sugar in danger', () => {
  it.each([
    "cant keep nothing down since yesterday, not even water, sugar reading 384 and my wife says my breath smells funny",
    'sugar meter just says HI and I been peeing constant and so thirsty, head feels foggy',
    'my sugar is through the roof and I cant keep anything down',
    'el azúcar le salió 420 y tiene un aliento a fruta, está muy atontado',
    'glucosa en 350, vomitando desde la mañana',
    // Thirst with drowsiness (from R).
    "my wife's sugar meter says HI, then 480 on the second try, she's real thirsty and sleepy",
  ])('is read in %j', (text) => {
    expect(danger(text)).toBe(true);
  });

  it.each([
    'sugar was 384 after the birthday cake, going for a walk',
    'foggy morning out here, sugar 110',
    'my breath smells like garlic after the pasta lol, sugar 140',
    'sugar 250 and threw up once after the bus ride',
    'sugar 180, thirsty and sleepy after the long drive',
  ])('is not read in %j', (text) => {
    expect(danger(text)).toBe(false);
  });
});
