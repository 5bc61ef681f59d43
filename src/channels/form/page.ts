/**
 * The frame of every page the patient's form shows: the document head (no
 * script, no inline style, so a strict CSP holds; zoom never disabled; no
 * referrer leaves with the link's token), the practice's name and phone
 * number, and the emergency line.
 */
import { html, type Html } from '../../html.js';
import { formatForReading } from '../../phone.js';
import type { QuestionnaireLocale } from '../../flows/questionnaire/types.js';
import { stringsFor } from './strings.js';

export interface PracticeContact {
  name: string;
  /** E.164, e.g. "+15551234567". */
  phone: string;
}

/** What every page of the form needs. */
export interface FormPageBase {
  locale: QuestionnaireLocale;
  practice: PracticeContact;
  /** Where the form's stylesheet is served (the page links it: inline style would break the CSP). */
  stylesheet: string;
  /** Where the pages' icon is served. */
  icon: string;
}

interface DocumentOptions extends Omit<FormPageBase, 'practice'> {
  /** Null where the link matched nothing, so whose it was is unknown: the page names no practice. */
  practice: PracticeContact | null;
  title: string;
  main: Html;
  /**
   * Puts <main> before the practice's name (the crisis page: 988 before
   * anything else); the name and phone then follow it.
   */
  mainFirst?: boolean;
}

/** The practice's phone as a link a phone can dial, written the way people read it. */
export const phoneLink = (phone: string): Html => html`<a class="phone" href="tel:${phone}">${formatForReading(phone)}</a>`;

export function formDocument(o: DocumentOptions): Html {
  const t = stringsFor(o.locale);
  const header = o.practice
    ? html`<header class="practice">
<p class="practice-name">${o.practice.name}</p>
<p class="contact">${t.questionsCall(phoneLink(o.practice.phone))}</p>
</header>`
    : '';
  const main = html`<main id="main">
${o.main}
</main>`;
  return html`<!doctype html>
<html lang="${o.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${o.title}${o.practice ? ` – ${o.practice.name}` : ''}</title>
<link rel="stylesheet" href="${o.stylesheet}">
<link rel="icon" href="${o.icon}" type="image/svg+xml">
</head>
<body>
${o.mainFirst ? html`${main}
${header}` : html`${header}
${main}`}
<footer class="emergency">
<p>${t.emergency(html`<a href="tel:911">911</a>`)}</p>
</footer>
</body>
</html>`;
}
