/**
 * The pages a summary's link opens when it no longer shows the summary: it
 * has expired, it matches nothing, or it was tried too often. The words are
 * the summary's own (a copy of it, by phone), not the questionnaire's. Only an
 * expired link is known to be the patient's: only it speaks their language
 * and names their practice; the others are in English and name nobody.
 */
import { html, type Html } from '../../html.js';
import type { SummaryLocale } from '../../records/care-summary.js';
import { formDocument, phoneLink, type PracticeContact } from '../form/page.js';

const WORDS = {
  en: {
    expiredTitle: 'This link has expired',
    notShown: 'To keep your health information private, your summary is no longer shown here.',
    callForCopy: (practice: Html, phone: Html) => html`For a copy of your summary, call ${practice} at ${phone}.`,
    invalidTitle: 'This link does not work',
    tooManyTitle: 'Please try again later',
    tooMany: ['This link was tried too many times.', 'Please wait a while, then open the link again.'],
    callYourOffice: "For a copy of your summary, call your doctor's office.",
  },
  es: {
    expiredTitle: 'Este enlace ya venció',
    notShown: 'Para proteger la privacidad de su información de salud, su resumen ya no se muestra aquí.',
    callForCopy: (practice: Html, phone: Html) => html`Para pedir una copia de su resumen, llame a ${practice} al ${phone}.`,
    invalidTitle: 'Este enlace no funciona',
    tooManyTitle: 'Por favor, intente más tarde',
    tooMany: ['Se intentó abrir este enlace demasiadas veces.', 'Espere un rato y vuelva a abrir el enlace.'],
    callYourOffice: 'Para pedir una copia de su resumen, llame al consultorio de su médico.',
  },
} as const;

interface Assets {
  stylesheet: string;
  icon: string;
}

export type SummaryLinkPageView =
  | ({ kind: 'expired'; locale: SummaryLocale; practice: PracticeContact } & Assets)
  | ({ kind: 'invalid' | 'too_many_attempts' } & Assets);

export function renderSummaryLinkPage(view: SummaryLinkPageView): Html {
  if (view.kind === 'expired') {
    const w = WORDS[view.locale];
    const main = html`<h1>${w.expiredTitle}</h1>
<p>${w.notShown}</p>
<p>${w.callForCopy(html`${view.practice.name}`, phoneLink(view.practice.phone))}</p>`;
    return formDocument({ locale: view.locale, practice: view.practice, stylesheet: view.stylesheet, icon: view.icon, title: w.expiredTitle, main });
  }
  const w = WORDS.en;
  const [title, lines] = view.kind === 'invalid' ? [w.invalidTitle, []] : [w.tooManyTitle, w.tooMany];
  const main = html`<h1>${title}</h1>
${lines.map((line) => html`<p>${line}</p>
`)}<p>${w.callYourOffice}</p>`;
  return formDocument({ locale: 'en', practice: null, stylesheet: view.stylesheet, icon: view.icon, title, main });
}
