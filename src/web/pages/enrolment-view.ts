/**
 * The enrolment page's parts: the funnel for a month, the candidates with
 * their state and standing (ticked ones make a campaign's list), and the
 * admin's forms: add a candidate, upload a list, start a campaign.
 */
import type { CandidateView, Funnel } from '../../actions/index.js';
import type { CandidateState } from '../../store/candidates.js';
import type { StaffMember } from '../../store/staff.js';
import { staffLabel } from '../../store/staff.js';
import { csrfField, html, localDate, type Html } from '../html.js';
import { cameBack, formError, invalid, valuesFor, type FailedForm } from './form-errors.js';

export const CANDIDATE_FORM = 'candidate-new';
export const CAMPAIGN_FORM = 'campaign';
export const IMPORT_FORM = 'candidate-import';

export const STATE_WORDS: Record<CandidateState, string> = {
  listed: 'not invited',
  invited: 'invited, no answer yet',
  interested: 'said yes, not signed',
  consented: 'consented, enrolled',
  declined: 'declined',
  opted_out: 'opted out',
  no_answer: 'no answer',
};

const STEPS = [
  ['invited', 'Invited'],
  ['reached', 'Reached'],
  ['interested', 'Interested'],
  ['consented', 'Consented'],
  ['declined', 'Declined'],
  ['optedOut', 'Opted out'],
  ['noAnswer', 'No answer'],
] as const;

export function funnelSection(f: Funnel): Html {
  const columns = [{ name: 'The practice', counts: f.counts }, ...f.campaigns.map((c) => ({ name: c.name, counts: c.counts }))];
  return html`<section aria-labelledby="funnel-title"><h2 id="funnel-title">Funnel, ${f.month}</h2>
    <form method="get" action="/app/enrolment" class="actions" aria-label="Choose a month">
      <label for="funnel-month">Month</label>
      <input id="funnel-month" name="month" type="month" value="${f.month}">
      <button type="submit">Show</button>
    </form>
    <div class="table-wrap"><table data-funnel>
      <thead><tr><th scope="col">Step</th>${columns.map((c) => html`<th scope="col">${c.name}</th>`)}</tr></thead>
      <tbody>${STEPS.map(([key, label]) => html`<tr><th scope="row">${label}</th>${columns.map((c) => html`<td data-step="${key}">${c.counts[key]}</td>`)}</tr>`)}</tbody>
    </table></div>
    <p class="meta">Each step is counted in the month it happened. <span data-needs-visit>${f.needsVisit}</span> listed ${f.needsVisit === 1 ? 'candidate needs' : 'candidates need'} an initiating visit before a campaign can invite them.</p>
  </section>`;
}

function candidateRow(c: CandidateView, selectable: boolean): Html {
  return html`<tr>
    ${selectable ? html`<td>${c.state === 'listed' && c.standing === 'eligible' ? html`<input type="checkbox" name="candidateIds" value="${c.id}" form="start-campaign" aria-label="Invite ${c.firstName} ${c.lastName}">` : ''}</td>` : ''}
    <th scope="row"><a href="/app/enrolment/candidates/${c.id}">${c.lastName}, ${c.firstName}</a></th>
    <td data-state="${c.state}">${STATE_WORDS[c.state]}</td>
    <td data-standing="${c.standing}">${c.standingText}</td>
    <td>${c.lastVisitOn ? localDate(c.lastVisitOn, 'UTC') : 'never'}</td>
    <td>${c.conditions.join(', ')}</td>
    <td>${c.callReason ? 'on the call list' : ''}</td>
  </tr>`;
}

