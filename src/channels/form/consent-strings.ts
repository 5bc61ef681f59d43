/**
 * Every word the consent page says that is not the consent text itself (that
 * is the practice's, versioned: prompts/consent.ts), in English and Spanish.
 * Plain words for older readers; Spanish says "usted". A sentence with a link
 * or a name in it is a function of its markup, so the markup stays escaped.
 */
import { html, type Html } from '../../html.js';
import type { ConsentElement } from '../../store/consents.js';

export interface ConsentStrings {
  intro: (practice: Html, practitioner: Html) => Html;
  /** Under the text: which version it is (the record keeps it). */
  version: (n: number) => string;
  understand: string;
  signHeading: string;
  nameLabel: string;
  nameHint: string;
  sign: string;
  noHeading: string;
  noLine: string;
  decline: string;
  errorSummaryTitle: string;
  errorPrefix: string;
  errors: { element: (heading: string) => string; nameMissing: string; nameTooLong: string };
  done: {
    signed: { title: string; lines: (practice: Html, phone: Html) => Html[] };
    declined: { title: string; lines: (practice: Html, phone: Html) => Html[] };
    enrolledAlready: { title: string; lines: (practice: Html, phone: Html) => Html[] };
    callUs: { title: string; lines: (practice: Html, phone: Html) => Html[] };
    linkEnded: { title: string; lines: (practice: Html, phone: Html) => Html[] };
    tooManyAttempts: { title: string; lines: string[] };
    /** Where the practice is unknown (a link that matched nothing). */
    callYourOffice: string;
  };
}

const en: ConsentStrings = {
  intro: (practice, practitioner) =>
    html`${practice} invites you to join Chronic Care Management (CCM), with ${practitioner} as your CCM practitioner. Please read each part, tick "I understand", then type your name to sign.`,
  version: (n) => `Consent text, version ${n}`,
  understand: 'I understand',
  signHeading: 'Sign',
  nameLabel: 'Your full name',
  nameHint: 'Typing your name here is your signature.',
  sign: 'Sign',
  noHeading: 'Not interested?',
  noLine: 'If you do not want CCM, tell us here. We will not ask you again.',
  decline: 'No, thank you',
  errorSummaryTitle: 'Please check the form',
  errorPrefix: 'Error:',
  errors: {
    element: (heading) => `Tick "I understand" under "${heading}"`,
    nameMissing: 'Type your full name to sign',
    nameTooLong: 'Your name must be 200 characters or fewer',
  },
  done: {
    signed: {
      title: 'Thank you for signing',
      lines: (practice, phone) => [
        html`You are now in the Chronic Care Management program at ${practice}.`,
        html`What happens next: your care team will text or call you soon to make your care plan with you. After that, they will check in with you each month.`,
        html`You can stop at any time by calling ${phone}.`,
        html`You can close this page now.`,
      ],
    },
    declined: {
      title: 'We will not ask you again',
      lines: (practice, phone) => [
        html`Thank you for letting us know. We will not ask you about CCM again.`,
        html`Your care at ${practice} does not change. If you change your mind, call ${phone}.`,
      ],
    },
    enrolledAlready: {
      title: 'You are already in the program',
      lines: (practice, phone) => [html`You are already in the Chronic Care Management program at ${practice}.`, html`Questions? Call ${phone}.`],
    },
    callUs: {
      title: 'Please call us',
      lines: (practice, phone) => [html`We could not finish your sign-up online. Nothing was signed.`, html`Please call ${practice} at ${phone} to join.`],
    },
    linkEnded: {
      title: 'This link has expired',
      lines: (practice, phone) => [html`To join Chronic Care Management, call ${practice} at ${phone}.`],
    },
    tooManyAttempts: { title: 'Please try again later', lines: ['This link was tried too many times.', 'Please wait a while, then open the link again.'] },
    callYourOffice: "To join Chronic Care Management, call your doctor's office.",
  },
};

const es: ConsentStrings = {
  intro: (practice, practitioner) =>
    html`${practice} le invita a la Gestión de Cuidados Crónicos (CCM), con ${practitioner} como su profesional de CCM. Lea cada parte, marque "Entiendo" y luego escriba su nombre para firmar.`,
  version: (n) => `Texto del consentimiento, versión ${n}`,
  understand: 'Entiendo',
  signHeading: 'Firmar',
  nameLabel: 'Su nombre completo',
  nameHint: 'Escribir su nombre aquí es su firma.',
  sign: 'Firmar',
  noHeading: '¿No le interesa?',
  noLine: 'Si no quiere CCM, díganoslo aquí. No le volveremos a preguntar.',
  decline: 'No, gracias',
  errorSummaryTitle: 'Por favor, revise el formulario',
  errorPrefix: 'Error:',
  errors: {
    element: (heading) => `Marque "Entiendo" en "${heading}"`,
    nameMissing: 'Escriba su nombre completo para firmar',
    nameTooLong: 'Su nombre debe tener 200 caracteres o menos',
  },
  done: {
    signed: {
      title: 'Gracias por firmar',
      lines: (practice, phone) => [
        html`Ya está en el programa de Gestión de Cuidados Crónicos de ${practice}.`,
        html`Lo que sigue: su equipo de cuidado le mandará un mensaje o le llamará pronto para hacer con usted su plan de cuidado. Después, se comunicará con usted cada mes.`,
        html`Puede dejarlo cuando quiera, llamando al ${phone}.`,
        html`Ya puede cerrar esta página.`,
      ],
    },
    declined: {
      title: 'No le volveremos a preguntar',
      lines: (practice, phone) => [
        html`Gracias por avisarnos. No le volveremos a preguntar sobre CCM.`,
        html`Su atención en ${practice} no cambia. Si cambia de opinión, llame al ${phone}.`,
      ],
    },
    enrolledAlready: {
      title: 'Ya está en el programa',
      lines: (practice, phone) => [html`Ya está en el programa de Gestión de Cuidados Crónicos de ${practice}.`, html`¿Tiene preguntas? Llame al ${phone}.`],
    },
    callUs: {
      title: 'Por favor, llámenos',
      lines: (practice, phone) => [html`No pudimos terminar su inscripción en línea. No se firmó nada.`, html`Por favor, llame a ${practice} al ${phone} para inscribirse.`],
    },
    linkEnded: {
      title: 'Este enlace ya venció',
      lines: (practice, phone) => [html`Para inscribirse en la Gestión de Cuidados Crónicos, llame a ${practice} al ${phone}.`],
    },
    tooManyAttempts: { title: 'Por favor, intente más tarde', lines: ['Se intentó abrir este enlace demasiadas veces.', 'Espere un rato y vuelva a abrir el enlace.'] },
    callYourOffice: 'Para inscribirse en la Gestión de Cuidados Crónicos, llame al consultorio de su médico.',
  },
};

const STRINGS = { en, es } as const;

export const consentStringsFor = (language: 'en' | 'es'): ConsentStrings => STRINGS[language];

/** The element id of an element's checkbox (the error summary links to it). */
export const elementFieldId = (key: ConsentElement): string => `consent-${key.replaceAll('_', '-')}`;
