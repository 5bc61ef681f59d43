/**
 * The consent page as whole documents, in the form's shell (its stylesheet,
 * the practice's name and phone, the emergency line): the consent text with
 * each element to tick, the name typed as the signature, "Sign" and "No,
 * thank you"; and the pages that end a visit. Plain form posts: they work
 * with no script at all. Pure: a view in, HTML out.
 */
import { html, type Html } from '../../html.js';
import type { ConsentElement } from '../../store/consents.js';
import { consentStringsFor, elementFieldId } from './consent-strings.js';
import { formDocument, phoneLink, type FormPageBase, type PracticeContact } from './page.js';

export interface ConsentPageView extends Omit<FormPageBase, 'locale'> {
  language: 'en' | 'es';
  practitioner: string;
  title: string;
  elements: Array<{ key: ConsentElement; heading: string; text: string }>;
  agreement: string;
  /** The text version shown: its id goes back with the form, its number is printed under it. */
  text: { id: string; version: number };
  ticked: readonly ConsentElement[];
  signatureName: string;
  errors: { elements: readonly ConsentElement[]; signatureName: 'missing' | 'too_long' | null } | null;
  /** Where "Sign" posts, and where "No, thank you" posts. */
  action: string;
  declineAction: string;
  /** Sent back as the hidden field _csrf. */
  csrf: string;
}

const SIGNATURE_ID = 'consent-signature';
const paragraphs = (text: string, id?: string): Html =>
  html`${text
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line, i) => html`<p${id && i === 0 ? html` id="${id}"` : ''}>${line}</p>
`)}`;

export function renderConsentPage(view: ConsentPageView): Html {
  const t = consentStringsFor(view.language);
  const missing = new Set(view.errors?.elements ?? []);
  const nameError = view.errors?.signatureName === 'missing' ? t.errors.nameMissing : view.errors?.signatureName === 'too_long' ? t.errors.nameTooLong : null;
  const entries = [
    ...view.elements.filter((e) => missing.has(e.key)).map((e) => ({ message: t.errors.element(e.heading), target: elementFieldId(e.key) })),
    ...(nameError ? [{ message: nameError, target: SIGNATURE_ID }] : []),
  ];
  // Focused when the page opens (autofocus needs no script), so it is read out and seen first.
  const summary = entries.length
    ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${t.errorSummaryTitle}</h2>
<ul>
${entries.map((e) => html`<li><a href="#${e.target}">${e.message}</a></li>
`)}</ul>
</div>
`
    : '';

  const element = (e: ConsentPageView['elements'][number]) => {
    const id = elementFieldId(e.key);
    const error = missing.has(e.key);
    const describedBy = [`${id}-text`, ...(error ? [`${id}-error`] : [])].join(' ');
    // The element's own words are the checkbox's description: "I understand" is read with what it is about.
    return html`<fieldset class="field${error ? ' has-error' : ''}">
<legend class="question">${e.heading}</legend>
<div class="consent-text">
${paragraphs(e.text, `${id}-text`)}</div>
${error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${t.errorPrefix} </span>${t.errors.element(e.heading)}</p>
` : ''}<div class="options">
<label class="option" for="${id}"><input type="checkbox" id="${id}" name="elements" value="${e.key}" aria-describedby="${describedBy}"${view.ticked.includes(e.key) ? html` checked` : ''}${error ? html` aria-invalid="true"` : ''}> <span>${t.understand}</span></label>
</div>
</fieldset>
`;
  };

  const nameDescribedBy = [`${SIGNATURE_ID}-hint`, ...(nameError ? [`${SIGNATURE_ID}-error`] : [])].join(' ');
  const main = html`${summary}<h1>${view.title}</h1>
<p class="intro">${t.intro(html`${view.practice.name}`, html`${view.practitioner}`)}</p>
<form method="post" action="${view.action}" novalidate>
<input type="hidden" name="_csrf" value="${view.csrf}">
<input type="hidden" name="text" value="${view.text.id}">
${view.elements.map(element)}<p class="agreement">${view.agreement}</p>
<div class="field${nameError ? ' has-error' : ''}">
<label class="question" for="${SIGNATURE_ID}">${t.nameLabel}</label>
<p class="hint" id="${SIGNATURE_ID}-hint">${t.nameHint}</p>
${nameError ? html`<p class="field-error" id="${SIGNATURE_ID}-error"><span class="visually-hidden">${t.errorPrefix} </span>${nameError}</p>
` : ''}<input type="text" id="${SIGNATURE_ID}" name="signatureName" size="40" autocomplete="name" spellcheck="false" value="${view.signatureName}" aria-describedby="${nameDescribedBy}"${nameError ? html` aria-invalid="true"` : ''}>
</div>
<div class="actions">
<button type="submit">${t.sign}</button>
</div>
</form>
<p class="hint">${t.version(view.text.version)}</p>
<section aria-labelledby="decline-heading">
<h2 id="decline-heading">${t.noHeading}</h2>
<p>${t.noLine}</p>
<form method="post" action="${view.declineAction}">
<input type="hidden" name="_csrf" value="${view.csrf}">
<div class="actions">
<button type="submit" class="secondary">${t.decline}</button>
</div>
</form>
</section>`;
  const title = `${entries.length ? `${t.errorPrefix} ` : ''}${view.title}`;
  return formDocument({ locale: view.language, practice: view.practice, stylesheet: view.stylesheet, icon: view.icon, title, main });
}

export const CONSENT_DONE_KINDS = ['signed', 'declined', 'enrolled_already', 'expired', 'invalid', 'too_many_attempts', 'call_us'] as const;
export type ConsentDoneKind = (typeof CONSENT_DONE_KINDS)[number];

export interface ConsentDoneView extends Omit<FormPageBase, 'practice' | 'locale'> {
  language: 'en' | 'es';
  /** Null for a link that matched nothing: whose it was is unknown. */
  practice: PracticeContact | null;
  kind: ConsentDoneKind;
}

export function renderConsentDonePage(view: ConsentDoneView): Html {
  const t = consentStringsFor(view.language).done;
  const page =
    view.kind === 'too_many_attempts'
      ? { title: t.tooManyAttempts.title, lines: t.tooManyAttempts.lines.map((line) => html`${line}`) }
      : (() => {
          const words = {
            signed: t.signed,
            declined: t.declined,
            enrolled_already: t.enrolledAlready,
            call_us: t.callUs,
            // The same words for both: a visitor never learns whether a token ever existed.
            expired: t.linkEnded,
            invalid: t.linkEnded,
          }[view.kind];
          const lines = view.practice
            ? words.lines(html`${view.practice.name}`, phoneLink(view.practice.phone))
            : [html`${t.callYourOffice}`];
          return { title: words.title, lines };
        })();
  const main = html`<h1>${page.title}</h1>
${page.lines.map((line) => html`<p>${line}</p>
`)}`;
  return formDocument({ locale: view.language, practice: view.practice, stylesheet: view.stylesheet, icon: view.icon, title: page.title, main });
}
