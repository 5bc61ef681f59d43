/**
 * Answers to an enrolment invitation, as candidates write them: a table in
 * English and Spanish. What is mixed, unsure or asked goes to a person
 * (`other`); a question is never a no nor an opt-out (unless it asks us to
 * stop, or STOP stands alone in it).
 */
import { describe, expect, it } from 'vitest';
import { readInvitationAnswer, readInvitationReply, type InvitationReply } from '../../../src/flows/enrolment/reply.js';

const TABLE: ReadonlyArray<readonly [string, InvitationReply]> = [
  // Opt-outs: keywords and free text
  ['STOP', 'opt_out'],
  ['Stop please', 'opt_out'],
  ['please stop texting me', 'opt_out'],
  ['UNSUBSCRIBE', 'opt_out'],
  ['No, stop', 'opt_out'],
  ['not interested, stop texting me', 'opt_out'],
  ['no more texts', 'opt_out'],
  ['Dont text me again', 'opt_out'],
  ['take me off your list', 'opt_out'],
  ['who is this? STOP', 'opt_out'],
  ['can you stop texting me?', 'opt_out'],
  ['ya no me manden mensajes', 'opt_out'],
  ['BAJA', 'opt_out'],
  ['dejen de escribirme por favor', 'opt_out'],
  // Yes
  ['YES', 'yes'],
  ['yes please', 'yes'],
  ['Yes!', 'yes'],
  ['ok', 'yes'],
  ['Sure', 'yes'],
  ['1', 'yes'],
  ['interested', 'yes'],
  ["I'm interested", 'yes'],
  ['Yes, tell me more', 'yes'],
  ["Yes I'd like to learn more", 'yes'],
  ['sí', 'yes'],
  ['Si', 'yes'],
  ['Sí, me interesa', 'yes'],
  ['claro que sí', 'yes'],
  ['Sí, por favor', 'yes'],
  ['quiero saber más', 'yes'],
  ['yess', 'yes'],
  // No: bare and natural refusals
  ['No', 'no'],
  ['no thanks', 'no'],
  ['No thank you.', 'no'],
  ['not interested', 'no'],
  ["I'm not interested", 'no'],
  ["no thanks, I'm fine", 'no'],
  ['no, I already have a nurse who calls', 'no'],
  ["I already have a doctor I'm happy with. No thanks", 'no'],
  ["I don't need it", 'no'],
  ['nope', 'no'],
  ['no gracias', 'no'],
  ['No, gracias.', 'no'],
  ['no me interesa', 'no'],
  ['No quiero', 'no'],
  ['ya tengo quien me atienda', 'no'],
  ['No gracias, ya tengo quien me atienda', 'no'],
  ['no estoy interesada', 'no'],
  ['estoy bien así, gracias', 'no'],
  // Help
  ['HELP', 'help'],
  ['info', 'help'],
  ['ayuda', 'help'],
  ['how do I stop these?', 'help'],
  // Who we are, what this is: answered, nothing stops
  ['who is this?', 'who_is_this'],
  ['Who is this', 'who_is_this'],
  ['what is this about?', 'who_is_this'],
  ['whats this', 'who_is_this'],
  ['is this really from my doctor?', 'who_is_this'],
  ['how did you get my number?', 'who_is_this'],
  ['¿Quién es?', 'who_is_this'],
  ['¿De qué se trata?', 'who_is_this'],
  ['que es esto', 'who_is_this'],
  ["I don't know who this is", 'who_is_this'],
  // Ambiguous, mixed or asked: a person reads it
  ["I'm not sure, what would it cost?", 'other'],
  ['how much does it cost?', 'other'],
  ['is this free?', 'other'],
  // Asked, the words of a refusal ask what they mean: the help text says how to answer.
  ['not interested?', 'help'],
  ['no?', 'other'],
  ['yes but how much does it cost', 'other'],
  ['yes, call me', 'other'],
  ['maybe', 'other'],
  ['not sure', 'other'],
  ['no sé', 'other'],
  ['no estoy segura', 'other'],
  ['No, call me next week', 'other'],
  ['my husband handles this, talk to him', 'other'],
  ['thanks', 'other'],
  ['I need to ask my daughter first', 'other'],
  ['no me interesa ahora pero llámenme el mes que viene', 'other'],
  ['¿cuánto cuesta?', 'other'],
  ['Yes, I am not sure though', 'other'],
  ['', 'other'],
  // More of each, as people write them
  ["Yes, I'm interested", 'yes'],
  ['Sounds good', 'yes'],
  ['sí claro', 'yes'],
  ['NO', 'no'],
  ['Nope, all set', 'no'],
  ['no me interesa, gracias', 'no'],
  ['Not now', 'no'],
  ['Stop texting me, not interested', 'opt_out'],
  ['no, who is this?', 'who_is_this'],
  ["Who's this", 'who_is_this'],
  ['is this a scam', 'who_is_this'],
  ['What does it cost', 'other'],
  ['I have chest pain', 'other'],
  ['si pero cuanto cuesta', 'other'],
  // A STOP beside other keywords, or in a statement beside a question, still stops.
  ['yes stop', 'opt_out'],
  ['ok STOP', 'opt_out'],
  ['who is this? stop texting me', 'opt_out'],
  ["Don't text this number again", 'opt_out'],
  ['No quiero más mensajes', 'opt_out'],
];

describe('readInvitationReply', () => {
  it('has a table of at least 40 phrasings in both languages', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TABLE)('%j -> %s', (text, expected) => {
    expect(readInvitationReply(text)).toBe(expected);
  });

  it('never reads a question as a no', () => {
    for (const [text] of TABLE) {
      if (/[?¿]/.test(text)) expect(readInvitationReply(text), text).not.toBe('no');
    }
  });
});

/** [text, answer acted on, whether a person also reads the rest]. */
const OPENING_ANSWERS: Array<[string, InvitationReply, boolean]> = [
  ['No thank you. I get home health visits already', 'no', true],
  ['No, my husband takes care of all that', 'no', true],
  ['YES!!! I have been needing something like this', 'yes', true],
  ['Sí, me interesa. Mi hija me ayuda con el teléfono', 'yes', true],
  ['👍', 'yes', false],
  ['👎🏼', 'no', false],
  // Hedged, contradicted or asked: the whole text is a person's.
  ['Yes but only texts, no calls', 'other', false],
  ['no I mean yes', 'other', false],
  ['Ahorita no, tal vez el próximo mes', 'other', false],
  ['Not now, maybe next month', 'other', false],
  ['Yes, how much does it cost?', 'other', false],
  ['No thanks, but can someone call me about my pills', 'other', false],
];

describe('readInvitationAnswer', () => {
  it.each(OPENING_ANSWERS)('%j -> %s (the rest to a person: %s)', (text, reply, leftover) => {
    expect(readInvitationAnswer(text)).toEqual({ reply, leftover });
  });
});
