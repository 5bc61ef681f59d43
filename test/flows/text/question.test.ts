/** What asks something: a question is answered by a person, and never stops texts. */
import { describe, expect, it } from 'vitest';
import { isQuestion } from '../../../src/flows/text/question.js';

describe('isQuestion', () => {
  it.each(['who is this', 'Qué hago, me duele', '¿me pueden llamar?', 'is my appointment still on', 'what time do you open'])('"%s" asks', (text) => {
    expect(isQuestion(text)).toBe(true);
  });

  it.each(['¡Qué golazo de Messi anoche! Casi me da un infarto, che', 'What a game last night', 'what an evening we had', 'thanks, all good'])('"%s" exclaims or tells', (text) => {
    expect(isQuestion(text)).toBe(false);
  });
});
