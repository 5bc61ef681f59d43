import { describe, expect, it } from 'vitest';
import { classifyKeyword } from '../../../src/flows/safety/keywords.js';

describe('classifyKeyword: opt-out', () => {
  it.each([
    'STOP', 'stop', 'Stop.', 'STOP!!', ' stop ', 'stop please', 'please stop', 'STOP STOP', 'Stop now', 'stopp',
    'STOPALL', 'stop all', 'UNSUBSCRIBE', 'unsubscribe', 'unsubcribe', 'CANCEL', 'cancel please', 'END', 'QUIT', 'revoke',
    'OPTOUT', 'opt out', 'opt-out', 'Opt Out!', 'PARAR', 'alto', 'ALTO', 'baja', 'BAJA por favor', 'cancelar',
    'darme de baja', 'STOP. Thanks', 'Thanks. STOP',
    'please stop texting me', 'stop texting me', 'Stop texting me!', 'stop sending me messages', 'STOP sending these',
    'no more texts', 'no more messages', 'No more text messages please', "don't text me anymore", 'do not contact me',
    "Don't send me any more messages", 'take me off your list', 'remove me from this list', 'please remove me',
    'unsubscribe me', "I don't want these texts", 'I do not want to receive these messages',
    'I no longer want these messages', 'leave me alone', 'stop calling me', 'can you stop texting me?',
    '¿pueden dejar de mandarme mensajes?', 'who is this? STOP', 'STOP?',
    'ya no me manden mensajes', 'no me envíen más mensajes', 'No me manden mensajes por favor', 'dejen de mandarme mensajes',
    'no quiero recibir mensajes', 'ya no quiero los mensajes', 'no más mensajes', 'quiero darme de baja',
    'sáquenme de la lista', 'no me escriban más', 'quit texting me', 'Remove my number', 'No more', 'No more!', 'Basta', 'not interested',
    'Not interested. Please', 'Wrong number. No Harold here.',
    "I'm not interested", 'wrong number', 'número equivocado', 'no me interesa',
  ])('%j -> opt_out', (text) => {
    expect(classifyKeyword(text)).toBe('opt_out');
  });

  it.each([
    'I had to stop taking my meds', 'I stopped taking it', 'stop by the pharmacy', 'I quit smoking', "the pain won't stop",
    'at the end of the day', 'can you cancel my appointment', 'I ran out', 'para mi presion', "don't text me after 9pm",
    "don't text me on weekends", 'no me manden mensajes en la noche', "don't stop texting me", 'I love these texts',
    'cancer', 'help me I can’t breathe', 'stop sending my refills to CVS', 'Can I stop my water pill?',
    'remove me from the appointment', 'the bleeding will not stop', '',
    // "No more" and "basta" stop texts only as the whole message.
    'hello. me. the... pills. the white ones. gone. no more. need the... paper. doctor', 'Basta. Me duele mucho la cabeza',
    'No more. The pain pills I mean, the bottle is empty',
  ])('%j is not an opt-out', (text) => {
    expect(classifyKeyword(text)).not.toBe('opt_out');
  });
});

describe('classifyKeyword: opt-in and help', () => {
  it.each([
    ['START', 'opt_in'], ['start', 'opt_in'], ['Start again', 'opt_in'], ['UNSTOP', 'opt_in'], ['YES', 'opt_in'],
    ['yes!', 'opt_in'], ['Resume', 'opt_in'], ['subscribe', 'opt_in'], ['sí', 'opt_in'],
    ['HELP', 'help'], ['help', 'help'], ['Help?', 'help'], ['INFO', 'help'], ['info please', 'help'], ['AYUDA', 'help'],
    ['ayuda por favor', 'help'],
    // Asked, a way to stop is a question: answered with how to stop, never an opt-out by itself.
    ['how do I unsubscribe', 'help'], ['how do I unsubscribe?', 'help'], ['¿número equivocado?', 'help'], ['not interested?', 'help'],
  ])('%j -> %s', (text, intent) => {
    expect(classifyKeyword(text)).toBe(intent);
  });

  it.each([
    "help me I can't breathe", 'I need help with my pills', 'yes I took it', 'start my new medicine tomorrow',
    'more info about my bill', 'fine', '1', '👍',
  ])('%j -> null', (text) => {
    expect(classifyKeyword(text)).toBeNull();
  });
});
