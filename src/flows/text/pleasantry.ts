/**
 * Small talk that needs nobody's attention: "thanks!", "ok", "gracias 🙏".
 * A text that arrives with no check-in open is shown to the care team unless
 * it is only this; anything else might be a concern.
 */
import { tokenize } from './normalize.js';

const PLEASANTRY_WORDS = new Set([
  // English
  'hi', 'hello', 'hey', 'evening', 'afternoon', 'hola', 'saludos', 'tal',
  'ok', 'okay', 'okey', 'k', 'kk', 'thanks', 'thank', 'thx', 'ty', 'you', 'u', 'so', 'very', 'much', 'a', 'lot',
  'bye', 'goodbye', 'good', 'night', 'day', 'morning', 'have', 'nice', 'great', 'too', 'will', 'do', 'got', 'it',
  'sounds', 'perfect', 'sure', 'cool', 'yes', 'yeah', 'no', 'alright', 'all', 'right', 'appreciate', 'god', 'bless',
  // Whom the thanks are for: "thanks hon have a good night", "gracias mija".
  'hon', 'honey', 'dear', 'sweetie', 'sweetheart', 'darling', 'everyone', 'yall', 'guys', 'folks', 'again', 'lots', 'blessings',
  // Spanish
  'gracias', 'muchas', 'mil', 'de', 'nada', 'igualmente', 'adios', 'buenas', 'buenos', 'noches', 'dias', 'tardes',
  'vale', 'perfecto', 'claro', 'si', 'bueno', 'dios', 'le', 'lo', 'bendiga', 'muy', 'amable', 'esta', 'bien',
  'mija', 'mijo', 'mi', 'amor', 'corazon', 'carino', 'senorita', 'senora', 'senor', 'todos', 'ustedes', 'otra', 'vez', 'bendiciones', 'bendicion',
]);

/** True when the text is only thanks, goodbyes, okays or emoji. */
export function isPleasantry(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.every((token) => PLEASANTRY_WORDS.has(token));
}
