/** What an alert's reason means, in the few words a coordinator's text or call uses. */
import { concernWords, redFlagWords } from '../triage/index.js';

const REASONS: Readonly<Record<string, string>> = {
  severe_symptom: 'a severe symptom',
  bp_crisis: 'a very high blood pressure reading',
  bp_high: 'a high blood pressure reading',
  bp_rising: 'rising blood pressure',
  pain_severe_worse: 'severe pain that is getting worse',
  pain_high: 'severe pain',
  symptoms_worse: 'symptoms getting worse',
  new_or_worse_concern: 'a new or worse concern',
  missed_doses: 'several missed doses',
  missed_dose: 'a missed dose',
  side_effects: 'medication side effects',
  refill_needed: 'needing a medication refill',
  message_for_team: 'a message for the care team',
  unhandled_text: 'a text the bot could not handle',
  distress: 'a call for help',
  glucose_low: 'a low blood sugar reading',
  low_sugar_symptoms: 'signs of low blood sugar',
  glucose_high: 'a high blood sugar reading',
  oxygen_low: 'a low oxygen reading',
  pulse_abnormal: 'an unusual pulse',
  fever: 'a fever',
  weight_gain_hf: 'a sudden weight gain',
  depression_screen: 'a depression screen that needs a follow-up',
  unanswered: 'answers the bot could not understand',
  follow_up_promised: 'a follow-up the bot promised',
  wrong_number: 'a wrong number: the phone on file needs checking',
  'request:callback': 'a request to be called',
  'request:appointment': 'a question about an appointment',
  'request:refill': 'a refill request',
};

export function describeReason(reason: string): string {
  if (reason.startsWith('red_flag:')) return redFlagWords(reason.slice('red_flag:'.length));
  if (reason.startsWith('concern:')) return concernWords(reason.slice('concern:'.length));
  return REASONS[reason] ?? reason.replace(/_/g, ' ');
}
