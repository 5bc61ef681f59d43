import twilio from 'twilio';
import type { VoiceTurn } from '../../bot/index.js';

/** The Polly voice for each language (configurable: VOICE_EN, VOICE_ES). */
export interface Voices {
  'en-US': string;
  'es-MX': string;
}

/**
 * Renders what the runtime wants said as TwiML: every sentence a <Say> in the
 * turn's language; a wait for keys is a <Gather> that calls back on silence
 * too; a bridge is a <Dial> showing the practice's number.
 */
export function renderVoiceTurn(turn: VoiceTurn, voices: Voices): string {
  const response = new twilio.twiml.VoiceResponse();
  const say = { voice: voices[turn.language] as never, language: turn.language };
  const next = turn.next;
  if (next.kind === 'gather') {
    const gather = response.gather({
      input: ['dtmf'],
      action: next.action,
      method: 'POST',
      actionOnEmptyResult: true,
      timeout: next.timeoutSeconds,
      ...(next.numDigits ? { numDigits: next.numDigits } : {}),
    });
    for (const sentence of turn.say) gather.say(say, sentence);
    return response.toString();
  }
  for (const sentence of turn.say) response.say(say, sentence);
  if (next.kind === 'dial') {
    response.dial({ callerId: next.callerId, action: next.action, method: 'POST', timeout: next.timeoutSeconds }).number(next.number);
  } else {
    response.hangup();
  }
  return response.toString();
}