export function candidatesSection(candidates: readonly CandidateView[], admin: boolean): Html {
  return html`<section aria-labelledby="candidates-title"><h2 id="candidates-title">Candidates <span class="count">${candidates.length}</span></h2>
    ${candidates.length
      ? html`<div class="table-wrap"><table class="candidates">
          <thead><tr>${admin ? html`<th scope="col">Invite</th>` : ''}<th scope="col">Candidate</th><th scope="col">State</th><th scope="col">Standing</th><th scope="col">Last visit</th><th scope="col">Conditions</th><th scope="col">Call</th></tr></thead>
          <tbody>${candidates.map((c) => candidateRow(c, admin))}</tbody></table></div>`
      : html`<p class="empty">No candidates yet. Add them one by one, or upload the practice's list.</p>`}
  </section>`;
}

const select = (id: string, name: string, options: ReadonlyArray<readonly [string, string]>, current: string | undefined, extra: Html) =>
  html`<select id="${id}" name="${name}"${extra}>${options.map(([value, label]) => html`<option value="${value}"${current === value ? html` selected` : ''}>${label}</option>`)}</select>`;

export function addCandidateForm(o: { csrf: string; practitioners: readonly StaffMember[]; failed: FailedForm | undefined }): Html {
  const form = CANDIDATE_FORM;
  const v = valuesFor(o.failed, form, { phoneType: 'unknown', language: 'en', preferredChannel: 'sms' });
  const bad = (input: string, help?: string) => invalid(o.failed, form, input, help);
  const text = (id: string, name: string, label: string, extra = html``) =>
    html`<label for="${id}">${label}</label><input id="${id}" name="${name}" value="${v[name] ?? ''}"${extra}${bad(name)}>`;
  return html`<details class="card"${cameBack(o.failed, form) ? html` open` : ''}><summary>Add a candidate</summary>
    <form method="post" action="/app/enrolment/candidates" class="stack">${csrfField(o.csrf)}
      ${formError(o.failed, form)}
      ${text('c-first', 'firstName', 'First name', html` required maxlength="200"`)}
      ${text('c-last', 'lastName', 'Last name', html` required maxlength="200"`)}
      ${text('c-phone', 'phone', 'Phone', html` type="tel" required maxlength="40"`)}
      <label for="c-phone-type">Phone type</label>
      ${select('c-phone-type', 'phoneType', [['mobile', 'Mobile'], ['landline', 'Landline (called, never texted)'], ['unknown', 'Not known']], v.phoneType, bad('phoneType'))}
      <label for="c-conditions">Chronic conditions (two or more, separated by commas)</label>
      <input id="c-conditions" name="conditions" required value="${v.conditions ?? ''}"${bad('conditions')}>
      <label for="c-practitioner">Billing practitioner</label>
      ${o.practitioners.length
        ? select('c-practitioner', 'billingPractitionerId', o.practitioners.map((p) => [p.id, staffLabel(p)] as const), v.billingPractitionerId, bad('billingPractitionerId'))
        : html`<p class="error" id="c-practitioner">Add a practitioner (MD, DO, NP, PA) on the Admin page first: CCM is billed by one.</p>`}
      <label for="c-visit">Last visit (leave empty if never seen)</label>
      <input id="c-visit" name="lastVisitOn" type="date" value="${v.lastVisitOn ?? ''}"${bad('lastVisitOn')}>
      <label for="c-dob">Date of birth (optional)</label>
      <input id="c-dob" name="dateOfBirth" type="date" value="${v.dateOfBirth ?? ''}"${bad('dateOfBirth')}>
      ${text('c-mrn', 'mrn', 'Medical record number (optional)', html` maxlength="64"`)}
      ${text('c-email', 'email', 'Email (optional)', html` type="email" maxlength="254"`)}
      <label for="c-language">Language</label>
      ${select('c-language', 'language', [['en', 'English'], ['es', 'Spanish']], v.language, bad('language'))}
      <label for="c-channel">Prefers</label>
      ${select('c-channel', 'preferredChannel', [['sms', 'Texts'], ['voice', 'Calls']], v.preferredChannel, bad('preferredChannel'))}
      <button type="submit">Add candidate</button>
    </form></details>`;
}

export function importForm(o: { csrf: string; practitioners: readonly StaffMember[]; problem: string | undefined }): Html {
  return html`<details class="card"${o.problem ? html` open` : ''}><summary>Upload the practice's list (CSV)</summary>
    <form method="post" action="/app/enrolment/candidates/import" enctype="multipart/form-data" class="stack">${csrfField(o.csrf)}
      ${o.problem ? html`<p class="error" role="alert" tabindex="-1" autofocus>${o.problem}</p>` : ''}
      <p class="meta" id="import-help">Columns: First Name and Last Name (or Patient Name), Phone, Phone Type, Conditions (separated by ;), Billing Practitioner (name or id), Last Visit (empty: never seen); optional Date of Birth, MRN, Email, Language, Preferred Channel, Timezone.</p>
      <label for="import-file">CSV file</label>
      <input id="import-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="import-help">
      <label for="import-practitioner">Billing practitioner for rows without one (optional)</label>
      <select id="import-practitioner" name="billingPractitionerId"><option value="">None: every row names one</option>${o.practitioners.map((p) => html`<option value="${p.id}">${staffLabel(p)}</option>`)}</select>
      <label for="import-ignore">Columns to leave out (optional, separated by commas)</label>
      <input id="import-ignore" name="ignore" maxlength="2000">
      <button type="submit">Upload</button>
    </form></details>`;
}

export function campaignForm(o: { csrf: string; eligible: number; failed: FailedForm | undefined }): Html {
  const form = CAMPAIGN_FORM;
  const v = valuesFor(o.failed, form, { which: 'all_listed' });
  return html`<details class="card"${cameBack(o.failed, form) ? html` open` : ''}><summary>Start a campaign</summary>
    <form method="post" action="/app/enrolment/campaigns" id="start-campaign" class="stack">${csrfField(o.csrf)}
      ${formError(o.failed, form)}
      <p class="meta">Each candidate is texted or called (by their preference and phone type), outside quiet hours, at most once a day and three times a week, with reminders 3 and 7 days later. Candidates who need an initiating visit are never invited.</p>
      <label for="campaign-name">Name</label>
      <input id="campaign-name" name="name" required maxlength="200" value="${v.name ?? ''}"${invalid(o.failed, form, 'name')}>
      <fieldset><legend>Whom to invite</legend>
        <div><input type="radio" id="which-all" name="which" value="all_listed"${v.which !== 'ticked' ? html` checked` : ''}> <label for="which-all">All listed candidates who can be invited (${o.eligible})</label></div>
        <div><input type="radio" id="which-ticked" name="which" value="ticked"${v.which === 'ticked' ? html` checked` : ''}${invalid(o.failed, form, 'candidateIds')}> <label for="which-ticked">Only those ticked in the list below</label></div>
      </fieldset>
      <button type="submit">Start the campaign</button>
    </form></details>`;
}
