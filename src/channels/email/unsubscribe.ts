/**
 * The page an email's unsubscribe link opens: one question and one button
 * (a plain form, no script), then that it is done; a link that matches
 * nothing says only that it does not work. In the patient's language, in
 * plain words, in the frame of the patient's other pages.
 */
import { html, type Html } from '../../html.js';
import { formDocument, phoneLink } from '../form/page.js';

export type UnsubscribeLocale = 'en' | 'es';

const WORDS = {
  en: {
    askTitle: 'Stop these emails?',
    ask: (practice: Html) => html`You get emails from ${practice} about your care.`,
    button: 'Stop these emails',
    stillCalls: 'Texts and calls from your care team do not change.',
    doneTitle: 'Emails stopped',
    done: (practice: Html) => html`You will get no more emails from ${practice}.`,
    again: (phone: Html) => html`To get them again, call us at ${phone}.`,
    invalidTitle: 'This link does not work',
  },
  es: {
    askTitle: '¿Dejar de recibir estos correos?',
    ask: (practice: Html) => html`Usted recibe correos de ${practice} sobre su cuidado.`,
    button: 'Dejar de recibir estos correos',
    stillCalls: 'Los mensajes de texto y las llamadas de su equipo de cuidado siguen igual.',
    doneTitle: 'Correos cancelados',
    done: (practice: Html) => html`Ya no recibirá más correos de ${practice}.`,
    again: (phone: Html) => html`Para recibirlos otra vez, llámenos al ${phone}.`,
    invalidTitle: 'Este enlace no funciona',
  },
} as const;

export interface UnsubscribePageView {
  kind: 'ask' | 'done';
  locale: UnsubscribeLocale;
  practice: { name: string; phone: string };
  /** Where the button posts (the link's own address). */
  action: string;
  stylesheet: string;
  icon: string;
}

export function renderUnsubscribePage(view: UnsubscribePageView): Html {
  const w = WORDS[view.locale];
  const practice = html`${view.practice.name}`;
  const main =
    view.kind === 'ask'
      ? html`<h1>${w.askTitle}</h1>
<p>${w.ask(practice)}</p>
<form method="post" action="${view.action}">
<div class="actions">
<button type="submit">${w.button}</button>
</div>
</form>
<p>${w.stillCalls}</p>`
      : html`<h1>${w.done(practice)}</h1>
<p>${w.again(phoneLink(view.practice.phone))}</p>`;
  const title = view.kind === 'ask' ? w.askTitle : w.doneTitle;
  return formDocument({ locale: view.locale, practice: view.practice, stylesheet: view.stylesheet, icon: view.icon, title, main });
}

/** A link that matches nothing: whose it was is unknown, so the page names no practice and says nothing else. */
export function renderUnsubscribeInvalidPage(view: { stylesheet: string; icon: string }): Html {
  const w = WORDS.en;
  return formDocument({ locale: 'en', practice: null, stylesheet: view.stylesheet, icon: view.icon, title: w.invalidTitle, main: html`<h1>${w.invalidTitle}</h1>` });
}
