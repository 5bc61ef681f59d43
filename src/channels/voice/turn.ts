/**
 * What the runtime wants said on a call, and what should happen next. The
 * runtime decides; the voice channel (src/webhooks/voice) renders it as
 * TwiML, the way the SMS channel renders a text.
 */
export type VoiceLanguage = 'en-US' | 'es-MX';

export type VoiceNext =
  /**
   * Wait for keys, or speech when `speech` is set: the answer comes back to
   * `action`, silence too. `finishOnKey` ends a number ("1 0 #").
   */
  | {
      kind: 'gather';
      action: string;
      numDigits?: number;
      finishOnKey?: string;
      timeoutSeconds: number;
      speech?: { hints: string[]; model: string };
    }
  /** Record a message after a tone; the recording, then its transcription, come back to the two URLs. */
  | { kind: 'record'; action: string; transcribeCallback: string; maxLengthSeconds: number }
  /**
   * Connect the call to `number`, showing `callerId`; how it went comes back
   * to `action`. `whisper` is what the answering party hears first (and must
   * accept with a key) before the two are connected.
   */
  | { kind: 'dial'; number: string; callerId: string; action: string; timeoutSeconds: number; whisper?: string }
  /** The end of a whisper the answering party accepted: this leg's TwiML ends, and Twilio connects the two calls. */
  | { kind: 'connect' }
  | { kind: 'hangup' };

export interface VoiceTurn {
  language: VoiceLanguage;
  /** Sentences to speak, in order; one in another language says so (a caller whose language is unknown hears both). */
  say: Array<string | { text: string; language: VoiceLanguage }>;
  next: VoiceNext;
}

/** A turn that says goodbye and ends the call. */
export const farewell = (language: VoiceLanguage, ...say: string[]): VoiceTurn => ({ language, say, next: { kind: 'hangup' } });
