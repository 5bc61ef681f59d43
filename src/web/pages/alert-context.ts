/**
 * What surrounds an alert or a case on its page: the conversation around the
 * patient's words (a few messages before and after each, the words that
 * raised it marked), and the texts the care team was sent about it, so a
 * coordinator sees who was told and whether it went.
 */
import { formatForReading } from '../../phone.js';
import { evidenceMessageIds, messagesAround, type ContextMessage } from '../../store/message-context.js';
import { listNotifications, type SentText } from '../../store/outbound-log.js';
import type { Queryable } from '../../store/sql.js';
import { html, localTime, type Html } from '../html.js';

/** How many messages either side of the patient's words: enough to read what was asked and answered. */
export const AROUND = 3;

export interface AlertContext {
  conversation: ContextMessage[];
  notifications: SentText[];
}

export async function loadAlertContext(db: Queryable, patientId: string, alertIds: readonly string[]): Promise<AlertContext> {
  const evidence = await evidenceMessageIds(db, alertIds);
  const conversation = await messagesAround(db, patientId, evidence, AROUND);
  // A text from an unknown number linked to the patient: the on-call texts sent when it came are about it.
  return { conversation, notifications: await listNotifications(db, { alertIds, messageIds: evidence }) };
}

/** A phone number as people read it, a link that dials it on a phone. */
export const phoneLink = (e164: string): Html => html`<a href="tel:${e164}">${formatForReading(e164)}</a>`;

const KIND_WORDS: Readonly<Record<string, string>> = {
  alert: 'urgent alert',
  alert_unacknowledged: 'nobody acknowledged: text to everyone',
  review_overdue: 'review overdue',
  unknown_sender_alert: 'urgent text from an unknown number',
  digest: 'morning digest',
  check_in: 'check-in',
  reply: 'reply',
  unknown_sender: 'answer to an unknown number',
  questionnaire_invite: 'questionnaire link',
  questionnaire_reminder: 'questionnaire reminder',
  care_team_text: 'text from the care team',
};
export const kindWords = (kind: string) => KIND_WORDS[kind] ?? kind.replace(/_/g, ' ');

const STATUS_WORDS: Readonly<Record<string, string>> = {
  pending: 'waiting to be sent',
  submitting: 'being sent',
  simulated: 'simulated (no Twilio credentials: not sent)',
  cancelled: 'cancelled, not sent',
};
export const statusWords = (text: Pick<SentText, 'status' | 'errorCode'>) =>
  `${STATUS_WORDS[text.status] ?? text.status}${text.errorCode ? ` (error ${text.errorCode})` : ''}`;

/** Who a text went to: the staff member by name, else the number (the practice's own phone). */
export const recipient = (text: SentText): Html | string =>
  text.coordinator ? text.coordinator.name : text.audience === 'coordinator' ? html`the practice's phone, ${formatForReading(text.to)}` : formatForReading(text.to);

function speaker(m: ContextMessage, patient: { firstName: string; phone: string }): Html | string {
  if (m.direction === 'outbound') {
    if (m.channel === 'voice') return 'ccm-bot, on a call';
    return m.to === patient.phone ? 'ccm-bot' : html`ccm-bot, to ${formatForReading(m.to)}`;
  }
  // The form's answers carry the patient's phone as their sender, but came from the questionnaire's page.
  if (m.channel === 'form') return `${patient.firstName}, on the questionnaire form`;
  const who = m.channel === 'voice' ? `${patient.firstName}, on a call` : patient.firstName;
  return m.from === patient.phone || m.channel === 'voice' ? who : html`${formatForReading(m.from)}, <strong>not the patient's phone</strong>`;
}

/** A questionnaire's answers are one "question answer" per line: the lines are kept. */
const body = (m: ContextMessage) => (m.channel === 'form' ? m.body.split('\n').map((line, i) => (i === 0 ? line : html`<br>${line}`)) : m.body);

export function conversationSection(messages: ContextMessage[], patient: { firstName: string; phone: string }, zone: string): Html {
  return html`<section aria-labelledby="conversation-title"><h2 id="conversation-title">The conversation around it</h2>
    ${
      messages.length
        ? html`<ol class="list thread">${messages.map(
            (m) => html`<li class="${m.direction}${m.evidence ? ' evidence' : ''}">
              <span class="meta">${localTime(m.at, zone)} · ${speaker(m, patient)}${m.evidence ? html` · <strong>what raised it</strong>` : ''}</span>
              <span${m.direction === 'inbound' ? html` class="patient-text"` : ''}>${body(m)}</span></li>`,
          )}</ol>`
        : html`<p class="empty">No text is behind it.</p>`
    }</section>`;
}

export function notificationsSection(sent: SentText[], zone: string): Html {
  return html`<section aria-labelledby="notified-title"><h2 id="notified-title">Texts sent to the care team about it</h2>
    ${
      sent.length
        ? html`<div class="table-wrap"><table><thead><tr><th scope="col">When</th><th scope="col">To</th><th scope="col">What</th><th scope="col">Status</th></tr></thead><tbody>
          ${sent.map((t) => html`<tr><td>${localTime(t.at, zone)}</td><td>${recipient(t)}</td><td>${kindWords(t.kind)}</td><td>${statusWords(t)}</td></tr>`)}
          </tbody></table></div>`
        : html`<p class="empty">No text was sent to the care team about it.</p>`
    }</section>`;
}
