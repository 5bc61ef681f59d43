/**
 * Texts to someone whose language we do not know (a number no patient has,
 * or whoever answers a wrong number): English then Spanish, in one text.
 * Both catalogs carry them as they are. The voice text says the English,
 * then the Spanish, like the SMS text.
 */
import type { PromptEntry } from './en.js';

export const bilingual = {
  'system.unknown_sender': {
    sms: 'This is {practiceName}. We could not match this number. Please call {practicePhone}. / Le escribe {practiceName}. No reconocemos este número. Por favor llame al {practicePhone}.',
    voice: 'This is {practiceName}. We could not match this number. Please call {practicePhone}. Le habla {practiceName}. No reconocemos este número. Por favor llame al {practicePhone}.',
  },
  'system.unknown_sender_noted': {
    sms: 'This is {practiceName}. We could not match this number, but our staff will read your message. Or call {practicePhone}. / No reconocemos este número, pero nuestro personal leerá su mensaje. O llame al {practicePhone}.',
    voice: '{practiceName} could not match this number, but our staff will get your message. Or call {practicePhone}. No reconocemos este número, pero nuestro personal recibirá su mensaje. O llame al {practicePhone}.',
    promise: true,
  },
  'system.unknown_sender_emergency': {
    sms: '{practiceName}: what you wrote may be an emergency. Call 911 now. We are alerting our staff. / Lo que escribió puede ser una emergencia. Llame al 911 ahora. Estamos avisando a nuestro personal.',
    voice: 'This is {practiceName}. What you said may be an emergency. Call 911 now. We are alerting our staff. Puede ser una emergencia. Llame al 911 ahora. Estamos avisando a nuestro personal.',
    promise: true,
  },
  'system.wrong_number': {
    sms: 'Sorry for the trouble. We will not text this number again. / Disculpe la molestia. No le vamos a escribir más a este número.',
    voice: 'Sorry for the trouble. We will not call this number again. Disculpe la molestia. No vamos a volver a llamar a este número.',
  },
} as const satisfies Record<string, PromptEntry>;
