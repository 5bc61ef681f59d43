/**
 * Every kind of event the service records on a patient (patient_events.type),
 * in words for the month's log and note. Event types are strings written in
 * many places; test/documentation/phrases.unit.test.ts reads them from the
 * source and fails when one has no words here, so a new event never reaches
 * a chart as its code. Pure.
 */
import { QUESTIONNAIRE_EVENT_LABELS } from '../questionnaires.js';

/** Where an event is said: the log always; `note` when a signer should read it among the month's contacts. */
export interface EventPhrase {
  text: string;
  note: boolean;
}

const log = (text: string): EventPhrase => ({ text, note: false });
const noted = (text: string): EventPhrase => ({ text, note: true });

/** How a check-in ended ('conversation.<status>'), from ConversationStatus in src/store/conversations.ts. */
export const CHECK_IN_ENDINGS: Readonly<Record<string, string>> = {
  started: 'Check-in started',
  active: 'Check-in under way',
  completed: 'Check-in completed',
  no_usable_answer: 'Check-in ended without a usable answer',
  timed_out: 'Check-in not answered in time',
  escalated: 'Check-in handed to the care team',
  cancelled: 'Check-in cancelled',
};

/** Care-plan changes ('care_plan.<change>'), as src/records/care-plan.ts names them. */
export const CARE_PLAN_CHANGES: Readonly<Record<string, string>> = {
  created: 'Care plan established',
  updated: 'Care plan updated',
  revised: 'Care plan substantially revised',
};

export const EVENT_PHRASES: Readonly<Record<string, EventPhrase>> = {
  'alert.raised': log('Alert raised for the care team'),
  'alert.acknowledged': log('Alert acknowledged'),
  'alert.resolved': log('Alert resolved'),
  'alert.escalated': log('Urgent alert: the on-call coordinator was called'),
  'alert.unrouted': log('Urgent alert: nobody on call to ring'),
  'alert.unacknowledged': log('Nobody acknowledged the alert in time'),
  'alert.overdue': log('Alert review overdue'),
  'alert.call_requested': noted('A coordinator was connected to the patient by phone'),
  'call.ended': log('Call ended'),
  'check_in.cancelled_by_staff': log('Check-in cancelled by staff'),
  red_flag: log('Red-flag words in a text: the patient was told to call 911 or the practice'),
  distress: log('Words of distress in a text: the on-call coordinator was alerted'),
  asked_who_we_are: log('Asked who was texting: the bot said who it is'),
  already_answered: log('Said they had already answered: the check-in was closed'),
  late_answer: log('Answered a check-in after it had closed: the answer was taken'),
  help_requested: log('Texted HELP: the practice name and phone were sent'),
  opted_out: noted('Opted out of texts (STOP)'),
  opted_in: noted('Opted back in to texts (START)'),
  wrong_number: noted('Someone answered that this is a wrong number'),
  phone_invalid: noted('The phone number cannot receive texts'),
  phone_landline: noted('The phone number is a landline: check-ins go by call from now on'),
  email_opted_out: noted('Stopped emails'),
  email_opted_in: log('Emails allowed again (recorded by staff)'),
  email_bounced: noted('An email bounced: the address needs checking'),
  email_full_consent: log('Chose the whole summary by email, after being told plain email is not private'),
  'ccm_consent.recorded': noted('Consent to CCM recorded: each required element acknowledged'),
  'ccm_consent.revoked': noted('Asked to stop CCM: consent revoked, effective the end of the month'),
  summary_sent: log('Monthly care-plan summary emailed'),
  summary_opened: log('Monthly care-plan summary opened'),
  'patient.unreachable': noted('Marked unreachable: too many contacts went unanswered'),
  'patient.reachable': noted('Reachable again: the patient answered'),
  'outreach.paused': noted('Automated outreach paused'),
  'outreach.resumed': noted('Automated outreach resumed'),
  'unknown_sender.linked': noted('A text from another phone was linked to the patient by staff'),
  'unmatched.reviewed': log('A text from an unknown number was reviewed by staff'),
  ...Object.fromEntries(Object.entries(QUESTIONNAIRE_EVENT_LABELS).map(([type, text]) => [type, log(text)])),
  ...Object.fromEntries(Object.entries(CHECK_IN_ENDINGS).map(([status, text]) => [`conversation.${status}`, log(text)])),
  ...Object.fromEntries(Object.entries(CARE_PLAN_CHANGES).map(([change, text]) => [`care_plan.${change}`, noted(text)])),
};

/** The words for an event type; an unknown one is "Other recorded event", never its code. */
export function eventPhrase(type: string): EventPhrase {
  return EVENT_PHRASES[type] ?? log('Other recorded event');
}
