/**
 * One question of a screen as form controls: a choice as a fieldset of large
 * radio labels, a number as a text input with a number keypad (type="number"
 * would turn "130/80" or "98,6" into an empty value and hide what was typed), a
 * note as a textarea. Each control is named by the item's linkId, so the form
 * posts answers keyed as the questionnaire keys them.
 */
import { html, type Html } from '../../html.js';
import type { QuestionItem, QuestionnaireLocale } from '../../flows/questionnaire/types.js';
import { stringsFor, unitForReading } from './strings.js';

/**
 * An element id for a linkId. A linkId may hold any character ('medicine.<id>.taken');
 * anything but letters, digits and '-' is written as _<hex>_, so two linkIds never share an id.
 */
export const fieldId = (linkId: string): string =>
  `q-${linkId.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;

const hintId = (linkId: string) => `${fieldId(linkId)}-hint`;
const errorId = (linkId: string) => `${fieldId(linkId)}-error`;
const unitId = (linkId: string) => `${fieldId(linkId)}-unit`;
const optionId = (linkId: string, index: number) => `${fieldId(linkId)}-${index}`;

/** Where the error summary's link for an item goes: the first radio of a choice, else the control. */
export const errorTarget = (item: QuestionItem): string =>
  item.type === 'choice' ? optionId(item.linkId, 0) : fieldId(item.linkId);

export interface FieldState {
  locale: QuestionnaireLocale;
  /** What the patient answered before, as posted. */
  value: string | undefined;
  /** The message when the answer could not be taken. */
  error: string | undefined;
}

export function renderItem(item: QuestionItem, state: FieldState): Html {
  const t = stringsFor(state.locale);
  const question = html`${item.text[state.locale]}${item.required ? '' : html` <span class="optional">${t.optional}</span>`}`;
  const hint = item.hint ? html`<p class="hint" id="${hintId(item.linkId)}">${item.hint[state.locale]}</p>` : '';
  const error = state.error
    ? html`<p class="field-error" id="${errorId(item.linkId)}"><span class="visually-hidden">${t.errorPrefix} </span>${state.error}</p>`
    : '';
  const unit = item.unit !== undefined && (item.type === 'integer' || item.type === 'decimal');
  const describedBy = [item.hint ? hintId(item.linkId) : null, state.error ? errorId(item.linkId) : null, unit ? unitId(item.linkId) : null]
    .filter((id) => id !== null)
    .join(' ');
  // Each is empty when it does not apply, so a control carries only the attributes that say something.
  const described = describedBy ? html` aria-describedby="${describedBy}"` : '';
  const invalid = state.error ? html` aria-invalid="true"` : '';
  const fieldClass = state.error ? 'field has-error' : 'field';

  switch (item.type) {
    case 'choice':
      return html`<fieldset class="${fieldClass}"${described}>
<legend class="question">${question}</legend>
${hint}${error}<div class="options">
${(item.options ?? []).map(
  (option, i) => html`<label class="option" for="${optionId(item.linkId, i)}"><input type="radio" id="${optionId(item.linkId, i)}" name="${item.linkId}" value="${option.value}"${option.value === state.value ? html` checked` : ''}${invalid}> <span>${option.text[state.locale]}</span></label>
`,
)}</div>
</fieldset>`;
    case 'integer':
    case 'decimal':
      return html`<div class="${fieldClass}">
<label class="question" for="${fieldId(item.linkId)}">${question}</label>
${hint}${error}<div class="number">
<input type="text" inputmode="decimal" autocomplete="off" class="number-input" id="${fieldId(item.linkId)}" name="${item.linkId}" value="${state.value ?? ''}"${described}${invalid}>${unit ? html`
<span class="unit" id="${unitId(item.linkId)}">${unitForReading(item.unit!, state.locale)}</span>` : ''}
</div>
</div>`;
    case 'text':
      // The newline after <textarea> is the one the parser drops, so an answer that starts with a line break keeps it.
      return html`<div class="${fieldClass}">
<label class="question" for="${fieldId(item.linkId)}">${question}</label>
${hint}${error}<textarea id="${fieldId(item.linkId)}" name="${item.linkId}" rows="5"${described}${invalid}>
${state.value ?? ''}</textarea>
</div>`;
  }
}
