/**
 * The patient page's "Timeline": every text in and out, every call and every
 * event around them (alerts raised, acknowledged and resolved, opt-outs,
 * pauses, check-ins ending, the questionnaire sent, opened and answered),
 * newest first. The patient's words are shown as they wrote them, escaped
 * like everything else.
 */
import { describeReason } from '../../../alerts/index.js';
import { QUESTIONNAIRE_EVENT_LABELS, formMessageLabel } from '../../../documentation/questionnaires.js';
import type { AlertWithNames } from '../../../store/alerts.js';
import type { TranscriptEntry } from '../../../store/transcript.js';
import { html, localTime, type Html } from '../../html.js';

export const TIMELINE_LIMIT = 200;

const EVENTS: Readonly<Record<string, string>> = {
  opted_out: 'Opted out of texts (STOP)',
  opted_in: 'Opted back in to texts (START)',
  help_requested: 'Asked for HELP',
  wrong_number: 'Someone answered that this is a wrong number',
  phone_invalid: 'The phone number cannot receive texts',
  phone_landline: 'The phone number is a landline: check-ins go by call from now on',
  email_opted_out: 'Stopped emails',
  email_opted_in: 'Emails allowed again (recorded by staff)',
  email_bounced: 'An email bounced: the address needs checking',
  email_full_consent: 'Chose the whole summary by email, after being told plain email is not private',
  'patient.unreachable': 'Marked unreachable: too many contacts went unanswered',
  'patient.reachable': 'Reachable again: the patient answered',
  'outreach.resumed': 'Automated outreach resumed',
  'check_in.cancelled_by_staff': 'Check-in cancelled by staff',
  'call.ended': 'Call ended',
  'alert.overdue': 'Alert review overdue',
  'alert.unacknowledged': 'Nobody acknowledged the alert in time',
  'alert.call_requested': 'A coordinator asked to be connected to the patient by phone',
  'care_plan.created': 'Care plan created',
  'care_plan.updated': 'Care plan updated',
  ...QUESTIONNAIRE_EVENT_LABELS,
};

const EMAIL_OPT_OUT_SOURCES: Readonly<Record<string, string>> = {
  unsubscribe_page: "the email's unsubscribe link",
  one_click: 'one click in their mail app',
  staff: 'told staff',
};

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const words = (type: string) => type.replace(/[._]/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** An event in words; alert events name the alert's reason and link to it. */
function eventText(entry: TranscriptEntry, alerts: ReadonlyMap<string, AlertWithNames>, zone: string): Html {
  const detail = entry.detail ?? {};
  const alert = alerts.get(str(detail.alertId) ?? '');
  const about = alert ? html` about <a href="/app/alerts/${alert.id}">${describeReason(alert.reason)}</a>` : '';
  switch (entry.kind) {
    case 'alert.raised':
      return html`<span class="badge level-${str(detail.level) ?? alert?.level ?? ''}">${str(detail.level) ?? 'alert'}</span> Alert raised${about}`;
    case 'alert.acknowledged':
      return html`Alert acknowledged${alert?.acknowledgedByName ? ` by ${alert.acknowledgedByName}` : ''}${detail.by === 'keypress' ? ' (a key pressed on the escalation call)' : ''}${about}`;
    case 'alert.resolved':
      return html`Alert resolved${alert?.resolvedByName ? ` by ${alert.resolvedByName}` : ''}${about}${alert?.resolutionNote ? html`: ${alert.resolutionNote}` : ''}`;
    case 'outreach.paused': {
      const until = str(detail.until);
      return html`Automated outreach paused ${until ? `until ${localTime(until, zone)}` : 'until resumed'}`;
    }
    case 'email_opted_out': {
      const how = EMAIL_OPT_OUT_SOURCES[str(detail.source) ?? ''];
      return html`${EVENTS[entry.kind]}${how ? ` (${how})` : ''}`;
    }
    case 'questionnaire_unanswered':
      // Opened and left part way is no answer either, but a coordinator calling will want to know.
      return html`${EVENTS[entry.kind]}${detail.opened === true ? ' (opened, not finished)' : ''}`;
  }
  if (entry.kind.startsWith('conversation.')) {
    const flow = str(detail.flow);
    return html`${flow ? `${words(flow)} check-in` : 'Check-in'} ${entry.kind.slice('conversation.'.length).replace(/_/g, ' ')}`;
  }
  const known = EVENTS[entry.kind];
  return html`${known ?? words(entry.kind)}${alert && entry.kind.startsWith('alert.') ? about : ''}`;
}

/** Who said it and how, in the entry's heading. */
function speaker(entry: TranscriptEntry): string {
  const inbound = entry.direction === 'inbound';
  if (entry.channel === 'form') return formMessageLabel(entry.kind);
  if (entry.channel === 'voice') return inbound ? 'Patient, on a call' : 'Said on a call';
  return inbound ? 'Patient texted' : 'Sent';
}

/** A questionnaire's answers are one "question answer" per line: the lines are kept. */
const lines = (text: string) => text.split('\n').map((line, i) => (i === 0 ? line : html`<br>${line}`));

function messageItem(entry: TranscriptEntry, zone: string): Html {
  const call = entry.channel === 'voice';
  const inbound = entry.direction === 'inbound';
  const trouble = !inbound && entry.status && ['failed', 'undelivered', 'cancelled'].includes(entry.status) ? html` · <strong class="error">${entry.status}</strong>` : '';
  const text = entry.channel === 'form' ? lines(entry.text) : entry.text;
  return html`<li class="entry ${inbound ? 'inbound' : 'outbound'}${call ? ' call' : ''}">
    <span class="meta"><time datetime="${entry.timestamp}">${localTime(entry.timestamp, zone)}</time> · ${speaker(entry)}${trouble}</span>
    ${inbound ? html`<blockquote class="patient-text"><p>${text}</p></blockquote>` : html`<p class="bot-text">${text}</p>`}
  </li>`;
}

/** The Timeline section: the last 200 entries, newest first. */
export function timelineSection(entries: readonly TranscriptEntry[], alerts: readonly AlertWithNames[], zone: string): Html {
  const byId = new Map(alerts.map((a) => [a.id, a]));
  const shown = entries.slice(-TIMELINE_LIMIT).reverse();
  const items = shown.map((entry) =>
    entry.type === 'message'
      ? messageItem(entry, zone)
      : html`<li class="entry event${entry.kind.startsWith('alert.') ? ' alert-event' : ''}">
          <span class="meta"><time datetime="${entry.timestamp}">${localTime(entry.timestamp, zone)}</time></span>
          <p>${eventText(entry, byId, zone)}</p>
        </li>`,
  );
  return html`<section aria-labelledby="timeline-title"><h2 id="timeline-title">Timeline</h2>
    ${entries.length > TIMELINE_LIMIT ? html`<p class="meta">The latest ${TIMELINE_LIMIT} of ${entries.length} entries, newest first.</p>` : html`<p class="meta">Newest first.</p>`}
    ${items.length ? html`<ol class="list timeline">${items}</ol>` : html`<p class="empty">Nothing yet: no texts, calls or events.</p>`}
  </section>`;
}
