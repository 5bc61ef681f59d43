/**
 * The patient page's "Consent and opt-out": the CCM consent on record (given
 * or declined, how, when, who recorded it), whether the patient opted out of
 * texts, their email address and what emails may hold; the form that records a
 * consent or corrects the one on record, and the one that changes the email
 * (through the same PATCH, so the action records how the notice was accepted).
 * The form is read into the body the API's PATCH takes ({ consent }), and the
 * same action, changePatient, stores it and plans outreach again.
 */
import { DateTime } from 'luxon';
import { CalendarDateSchema } from '../../../actions/index.js';
import { DomainError } from '../../../errors.js';
import type { Patient } from '../../../store/patients.js';
import { csrfField, html, localDate, localTime, type Html } from '../../html.js';
import { field } from '../forms.js';
import { cameBack, fieldTable, formError, invalid, valuesFor, type FailedForm } from '../form-errors.js';
import { EMAIL_PRIVACY_NOTICE_VERSION, EMAIL_PRIVACY_NOTICES } from '../../../actions/index.js';

export const CONSENT_FORM = 'consent';
export const EMAIL_FORM = 'email';

/**
 * The email form as the action's change (PATCH /patients/:id's email fields):
 * an empty address is no email; 'full' carries how the patient accepted the
 * notice, which the action records with who and when.
 */
export function readEmailForm(body: unknown) {
  const email = field(body, 'email').trim();
  const emailConsent = field(body, 'emailConsent');
  const how = field(body, 'how');
  return {
    email: email === '' ? null : email,
    ...(emailConsent ? { emailConsent } : {}),
    ...(emailConsent === 'full' ? { emailFullConsent: { how } } : {}),
  };
}

export const EMAIL_FIELDS = fieldTable({
  email: ['email', 'Email address'],
  emailConsent: ['emailConsent', 'What emails may hold'],
  'emailFullConsent.how': ['how', 'How the patient accepted'],
});

/**
 * The consent form as the action's change. The date input sends a calendar
 * date, so it is read as one first: the schema's own message, which also
 * takes a date-time with its offset, would describe formats nobody typed.
 */
export function readConsentForm(body: unknown) {
  const recordedOn = field(body, 'recordedOn').trim();
  if (!recordedOn) throw new DomainError('validation_failed', 'enter the day consent was given, like 2026-11-02', 'consent.recordedAt');
  const day = CalendarDateSchema.safeParse(recordedOn);
  if (!day.success) throw new DomainError('validation_failed', day.error.issues[0]!.message, 'consent.recordedAt');
  return { consent: { status: field(body, 'status'), method: field(body, 'method'), recordedAt: day.data, recordedBy: field(body, 'recordedBy') } };
}

export const CONSENT_FIELDS = fieldTable({
  'consent.status': ['status', 'Consent'],
  'consent.method': ['method', 'How it was given'],
  'consent.recordedAt': ['recordedOn', 'Date'],
  'consent.recordedBy': ['recordedBy', 'Recorded by'],
});

function optOut(p: Patient, zone: string): Html {
  if (p.smsOptedOutAt) {
    return html`<strong>Opted out of texts</strong> on ${localTime(p.smsOptedOutAt, zone)}. Nothing is texted until they reply START.`;
  }
  return html`Not opted out: texts are allowed.`;
}

const EMAIL_CHOICES = {
  none: 'No emails',
  link: 'Emails say a summary is ready, with a link to it',
  full: 'The whole summary by email',
} as const;

/** The address, what emails may hold (with the recorded acceptance for the whole summary), and why none may go. */
function emailState(p: Patient, zone: string): Html {
  if (!p.email) return html`No email address on file.`;
  const full = p.emailFullConsent;
  const accepted = full
    ? html` (told plain email is not private and accepted, ${full.how}, on ${localDate(full.at, zone)}; recorded by ${full.recordedBy}; notice ${full.textVersion})`
    : '';
  return html`<span data-email-address>${p.email}</span>. ${EMAIL_CHOICES[p.emailConsent]}${accepted}.${
    p.emailOptedOutAt ? html` <strong>Stopped emails</strong> on ${localTime(p.emailOptedOutAt, zone)}.` : ''
  }${p.emailBouncedAt ? html` <strong>The address bounced</strong> on ${localTime(p.emailBouncedAt, zone)}: check it with the patient.` : ''}`;
}

export interface ConsentOptions {
  patient: Patient;
  zone: string;
  csrf: string;
  failed?: FailedForm | undefined;
}

