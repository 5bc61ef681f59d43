/**
 * The patient page's "Care plan": the plan as written (problems with their
 * ICD-10-CM codes, goals, interventions, review schedule, when it was
 * established and last substantially revised) and the form that rewrites it.
 * The form is read into the body the API's PUT takes; writeCarePlan does the
 * rest for both.
 */
import { DomainError } from '../../../errors.js';
import type { CarePlan } from '../../../store/care-plans.js';
import { csrfField, html, localDate, localTime, type Html } from '../../html.js';
import { field } from '../forms.js';
import { cameBack, formError, invalid, valuesFor, type FailedForm, type FieldMap } from '../form-errors.js';

export const CARE_PLAN_FORM = 'care-plan';
const MAX_PROBLEMS = 30;
/** Empty problem rows under the filled ones: room to add without a script. */
const SPARE_ROWS = 2;

const conditionInput = (row: number) => `problem-${row}-condition`;
const codeInput = (row: number) => `problem-${row}-icd10`;
/** A textarea's lines, blank ones dropped (browsers send CRLF). */
const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** The care-plan form as the action's input, and the form row each problem came from. */
export function readCarePlanForm(body: unknown): { input: Record<string, unknown>; rows: number[] } {
  const rows: number[] = [];
  const problems: { condition: string; icd10?: string }[] = [];
  for (let row = 0; row < MAX_PROBLEMS; row += 1) {
    const condition = field(body, conditionInput(row)).trim();
    const icd10 = field(body, codeInput(row)).trim();
    if (!condition && !icd10) continue;
    // An empty code is looked up from the condition's name (the API's "left out").
    problems.push(icd10 ? { condition, icd10 } : { condition });
    rows.push(row);
  }
  const reviewSchedule = field(body, 'reviewSchedule').trim();
  return {
    input: {
      status: field(body, 'status'),
      problems,
      goals: lines(field(body, 'goals')),
      interventions: lines(field(body, 'interventions')),
      ...(reviewSchedule ? { reviewSchedule } : {}),
      ...(field(body, 'substantialRevision') ? { substantialRevision: true } : {}),
    },
    rows,
  };
}

/** A code without its condition says nothing the record can use: asked for before the action runs. */
export function checkProblemRows(input: { problems?: unknown }): void {
  const problems = (input.problems ?? []) as { condition: string }[];
  const unnamed = problems.findIndex((p) => !p.condition);
  if (unnamed >= 0) throw new DomainError('validation_failed', 'name the condition this code is for, or clear the code', `problems.${unnamed}.condition`);
}

/** Where the action's fields ('problems.2.icd10', 'goals.0') are on the form. */
export function carePlanFields(rows: readonly number[]): FieldMap {
  return (name) => {
    const problem = /^problems\.(\d+)\.(condition|icd10)$/.exec(name);
    if (problem) {
      const row = rows[Number(problem[1])] ?? 0;
      return problem[2] === 'icd10' ? { input: codeInput(row), label: `Problem ${row + 1}, ICD-10 code` } : { input: conditionInput(row), label: `Problem ${row + 1}` };
    }
    const line = /^(goals|interventions)(?:\.(\d+))?$/.exec(name);
    if (line) return { input: line[1]!, label: `${line[1] === 'goals' ? 'Goal' : 'Intervention'}${line[2] ? ` ${Number(line[2]) + 1}` : 's'}` };
    if (name === 'problems') return { input: conditionInput(0), label: 'Problems' };
    if (name === 'status') return { input: 'status', label: 'Status' };
    if (name === 'reviewSchedule') return { input: 'reviewSchedule', label: 'Review schedule' };
    if (name === 'substantialRevision') return { input: 'substantialRevision', label: 'Substantially revised' };
    return undefined;
  };
}

function onRecord(plan: CarePlan | null): Record<string, string> {
  const values: Record<string, string> = {
    status: plan?.status ?? 'active',
    goals: plan?.goals.join('\n') ?? '',
    interventions: plan?.interventions.join('\n') ?? '',
    reviewSchedule: plan?.reviewSchedule ?? '',
  };
  plan?.problems.forEach((p, row) => {
    values[conditionInput(row)] = p.condition;
    values[codeInput(row)] = p.icd10 ?? '';
  });
  return values;
}

