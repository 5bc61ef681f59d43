/**
 * One candidate's page, in parts: who they are and where their invitation
 * stands, their texts and calls, and what a coordinator does on the phone
 * with them: the consent script (the practice's current text for their
 * language, each element ticked as read and acknowledged), a no said by
 * phone, or a call that settled nothing.
 */
import { CONSENT_WORDING } from '../../../prompts/consent.js';
import type { CandidateView } from '../../actions/index.js';
import { CONSENT_ELEMENTS, elementShown, type ConsentText } from '../../enrolment/index.js';
import { formatForReading } from '../../phone.js';
import type { CandidateMessage } from '../../store/candidate-messages.js';
import type { Campaign } from '../../store/campaigns.js';
import { csrfField, html, localDate, localTime, type Html } from '../html.js';
import { STATE_WORDS } from './enrolment-view.js';
import { formError, invalid, valuesFor, type FailedForm } from './form-errors.js';

export const CONSENT_SCRIPT_FORM = 'verbal-consent';
export const DECLINE_FORM = 'phone-decline';

const CALL_REASONS: Record<string, string> = {
  no_answer: 'did not answer the invitation',
  consent_unsigned: 'said yes but has not signed',
  asked_for_call: 'wrote something a person should read',
  voice_interest: 'said yes on a call: take consent by phone',
};

export interface CandidatePage {
  candidate: CandidateView;
  practiceName: string;
  practitioner: string;
  campaign: Campaign | null;
  messages: readonly CandidateMessage[];
  text: ConsentText | null;
  zone: string;
  csrf: string;
  failed?: FailedForm | undefined;
}

const when = (iso: string | null, zone: string) => (iso ? localTime(iso, zone) : null);

function story(c: CandidateView, zone: string): Html {
  const steps: Array<[string, string | null]> = [
    ['Invited', when(c.invitedAt, zone)],
    ['Reached', when(c.reachedAt, zone)],
    ['Said yes', when(c.interestedAt, zone)],
    ['Declined', c.declinedAt ? `${localTime(c.declinedAt, zone)} (${c.declinedHow ?? 'no detail'})` : null],
    ['Opted out', when(c.optedOutAt, zone)],
    ['No answer', when(c.noAnswerAt, zone)],
    ['Consented', when(c.consentedAt, zone)],
  ];
  return html`${steps.filter(([, at]) => at !== null).map(([label, at]) => html`<dt>${label}</dt><dd>${at}</dd>`)}`;
}

export function candidateFacts(p: CandidatePage): Html {
  const c = p.candidate;
  return html`<section aria-labelledby="candidate-title"><h2 id="candidate-title">Invitation</h2>
    <dl class="facts">
      <dt>State</dt><dd data-state="${c.state}">${STATE_WORDS[c.state]}${c.patientId ? html` · <a href="/app/patients/${c.patientId}">Open the patient</a>` : ''}</dd>
      <dt>Standing</dt><dd data-standing="${c.standing}">${c.standingText}</dd>
      ${c.callReason ? html`<dt>Call list</dt><dd data-call-reason="${c.callReason}">${CALL_REASONS[c.callReason]}, since ${localTime(c.callListedAt!, p.zone)}</dd>` : ''}
      ${c.lastCall ? html`<dt>Last call</dt><dd data-last-call>${localTime(c.lastCall.at, p.zone)}, ${c.lastCall.by}${c.lastCall.note ? `: ${c.lastCall.note}` : ''}</dd>` : ''}
      <dt>Campaign</dt><dd>${p.campaign ? p.campaign.name : 'none yet'}</dd>
      ${story(c, p.zone)}
      <dt>Phone</dt><dd><a href="tel:${c.phone}">${formatForReading(c.phone)}</a> (${c.phoneType === 'unknown' ? 'type not known' : c.phoneType})</dd>
      <dt>Language</dt><dd>${c.language === 'es' ? 'Spanish' : 'English'}; prefers ${c.preferredChannel === 'voice' ? 'calls' : 'texts'}</dd>
      <dt>Conditions</dt><dd>${c.conditions.join(', ')}</dd>
      <dt>Billing practitioner</dt><dd>${p.practitioner}</dd>
      <dt>Last visit</dt><dd>${c.lastVisitOn ? localDate(c.lastVisitOn, 'UTC') : 'never seen'}</dd>
      ${c.dateOfBirth ? html`<dt>Date of birth</dt><dd>${localDate(c.dateOfBirth, 'UTC')}</dd>` : ''}
      ${c.mrn ? html`<dt>MRN</dt><dd>${c.mrn}</dd>` : ''}
      ${c.email ? html`<dt>Email</dt><dd>${c.email}</dd>` : ''}
    </dl>
  </section>`;
}

