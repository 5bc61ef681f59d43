import { describe, expect, it } from 'vitest';
import { parseWellbeing } from '../../../src/flows/text/index.js';

describe('parseWellbeing', () => {
  it.each([
    '1', 'one', 'fine', 'Fine thanks', 'good', 'great!', 'ok', 'okay', 'OK I guess', 'alright', 'well', 'feeling well',
    'doing well', 'pretty good', 'very good', 'not bad', 'not too bad', 'Not bad at all', 'no complaints',
    'no concerns', 'no problems', 'no pain today', 'I feel fine', 'I’m good', 'Doing great thank you',
    'feeling much better', 'could be worse', 'never better', 'excellent', 'all good', 'I am not sick',
    'bien', 'Bien gracias', 'muy bien', 'me siento bien', 'estoy bien', 'todo bien', 'excelente', 'perfecto', 'bueno',
    'nada mal', 'no estoy mal', 'sin problemas', 'mejor', 'no me duele nada', '👍', 'goood',
  ])('%j -> well', (text) => {
    expect(parseWellbeing(text)).toBe('well');
  });

  it.each([
    '2', 'two', 'bad', 'not good', 'Not well', 'not great', 'not feeling well', "I don't feel good",
    "I'm not doing so well", 'not ok', 'sick', 'terrible', 'awful', 'unwell', 'I have concerns', 'concerns',
    'concerned', 'worried', 'so-so', 'so so', 'meh', 'regular', 'more or less', 'could be better', "I've been better",
    'in pain', 'my back hurts', 'I have a question', 'tired and dizzy', 'feeling down', 'been better', 'not the best',
    'under the weather', 'not doing great', 'ahí vamos', 'más o menos bien', 'un poco mal',
    'mal', 'muy mal', 'me siento mal', 'no muy bien', 'no estoy bien', 'no me siento muy bien', 'no me siento bien',
    'enfermo', 'enferma', 'preocupado', 'preocupada', 'más o menos', 'me duele la cabeza', 'tengo una pregunta', '👎',
  ])('%j -> concerns', (text) => {
    expect(parseWellbeing(text)).toBe('concerns');
  });

  it.each([
    'good and bad', '1 or 2', '3', 'fine but my knee hurts', 'bien pero me duele', 'hello', '', '??',
    "I'm not sure",
  ])('%j -> null', (text) => {
    expect(parseWellbeing(text)).toBeNull();
  });
});
