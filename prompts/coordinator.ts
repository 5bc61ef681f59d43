/**
 * What the service says to care coordinators: texts and phone calls about
 * patients who need a person. English only (the care team's working
 * language). Texts name the patient and a callback number, the minimum to
 * act on; they fit in 2 GSM-7 segments like every text (see test/prompts).
 * Calls are written for the ear: short sentences, the options last.
 */
import { toGsm7 } from './sms.js';

export const coordinatorPrompts = {
  // Texts. Vars: practiceName, patientName, patientPhone, reason, alertId.
  'coordinator.urgent_alert': {
    sms: 'URGENT {practiceName}: {patientName} {patientPhone} reported {reason}. Call the patient now. Alert {alertId}',
  },
  'coordinator.unacknowledged': {
    sms: 'URGENT {practiceName}: nobody has acknowledged the alert about {patientName} {patientPhone} ({reason}). Call the patient now. Alert {alertId}',
  },
  // Vars: practiceName, patientName, reason, waiting, alertId.
  'coordinator.review_overdue': {
    sms: '{practiceName}: a review is overdue. {patientName} ({reason}) has waited {waiting}. Alert {alertId}',
  },
  // Vars: practiceName, senderPhone, reason, link (the text's page in the app, where it is linked to a patient and resolved).
  'coordinator.unknown_sender_urgent': {
    sms: 'URGENT {practiceName}: a text from {senderPhone}, a number no patient has, reports {reason}. Call them now. It is on Today in the app: {link}',
  },
  // Vars: practiceName, urgent, elevated, overdue, toCall, unmatched. Counts only: a digest names nobody.
  'coordinator.digest': {
    sms: 'Good morning from ccm-bot for {practiceName}: {urgent} urgent alerts open, {elevated} reviews waiting ({overdue} overdue), {toCall} patients to call today, {unmatched} texts from unknown numbers to read.',
  },
  // The same when the call list holds candidates to call about an invitation. Vars: also invitations (counted in
  // toCall): candidates are no patients yet, so the count does not say "patients" and says how many are invitations.
  'coordinator.digest_with_invitations': {
    sms: 'Good morning from ccm-bot for {practiceName}: {urgent} urgent alerts open, {elevated} reviews waiting ({overdue} overdue), {toCall} to call today ({invitations} about an invitation), {unmatched} texts from unknown numbers to read.',
  },

  // The escalation call. Vars: practiceName, patientShortName, reason.
  'coordinator.call_alert': {
    voice: 'Urgent alert from {practiceName}. {patientShortName} reported {reason}.',
  },
  'coordinator.call_options': {
    voice: 'To be connected to the patient, press 1. To acknowledge, press 2. To pass this to the next person, press 3. To hear this again, press 9.',
  },
  'coordinator.call_invalid_key': { voice: 'Sorry, that key does nothing here.' },
  'coordinator.call_connecting': { voice: 'Connecting you to the patient now. This alert is acknowledged.' },
  'coordinator.call_acknowledged': { voice: 'Acknowledged. Thank you. Goodbye.' },
  'coordinator.call_passed': { voice: 'Passing this to the next person. Goodbye.' },
  'coordinator.call_no_key': { voice: 'We did not hear a key. We will try the next person. Goodbye.' },
  // Vars: handledBy.
  'coordinator.call_already_handled': { voice: 'This alert was already handled by {handledBy}. Thank you. Goodbye.' },
  'coordinator.call_bridge_ended': { voice: 'The call with the patient has ended. Goodbye.' },
  'coordinator.call_patient_no_answer': { voice: 'The patient did not answer. Please call them back. Goodbye.' },
  'coordinator.call_invalid': { voice: 'This call link is no longer valid. Goodbye.' },

  // A patient who reported an emergency on a call pressed 1 for a nurse: heard by the nurse before the two are
  // connected, so a voicemail (which presses nothing) never takes the call. Vars: practiceName, patientShortName, reason.
  'coordinator.bridge_whisper': {
    voice: 'Urgent call from {practiceName}. {patientShortName} reported {reason} and is on the line asking for a nurse. To talk to them now, press 1.',
  },
  'coordinator.bridge_connecting': { voice: 'Connecting you now. This alert is acknowledged.' },
} as const satisfies Record<string, { sms: string } | { voice: string }>;

export type CoordinatorPromptKey = keyof typeof coordinatorPrompts;
type Keys<C extends 'sms' | 'voice'> = { [K in CoordinatorPromptKey]: (typeof coordinatorPrompts)[K] extends Record<C, string> ? K : never }[CoordinatorPromptKey];
export type CoordinatorSmsKey = Keys<'sms'>;
export type CoordinatorVoiceKey = Keys<'voice'>;

const PLACEHOLDER = /\{(\w+)\}/g;

function fill(key: string, template: string, vars: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Prompt "${key}" needs a value for {${name}}`);
    return String(value);
  });
}

/** A text to a coordinator, folded to GSM-7. */
export const coordinatorSms = (key: CoordinatorSmsKey, vars: Record<string, string | number>) =>
  toGsm7(fill(key, (coordinatorPrompts[key] as { sms: string }).sms, vars));

/** A sentence of a call to a coordinator. */
export const coordinatorVoice = (key: CoordinatorVoiceKey, vars: Record<string, string | number> = {}) =>
  fill(key, (coordinatorPrompts[key] as { voice: string }).voice, vars);
