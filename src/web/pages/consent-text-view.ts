/**
 * The enrolment page's consent text section (admins): for each language the
 * version shown now, its four elements in boxes holding their wording, and a
 * button that publishes what is in the boxes as a new version (the action the
 * API's PUT /practices/:id/consent-text takes). A version is never edited, so
 * the page says what publishing does: earlier consents keep their text.
 */
import { CONSENT_WORDING } from '../../../prompts/consent.js';
import { CONSENT_ELEMENTS, type ConsentElement, type ConsentText } from '../../enrolment/index.js';
import { csrfField, html, localTime, type Html } from '../html.js';
import { cameBack, formError, invalid, valuesFor, type FailedForm } from './form-errors.js';

type Language = ConsentText['language'];

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Spanish' };

/** One form per language, so a refused one comes back in its own box. */
export const consentTextForm = (language: Language): string => `consent-text-${language}`;

/** What the form calls an element: its heading in the English text (the app's language). */
export const ELEMENT_LABELS = CONSENT_WORDING.en.headings;

const HELP = 'consent-text-help';

function languageForm(text: ConsentText, o: { csrf: string; failed: FailedForm | undefined; zone: string }): Html {
  const lang = text.language;
  const form = consentTextForm(lang);
  const v = valuesFor(o.failed, form, text.elements);
  const id = (key: string) => `consent-${lang}-${key}`;
  // The Spanish heading beside the English one: it is what the patient reads above the element.
  const heading = (key: ConsentElement) => (lang === 'en' ? '' : html` (<span lang="${lang}">${CONSENT_WORDING[lang].headings[key]}</span>)`);
  return html`<details class="card" data-consent-text="${lang}"${cameBack(o.failed, form) ? html` open` : ''}><summary>${LANGUAGE_NAMES[lang]}: version ${text.version}</summary>
    <form method="post" action="/app/enrolment/consent-text" class="stack">${csrfField(o.csrf)}
      ${formError(o.failed, form)}
      <input type="hidden" name="language" value="${lang}">
      <p class="meta">Version <span data-version>${text.version}</span>, made ${localTime(text.createdAt, o.zone)} by ${text.createdBy}.</p>
      ${CONSENT_ELEMENTS.map(
        (key) => html`<label for="${id(key)}">${ELEMENT_LABELS[key]}${heading(key)}</label>
          <textarea id="${id(key)}" name="${key}" lang="${lang}" rows="4" required maxlength="2000"${invalid(o.failed, form, key, HELP)}>${v[key] ?? ''}</textarea>`,
      )}
      <button type="submit">Publish as a new version</button>
    </form></details>`;
}

export function consentTextSection(o: { texts: readonly ConsentText[]; csrf: string; failed: FailedForm | undefined; zone: string }): Html {
  return html`<section aria-labelledby="consent-text-title"><h2 id="consent-text-title">Consent text</h2>
    <p class="meta" id="${HELP}">What the consent page shows and the phone script reads, element by element; {practice} and {practitioner} are filled in with the practice's name and the billing practitioner's. Publishing makes a new version, shown from then on; consents given earlier keep the text they were shown.</p>
    <div class="grid">${o.texts.map((text) => languageForm(text, o))}</div>
  </section>`;
}
