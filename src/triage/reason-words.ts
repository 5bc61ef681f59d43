/**
 * What an alert's reason means, in the few words a coordinator's text, a call
 * or a chart note uses ("a sudden weight gain", never `weight_gain_hf`). The
 * one table of reasons: the default rules' ids, the reasons raised outside the
 * rules (a text the bot could not handle, a wrong number, a voice message),
 * and the per-category reasons `red_flag:<category>`, `concern:<category>`
 * and `request:<kind>`. Pure.
 */
import { concernWords, redFlagWords, CONCERN_WORDS, RED_FLAG_WORDS } from './words.js';

export const REASON_WORDS: Readonly<Record<string, string>> = {
  severe_symptom: 'a severe symptom',
  bp_crisis: 'a very high blood pressure reading',
  bp_high: 'a high blood pressure reading',
  bp_very_low: 'a very low blood pressure reading',
  bp_low: 'a low blood pressure reading',
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
  unplaced_words: 'words the bot could not place',
  voice_message: 'a voice message for the care team',
  distress: 'a call for help',
  glucose_low: 'a low blood sugar reading',
  low_sugar_symptoms: 'signs of low blood sugar',
  glucose_high: 'a high blood sugar reading',
  high_sugar_danger: 'a high blood sugar with danger signs',
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

/**
 * The words for a reason, or null when the reason is not one this service
 * knows (a practice's own rule id): the caller then says what the alert's
 * explanation says, never the id.
 */
export function reasonWords(reason: string): string | null {
  const known = REASON_WORDS[reason];
  if (known) return known;
  const [prefix, category] = splitReason(reason);
  if (prefix === 'red_flag' && category in RED_FLAG_WORDS) return redFlagWords(category);
  if (prefix === 'concern' && category in CONCERN_WORDS) return concernWords(category);
  return null;
}

function splitReason(reason: string): [string, string] {
  const colon = reason.indexOf(':');
  return colon < 0 ? [reason, ''] : [reason.slice(0, colon), reason.slice(colon + 1)];
}