export function messagesSection(messages: readonly CandidateMessage[], zone: string): Html {
  return html`<section aria-labelledby="messages-title"><h2 id="messages-title">Messages</h2>
    ${messages.length
      ? html`<ol class="list" data-messages>${messages.map(
          (m) => html`<li><span class="meta">${localTime(m.at, zone)} · ${m.direction === 'inbound' ? 'from them' : 'to them'} · ${m.channel === 'voice' ? 'call' : 'text'} · ${m.status}</span> ${m.body}</li>`,
        )}</ol>`
      : html`<p class="empty">Nothing sent or received yet.</p>`}
  </section>`;
}

/** The script: each element as the patient hears it, and a box to tick once they acknowledged it. */
export function consentScript(p: CandidatePage): Html {
  const c = p.candidate;
  if (c.state === 'consented') return html``;
  const text = p.text!;
  const form = CONSENT_SCRIPT_FORM;
  const wording = CONSENT_WORDING[text.language];
  const names = { practice: p.practiceName, practitioner: p.practitioner };
  const earlier = c.state === 'declined' || c.state === 'opted_out';
  return html`<section aria-labelledby="script-title"><h2 id="script-title">Take consent by phone</h2>
    <form method="post" action="/app/enrolment/candidates/${c.id}/consent" class="card stack">${csrfField(p.csrf)}
      ${formError(p.failed, form)}
      ${earlier ? html`<p class="meta">They ${c.state === 'declined' ? 'said no' : 'opted out'} before. Take consent only if they now ask to join.</p>` : ''}
      <p class="meta">Read each part to ${c.firstName} ${c.lastName} (${text.language === 'es' ? 'in Spanish' : 'in English'}), exactly as written, and tick it once they say they understand. A texted "yes" is interest, not consent. Consent text version ${text.version}.</p>
      <input type="hidden" name="consentTextId" value="${text.id}">
      <fieldset><legend lang="${text.language}">${wording.title}</legend>
        ${CONSENT_ELEMENTS.map(
          (key) => html`<div class="script-element" data-element="${key}">
            <h3 lang="${text.language}">${wording.headings[key]}</h3>
            <p lang="${text.language}">${elementShown(text, key, names)}</p>
            <input type="checkbox" id="element-${key}" name="elements" value="${key}"${key === CONSENT_ELEMENTS[0] ? invalid(p.failed, form, 'elements') : ''}> <label for="element-${key}">Read and acknowledged: <span lang="${text.language}">${wording.headings[key]}</span></label>
          </div>`,
        )}
      </fieldset>
      <button type="submit">Confirm consent and enrol</button>
    </form>
  </section>`;
}

/** A no said on the phone, and a call that settled nothing. */
export function callForms(p: CandidatePage): Html {
  const c = p.candidate;
  if (c.state === 'consented') return html``;
  const v = valuesFor(p.failed, DECLINE_FORM, { note: '' });
  const canDecline = c.state !== 'declined' && c.state !== 'opted_out';
  return html`<div class="grid">
    ${canDecline
      ? html`<form method="post" action="/app/enrolment/candidates/${c.id}/decline" class="card stack">${csrfField(p.csrf)}
          ${formError(p.failed, DECLINE_FORM)}
          <label for="decline-note">They said no on the phone. Anything worth keeping (optional)</label>
          <input id="decline-note" name="note" maxlength="500" value="${v.note ?? ''}"${invalid(p.failed, DECLINE_FORM, 'note')}>
          <button type="submit">Declined by phone</button>
        </form>`
      : ''}
    ${c.callListedAt
      ? html`<form method="post" action="/app/enrolment/candidates/${c.id}/called" class="card stack">${csrfField(p.csrf)}
          <label for="called-note">No answer, or a message left: what happened (optional)</label>
          <input id="called-note" name="note" maxlength="500">
          <button type="submit">Called</button>
        </form>`
      : ''}
  </div>`;
}