function planShown(plan: CarePlan, zone: string): Html {
  const list = (items: readonly string[], none: string) => (items.length ? html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` : html`<p class="empty">${none}</p>`);
  return html`<p class="meta">${plan.status === 'active' ? 'Active' : 'Draft'}${plan.establishedOn ? `, established ${localDate(plan.establishedOn, zone)}` : ', not yet established'}${
    plan.revisedOn ? `; last substantially revised ${localDate(plan.revisedOn, zone)}` : ''
  }. Updated ${localTime(plan.updatedAt, zone)} by ${plan.updatedBy}.</p>
    <h3>Problems</h3>
    ${plan.problems.length
      ? html`<ul>${plan.problems.map((p) => html`<li>${p.condition} <span class="meta">${p.icd10 ?? 'no ICD-10 code'}</span></li>`)}</ul>`
      : html`<p class="empty">No problems listed.</p>`}
    <h3>Goals</h3>${list(plan.goals, 'No goals written.')}
    <h3>Interventions</h3>${list(plan.interventions, 'No interventions written.')}
    <h3>Review schedule</h3><p>${plan.reviewSchedule ?? 'Not set'}</p>`;
}

function problemRows(v: Record<string, string>, bad: (input: string, help?: string) => Html): Html {
  let last = -1;
  for (let row = 0; row < MAX_PROBLEMS; row += 1) if (v[conditionInput(row)]?.trim() || v[codeInput(row)]?.trim()) last = row;
  const count = Math.min(MAX_PROBLEMS, Math.max(3, last + 1 + SPARE_ROWS));
  return html`${Array.from({ length: count }, (_, row) => {
    const [c, k] = [conditionInput(row), codeInput(row)];
    return html`<div class="problem-row">
      <span class="stack"><label for="${c}">Problem ${row + 1}</label><input id="${c}" name="${c}" maxlength="200" value="${v[c] ?? ''}"${bad(c)}></span>
      <span class="stack"><label for="${k}">ICD-10 code<span class="sr-only"> for problem ${row + 1}</span></label><input id="${k}" name="${k}" maxlength="10" size="8" value="${v[k] ?? ''}"${bad(k, 'problems-help')}></span>
    </div>`;
  })}`;
}

export interface CarePlanOptions {
  patientId: string;
  plan: CarePlan | null;
  zone: string;
  csrf: string;
  failed?: FailedForm | undefined;
}

export function carePlanSection(o: CarePlanOptions): Html {
  const form = CARE_PLAN_FORM;
  const v = valuesFor(o.failed, form, onRecord(o.plan));
  const bad = (input: string, help?: string) => invalid(o.failed, form, input, help);
  const established = Boolean(o.plan?.establishedOn);
  return html`<section aria-labelledby="care-plan-title"><h2 id="care-plan-title">Care plan</h2>
    ${o.plan ? planShown(o.plan, o.zone) : html`<p class="empty">No care plan yet. CCM needs one, with at least two chronic conditions, before a month can be billed.</p>`}
    <details class="card"${cameBack(o.failed, form) ? html` open` : ''}><summary>${o.plan ? 'Edit the care plan' : 'Write the care plan'}</summary>
    <form method="post" action="/app/patients/${o.patientId}/care-plan" class="stack">${csrfField(o.csrf)}
      ${formError(o.failed, form)}
      <label for="plan-status">Status</label>
      <select id="plan-status" name="status"${bad('status')}>
        <option value="active"${v.status === 'active' ? html` selected` : ''}>Active: established with the patient</option>
        <option value="draft"${v.status === 'draft' ? html` selected` : ''}>Draft: still being written</option>
      </select>
      <fieldset class="stack"><legend>Problems: the chronic conditions the plan manages</legend>
        <p class="meta" id="problems-help">Leave a code empty for a common condition and it is looked up (hypertension I10, type 2 diabetes E11.9). Save to get more empty rows.</p>
        ${problemRows(v, bad)}
      </fieldset>
      <label for="goals">Goals (one per line)</label>
      <textarea id="goals" name="goals" rows="3"${bad('goals')}>${v.goals ?? ''}</textarea>
      <label for="interventions">Interventions (one per line)</label>
      <textarea id="interventions" name="interventions" rows="3"${bad('interventions')}>${v.interventions ?? ''}</textarea>
      <label for="reviewSchedule">Review schedule</label>
      <input id="reviewSchedule" name="reviewSchedule" maxlength="200" placeholder="e.g. every 3 months" value="${v.reviewSchedule ?? ''}"${bad('reviewSchedule')}>
      ${established
        ? html`<div><input type="checkbox" id="substantialRevision" name="substantialRevision" value="1"${v.substantialRevision ? html` checked` : ''}${bad('substantialRevision', 'revision-help')}>
            <label for="substantialRevision">This change substantially revises the plan</label>
            <p class="meta" id="revision-help">Complex CCM counts a month in which the plan was established or substantially revised.</p></div>`
        : ''}
      <button type="submit">Save the care plan</button>
    </form>
    </details>
  </section>`;
}
