/**
 * What the runtime wants said on a call, and what should happen next. The
 * runtime decides; the voice channel (src/webhooks/voice) renders it as
 * TwiML, the way the SMS channel renders a text.
 */
export type VoiceLanguage = 'en-US' | 'es-MX';

export type VoiceNext =
  /** Wait for keys (or speech): the answer comes back to `action`, silence too. */
  | { kind: 'gather'; action: string; numDigits?: number; timeoutSeconds: number }
  /** Connect the call to `number`, showing `callerId`; how it went comes back to `action`. */
  | { kind: 'dial'; number: string; callerId: string; action: string; timeoutSeconds: number }
  | { kind: 'hangup' };

export interface VoiceTurn {
  language: VoiceLanguage;
  /** Sentences to speak, in order. */
  say: string[];
  next: VoiceNext;
}

/** A turn that says goodbye and ends the call. */
export const farewell = (language: VoiceLanguage, ...say: string[]): VoiceTurn => ({ language, say, next: { kind: 'hangup' } });