const radio = (name: string, value: string, label: string, current: string | undefined, extra: Html) =>
  html`<div><input type="radio" id="${name}-${value}" name="${name}" value="${value}"${current === value ? html` checked` : ''}${extra}> <label for="${name}-${value}">${label}</label></div>`;

export function consentSection(o: ConsentOptions): Html {
  const { patient: p, zone } = o;
  const c = p.consent;
  const form = CONSENT_FORM;
  const v = valuesFor(o.failed, form, {
    status: c.status,
    method: c.method,
    recordedOn: DateTime.fromISO(c.recordedAt, { zone }).toISODate() ?? '',
    recordedBy: c.recordedBy,
  });
  const bad = (input: string) => invalid(o.failed, form, input);
  return html`<section aria-labelledby="consent-title"><h2 id="consent-title">Consent and opt-out</h2>
    <dl class="facts">
      <dt>CCM consent</dt><dd data-consent>${c.status === 'granted' ? 'Granted' : 'Declined'}, ${c.method}, on ${localDate(c.recordedAt, zone)} (recorded by ${c.recordedBy})</dd>
      <dt>Texts</dt><dd data-opt-out>${optOut(p, zone)}${p.phoneInvalidAt ? html` <strong>The number cannot receive texts.</strong>` : ''}</dd>
      <dt>Email</dt><dd data-email>${emailState(p, zone)}</dd>
    </dl>
    <details class="card"${cameBack(o.failed, form) ? html` open` : ''}><summary>Record or correct consent</summary>
    <form method="post" action="/app/patients/${p.id}/consent" class="stack">${csrfField(o.csrf)}
      <p class="meta">Record it after telling the patient what CCM is, that cost sharing may apply, that one practitioner bills it a month, and that they may stop at any time. A texted "YES" is interest, not consent.</p>
      ${formError(o.failed, form)}
      <fieldset><legend>Consent</legend>
        ${radio('status', 'granted', 'Granted', v.status, bad('status'))}
        ${radio('status', 'declined', 'Declined', v.status, html``)}
      </fieldset>
      <fieldset><legend>How it was given</legend>
        ${radio('method', 'verbal', 'Verbally', v.method, bad('method'))}
        ${radio('method', 'written', 'In writing', v.method, html``)}
      </fieldset>
      <label for="consent-date">Date</label>
      <input id="consent-date" name="recordedOn" type="date" required value="${v.recordedOn ?? ''}"${bad('recordedOn')}>
      <label for="consent-by">Recorded by (name and credential)</label>
      <input id="consent-by" name="recordedBy" required maxlength="200" value="${v.recordedBy ?? ''}"${bad('recordedBy')}>
      <button type="submit">Save consent</button>
    </form>
    </details>
    ${emailForm(o)}
  </section>`;
}

/** Change the address and what emails may hold; the whole summary by email only after the patient heard the notice. */
function emailForm(o: ConsentOptions): Html {
  const { patient: p } = o;
  const form = EMAIL_FORM;
  const v = valuesFor(o.failed, form, { email: p.email ?? '', emailConsent: p.emailConsent, how: p.emailFullConsent?.how ?? '' });
  const bad = (input: string) => invalid(o.failed, form, input);
  const notice = EMAIL_PRIVACY_NOTICES[EMAIL_PRIVACY_NOTICE_VERSION];
  return html`<details class="card"${cameBack(o.failed, form) ? html` open` : ''}><summary>Change email</summary>
    <form method="post" action="/app/patients/${p.id}/email" class="stack">${csrfField(o.csrf)}
      ${formError(o.failed, form)}
      <label for="email-address">Email address (leave empty for no email)</label>
      <input id="email-address" name="email" type="email" maxlength="254" autocomplete="off" value="${v.email ?? ''}"${bad('email')}>
      <fieldset><legend>What emails may hold</legend>
        ${(Object.keys(EMAIL_CHOICES) as Array<keyof typeof EMAIL_CHOICES>).map((choice) => radio('emailConsent', choice, EMAIL_CHOICES[choice], v.emailConsent, bad('emailConsent')))}
      </fieldset>
      <p class="meta">Before choosing the whole summary, read the patient this notice and record how they accepted it: "${notice.en}"</p>
      <fieldset><legend>How the patient accepted (whole summary only)</legend>
        ${radio('how', 'verbal', 'Verbally', v.how, bad('how'))}
        ${radio('how', 'written', 'In writing', v.how, html``)}
        ${radio('how', 'portal', 'Through the portal', v.how, html``)}
      </fieldset>
      <button type="submit">Save email</button>
    </form>
    </details>`;
}
