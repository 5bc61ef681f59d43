import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../../../src/flows/text/index.js';

describe('parseYesNo', () => {
  it.each([
    '1', '1.', 'option 1', 'one', 'yes', 'Yes!', 'YES', 'yess', 'y', 'Y', 'yeah', 'yep', 'yup', 'sure', 'of course',
    'absolutely', 'i did', 'I did!', 'yes I did', 'done', 'took it', 'I took it', 'I took it this morning',
    'already took it', 'Took my lisinopril', 'yes, took it at 8', 'yes at 8am', 'I took 2 pills', 'taken', 'ya',
    'si', 'sí', 'Sí', 'SI', 'claro', 'claro que sí', 'por supuesto', 'sí lo tomé', 'ya lo tomé', 'Ya me la tomé',
    'lo tomé', 'listo', '👍', 'I take it every day', 'always', 'siempre', 'yes ma’am', 'I didn’t forget', 'no se me olvidó', 'I never miss it', 'I haven’t missed',
  ])('%j -> yes', (text) => {
    expect(parseYesNo(text)).toBe('yes');
  });

  it.each([
    '2', '2.', 'two', 'no', 'No.', 'NO', 'nooo', 'n', 'nope', 'nah', 'not yet', 'Not today', 'I didnt', "I didn't",
    'I did not', "didn't take it", "I haven't taken it", 'I forgot', 'forgot', 'i forgot it', 'I missed it', 'skipped it',
    'I ran out', 'ran out of pills', 'never', 'no lo tomé', 'No lo tome', 'no me la tomé', 'no me la he tomado',
    'todavía no', 'todavia no', 'aún no', 'aun no', 'se me olvidó', 'se me olvido', 'me olvidé', 'no pude',
    'se me acabaron', 'ya no', '👎', 'No, I forgot', 'nope forgot', 'no I didn’t',
  ])('%j -> no', (text) => {
    expect(parseYesNo(text)).toBe('no');
  });

  it.each([
    ['no, I took it', 'a "no" answered, then a "took it"'],
    ['no I took it', 'same without the comma'],
    ['1 or 2', 'two menu numbers'],
    ['yes and no', 'both words'],
    ['yes I forgot', 'contradiction'],
    ['3', 'not on the menu'],
    ['yes 8', 'an unexplained number'],
    ['not sure', 'doubt'],
    ["I don't remember", 'doubt'],
    ['maybe', 'doubt'],
    ['no sé', 'doubt (es)'],
    ['no me acuerdo', 'doubt (es)'],
    ['tal vez', 'doubt (es)'],
    ['i have a headache', 'no answer'],
    ['what?', 'no answer'],
    ['', 'empty'],
    ['🙂', 'an emoji that is no answer'],
  ])('%j -> null (%s)', (text) => {
    expect(parseYesNo(text)).toBeNull();
  });
});
