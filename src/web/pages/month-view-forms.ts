/**
 * The forms of a patient's month: the note, the month's decisions and
 * approval (with the question approval asks first when alerts or cases are
 * still open), an addendum once approved, and logging time. A form that came
 * back shows what was typed and what to fix.
 */
import { activityLabel } from '../../documentation/narrative.js';
import { TIME_ACTIVITIES, type MonthRecord } from '../../documentation/types.js';
import { csrfField, html, type Html } from '../html.js';
import { formError, invalid, valuesFor, type FailedForm } from './form-errors.js';
import { approvalQuestion, type OpenItems } from './month-approval.js';

export interface MonthViewOptions {
  record: MonthRecord;
  csrfToken: string;
  /** The signed-in user can act as a staff member (approve, log time). */
  canAct: boolean;
  prevMonth: string;
  nextMonth: string;
  /** A form sent back, shown with what was typed and its error. */
  failed?: FailedForm | undefined;
  /** Approval was asked for while these are open: ask first. */
  question?: OpenItems | undefined;
}

export const NOTE_FORM = 'note';
export const DECISIONS_FORM = 'decisions';
export const APPROVE_FORM = 'approve';
export const ADDENDUM_FORM = 'addendum';
export const TIME_FORM = 'time';

/** The forms a record in this state shows: a form that came back but is not among them has its error shown at the top. */
export function formsShown(record: MonthRecord): string[] {
  return record.status === 'draft' ? [NOTE_FORM, DECISIONS_FORM, APPROVE_FORM, TIME_FORM] : [ADDENDUM_FORM, TIME_FORM];
}

export function noteForm(o: MonthViewOptions, base: string): Html {
  const { record, csrfToken, failed } = o;
  const v = valuesFor(failed, NOTE_FORM, { note: record.note.text });
  return html`<form method="post" action="${base}/note" class="stack">${csrfField(csrfToken)}
      ${formError(failed, NOTE_FORM)}
      <label for="note">Note</label>
      <p class="meta" id="note-help">${record.note.edited ? 'Edited by staff.' : 'Drafted from the record.'} Empty it and save to go back to the drafted note.</p>
      <textarea id="note" name="note" rows="14" maxlength="20000"${invalid(failed, NOTE_FORM, 'note', 'note-help')}>${v.note ?? ''}</textarea>
      <button type="submit" class="secondary">Save note</button>
    </form>`;
}

export function draftForms(o: MonthViewOptions, base: string): Html {
  const { record, csrfToken, failed } = o;
  const approve = o.question
    ? approvalQuestion(o.question, base, csrfToken)
    : html`<form method="post" action="${base}/approve">${csrfField(csrfToken)}${formError(failed, APPROVE_FORM)}<p>Approving locks the record as it stands now.</p><button type="submit">Approve</button></form>`;
  return html`<section aria-labelledby="edit-title" class="card"><h2 id="edit-title">Review and approve</h2>
    <form method="post" action="${base}/decisions" class="stack">${csrfField(csrfToken)}
      ${formError(failed, DECISIONS_FORM)}
      <div><input type="checkbox" id="complex" name="complex" value="1"${record.complex ? html` checked` : ''}> <label for="complex">Complex care management this month</label></div>
      <div><input type="checkbox" id="carePlanRevised" name="carePlanRevised" value="1"${record.carePlanRevised ? html` checked` : ''}> <label for="carePlanRevised">Care plan established or substantially revised</label></div>
      <button type="submit" class="secondary">Save decisions</button>
    </form>
    ${o.canAct ? approve : html`<p class="meta">Your login is not linked to a staff member, so it cannot approve. Ask an admin to link it.</p>`}
  </section>`;
}

export function addendumForm(o: MonthViewOptions, base: string): Html {
  const { failed } = o;
  const v = valuesFor(failed, ADDENDUM_FORM, { text: '' });
  return html`<form method="post" action="${base}/addenda" class="card stack">${csrfField(o.csrfToken)}
    <h2 id="addendum-title">Add an addendum</h2>
    ${formError(failed, ADDENDUM_FORM)}
    <label for="addendum">Addendum</label>
    <textarea id="addendum" name="text" rows="4" required minlength="3" maxlength="5000"${invalid(failed, ADDENDUM_FORM, 'text')}>${v.text ?? ''}</textarea>
    <button type="submit">Add the addendum</button>
  </form>`;
}

export function logTimeForm(o: MonthViewOptions): Html {
  if (!o.canAct) return html`<p class="meta">Your login is not linked to a staff member, so it cannot log time.</p>`;
  const { failed, record } = o;
  const v = valuesFor(failed, TIME_FORM, { activity: '', start: '', minutes: '', note: '' });
  const bad = (input: string) => invalid(failed, TIME_FORM, input);
  return html`<form method="post" action="/app/patients/${record.patient.id}/time-entries" class="card stack">${csrfField(o.csrfToken)}
    <h3>Log time</h3>
    ${formError(failed, TIME_FORM)}
    <input type="hidden" name="month" value="${record.month}">
    <label for="activity">Activity</label>
    <select id="activity" name="activity"${bad('activity')}>${TIME_ACTIVITIES.map(
      (a) => html`<option value="${a}"${v.activity === a ? html` selected` : ''}>${activityLabel(a)}</option>`,
    )}</select>
    <label for="start">Started (${record.practice.timezone})</label>
    <input id="start" name="start" type="datetime-local" required value="${v.start ?? ''}"${bad('start')}>
    <label for="minutes">Minutes</label>
    <input id="minutes" name="minutes" type="number" min="0.5" max="480" step="0.5" required value="${v.minutes ?? ''}"${bad('minutes')}>
    <label for="time-note">What was done (optional)</label>
    <input id="time-note" name="note" type="text" maxlength="2000" value="${v.note ?? ''}"${bad('note')}>
    <button type="submit">Log time</button>
  </form>`;
}
