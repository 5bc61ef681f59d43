/**
 * Every word the form's pages say that is not a question (the questions come
 * from the questionnaire definition), in English and Spanish. Plain words for
 * older readers; Spanish says "usted" and is written, not translated word for
 * word. A sentence with a link in it is a function of the link's markup, so the
 * wording, its order and its punctuation stay here and the markup stays escaped.
 */
import { html, type Html } from '../../html.js';
import type { QuestionnaireLocale } from '../../flows/questionnaire/types.js';

export interface FormStrings {
  stepOf: (step: number, of: number) => string;
  next: string;
  send: string;
  back: string;
  /** After a question the patient may skip. */
  optional: string;
  errorSummaryTitle: string;
  /** Read before each message by a field, and before the page title when the page has errors. */
  errorPrefix: string;
  /** Under the practice's name on every page; `phone` is the phone link's markup. */
  questionsCall: (phone: Html) => Html;
  emergency: (call911: Html) => Html;
  crisis: {
    title: string;
    heading: string;
    lifeline: string;
    call988: string;
    text988: string;
    danger: string;
    call911: string;
    careTeamTold: (practice: Html) => Html;
    continue: string;
  };
  done: {
    thanks: { title: string; lines: string[] };
    alreadyReceived: { title: string; lines: string[] };
    /** Expired and invalid links say the same thing: never why a link does not work. */
    linkEnded: { title: string; lines: string[] };
    tooManyAttempts: { title: string; lines: string[] };
    /** Where the form cannot go on: how to answer by phone instead. */
    callInstead: (practice: Html, phone: Html) => Html;
    /** Where the practice is unknown (a link that matched nothing). */
    callYourOffice: string;
  };
}

const en: FormStrings = {
  stepOf: (step, of) => `Step ${step} of ${of}`,
  next: 'Next',
  send: 'Send',
  back: 'Back',
  optional: '(optional)',
  errorSummaryTitle: 'Please check your answers',
  errorPrefix: 'Error:',
  questionsCall: (phone) => html`Questions? Call us at ${phone}.`,
  emergency: (call911) => html`If this is an emergency, call ${call911}.`,
  crisis: {
    title: 'Call or text 988 now',
    heading: 'If you are thinking about hurting yourself, call or text 988 now.',
    lifeline: '988 is the Suicide & Crisis Lifeline. It is free, and someone is there day and night.',
    call988: 'Call 988',
    text988: 'Text 988',
    danger: 'If you are in danger, call 911.',
    call911: 'Call 911',
    careTeamTold: (practice) => html`We have told your care team at ${practice}. They will call you.`,
    continue: 'Continue the questionnaire',
  },
  done: {
    thanks: { title: 'Thank you', lines: ['Thank you. Your care team will see your answers.', 'You can close this page now.'] },
    alreadyReceived: {
      title: 'We already have your answers',
      lines: ['Thank you. Your care team will see your answers.', 'You can close this page now.'],
    },
    linkEnded: { title: 'This link has expired', lines: [] },
    tooManyAttempts: {
      title: 'Please try again later',
      lines: ['This link was tried too many times.', 'Please wait a while, then open the link again.'],
    },
    callInstead: (practice, phone) => html`To answer the questions by phone, call ${practice} at ${phone}.`,
    callYourOffice: 'To answer the questions by phone, call your doctor\'s office.',
  },
};

const es: FormStrings = {
  stepOf: (step, of) => `Paso ${step} de ${of}`,
  next: 'Siguiente',
  send: 'Enviar',
  back: 'Volver',
  optional: '(opcional)',
  errorSummaryTitle: 'Por favor, revise sus respuestas',
  errorPrefix: 'Error:',
  questionsCall: (phone) => html`¿Tiene preguntas? Llámenos al ${phone}.`,
  emergency: (call911) => html`Si es una emergencia, llame al ${call911}.`,
  crisis: {
    title: 'Llame o mande un texto al 988 ahora',
    heading: 'Si está pensando en hacerse daño, llame o mande un mensaje de texto al 988 ahora mismo.',
    lifeline:
      'El 988 es la Línea 988 de Prevención del Suicidio y Crisis. Es gratis y siempre hay alguien, de día y de noche. Para hablar en español, oprima 2 cuando llame.',
    call988: 'Llamar al 988',
    text988: 'Mandar un texto al 988',
    danger: 'Si está en peligro, llame al 911.',
    call911: 'Llamar al 911',
    careTeamTold: (practice) => html`Ya le avisamos a su equipo médico de ${practice}. Le van a llamar.`,
    continue: 'Seguir con el cuestionario',
  },
  done: {
    thanks: { title: 'Gracias', lines: ['Gracias. Su equipo médico verá sus respuestas.', 'Ya puede cerrar esta página.'] },
    alreadyReceived: {
      title: 'Ya recibimos sus respuestas',
      lines: ['Gracias. Su equipo médico verá sus respuestas.', 'Ya puede cerrar esta página.'],
    },
    linkEnded: { title: 'Este enlace ya venció', lines: [] },
    tooManyAttempts: {
      title: 'Por favor, intente más tarde',
      lines: ['Se intentó abrir este enlace demasiadas veces.', 'Espere un rato y vuelva a abrir el enlace.'],
    },
    callInstead: (practice, phone) => html`Para contestar las preguntas por teléfono, llame a ${practice} al ${phone}.`,
    callYourOffice: 'Para contestar las preguntas por teléfono, llame al consultorio de su médico.',
  },
};

const STRINGS: Record<QuestionnaireLocale, FormStrings> = { en, es };

export const stringsFor = (locale: QuestionnaireLocale): FormStrings => STRINGS[locale];

/**
 * Units as the questionnaire codes them (UCUM: "mm[Hg]", "[lb_av]") read
 * oddly; these are how a patient writes them. A unit not listed is shown as given.
 */
const UNIT_DISPLAY: Record<string, Record<QuestionnaireLocale, string>> = {
  'mm[Hg]': { en: 'mmHg', es: 'mmHg' },
  '[lb_av]': { en: 'lb', es: 'libras' },
  lb: { en: 'lb', es: 'libras' },
  kg: { en: 'kg', es: 'kg' },
  'mg/dL': { en: 'mg/dL', es: 'mg/dL' },
  '[degF]': { en: '°F', es: '°F' },
  '%': { en: '%', es: '%' },
};

export const unitForReading = (unit: string, locale: QuestionnaireLocale): string =>
  Object.hasOwn(UNIT_DISPLAY, unit) ? UNIT_DISPLAY[unit]![locale] : unit;
