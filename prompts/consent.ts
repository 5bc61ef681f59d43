/**
 * The CCM consent a practice shows until it publishes its own wording, in
 * English and Spanish, by element (src/store/consents.ts CONSENT_ELEMENTS):
 * what CMS requires a patient be told before CCM starts (DOMAIN.md, "Consent
 * and enrolment"). Written for older readers: short sentences, everyday
 * words, "usted" in Spanish. {practice} is the practice's name and
 * {practitioner} the billing practitioner's, filled in when the text is shown.
 *
 * Also the texts that carry the consent page's link ({link}: its private part
 * is added as the text is sent), which stay within 2 GSM-7 segments.
 */
import type { ConsentElement, ConsentLanguage } from '../src/store/consents.js';

export interface ConsentWording {
  /** The heading of the whole text. */
  title: string;
  /** A short heading for each element (the page's group labels; part of the text as shown). */
  headings: Record<ConsentElement, string>;
  /** What the text says under each heading, until the practice publishes its own. */
  elements: Record<ConsentElement, string>;
  /** What signing means, said after the elements. */
  agreement: string;
}

const en: ConsentWording = {
  title: 'Your consent to Chronic Care Management (CCM)',
  headings: {
    offered: 'What CCM is',
    cost_sharing: 'What it may cost',
    one_practitioner: 'One practitioner each month',
    stop_any_time: 'You can stop at any time',
  },
  elements: {
    offered:
      '{practice} offers you Chronic Care Management, called CCM, with {practitioner} as your CCM practitioner. ' +
      'CCM is extra help between visits for people with two or more long-term health conditions. It includes: ' +
      'a care plan made with you; check-ins by text message or phone call; a care team you can reach 24 hours a day, ' +
      '7 days a week, for urgent needs; and help with your medicines and with your other doctors and services.',
    cost_sharing:
      'There may be a monthly charge for CCM. Your usual cost-sharing may apply, such as a copay, coinsurance or deductible. ' +
      'Your insurance decides how much you pay. Ask us if you have questions about the cost.',
    one_practitioner:
      'Only one practitioner can bill for CCM for you in a month. If another doctor or clinic already gives you CCM, please tell us.',
    stop_any_time: 'You can stop CCM at any time by telling {practice}. It stops at the end of that calendar month.',
  },
  agreement: 'By typing my name and pressing Sign, I agree to receive CCM from {practice}, with {practitioner} as my CCM practitioner.',
};

const es: ConsentWording = {
  title: 'Su consentimiento para la Gestión de Cuidados Crónicos (CCM)',
  headings: {
    offered: 'Qué es CCM',
    cost_sharing: 'Lo que puede costar',
    one_practitioner: 'Un solo profesional cada mes',
    stop_any_time: 'Puede dejarlo cuando quiera',
  },
  elements: {
    offered:
      '{practice} le ofrece la Gestión de Cuidados Crónicos, llamada CCM, con {practitioner} como su profesional de CCM. ' +
      'CCM es ayuda adicional entre sus citas para personas con dos o más problemas de salud de larga duración. Incluye: ' +
      'un plan de cuidado hecho con usted; mensajes de texto o llamadas para saber cómo está; un equipo de cuidado al que puede ' +
      'llamar las 24 horas, los 7 días de la semana, si tiene una necesidad urgente; y ayuda con sus medicinas y con sus otros ' +
      'médicos y servicios.',
    cost_sharing:
      'Puede haber un cargo mensual por CCM. Es posible que tenga que pagar su parte habitual del costo, como un copago, ' +
      'un coseguro o un deducible. Su seguro decide cuánto paga usted. Pregúntenos si tiene dudas sobre el costo.',
    one_practitioner:
      'Solo un profesional puede cobrar por su CCM en un mes. Si otro médico o clínica ya le da CCM, por favor díganos.',
    stop_any_time: 'Puede dejar CCM cuando quiera, con solo decírselo a {practice}. Termina al final de ese mes.',
  },
  agreement: 'Al escribir mi nombre y oprimir Firmar, acepto recibir CCM de {practice}, con {practitioner} como mi profesional de CCM.',
};

export const CONSENT_WORDING: Readonly<Record<ConsentLanguage, ConsentWording>> = { en, es };

/** The texts that carry the consent page's link: {practiceName}, {practicePhone}, {link}. */
export const CONSENT_LINK_TEXTS: Readonly<Record<ConsentLanguage, { link: string; reminder: string }>> = {
  en: {
    link: '{practiceName}: thank you. Please read and sign the CCM consent form here: {link} The link works for 14 days. Questions? Call {practicePhone}. Reply STOP to opt out.',
    reminder: '{practiceName}: your CCM consent form is still waiting for you: {link} Questions? Call {practicePhone}. Reply STOP to opt out.',
  },
  es: {
    link: '{practiceName}: gracias. Lea y firme aquí el consentimiento para CCM: {link} El enlace sirve 14 días. ¿Preguntas? Llame al {practicePhone}. Responda STOP para no recibir más.',
    reminder: '{practiceName}: su consentimiento para CCM todavía le espera: {link} ¿Preguntas? Llame al {practicePhone}. Responda STOP para no recibir más.',
  },
};
