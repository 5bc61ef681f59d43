/**
 * The admin page: staff and the on-call order, logins, quiet hours and the
 * check-in time, triage rules (with a preview of what new ones would do),
 * enrolling a patient and importing a CSV file. A form that failed is shown
 * again with what was typed (never a password) and what was wrong.
 */
import type { ActiveSession } from '../sign-in.js';
import type { ReplayResult } from '../../alerts/index.js';
import { COORDINATOR_ROLES, type Coordinator } from '../../store/coordinators.js';
import type { Practice } from '../../store/practices.js';
import { staffLabel } from '../../documentation/staff-label.js';
import type { StaffMember } from '../../store/staff.js';
import type { User } from '../../store/users.js';
import { csrfField, html, localDate, type Html } from '../html.js';

export type AdminSection = 'staff' | 'logins' | 'settings' | 'triage' | 'enrol' | 'import' | 'appointments' | 'ehr';

/** What a redirect's `?notice=` may say: fixed messages, never anything typed. */
export const NOTICES = {
  coordinator_added: 'The coordinator was added.',
  on_call_changed: 'The on-call order was changed.',
  login_added: 'The login was added: they can sign in now.',
  quiet_hours_saved: 'Quiet hours were changed.',
  cadence_saved: 'The check-in time was changed; future check-ins are being planned again.',
  rules_saved: 'The triage rules were saved. They apply from the next data each patient sends.',
  patient_enrolled: 'The patient was enrolled.',
} as const;
export type NoticeKey = keyof typeof NOTICES;

export interface AdminView {
  practice: Practice;
  session: ActiveSession;
  coordinators: Coordinator[];
  staff: StaffMember[];
  users: User[];
  rules: { text: string; version: string; isDefault: boolean };
  notice?: NoticeKey | undefined;
  /** The form that failed, what was wrong, and what was typed in it. */
  problem?: { section: AdminSection; message: string; values: Record<string, string> } | undefined;
  preview?: ReplayResult | undefined;
}

const words = (value: string) => value.replace(/_/g, ' ');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a replay found, in words: "12 patients would move from routine to elevated". */
export function replaySentences(result: ReplayResult): string[] {
  if (result.moves.length === 0) return [`No patient would move: all ${plural(result.patients, 'patient', 'patients')} would keep their level.`];
  return result.moves.map((m) => `${plural(m.patients, 'patient', 'patients')} would move from ${m.from} to ${m.to}.`);
}

