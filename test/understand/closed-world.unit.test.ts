/**
 * The closed world's reading: what of a message the reader cannot settle by
 * itself. Plain answers, thanks, everyday life and symptoms the sentence
 * settles ("no pain", "legs look fine", "it's gone now") leave nothing;
 * words of health, trouble and denied doing are news; two tokens that are
 * no word at all are too.
 */
import { describe, expect, it } from 'vitest';
import { leftOver, needsAPerson } from '../../src/flows/understand/index.js';

const settles = (text: string, known: string[] = []) => !needsAPerson(leftOver(text, known));

describe('what the reader settles by itself', () => {
  it.each([
    '1', '2', 'yes', 'YES I TOOK THEM', 'fine thank you', "I'm doing well today, thanks!", 'Sí, gracias, muy bien', 'todo bien, Dios le bendiga', 'no', '👍',
    'fell asleep in my chair watching tv lol', 'thanks hon have a good night', 'i was dizzy last week but its gone now',
    'no pain no swelling', 'No, nada de hinchazón', "can't complain", 'NO. Legs look fine, my wife checks them',
    'went to church with my granddaughter then we had pancakes', 'hoy fui al mercado con mi comadre y compré frijoles para mi nieta',
    'saw the dr monday and she said everything looks good', 'got my flu shot at the pharmacy tuesday',
    'Sold 3 cows at the sale barn in Fort Dodge, won $40 at bingo after',
  ])('"%s"', (text) => {
    expect(leftOver(text), text).toEqual({ news: [], unknown: [] });
  });

  it('takes the patient\'s own medicines and a parsed reading\'s words as placed', () => {
    expect(settles('yep took my metformin and lisinopril at 8', ['metformin', 'lisinopril'])).toBe(true);
    expect(settles('bp 128/76 this morning', ['bp', '128/76'])).toBe(true);
  });
});

describe('what goes to a person', () => {
  it.each([
    ['i stopped the water pill cause i was going to the bathroom too much', 'stopped'],
    ['no he tomado mis pastillas desde el lunes', 'tomado'],
    ['my mom is not herself, no quiere comer y duerme todo el día', 'comer'],
    ["didn't take them, ran out thursday", 'take'],
    ['not feeling so good today', 'good'],
    ['no me siento bien', 'bien'],
    ['my pressure keeps climbing every morning', 'pressure'],
    ['estoy sola y nadie me ayuda con las medicinas', 'ayuda'],
    ['im using the rescue inhaler like 6 times a day now', 'inhaler'],
    ['kind of a squeeze in the middle of my chest that goes up into my jaw', 'chest'],
    ['la metformina me cae pesada en la panza', 'panza'],
  ])('"%s" leaves "%s"', (text, word) => {
    const left = leftOver(text);
    expect(needsAPerson(left), text).toBe(true);
    expect(left.news, text).toContain(word);
  });

  it('reads two tokens that are no word as something to read, one as a slip', () => {
    expect(needsAPerson(leftOver('took the xarelto and the jardiance'))).toBe(true);
    expect(needsAPerson(leftOver('took em all, thx Nora'))).toBe(false);
  });
});
