/**
 * The voice channel's renderer: an utterance (prompt keys and what answer
 * the question waits for) as sentences to say and the <Gather> that waits
 * for the answer. The SMS channel renders the same utterance as one text.
 */
import { renderPrompt } from '../../../prompts/index.js';
import { voiceText, type VoicePromptKey } from '../../../prompts/voice.js';
import type { Expectation, Locale } from '../../flows/types.js';
import type { Patient } from '../../store/patients.js';
import type { Practice } from '../../store/practices.js';
import { promptVars, type Utterance } from '../../conversation/index.js';
import type { VoiceLanguage, VoiceNext } from './turn.js';

export const voiceLanguage = (locale: Locale): VoiceLanguage => (locale === 'es' ? 'es-MX' : 'en-US');

/** Seconds the caller has to start answering. */
const GATHER_SECONDS = 6;

/**
 * An empty value (no dose on file) leaves no double space and no space before
 * a stop: "¿Pudo tomar hoy su metformina ?" would be read with a pause, and
 * shows so in the transcript. The SMS renderer does the same (renderSms).
 */
const tidy = (sentence: string) => sentence.replace(/ {2,}/g, ' ').replace(/ ([.,?!])/g, '$1').trim();

/** Each prompt of the utterance as a sentence written for the ear. */
export function spokenOf(utterance: Utterance, practice: Practice, patient: Patient): string[] {
  const vars = promptVars(practice, patient);
  return utterance.parts.map((part) => tidy(renderPrompt(patient.language, part.prompt, { ...vars, ...part.params }, 'voice', practice.prompts)));
}

/** A voice-only sentence for this patient (or a caller whose language is `locale`). */
export function voiceLine(key: VoicePromptKey, locale: Locale, practice: Practice, patient: Pick<Patient, 'firstName'> | null, extra: Record<string, string> = {}): string {
  return tidy(voiceText(key, locale, { ...promptVars(practice, patient), ...extra }));
}

/** Words the recognizer should expect, per kind of answer and language. */
const HINTS: Readonly<Record<Expectation['kind'], Readonly<Record<Locale, string[]>>>> = {
  choice: { en: ['one', 'two', 'three', 'four', 'five', 'six', 'yes', 'no'], es: ['uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'sí', 'no'] },
  number: { en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'], es: ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez'] },
  blood_pressure: { en: ['over', 'skip'], es: ['sobre', 'saltar'] },
  words: { en: [], es: [] },
};

/** The menu a caller reaches (say or press 1, 2 or 3), and the offer of a nurse (say yes or press 1). */
export const MENU_HINTS: Readonly<Record<Locale, string[]>> = {
  en: ['one', 'two', 'three', 'how I feel', 'medicines', 'message'],
  es: ['uno', 'dos', 'tres', 'cómo me siento', 'medicinas', 'mensaje'],
};
export const NURSE_HINTS: Readonly<Record<Locale, string[]>> = { en: ['yes', 'one', 'nurse', 'no'], es: ['sí', 'uno', 'enfermera', 'no'] };

/** One key, or a few words, in the caller's language: a menu or a yes. */
export function keyOrWords(hints: string[], action: string, speechModel: string): VoiceNext {
  return { kind: 'gather', action, numDigits: 1, timeoutSeconds: GATHER_SECONDS, speech: { hints, model: speechModel } };
}

/**
 * How to wait for the answer: a choice is one key; a number or a blood
 * pressure's top number is digits ended by the pound key; words are speech.
 * Every question also takes speech, and * (repeat).
 */
export function gatherFor(expects: Expectation, locale: Locale, action: string, speechModel: string): VoiceNext {
  const speech = { hints: HINTS[expects.kind][locale], model: speechModel };
  if (expects.kind === 'choice') return { kind: 'gather', action, numDigits: 1, timeoutSeconds: GATHER_SECONDS, speech };
  if (expects.kind === 'words') return { kind: 'gather', action, timeoutSeconds: GATHER_SECONDS, speech };
  return { kind: 'gather', action, finishOnKey: '#', timeoutSeconds: GATHER_SECONDS, speech };
}
