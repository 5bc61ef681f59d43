/**
 * Every sentence the bot says in English, by key.
 *
 * Written for a 6th-grade reader: one question per message, numbered choices,
 * an example of a good answer. Each text, rendered with long real-world values,
 * must fit in 2 SMS segments (see test/prompts). Use straight quotes and
 * apostrophes: a curly one would switch the text to UCS-2.
 */

/** One prompt: the SMS text, and later a version written for the ear. */
export interface PromptEntry {
  readonly sms: string;
  readonly voice?: string;
  /**
   * The text says someone will follow up, review or call. Saying it is a
   * promise: the runtime makes sure an alert backs it (src/bot/promises.ts).
   */
  readonly promise?: true;
  /** A practice may replace this text with its own wording (PATCH /practices/:id `prompts`). */
  readonly practiceEditable?: true;
}

import { bilingual } from './bilingual.js';

export const en = {
  // Shared by all flows.
  'common.no_usable_answer': {
    sms: "Sorry, we could not understand your answers. Someone from your care team will follow up. You can also call us at {practicePhone}.",
    promise: true,
  },

  // Wellness check-in.
  'wellness.opening': {
    sms: 'Hi {firstName}, this is {practiceName}. How are you feeling today? Reply 1 if you feel well, 2 if you have concerns. Reply STOP to opt out.',
  },
  'wellness.reprompt_feeling': {
    sms: 'Sorry, we did not get that. Please reply 1 if you feel well, or 2 if you have concerns.',
  },
  'wellness.close_well': {
    sms: 'Thank you, {firstName}! We are glad you feel well. Have a good day.',
  },
  'wellness.ask_concern': {
    sms: 'We are sorry to hear that. What is your main concern? Reply 1 Pain, 2 Breathing or cough, 3 Dizzy or weak, 4 Swelling, 5 Medicine problem, 6 Something else. Or tell us in a few words.',
  },
  'wellness.reprompt_concern': {
    sms: 'Please reply with a number from 1 to 6, like 1 for pain. Or tell us your concern in a few words.',
  },
  'wellness.ask_concern_detail': {
    sms: 'Please tell us about it in a few words.',
  },
  'wellness.reprompt_concern_detail': {
    sms: 'Please tell us in a few words what is bothering you, like "my knee hurts".',
  },
  'wellness.ask_severity': {
    sms: 'How bad is it? Reply 1 Mild, 2 Moderate, 3 Severe.',
  },
  'wellness.reprompt_severity': {
    sms: 'Please reply 1 if it is mild, 2 if it is moderate, or 3 if it is severe.',
  },
  'wellness.ask_trend': {
    sms: 'Is this new, worse than before, or the same as usual? Reply 1 New, 2 Worse, 3 Same.',
  },
  'wellness.reprompt_trend': {
    sms: 'Please reply 1 if it is new, 2 if it is worse than before, or 3 if it is the same as usual.',
  },
  'wellness.close_concern': {
    sms: 'Thank you, {firstName}. Your care team at {practiceName} will review this. If you feel worse, call us at {practicePhone}. In an emergency, call 911.',
    promise: true,
  },
  'wellness.close_urgent': {
    sms: 'Thank you for telling us, {firstName}. A nurse from {practiceName} will call you soon. If this is an emergency, call 911 now.',
    promise: true,
  },

  // Medication adherence check-in.
  'medication.opening': {
    sms: 'Hi {firstName}, this is {practiceName}. Did you take your {medicationName} {medicationDose} today? Reply 1 for yes, 2 for no. Reply STOP to opt out.',
  },
  'medication.reprompt_taken': {
    sms: 'Sorry, we did not get that. Did you take your {medicationName} today? Reply 1 for yes, 2 for no.',
  },
  'medication.close_taken': {
    sms: 'Great, thank you {firstName}! Keep up the good work.',
  },
  'medication.ask_reason': {
    sms: 'Thanks for telling us. What kept you from taking it? Reply 1 Forgot, 2 Side effects, 3 Ran out or need a refill, 4 Other.',
  },
  'medication.reprompt_reason': {
    sms: 'Please reply with a number from 1 to 4, like 1 if you forgot.',
  },
  'medication.close_forgot': {
    sms: 'Thank you, {firstName}. If you are not sure what to do about a missed dose, call us at {practicePhone}. Your care team will check in with you.',
    promise: true,
  },
  'medication.ask_side_effects': {
    sms: 'We are sorry to hear that. What side effects do you have? Tell us in a few words.',
  },
  'medication.reprompt_side_effects': {
    sms: 'Please tell us in a few words how the medicine makes you feel, like "upset stomach" or "dizzy".',
  },
  'medication.close_side_effects': {
    sms: 'Thank you, {firstName}. Your care team at {practiceName} will review this and call you. If you feel worse, call {practicePhone}. In an emergency, call 911.',
    promise: true,
  },
  'medication.close_ran_out': {
    sms: 'Thank you, {firstName}. Your care team will help you get a refill of {medicationName}. You can also call us at {practicePhone}.',
    promise: true,
  },
  'medication.ask_other_reason': {
    sms: 'Please tell us why in a few words.',
  },
  'medication.reprompt_other_reason': {
    sms: 'Please tell us in a few words why you did not take it, like "I was away from home".',
  },
  'medication.close_other': {
    sms: 'Thank you, {firstName}. Your care team will review this. If you have questions, call us at {practicePhone}.',
    promise: true,
  },

  // Dose reminder, at the time the patient takes the medicine.
  'reminder.opening': {
    sms: 'Hi {firstName}, this is {practiceName}. It is time for your {medicationName} {medicationDose}. Reply 1 when you have taken it, 2 if you cannot take it. Reply STOP to opt out.',
  },
  'reminder.reprompt': {
    sms: 'Please reply 1 when you have taken your {medicationName}, or 2 if you cannot take it.',
  },
  'reminder.close_taken': {
    sms: 'Thank you, {firstName}!',
  },

  // Refill question, 3 days before a refill is due.
  'refill.opening': {
    sms: 'Hi {firstName}, this is {practiceName}. Your {medicationName} refill is due {refillDate}. Do you have it? Reply 1 for yes, 2 for no. Reply STOP to opt out.',
  },
  'refill.reprompt': {
    sms: 'Do you have your {medicationName} refill? Reply 1 for yes, 2 for no.',
  },
  'refill.close_yes': {
    sms: 'Good to hear. Thank you, {firstName}!',
  },
  'refill.close_no': {
    sms: 'Thank you, {firstName}. Your care team will help you get your refill. You can also call us at {practicePhone}.',
    promise: true,
  },

  // Symptom and vitals check-in.
  'symptoms.opening': {
    sms: 'Hi {firstName}, this is {practiceName}. What is your blood pressure today? Send the two numbers, like 130/80, or reply SKIP if you cannot check it. Reply STOP to opt out.',
  },
  'symptoms.reprompt_bp': {
    sms: 'Please send your blood pressure as two numbers, like 130/80. Or reply SKIP.',
  },
  'symptoms.bp_implausible': {
    sms: "That doesn't look like a reading. Please send the two numbers, like 130/80.",
  },
  'symptoms.close_bp_crisis': {
    sms: '{firstName}, that reading is very high. If you have chest pain, trouble breathing, a bad headache or weakness, call 911 now. If not, call us now at {practicePhone}. We are alerting your care team.',
    promise: true,
  },
  'symptoms.ask_pain': {
    sms: 'On a scale of 0 to 10, how bad is your pain today? 0 is no pain, 10 is the worst.',
  },
  'symptoms.reprompt_pain': {
    sms: 'Please send one number from 0 to 10, like 3. 0 is no pain, 10 is the worst.',
  },
  'symptoms.pain_out_of_range': {
    sms: 'Please send one number from 0 to 10.',
  },
  'symptoms.ask_trend': {
    sms: 'Compared with last week, do you feel: 1 Better, 2 About the same, 3 Worse?',
  },
  'symptoms.reprompt_trend': {
    sms: 'Please reply 1 if you feel better, 2 if about the same, or 3 if worse.',
  },
  'symptoms.close': {
    sms: 'Thank you, {firstName}! Your answers are now in your record at {practiceName}. If you need us, call {practicePhone}.',
  },

  // Rendered by the conversation runtime, outside any flow.
  'system.opt_out_confirmation': {
    sms: 'You will get no more texts from {practiceName}. Reply START to get them again. For emergencies, call 911.',
  },
  'system.opt_in_confirmation': {
    sms: 'Welcome back, {firstName}! Texts from {practiceName} will start again. Reply STOP to opt out.',
  },
  'system.help': {
    sms: '{practiceName} care team: call {practicePhone}. For emergencies, call 911. Reply STOP to opt out.',
  },
  'system.red_flag': {
    sms: '{firstName}, what you told us may be an emergency. Call 911 now, or call us at {practicePhone}. We are alerting your care team.',
    promise: true,
  },
  // Self-harm words: the crisis line first, then 911.
  'system.red_flag_self_harm': {
    sms: '{firstName}, we are worried about you. Please call or text 988 now to talk to someone, or call 911. We are alerting your care team.',
    promise: true,
  },
  'system.acknowledgement': {
    sms: 'Thank you, {firstName}. Your care team at {practiceName} will see your message. If this is an emergency, call 911.',
    promise: true,
  },
  // Said before the next question when a reply also told us something (a fall, swelling, a sugar reading).
  'system.concern_noted': {
    sms: 'Thank you for telling us, {firstName}. Your care team at {practiceName} will look at what you wrote. If you feel worse, call {practicePhone}.',
    promise: true,
  },
  // {when}: "today", "by tomorrow", "by Thursday" (when the care team should have called).
  'system.callback_arranged': {
    sms: 'Thank you, {firstName}. A nurse from {practiceName} will call you {when}. If it cannot wait, call {practicePhone}. In an emergency, call 911.',
    promise: true,
  },
  'system.request_noted': {
    sms: 'Thank you, {firstName}. We passed your request to your care team at {practiceName}. They will contact you. You can also call {practicePhone}.',
    promise: true,
  },
  // A low sugar reading or its signs. The practice can change this text to the wording its clinicians approve.
  'system.low_sugar': {
    sms: '{firstName}, a low sugar can be dangerous. If you can swallow, have juice or something sweet now, as your care team taught you. If you feel confused or faint, call 911. A nurse is being told now.',
    promise: true,
    practiceEditable: true,
  },
  // Another urgent reading (oxygen, pulse): a nurse is called at once.
  'system.urgent_reading': {
    sms: '{firstName}, what you sent us needs a nurse today. A nurse from {practiceName} is being told now. If you feel worse, call 911.',
    promise: true,
  },
  'system.distress': {
    sms: '{firstName}, are you OK? If this is an emergency, call 911 now. A nurse from {practiceName} is being told right away.',
    promise: true,
  },
  'system.who_we_are': {
    sms: 'This is the care team at {practiceName}. We text to check on your health between visits. Questions? Call {practicePhone}. Reply STOP to opt out.',
  },
  'system.already_answered': {
    sms: 'Sorry for asking again, {firstName}. You do not need to answer this one. Thank you!',
  },
  // Texts to people whose language we do not know.
  ...bilingual,
} as const satisfies Record<string, PromptEntry>;

/** A key of the prompt catalog; every locale has exactly these keys. */
export type PromptKey = keyof typeof en;

/** A complete catalog for one locale. */
export type PromptCatalog = { readonly [K in PromptKey]: PromptEntry };
