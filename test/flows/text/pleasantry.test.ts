import { describe, expect, it } from 'vitest';
import { isPleasantry } from '../../../src/flows/text/index.js';

describe('isPleasantry', () => {
  it.each(['thanks!', 'Ok thank you so much 🙏', 'gracias', 'Muchas gracias, Dios le bendiga', '👍', 'ok', 'bye, have a nice day', 'está bien, gracias'])(
    '%j needs nobody',
    (text) => expect(isPleasantry(text)).toBe(true),
  );
  it.each(['my feet are swollen', 'ok but my sugar is 300', 'I need a refill', 'gracias, pero me siento mareado', 'can someone call me'])(
    '%j may be a concern',
    (text) => expect(isPleasantry(text)).toBe(false),
  );
});
