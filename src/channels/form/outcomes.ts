/**
 * The pages that are not a screen of questions: the crisis page after a
 * patient says they think of hurting themselves, and the pages that end a
 * visit (thanks, already received, a link that no longer works, too many tries).
 */
import { html, type Html } from '../../html.js';
import { formDocument, phoneLink, type FormPageBase, type PracticeContact } from './page.js';
import { stringsFor } from './strings.js';

export interface CrisisPageView extends FormPageBase {
  /** Where "Continue the questionnaire" posts. */
  continueAction: string;
  /** Sent back as the hidden field _csrf. */
  csrf: string;
}

/**
 * 988 and 911 before anything else on the page, as big buttons that call or
 * text; then that the care team knows; only then the way back to the questions.
 */
export function renderCrisisPage(view: CrisisPageView): Html {
  const t = stringsFor(view.locale).crisis;
  const main = html`<section class="crisis" aria-labelledby="crisis-heading">
<h1 id="crisis-heading">${t.heading}</h1>
<p class="crisis-actions"><a class="button urgent" href="tel:988">${t.call988}</a> <a class="button urgent" href="sms:988">${t.text988}</a></p>
<p>${t.lifeline}</p>
<p class="danger">${t.danger}</p>
<p class="crisis-actions"><a class="button urgent" href="tel:911">${t.call911}</a></p>
</section>
<p>${t.careTeamTold(html`${view.practice.name}`)}</p>
<form method="post" action="${view.continueAction}">
<input type="hidden" name="_csrf" value="${view.csrf}">
<div class="actions">
<button type="submit" class="secondary">${t.continue}</button>
</div>
</form>`;
  return formDocument({ locale: view.locale, practice: view.practice, stylesheet: view.stylesheet, icon: view.icon, title: t.title, main, mainFirst: true });
}

export const DONE_KINDS = ['thanks', 'already_received', 'expired', 'invalid', 'too_many_attempts'] as const;
export type DoneKind = (typeof DONE_KINDS)[number];

export interface DonePageView extends Omit<FormPageBase, 'practice'> {
  /** Null for a link that matched nothing: whose it was is unknown. */
  practice: PracticeContact | null;
  kind: DoneKind;
}

export function renderDonePage(view: DonePageView): Html {
  const t = stringsFor(view.locale).done;
  const page = {
    thanks: t.thanks,
    already_received: t.alreadyReceived,
    // The same words for both: a visitor never learns whether a token ever existed.
    expired: t.linkEnded,
    invalid: t.linkEnded,
    too_many_attempts: t.tooManyAttempts,
  }[view.kind];
  // Where the form cannot go on, the practice's phone is the way to answer.
  const callInstead =
    view.kind === 'thanks' || view.kind === 'already_received'
      ? ''
      : view.practice
        ? html`<p>${t.callInstead(html`${view.practice.name}`, phoneLink(view.practice.phone))}</p>`
        : html`<p>${t.callYourOffice}</p>`;
  const main = html`<h1>${page.title}</h1>
${page.lines.map((line) => html`<p>${line}</p>
`)}${callInstead}`;
  return formDocument({ locale: view.locale, practice: view.practice, stylesheet: view.stylesheet, icon: view.icon, title: page.title, main });
}
