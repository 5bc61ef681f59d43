import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import type { VoiceLanguage, VoiceTurn } from '../../channels/voice/index.js';

/** Emergency numbers are read digit by digit ("nine one one"), not as amounts. */
const DIGIT_NUMBERS = /\b(911|988)\b/;

/** Fills a <Say> with the sentence, marking emergency numbers to be read as digits. */
function speak(element: ReturnType<VoiceResponse['say']>, sentence: string): void {
  for (const piece of sentence.split(DIGIT_NUMBERS)) {
    if (DIGIT_NUMBERS.test(piece)) element.sayAs({ 'interpret-as': 'digits' }, piece);
    else if (piece) element.addText(piece);
  }
}

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
  const response = new VoiceResponse();
  const sayIn = (language: VoiceLanguage) => ({ voice: voices[language] as never, language });
  const spoken = turn.say.map((s) => (typeof s === 'string' ? { text: s, language: turn.language } : s));
  const next = turn.next;
  if (next.kind === 'gather') {
    const gather = response.gather({
      input: next.speech ? ['dtmf', 'speech'] : ['dtmf'],
      action: next.action,
      method: 'POST',
      actionOnEmptyResult: true,
      timeout: next.timeoutSeconds,
      ...(next.numDigits ? { numDigits: next.numDigits } : {}),
      ...(next.finishOnKey ? { finishOnKey: next.finishOnKey } : {}),
      ...(next.speech
        ? { language: turn.language, speechModel: next.speech.model, speechTimeout: 'auto', ...(next.speech.hints.length ? { hints: next.speech.hints.join(', ') } : {}) }
        : {}),
    });
    for (const s of spoken) speak(gather.say(sayIn(s.language), ''), s.text);
    return response.toString();
  }
  for (const s of spoken) speak(response.say(sayIn(s.language), ''), s.text);
  if (next.kind === 'record') {
    response.record({ action: next.action, method: 'POST', maxLength: next.maxLengthSeconds, finishOnKey: '#', playBeep: true, transcribe: true, transcribeCallback: next.transcribeCallback });
  } else if (next.kind === 'dial') {
    const dial = response.dial({ callerId: next.callerId, action: next.action, method: 'POST', timeout: next.timeoutSeconds });
    dial.number(next.whisper ? { url: next.whisper, method: 'POST' } : {}, next.number);
  } else if (next.kind === 'connect') {
    // Nothing more: the whisper's TwiML ends and Twilio connects the answering party to the caller.
  } else {
    response.hangup();
  }
  return response.toString();
}
