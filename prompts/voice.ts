/**
 * What only a call says: the menu, keypad help, confirming what was heard,
 * the offer to be connected to a nurse. Written for the ear: short
 * sentences, options last. The check-in questions themselves come from the
 * shared catalog's `voice` texts (en.ts, es.ts).
 */
import type { Locale } from '../src/flows/types.js';

interface VoiceEntry {
  en: string;
  es: string;
  /** Says someone will follow up (see src/bot/promises.ts). */
  promise?: true;
}

export const voicePrompts = {
  // Keypad or speech: "say or press" (Spanish "diga u oprima": "o" is "u" before a word starting with o).
  'voice.menu': {
    en: 'Hello {firstName}, this is {practiceName}. To tell us how you feel, say or press 1. For your medicines, say or press 2. To leave a message, say or press 3.',
    es: 'Hola {firstName}, le habla {practiceName}. Para decirnos cómo se siente, diga u oprima 1. Sobre sus medicinas, diga u oprima 2. Para dejar un mensaje, diga u oprima 3.',
  },
  'voice.check_in_due': {
    en: 'Hello {firstName}, this is {practiceName}. We have a few questions for your check-in.',
    es: 'Hola {firstName}, le habla {practiceName}. Tenemos unas preguntas para ver cómo sigue.',
  },
  'voice.continue': {
    en: 'Hello {firstName}, this is {practiceName}. Let us go on where we stopped.',
    es: 'Hola {firstName}, le habla {practiceName}. Sigamos donde nos quedamos.',
  },
  'voice.menu_invalid': { en: 'Sorry, that key does nothing here.', es: 'Perdone, esa tecla no hace nada aquí.' },
  'voice.menu_not_understood': { en: 'Sorry, I did not understand.', es: 'Perdone, no le entendí.' },
  'voice.record_prompt': {
    en: 'Please leave your message after the tone. When you are done, press the pound key or hang up.',
    es: 'Por favor deje su mensaje después del tono. Cuando termine, oprima la tecla de gato o cuelgue.',
  },
  'voice.record_thanks': {
    en: 'Thank you. Your care team will listen to your message. Goodbye.',
    es: 'Gracias. Su equipo médico va a escuchar su mensaje. Adiós.',
    promise: true,
  },
  'voice.no_input': { en: 'Sorry, I did not hear anything.', es: 'Perdone, no escuché nada.' },
  'voice.bp_bottom': {
    en: 'Now enter the bottom number, then the pound key.',
    es: 'Ahora marque el número de abajo y luego la tecla de gato.',
  },
  'voice.confirm': {
    en: 'I heard: {heard}. If that is right, press 1. To say it again, press 2.',
    es: 'Escuché: {heard}. Si es correcto, oprima 1. Para decirlo otra vez, oprima 2.',
  },
  // After a red flag said on a call. The alert is raised (and its escalation started) before these are said.
  'voice.red_flag_offer': {
    en: '{firstName}, what you told us may be an emergency. If it is, hang up and dial 911. We are alerting your care team. To talk to a nurse now, say yes or press 1.',
    es: '{firstName}, lo que nos dice puede ser una emergencia. Si lo es, cuelgue y marque el 911. Ya estamos avisando a su equipo médico. Para hablar con una enfermera ahora, diga sí u oprima 1.',
    promise: true,
  },
  'voice.self_harm_offer': {
    en: '{firstName}, we are worried about you. Please hang up and call 988, or dial 911. We are alerting your care team. To talk to a nurse now, say yes or press 1.',
    es: '{firstName}, nos preocupa usted. Por favor cuelgue y llame al 988, o marque el 911. Ya estamos avisando a su equipo médico. Para hablar con una enfermera ahora, diga sí u oprima 1.',
    promise: true,
  },
  'voice.connecting': { en: 'Connecting you to a nurse now. Please stay on the line.', es: 'Le comunicamos con una enfermera. Por favor no cuelgue.' },
  'voice.still_connecting': {
    en: 'That nurse did not answer. We are calling another nurse. Please stay on the line.',
    es: 'Esa enfermera no contestó. Estamos llamando a otra enfermera. Por favor no cuelgue.',
  },
  'voice.nurse_unreached': { en: 'We could not reach a nurse.', es: 'No pudimos comunicarnos con una enfermera.' },
  // The last words after a red flag (silence, "thank you, bye", or no nurse reached): the advice again, first.
  'voice.emergency_advice': { en: 'If this is an emergency, hang up and dial 911 now.', es: 'Si es una emergencia, cuelgue y marque el 911 ahora.' },
  'voice.self_harm_advice': {
    en: 'Please call 988 now to talk to someone, or dial 911.',
    es: 'Por favor llame ahora al 988 para hablar con alguien, o marque el 911.',
  },
  'voice.team_alerted': {
    en: 'Your care team has been alerted, and a nurse will call you back. Take care. Goodbye.',
    es: 'Ya avisamos a su equipo médico y una enfermera le va a llamar. Cuídese. Adiós.',
    promise: true,
  },
  'voice.voicemail': {
    en: 'Hello, this is {practiceName} calling. Please call us back at {practicePhone}. Thank you.',
    es: 'Hola, le llamamos de {practiceName}. Por favor llámenos al {practicePhone}. Gracias.',
  },
  'voice.goodbye': { en: 'Thank you. Goodbye.', es: 'Gracias. Adiós.' },
  'voice.invalid': { en: 'This call has ended. Goodbye.', es: 'Esta llamada ya terminó. Adiós.' },
  // Callers whose language is unknown: both languages.
  'voice.unknown_caller': {
    en: 'You have reached {practiceName}. We could not find your number. Please call {practicePhone}. Goodbye.',
    es: 'Usted llamó a {practiceName}. No encontramos su número. Por favor llame al {practicePhone}. Adiós.',
  },
  'voice.not_in_service': { en: 'This number is not in service. Goodbye.', es: 'Este número no está en servicio. Adiós.' },
} as const satisfies Record<string, VoiceEntry>;

export type VoicePromptKey = keyof typeof voicePrompts;

const PLACEHOLDER = /\{(\w+)\}/g;

/** One voice-only prompt in one language; fails loudly on a missing value, naming the key, never a value. */
export function voiceText(key: VoicePromptKey, locale: Locale, vars: Record<string, string | number>): string {
  return voicePrompts[key][locale].replace(PLACEHOLDER, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Voice prompt "${key}" (${locale}) needs a value for {${name}}`);
    return String(value);
  });
}