export function adminBody(v: AdminView): Html {
  const csrf = csrfField(v.session.csrfToken);
  const failed = (section: AdminSection) => (v.problem?.section === section ? v.problem : undefined);
  const value = (section: AdminSection, name: string, fallback = '') => failed(section)?.values[name] ?? fallback;
  const problemText = (section: AdminSection) => {
    const p = failed(section);
    return p ? html`<p class="error" role="alert" id="${section}-error">${p.message}</p>` : '';
  };
  const option = (selected: string, val: string, label: string) => html`<option value="${val}"${val === selected ? html` selected` : ''}>${label}</option>`;
  const section = (id: AdminSection, title: string, body: Html) =>
    html`<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${title}</h2>${problemText(id)}${body}</section>`;
  const zone = v.practice.timezone;
  const otherStaff = v.staff.filter((s) => !s.coordinator);
  const staffName = new Map(v.staff.map((s) => [s.id, s.name]));

  const staff = html`
    <p class="meta">Urgent alerts ring the coordinators on call, lowest number first.</p>
    <div class="table-wrap"><table><thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Phone</th><th scope="col">On call</th><th scope="col">Change</th></tr></thead><tbody>
    ${v.coordinators.map(
      (c) => html`<tr><td>${c.name}${c.active ? '' : ' (inactive)'}</td><td>${words(c.role)}</td><td>${c.phone}</td><td>${c.onCallOrder ?? 'not on call'}</td>
        <td><form method="post" action="/app/admin/coordinators/${c.id}" class="actions">${csrf}
          <label for="order-${c.id}">On-call order <span class="sr-only">for ${c.name}</span></label>
          <input id="order-${c.id}" name="onCallOrder" type="number" min="1" max="1000" value="${c.onCallOrder ?? ''}">
          <button type="submit" name="action" value="set">Set</button>
          ${c.onCallOrder !== null ? html`<button type="submit" name="action" value="off" class="secondary">Take off call</button>` : ''}
        </form></td></tr>`,
    )}</tbody></table></div>
    ${otherStaff.length ? html`<p>Other staff (time is logged, never called): ${otherStaff.map((s, i) => html`${i ? ', ' : ''}${staffLabel(s)}`)}</p>` : ''}
    <form method="post" action="/app/admin/coordinators" class="card">${csrf}
      <h3>Add a coordinator</h3>
      <label for="c-name">Name</label><input id="c-name" name="name" required maxlength="200" value="${value('staff', 'name')}">
      <label for="c-phone">Phone</label><input id="c-phone" name="phone" type="tel" required value="${value('staff', 'phone')}">
      <label for="c-email">Email (optional)</label><input id="c-email" name="email" type="email" value="${value('staff', 'email')}">
      <label for="c-role">Role</label><select id="c-role" name="role">${COORDINATOR_ROLES.map((r) => option(value('staff', 'role', 'care_coordinator'), r, words(r)))}</select>
      <label for="c-order">On-call order (optional; 1 is called first)</label><input id="c-order" name="onCallOrder" type="number" min="1" max="1000" value="${value('staff', 'onCallOrder')}">
      <button type="submit">Add the coordinator</button>
    </form>`;

  const logins = html`
    <table><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Acts as</th><th scope="col">Since</th></tr></thead><tbody>
    ${v.users.map(
      (u) => html`<tr><td>${u.name}${u.active ? '' : ' (inactive)'}</td><td>${u.email}</td><td>${u.role}</td><td>${u.staffId ? (staffName.get(u.staffId) ?? 'a staff member') : 'nobody (reads only)'}</td><td>${localDate(u.createdAt, zone)}</td></tr>`,
    )}</tbody></table>
    <form method="post" action="/app/admin/users" class="card" autocomplete="off">${csrf}
      <h3>Add a login</h3>
      <label for="u-name">Name</label><input id="u-name" name="name" required maxlength="200" value="${value('logins', 'name')}">
      <label for="u-email">Email</label><input id="u-email" name="email" type="email" required value="${value('logins', 'email')}">
      <label for="u-role">Role</label><select id="u-role" name="role">${[
        ['coordinator', 'coordinator'],
        ['practitioner', 'practitioner (also approves months)'],
        ['admin', 'admin'],
      ].map(([r, label]) => option(value('logins', 'role', 'coordinator'), r!, label!))}</select>
      <label for="u-staff">Acts as</label><select id="u-staff" name="staffId">${option(value('logins', 'staffId'), '', 'a new staff record (none for an admin)')}${v.staff.map((s) =>
        option(value('logins', 'staffId'), s.id, staffLabel(s)),
      )}</select>
      <label for="u-password">Password</label><input id="u-password" name="password" type="password" required minlength="12" autocomplete="new-password" aria-describedby="u-password-help">
      <p class="meta" id="u-password-help">At least 12 characters; a few words make a good one.</p>
      <button type="submit">Add the login</button>
    </form>`;

  const q = v.practice.quietHours;
  const settings = html`
    <form method="post" action="/app/admin/quiet-hours" class="card">${csrf}
      <h3>Quiet hours</h3><p class="meta">No texts to patients between these times (the patient's local time).</p>
      <label for="quiet-start">From</label><input id="quiet-start" name="start" type="time" required value="${value('settings', 'start', q.start)}">
      <label for="quiet-end">Until</label><input id="quiet-end" name="end" type="time" required value="${value('settings', 'end', q.end)}">
      <button type="submit">Save quiet hours</button>
    </form>
    <form method="post" action="/app/admin/cadence" class="card">${csrf}
      <h3>Check-in time</h3><p class="meta">${plural(v.practice.outreach.cadence.slots.length, 'check-in', 'check-ins')} a month, at this time of day.</p>
      <label for="cadence-time">Time of the check-ins</label><input id="cadence-time" name="time" type="time" required value="${value('settings', 'time', v.practice.outreach.cadence.time)}">
      <button type="submit">Save the check-in time</button>
    </form>`;

  const triage = html`
    <p class="meta">${v.rules.isDefault ? 'The practice uses the default rules' : 'The practice\'s own rules'} (version ${v.rules.version}).</p>
    ${v.preview
      ? html`<div class="card" role="status" id="preview"><h3>Preview</h3>${replaySentences(v.preview).map((s) => html`<p>${s}</p>`)}
        <table><thead><tr><th scope="col">Level</th><th scope="col">Now</th><th scope="col">With these rules</th></tr></thead><tbody>
        ${(['urgent', 'elevated', 'routine', 'stable'] as const).map((l) => html`<tr><td>${l}</td><td>${v.preview!.current[l]}</td><td>${v.preview!.proposed[l]}</td></tr>`)}
        </tbody></table><p class="meta">Nothing was saved.</p></div>`
      : ''}
    <form method="post" action="/app/admin/triage-rules" class="stack">${csrf}
      <label for="rules">Rules (JSON)</label>
      <textarea id="rules" name="rules" rows="18" spellcheck="false">${v.rules.text}</textarea>
      <div class="actions"><button type="submit" name="action" value="preview" class="secondary">Preview</button><button type="submit" name="action" value="save">Save</button></div>
    </form>`;

  const enrol = html`
    <form method="post" action="/app/admin/patients" class="card">${csrf}
      <label for="p-first">First name</label><input id="p-first" name="firstName" required value="${value('enrol', 'firstName')}">
      <label for="p-last">Last name</label><input id="p-last" name="lastName" required value="${value('enrol', 'lastName')}">
      <label for="p-phone">Phone</label><input id="p-phone" name="phone" type="tel" required value="${value('enrol', 'phone')}">
      <label for="p-dob">Date of birth (optional)</label><input id="p-dob" name="dateOfBirth" type="date" value="${value('enrol', 'dateOfBirth')}">
      <label for="p-mrn">Medical record number (optional)</label><input id="p-mrn" name="mrn" maxlength="64" autocomplete="off" value="${value('enrol', 'mrn')}">
      <label for="p-language">Language</label><select id="p-language" name="language">${option(value('enrol', 'language', 'en'), 'en', 'English')}${option(value('enrol', 'language', 'en'), 'es', 'Spanish')}</select>
      <label for="p-channel">Preferred channel</label><select id="p-channel" name="preferredChannel">${option(value('enrol', 'preferredChannel', 'sms'), 'sms', 'texts')}${option(value('enrol', 'preferredChannel', 'sms'), 'voice', 'calls')}</select>
      <label for="p-conditions">Conditions (comma separated)</label><input id="p-conditions" name="conditions" value="${value('enrol', 'conditions')}" placeholder="hypertension, type 2 diabetes">
      <label for="p-consent">Consent</label><select id="p-consent" name="consentStatus">${option(value('enrol', 'consentStatus', 'granted'), 'granted', 'granted')}${option(value('enrol', 'consentStatus', 'granted'), 'declined', 'declined')}</select>
      <label for="p-method">Consent given</label><select id="p-method" name="consentMethod">${option(value('enrol', 'consentMethod', 'verbal'), 'verbal', 'verbally')}${option(value('enrol', 'consentMethod', 'verbal'), 'written', 'in writing')}</select>
      <label for="p-recorded-by">Consent recorded by</label><input id="p-recorded-by" name="consentRecordedBy" required value="${value('enrol', 'consentRecordedBy', v.session.user.name)}">
      <p class="meta">Consent is recorded as of now.</p>
      <button type="submit">Enrol the patient</button>
    </form>`;

  const importForm = html`
    <form method="post" action="/app/admin/import" enctype="multipart/form-data" class="card">${csrf}
      <p class="meta">Columns: First Name, Last Name (or one Patient Name, "Alvarez, Ruth"), Phone, MRN, Date of Birth, Language, Preferred Channel, Conditions (separated by ;), Consent, Consent Method, Consent Date, Consented By. Rows whose phone is enrolled already are left as they are.</p>
      <label for="csv-file">CSV file</label><input id="csv-file" name="file" type="file" accept=".csv,text/csv" required>
      <label for="csv-ignore">Columns to leave out (optional, comma separated)</label><input id="csv-ignore" name="ignore" value="${value('import', 'ignore')}">
      <fieldset><legend>Consent for the whole file (only for a file without consent columns)</legend>
        <p class="meta">Fill this in only if every patient in the file gave CCM consent this way; you are recording it for each of them.</p>
        <label for="csv-consent-method">Consent given</label><select id="csv-consent-method" name="consentMethod">${option(value('import', 'consentMethod'), '', 'the file has consent columns')}${option(value('import', 'consentMethod'), 'verbal', 'verbally')}${option(value('import', 'consentMethod'), 'written', 'in writing')}</select>
        <label for="csv-consent-date">Consent date</label><input id="csv-consent-date" name="consentRecordedAt" type="date" value="${value('import', 'consentRecordedAt')}">
        <label for="csv-consent-by">Consent recorded by</label><input id="csv-consent-by" name="consentRecordedBy" value="${value('import', 'consentRecordedBy')}" placeholder="Jane Doe, RN">
      </fieldset>
      <button type="submit">Import</button>
    </form>`;

  const appointmentImportForm = html`
    <form method="post" action="/app/admin/appointments/import" enctype="multipart/form-data" class="card">${csrf}
      <p class="meta">Columns: Patient Id or Phone (the number the patient is enrolled with), Appointment (2027-01-08 09:30 or 1/8/2027 9:30 AM, on the patient's clock; or Date and Time columns), With, Location, Purpose (optional). A Patient Name column may stay; it is not read. Appointments already added are left as they are.</p>
      <label for="appt-csv-file">CSV file</label><input id="appt-csv-file" name="file" type="file" accept=".csv,text/csv" required>
      <label for="appt-csv-ignore">Columns to leave out (optional, comma separated)</label><input id="appt-csv-ignore" name="ignore" value="${value('appointments', 'ignore')}">
      <button type="submit">Import appointments</button>
    </form>`;

  // A GET form: reading the chart saves nothing; the review page has the import's own form.
  const ehrForm = html`
    <form method="get" action="/app/admin/ehr/chart" class="card">
      <p class="meta">Reads the patient's demographics, active conditions (ICD-10) and active medications from the practice's EHR, to review before anything is saved. Needs the EHR connection.</p>
      <label for="ehr-mrn">Medical record number (MRN)</label><input id="ehr-mrn" name="mrn" required value="${value('ehr', 'mrn')}">
      <button type="submit">Read the chart</button>
    </form>`;

  return html`
    ${v.notice ? html`<p class="notice" role="status">${NOTICES[v.notice]}</p>` : ''}
    ${v.problem ? html`<p class="error" role="alert"><a href="#${v.problem.section}">Not saved: see below.</a></p>` : ''}
    ${section('staff', 'Staff and on-call order', staff)}
    ${section('logins', 'Logins', logins)}
    ${section('settings', 'Quiet hours and cadence', settings)}
    ${section('triage', 'Triage rules', triage)}
    ${section('enrol', 'Enrol a patient', enrol)}
    ${section('import', 'Import patients (CSV)', importForm)}
    ${section('appointments', 'Import appointments (CSV)', appointmentImportForm)}
    ${section('ehr', 'Import from the EHR by MRN', ehrForm)}`;
}
