/**
 * Staff work and billing in words: the activities time is logged under, the
 * roles, what a warning is about, and how a call went. Typed by their unions
 * where the record has one, so a new activity or role needs words to compile.
 */
import type { StaffRole, TimeActivity } from '../types.js';

/** As the note and the print name a time entry's activity. */
export const ACTIVITY_PHRASES: Readonly<Record<TimeActivity, string>> = {
  call: 'calls with the patient or caregiver',
  data_review: 'review of patient-reported data',
  care_plan_update: 'care-plan update',
  medication_reconciliation: 'medication reconciliation',
  care_coordination: 'coordination with other providers',
  other: 'other care management',
};

export const ROLE_PHRASES: Readonly<Record<StaffRole, string>> = {
  clinical_staff: 'clinical staff',
  practitioner: 'billing practitioner',
};

/** What each billing warning is about, as a heading beside its message (src/documentation/billing.ts). */
export const WARNING_TITLES: Readonly<Record<string, string>> = {
  no_consent: 'No consent',
  consent_after_start: 'Consent came during the month',
  too_few_conditions: 'Too few chronic conditions',
  no_two_way_contact: 'No two-way contact',
  complex_without_care_plan: 'Complex without a revised care plan',
  near_threshold: 'Close to the next code',
  code_disabled: 'Code not billed by the practice',
};

export const warningTitle = (code: string) => WARNING_TITLES[code] ?? 'Check before billing';

/** Twilio's call statuses (https://www.twilio.com/docs/voice/api/call-resource#call-status-values), and ours before Twilio's. */
export const CALL_STATUSES: Readonly<Record<string, string>> = {
  queued: 'not yet placed',
  // Twilio was asked and its answer is not recorded yet (settled from Twilio's call list after a crash).
  placing: 'being placed',
  initiated: 'placed',
  ringing: 'ringing',
  'in-progress': 'in progress',
  completed: 'answered',
  busy: 'line busy',
  failed: 'could not be placed',
  'no-answer': 'not answered',
  canceled: 'cancelled',
  simulated: 'simulated (no real call placed)',
  started: 'started',
  answered: 'answered',
  unresolved: 'outcome not known',
};

/** Twilio's answering-machine detection (AnsweredBy). */
export const ANSWERED_BY: Readonly<Record<string, string>> = {
  human: 'a person answered',
  unknown: 'unclear who answered',
  machine_start: 'voicemail picked up',
  machine_end_beep: 'voicemail picked up',
  machine_end_silence: 'voicemail picked up',
  machine_end_other: 'voicemail picked up',
  fax: 'a fax machine answered',
};

export const callStatusPhrase = (status: string) => CALL_STATUSES[status] ?? 'status not known';
export const answeredByPhrase = (answeredBy: string) => ANSWERED_BY[answeredBy] ?? 'unclear who answered';
