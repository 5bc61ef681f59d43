/**
 * How a text from an unknown number reads in the app: a line on Today and in
 * the list, and the page that reads it whole (the text, when, the number,
 * what the service read in it, whom it is linked to and where it went, and
 * who was texted about it), with the forms to link it to a patient and
 * resolve it.
 */
import { describeReason, readUnknownText } from '../../alerts/index.js';
import { formatForReading } from '../../phone.js';
import type { SentText } from '../../store/outbound-log.js';
import type { Patient } from '../../store/patients.js';
import type { UnmatchedText } from '../../store/unmatched-texts.js';
import { age, csrfField, html, localTime, type Html } from '../html.js';
import { notificationsSection, phoneLink } from './alert-context.js';

export const textUrl = (text: { id: string }) => `/app/unknown-senders/${text.id}`;

/** What the service read in it, in a few words. */
export function readingWords(text: UnmatchedText): string {
  const { emergency, mentions } = readUnknownText(text.body);
  const parts = [...(emergency ? [`reports ${emergency.words}`] : []), ...(mentions.length ? [`mentions ${mentions.join(', ')}`] : [])];
  if (parts.length) return parts.join('; ');
  return text.reviewNeeded ? 'nothing the service recognised: read it' : 'a greeting';
}

/** One text as Today and the list show it: urgent marked, the words, the number, how long it has waited. */
export function unknownTextItem(text: UnmatchedText, zone: string, now: Date): Html {
  return html`<li class="${text.urgent ? 'urgent' : 'elevated'}">
    <span>${text.urgent ? html`<span class="badge level-urgent">urgent</span> ` : ''}<a href="${textUrl(text)}"><strong>${formatForReading(text.from)}</strong>: ${readingWords(text)}</a></span>
    <q class="patient-text">${text.body}</q>
    <span class="meta"><time datetime="${text.receivedAt}" title="${localTime(text.receivedAt, zone)}">${age(text.receivedAt, now)}</time>
    · ${text.linked ? `linked to ${text.linked.patient.firstName} ${text.linked.patient.lastName}` : 'not linked to a patient'}
    · ${text.reviewedAt ? `resolved by ${text.reviewedBy?.name ?? 'a coordinator'}` : text.reviewNeeded ? 'waiting for a person' : 'nothing to do'}</span>
  </li>`;
}

export interface TextPage {
  text: UnmatchedText;
  zone: string;
  /** Where the text went once linked: the alerts it is evidence of. */
  filed: Array<{ alertId: string; caseId: string | null; reason: string }>;
  earlier: UnmatchedText[];
  notifications: SentText[];
  /** A search for the patient to link to: what was typed and whom it found. */
  search: { q: string; found: Patient[] } | null;
  /** The signed-in user acts as a staff member (and so may link and resolve). */
  csrf: string | null;
}

function linkedFacts(p: TextPage): Html {
  const { linked } = p.text;
  if (!linked) return html`<dt>Patient</dt><dd>Not linked to a patient yet</dd>`;
  return html`<dt>Patient</dt><dd><a href="/app/patients/${linked.patient.id}">${linked.patient.firstName} ${linked.patient.lastName}</a>,
    linked by ${linked.by.name} at ${localTime(linked.at, p.zone)}${p.filed.map(
      (f) => html`; evidence of <a href="/app/alerts/${f.alertId}">${describeReason(f.reason)}</a>${f.caseId ? html` in <a href="/app/cases/${f.caseId}">their case</a>` : ''}`,
    )}</dd>`;
}

function linkForm(p: TextPage, csrf: string): Html {
  const action = `${textUrl(p.text)}/link`;
  return html`<section aria-labelledby="link-title" class="card"><h2 id="link-title">Link to a patient</h2>
    <p>Who is it about? ("This is Ruth's daughter": find Ruth.) The text joins the patient's record${p.text.reviewNeeded ? ', and their case' : ''}.</p>
    <form method="get" action="${textUrl(p.text)}" class="stack" role="search">
      <label for="q">Find the patient by name or phone</label>
      <input id="q" name="q" type="search" maxlength="100" value="${p.search?.q ?? ''}" required>
      <button type="submit" class="secondary">Find</button>
    </form>
    ${
      p.search
        ? p.search.found.length
          ? html`<ul class="list" aria-label="Patients found">${p.search.found.map(
              (patient) => html`<li><form method="post" action="${action}">${csrfField(csrf)}<input type="hidden" name="patientId" value="${patient.id}">
                <span>${patient.lastName}, ${patient.firstName} · ${formatForReading(patient.phone)}</span>
                <button type="submit">Link to ${patient.firstName} ${patient.lastName}</button></form></li>`,
            )}</ul>`
          : html`<p class="empty">No patient matches. Try part of the name or the phone's last digits.</p>`
        : ''
    }</section>`;
}

function resolveForm(p: TextPage, csrf: string): Html {
  return html`<section aria-labelledby="resolve-title" class="card"><h2 id="resolve-title">Resolve</h2>
    <form method="post" action="${textUrl(p.text)}/resolve" class="stack">${csrfField(csrf)}
      <label for="note">What was done</label>
      <textarea id="note" name="note" rows="3" required maxlength="2000"></textarea>
      <button type="submit">Resolve</button>
    </form></section>`;
}

export function textPageBody(p: TextPage): Html {
  const { text, zone } = p;
  return html`
    ${text.urgent ? html`<p class="lead"><span class="badge level-urgent">urgent</span> The on-call coordinators were texted when it came.</p>` : ''}
    <blockquote class="patient-text"><p>${text.body}</p></blockquote>
    <dl class="facts">
      <dt>From</dt><dd>${phoneLink(text.from)}, a number no patient of the practice has</dd>
      <dt>Received</dt><dd>${localTime(text.receivedAt, zone)}</dd>
      <dt>What we read</dt><dd>${readingWords(text)}</dd>
      ${linkedFacts(p)}
      <dt>Status</dt><dd>${
        text.reviewedAt
          ? `Resolved by ${text.reviewedBy?.name ?? 'a coordinator'} at ${localTime(text.reviewedAt, zone)}${text.reviewNote ? `: ${text.reviewNote}` : ''}`
          : text.reviewNeeded
            ? `Waiting for a person${text.linked ? ' to resolve it' : ''}`
            : 'Nothing to do: a greeting'
      }</dd>
    </dl>
    ${p.csrf && !text.linked ? linkForm(p, p.csrf) : ''}
    ${p.csrf && !text.reviewedAt ? resolveForm(p, p.csrf) : ''}
    ${
      p.earlier.length
        ? html`<section aria-labelledby="earlier-title"><h2 id="earlier-title">Other texts from this number</h2>
          <ul class="list">${p.earlier.map((t) => html`<li><a href="${textUrl(t)}">${localTime(t.receivedAt, zone)}</a> <q class="patient-text">${t.body}</q></li>`)}</ul></section>`
        : ''
    }
    ${notificationsSection(p.notifications, zone)}`;
}
