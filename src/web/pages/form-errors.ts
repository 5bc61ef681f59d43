/**
 * A form the action refused comes back as it was sent: the page is shown
 * again with what was typed, the fields at fault marked, and a message that
 * says what to fix, instead of a separate error page that loses the input.
 * Only what the user can fix comes back this way (a 400 or a 409); a patient
 * of another practice, a login that may not act or a fault on our side keep
 * the app's error page.
 */
import { ZodError } from 'zod';
import { DomainError } from '../../errors.js';
import { html, type Html } from '../html.js';

/** A form sent back. */
export interface FailedForm {
  /** Which form of the page ('medicine-new', 'care-plan', ...): its error and values are shown there. */
  form: string;
  /** What was typed, as posted. */
  values: Readonly<Record<string, string>>;
  /** What is wrong, in words, each problem led by its field's label. */
  message: string;
  /** The inputs at fault (their names), marked invalid; the first has the focus. */
  inputs: readonly string[];
  status: number;
}

/** Where an action's field ('times', 'problems.2.icd10') is on the form: the input's name and its label. */
export type FieldPlace = { input: string; label: string } | undefined;
export type FieldMap = (field: string) => FieldPlace;

/** A field map from a table: action field -> [input name, label]. */
export const fieldTable =
  (table: Record<string, readonly [string, string]>): FieldMap =>
  (field) => {
    const place = Object.hasOwn(table, field) ? table[field] : undefined;
    return place ? { input: place[0], label: place[1] } : undefined;
  };

/** The posted fields that are text (a repeated field keeps its last value): what the form shows again. */
export function postedValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body === null || typeof body !== 'object') return values;
  for (const [name, value] of Object.entries(body)) {
    const text = Array.isArray(value) ? value.at(-1) : value;
    if (typeof text === 'string' && name !== '_csrf') values[name] = text;
  }
  return values;
}

/**
 * What a form's action refused, as a FailedForm; anything that is not the
 * user's to fix is thrown on to the app's error page.
 */
export function failedForm(error: unknown, form: string, body: unknown, fields: FieldMap): FailedForm {
  const problems =
    error instanceof ZodError
      ? error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }))
      : error instanceof DomainError && (error.status === 400 || error.status === 409)
        ? [{ field: error.field ?? '', message: error.detail }]
        : null;
  if (!problems) throw error;
  const placed = problems.map((p) => ({ place: fields(p.field), message: p.message }));
  return {
    form,
    values: postedValues(body),
    message: placed.map((p) => (p.place ? `${p.place.label}: ${p.message}` : p.message)).join('; '),
    inputs: [...new Set(placed.flatMap((p) => (p.place ? [p.place.input] : [])))],
    status: error instanceof DomainError ? error.status : 400,
  };
}

/** The values a form shows: what was typed when it came back, else what is on record. */
export const valuesFor = (failed: FailedForm | undefined, form: string, onRecord: Record<string, string>): Record<string, string> =>
  failed?.form === form ? { ...failed.values } : onRecord;

/** The form came back: its details (when it sits in one) open. */
export const cameBack = (failed: FailedForm | undefined, form: string): boolean => failed?.form === form;

const errorId = (form: string) => `${form}-error`;

/**
 * The message at the top of a form that came back. With no field to focus it
 * takes the focus itself, so the page opens scrolled to it and it is read out.
 */
export function formError(failed: FailedForm | undefined, form: string): Html {
  if (failed?.form !== form) return html``;
  const focusHere = failed.inputs.length === 0;
  return html`<p class="error" role="alert" id="${errorId(form)}"${focusHere ? html` tabindex="-1" autofocus` : ''}>${failed.message}</p>`;
}

/**
 * An input's attributes when the error is about it: invalid, described by the
 * message (and by its help text, `help`, an element id, always), and (the
 * first) focused.
 */
export function invalid(failed: FailedForm | undefined, form: string, input: string, help?: string): Html {
  const describedBy = (ids: string[]) => (ids.length ? html` aria-describedby="${ids.join(' ')}"` : '');
  if (failed?.form !== form || !failed.inputs.includes(input)) return html`${describedBy(help ? [help] : [])}`;
  return html` aria-invalid="true"${describedBy([errorId(form), ...(help ? [help] : [])])}${failed.inputs[0] === input ? html` autofocus` : ''}`;
}
