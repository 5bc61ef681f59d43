/**
 * One screen of the questionnaire as a whole page: where the patient is
 * (step n of m), what to fix (a summary at the top that links to each field),
 * the screen's questions with what they answered before, and the button on.
 * A plain form post: it works with no script at all.
 */
import { html, type Html } from '../../html.js';
import type { AnswerErrors, Answers, QuestionnaireDefinition, Screen } from '../../flows/questionnaire/types.js';
import { errorTarget, renderItem } from './fields.js';
import { formDocument, type FormPageBase } from './page.js';
import { stringsFor } from './strings.js';

export interface ScreenPageView extends FormPageBase {
  definition: QuestionnaireDefinition;
  /** Rendered as given: every item of it is shown (which items are asked is the model's decision). */
  screen: Screen;
  /** What the patient answered before, by linkId: kept when they leave and come back. */
  answers: Answers;
  /** Why an answer of this screen was not taken, by linkId. */
  errors: AnswerErrors;
  progress: { step: number; of: number };
  /** Where the form posts. */
  action: string;
  /** The previous screen's address, or null on the first. */
  back: string | null;
  /** Sent back as the hidden field _csrf. */
  csrf: string;
  /** The last screen: its button sends the answers. */
  last: boolean;
}

interface SummaryEntry {
  message: string;
  /** The element id of the field it is about; none for an error of an item not on this screen. */
  target: string | null;
}

function errorSummary(title: string, entries: SummaryEntry[]): Html {
  if (entries.length === 0) return html``;
  // Focused when the page opens (autofocus needs no script), so it is read out and seen first.
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${title}</h2>
<ul>
${entries.map((e) => html`<li>${e.target ? html`<a href="#${e.target}">${e.message}</a>` : e.message}</li>
`)}</ul>
</div>`;
}

export function renderScreenPage(view: ScreenPageView): Html {
  const { locale, screen } = view;
  const t = stringsFor(locale);
  const errorOf = (linkId: string) => (Object.hasOwn(view.errors, linkId) ? view.errors[linkId]![locale] : undefined);
  const answerOf = (linkId: string) => (Object.hasOwn(view.answers, linkId) ? view.answers[linkId] : undefined);

  const onScreen = new Set(screen.items.map((item) => item.linkId));
  const entries: SummaryEntry[] = [
    ...screen.items.flatMap((item) => {
      const message = errorOf(item.linkId);
      return message === undefined ? [] : [{ message, target: errorTarget(item) }];
    }),
    // An error for an item not on this screen is still said, not dropped.
    ...Object.keys(view.errors)
      .filter((linkId) => !onScreen.has(linkId))
      .map((linkId) => ({ message: errorOf(linkId)!, target: null })),
  ];

  const stepText = t.stepOf(view.progress.step, view.progress.of);
  const title = `${entries.length ? `${t.errorPrefix} ` : ''}${screen.title[locale]} (${stepText})`;

  const main = html`${view.back ? html`<p class="back"><a href="${view.back}">${t.back}</a></p>
` : ''}${errorSummary(t.errorSummaryTitle, entries)}
<p class="questionnaire-title">${view.definition.title[locale]}</p>
<div class="progress">
<p id="progress-text">${stepText}</p>
<progress aria-labelledby="progress-text" max="${view.progress.of}" value="${view.progress.step}">${stepText}</progress>
</div>
<h1>${screen.title[locale]}</h1>
<form method="post" action="${view.action}" novalidate>
<input type="hidden" name="_csrf" value="${view.csrf}">
<input type="hidden" name="screen" value="${screen.id}">
${screen.items.map((item) => html`${renderItem(item, { locale, value: answerOf(item.linkId), error: errorOf(item.linkId) })}
`)}<div class="actions">
<button type="submit">${view.last ? t.send : t.next}</button>
</div>
</form>`;

  return formDocument({ locale, practice: view.practice, stylesheet: view.stylesheet, icon: view.icon, title, main });
}
