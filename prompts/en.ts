/**
 * Every sentence the bot says in English, by key.
 *
 * Written for a 6th-grade reader: one question per message, numbered choices,
 * an example of a good answer. Each text, rendered with long real-world values,
 * must fit in 2 SMS segments (see test/prompts). Use straight quotes and
 * apostrophes: a curly one would switch the text to UCS-2.
 */

/** One prompt: the SMS text, and the version written for the ear. */
export interface PromptEntry {
  readonly sms: string;
  /**
   * What a call says (Twilio <Say>): short sentences, at most 35 words with
   * long values, no "reply"/"text"/STOP, options last as "If ..., press N."
   * with the SMS text's numbers. Only placeholders the SMS text uses. No
   * greeting: a call greets once, in its first turn (the menu, "we have a few
   * questions", "let us go on where we stopped"), before any question.
   */
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
import { invitationEn } from './invitation.js';

export const en = {
  // Shared by all flows.
  'common.no_usable_answer': {
    sms: "Sorry, we could not understand your answers. Someone from your care team will follow up. You can also call us at {practicePhone}.",
    voice: 'Sorry, we could not understand your answers. Someone from your care team will follow up with you. You can also call us at {practicePhone}.',
    promise: true,
  },

  // Wellness check-in.
  'wellness.opening': {
    sms: 'Hi {firstName}, this is {practiceName}. How are you feeling today? Reply 1 if you feel well, 2 if you have concerns. Reply STOP to opt out.',
    voice: 'How are you feeling today? If you feel well, press 1. If you have concerns, press 2.',
  },
  'wellness.reprompt_feeling': {
    sms: 'Sorry, we did not get that. Please reply 1 if you feel well, or 2 if you have concerns.',
    voice: 'Sorry, we did not get that. How are you feeling today? If you feel well, press 1. If you have concerns, press 2.',
  },
  'wellness.close_well': {
    sms: 'Thank you, {firstName}! We are glad you feel well. Have a good day.',
    voice: 'Thank you, {firstName}! We are glad you feel well. Have a good day.',
  },
  'wellness.ask_concern': {
    sms: 'We are sorry to hear that. What is your main concern? Reply 1 Pain, 2 Breathing or cough, 3 Dizzy or weak, 4 Swelling, 5 Medicine problem, 6 Something else. Or tell us in a few words.',
    voice: 'We are sorry. What is wrong? For pain, press 1. For breathing or cough, press 2. For dizziness or weakness, press 3. For swelling, press 4. For medicine, press 5. For something else, press 6.',
  },
  'wellness.reprompt_concern': {
    sms: 'Please reply with a number from 1 to 6, like 1 for pain. Or tell us your concern in a few words.',
    voice: 'Please tell us in a few words what is wrong. Or press a number from 1 to 6. For example, for pain, press 1.',
  },
  'wellness.ask_concern_detail': {
    sms: 'Please tell us about it in a few words.',
    voice: 'Please tell us about it in a few words.',
  },
  'wellness.reprompt_concern_detail': {
    sms: 'Please tell us in a few words what is bothering you, like "my knee hurts".',
    voice: 'What is bothering you? For example, my knee hurts. Please tell us in a few words.',
  },
  'wellness.ask_severity': {
    sms: 'How bad is it? Reply 1 Mild, 2 Moderate, 3 Severe.',
    voice: 'How bad is it? If it is mild, press 1. If it is moderate, press 2. If it is severe, press 3.',
  },
  'wellness.reprompt_severity': {
    sms: 'Please reply 1 if it is mild, 2 if it is moderate, or 3 if it is severe.',
    voice: 'Sorry, we did not get that. How bad is it? If it is mild, press 1. If it is moderate, press 2. If it is severe, press 3.',
  },
  'wellness.ask_trend': {
    sms: 'Is this new, worse than before, or the same as usual? Reply 1 New, 2 Worse, 3 Same.',
    voice: 'Is this new, worse than before, or the same as usual? If it is new, press 1. If it is worse, press 2. If it is the same as usual, press 3.',
  },
  'wellness.reprompt_trend': {
    sms: 'Please reply 1 if it is new, 2 if it is worse than before, or 3 if it is the same as usual.',
    voice: 'Is this new, worse, or the same as usual? If it is new, press 1. If it is worse than before, press 2. If it is the same as usual, press 3.',
  },
  'wellness.close_concern': {
    sms: 'Thank you, {firstName}. Your care team at {practiceName} will review this. If you feel worse, call us at {practicePhone}. In an emergency, call 911.',
    voice: 'Thank you, {firstName}. Your care team at {practiceName} will review this. If you feel worse, call us at {practicePhone}. In an emergency, call 911.',
    promise: true,
  },
  'wellness.close_urgent': {
    sms: 'Thank you for telling us, {firstName}. A nurse from {practiceName} will call you soon. If this is an emergency, call 911 now.',
    voice: 'Thank you for telling us, {firstName}. A nurse from {practiceName} will call you soon. If this is an emergency, call 911 now.',
    promise: true,
  },

  // Medication adherence check-in.
  'medication.opening': {
    sms: 'Hi {firstName}, this is {practiceName}. Did you take your {medicationName} {medicationDose} today? Reply 1 for yes, 2 for no. Reply STOP to opt out.',
    voice: 'Did you take your {medicationName} {medicationDose} today? If you took it, press 1. If not, press 2.',
  },
  'medication.reprompt_taken': {
    sms: 'Sorry, we did not get that. Did you take your {medicationName} today? Reply 1 for yes, 2 for no.',
    voice: 'Sorry, we did not get that. Did you take your {medicationName} today? If you took it, press 1. If not, press 2.',
  },
  'medication.close_taken': {
    sms: 'Great, thank you {firstName}! Keep up the good work.',
    voice: 'Great, thank you, {firstName}! Keep up the good work.',
  },
  'medication.ask_reason': {
    sms: 'Thanks for telling us. What kept you from taking it? Reply 1 Forgot, 2 Side effects, 3 Ran out or need a refill, 4 Other.',
    voice: 'Thank you. What kept you from taking it? If you forgot, press 1. If you have side effects, press 2. If you ran out or need a refill, press 3. For other reasons, press 4.',
  },
  'medication.reprompt_reason': {
    sms: 'Please reply with a number from 1 to 4, like 1 if you forgot.',
    voice: 'What kept you from taking it? If you forgot, press 1. If you have side effects, press 2. If you ran out or need a refill, press 3. For other reasons, press 4.',
  },
  'medication.close_forgot': {
    sms: 'Thank you, {firstName}. If you are not sure what to do about a missed dose, call us at {practicePhone}. Your care team will check in with you.',
    voice: 'Thank you, {firstName}. If you are not sure what to do about a missed dose, call us at {practicePhone}. Your care team will check in with you.',
    promise: true,
  },
  'medication.ask_side_effects': {
    sms: 'We are sorry to hear that. What side effects do you have? Tell us in a few words.',
    voice: 'We are sorry to hear that. What side effects do you have? Please tell us in a few words.',
  },
  'medication.reprompt_side_effects': {
    sms: 'Please tell us in a few words how the medicine makes you feel, like "upset stomach" or "dizzy".',
    voice: 'How does the medicine make you feel? For example, upset stomach, or dizzy. Please tell us in a few words.',
  },
  'medication.close_side_effects': {
    sms: 'Thank you, {firstName}. Your care team at {practiceName} will review this and call you. If you feel worse, call {practicePhone}. In an emergency, call 911.',
    voice: 'Thank you, {firstName}. Your care team at {practiceName} will review this and call you. If you feel worse, call {practicePhone}. In an emergency, call 911.',
    promise: true,
  },
  'medication.close_ran_out': {
    sms: 'Thank you, {firstName}. Your care team will help you get a refill of {medicationName}. You can also call us at {practicePhone}.',
    voice: 'Thank you, {firstName}. Your care team will help you get a refill of {medicationName}. You can also call us at {practicePhone}.',
    promise: true,
  },
  'medication.ask_other_reason': {
    sms: 'Please tell us why in a few words.',
    voice: 'Why did you not take it? Please tell us in a few words.',
  },
  'medication.reprompt_other_reason': {
    sms: 'Please tell us in a few words why you did not take it, like "I was away from home".',
    voice: 'Why did you not take it? For example, I was away from home. Please tell us in a few words.',
  },
  'medication.close_other': {
    sms: 'Thank you, {firstName}. Your care team will review this. If you have questions, call us at {practicePhone}.',
    voice: 'Thank you, {firstName}. Your care team will review this. If you have questions, call us at {practicePhone}.',
    promise: true,
  },

  // Dose reminder, at the time the patient takes the medicine.
  'reminder.opening': {
    sms: 'Hi {firstName}, this is {practiceName}. It is time for your {medicationName} {medicationDose}. Reply 1 when you have taken it, 2 if you cannot take it. Reply STOP to opt out.',
    voice: 'It is time for your {medicationName} {medicationDose}. When you have taken it, press 1. If you cannot take it, press 2.',
  },
  'reminder.reprompt': {
    sms: 'Please reply 1 when you have taken your {medicationName}, or 2 if you cannot take it.',
    voice: 'It is time for your {medicationName}. When you have taken it, press 1. If you cannot take it, press 2.',
  },
  'reminder.close_taken': {
    sms: 'Thank you, {firstName}!',
    voice: 'Thank you, {firstName}!',
  },
  // Several medicines due at the same time: one reminder for all of them, never one per medicine.
  'reminder.opening_several': {
    sms: 'Hi {firstName}, this is {practiceName}. It is time for your {medicationCount} medicines. Reply 1 when you have taken them all, 2 if you cannot take them. Reply STOP to opt out.',
    voice: 'It is time for your {medicationCount} medicines. When you have taken them all, press 1. If you cannot take them, press 2.',
  },
  'reminder.opening_named': {
    sms: 'Hi {firstName}, this is {practiceName}. It is time for your {medicationCount} medicines: {medicationList}. Reply 1 when you have taken them all, 2 if you cannot take them. Reply STOP to opt out.',
    voice: 'It is time for your {medicationCount} medicines. When you have taken them all, press 1. If you cannot take them, press 2.',
  },
  'reminder.reprompt_several': {
    sms: 'Please reply 1 when you have taken all {medicationCount} medicines, or 2 if you cannot take them. If you took only some, tell us which ones.',
    voice: 'It is time for your {medicationCount} medicines. When you have taken them all, press 1. If you cannot take them, press 2.',
  },
  'reminder.ask_rest': {
    sms: 'Thank you. Have you taken the rest of your medicines too? Reply 1 for yes, 2 for no.',
    voice: 'Thank you. Have you taken the rest of your medicines too? If yes, press 1. If not, press 2.',
  },
  'reminder.ask_rest_named': {
    sms: 'Thank you. Have you also taken your {otherMedications}? Reply 1 for yes, 2 for no.',
    voice: 'Thank you. Have you also taken your {otherMedications}? If yes, press 1. If not, press 2.',
  },
  'reminder.reprompt_rest': {
    sms: 'Please reply 1 if you have taken the rest of your medicines, or 2 if not.',
    voice: 'Have you taken the rest of your medicines? If yes, press 1. If not, press 2.',
  },

  // Refill question, 3 days before a refill is due.
  'refill.opening': {
    sms: 'Hi {firstName}, this is {practiceName}. Your {medicationName} refill is due {refillDate}. Do you have it? Reply 1 for yes, 2 for no. Reply STOP to opt out.',
    voice: 'Your {medicationName} refill is due {refillDate}. Do you have it? If you have it, press 1. If not, press 2.',
  },
  'refill.reprompt': {
    sms: 'Do you have your {medicationName} refill? Reply 1 for yes, 2 for no.',
    voice: 'Sorry, we did not get that. Do you have your {medicationName} refill? If you have it, press 1. If not, press 2.',
  },
  'refill.close_yes': {
    sms: 'Good to hear. Thank you, {firstName}!',
    voice: 'Good to hear. Thank you, {firstName}!',
  },
  'refill.close_no': {
    sms: 'Thank you, {firstName}. Your care team will help you get your refill. You can also call us at {practicePhone}.',
    voice: 'Thank you, {firstName}. Your care team will help you get your refill. You can also call us at {practicePhone}.',
    promise: true,
  },

  // Symptom and vitals check-in.
  'symptoms.opening': {
    sms: 'Hi {firstName}, this is {practiceName}. What is your blood pressure today? Send the two numbers, like 130/80, or reply SKIP if you cannot check it. Reply STOP to opt out.',
    voice: 'Please say your blood pressure, like one thirty over eighty. Or enter the top number, then the pound key. If you cannot check it today, say skip.',
  },
  'symptoms.reprompt_bp': {
    sms: 'Please send your blood pressure as two numbers, like 130/80. Or reply SKIP.',
    voice: 'Sorry, we did not get that. Please say your blood pressure, like one thirty over eighty. Or enter the top number, then the pound key. If you cannot check it today, say skip.',
  },
  'symptoms.bp_implausible': {
    sms: "That doesn't look like a reading. Please send the two numbers, like 130/80.",
    voice: 'That does not sound like a reading. Please say your blood pressure, like one thirty over eighty. Or enter the top number, then the pound key.',
  },
  'symptoms.close_bp_crisis': {
    sms: '{firstName}, that reading is very high. If you have chest pain, trouble breathing, a bad headache or weakness, call 911 now. If not, call us now at {practicePhone}. We are alerting your care team.',
    voice: '{firstName}, that reading is very high. If you have chest pain, trouble breathing, a bad headache or weakness, call 911 now. If not, call us now at {practicePhone}. We are alerting your care team.',
    promise: true,
  },
  'symptoms.ask_pain': {
    sms: 'On a scale of 0 to 10, how bad is your pain today? 0 is no pain, 10 is the worst.',
    voice: 'How bad is your pain today? 0 is no pain. 10 is the worst. Say a number from 0 to 10, or press it on your keypad, then the pound key.',
  },
  'symptoms.reprompt_pain': {
    sms: 'Please send one number from 0 to 10, like 3. 0 is no pain, 10 is the worst.',
    voice: 'Sorry, we did not get that. How bad is your pain? Say a number from 0 to 10, or press it on your keypad, then the pound key.',
  },
  'symptoms.pain_out_of_range': {
    sms: 'Please send one number from 0 to 10.',
    voice: 'Sorry, the number must be from 0 to 10. Say a number from 0 to 10, or press it on your keypad, then the pound key.',
  },
  'symptoms.ask_trend': {
    sms: 'Compared with last week, do you feel: 1 Better, 2 About the same, 3 Worse?',
    voice: 'Compared with last week, how do you feel? If you feel better, press 1. If you feel about the same, press 2. If you feel worse, press 3.',
  },
  'symptoms.reprompt_trend': {
    sms: 'Please reply 1 if you feel better, 2 if about the same, or 3 if worse.',
    voice: 'Sorry, we did not get that. Compared with last week, how do you feel? If you feel better, press 1. If you feel about the same, press 2. If you feel worse, press 3.',
  },
  'symptoms.close': {
    sms: 'Thank you, {firstName}! Your answers are now in your record at {practiceName}. If you need us, call {practicePhone}.',
    voice: 'Thank you, {firstName}! Your answers are now in your record at {practiceName}. If you need us, call {practicePhone}.',
  },

  // Rendered by the conversation runtime, outside any flow.
  'system.opt_out_confirmation': {
    sms: 'You will get no more texts from {practiceName}. Reply START to get them again. For emergencies, call 911.',
    voice: 'You will get no more check-in calls from {practiceName}. If you want them again, please tell your care team. For emergencies, call 911.',
  },
  'system.opt_in_confirmation': {
    sms: 'Welcome back, {firstName}! Texts from {practiceName} will start again. Reply STOP to opt out.',
    voice: 'Welcome back, {firstName}! Check-in calls from {practiceName} will start again.',
  },
  'system.help': {
    sms: '{practiceName} care team: call {practicePhone}. For emergencies, call 911. Reply STOP to opt out.',
    voice: 'This is the care team at {practiceName}. To talk with us, call {practicePhone}. For emergencies, call 911.',
  },
  'system.red_flag': {
    sms: '{firstName}, what you told us may be an emergency. Call 911 now, or call us at {practicePhone}. We are alerting your care team.',
    voice: '{firstName}, what you told us may be an emergency. Call 911 now, or call us at {practicePhone}. We are alerting your care team.',
    promise: true,
  },
  // Self-harm words: the crisis line first, then 911.
  'system.red_flag_self_harm': {
    sms: '{firstName}, we are worried about you. Please call or text 988 now to talk to someone, or call 911. We are alerting your care team.',
    voice: '{firstName}, we are worried about you. Please call 988 now to talk to someone, or call 911. We are alerting your care team.',
    promise: true,
  },
  'system.acknowledgement': {
    sms: 'Thank you, {firstName}. Your care team at {practiceName} will see your message. If this is an emergency, call 911.',
    voice: 'Thank you, {firstName}. Your care team at {practiceName} will get your message. If this is an emergency, call 911.',
    promise: true,
  },
  // The week-2 questionnaire by link: {link} is the form's address (its private part is added as the text is sent).
  'questionnaire.invite': {
    sms: 'Hi {firstName}, {practiceName} has a few questions about your health this month. It takes about 5 minutes: {link} Reply STOP to opt out.',
    voice: '{practiceName} has a few questions about your health this month. We will text you a link to answer them.',
  },
  'questionnaire.reminder': {
    sms: 'Hi {firstName}, your care team at {practiceName} would still like your answers this month: {link} Questions? Call {practicePhone}.',
    voice: 'Your care team would still like your answers to this month\'s questions. We texted you a link.',
  },
  // A text for the office (a new number, when it opens, what the texts cost): the front desk's list backs it.
  'system.front_desk': {
    sms: 'Thank you, {firstName}. We passed your message to the front desk at {practiceName}; they will get back to you during office hours. For anything about your health, reply here or call {practicePhone}.',
    voice: 'Thank you, {firstName}. We passed your message to the front desk; they will get back to you during office hours.',
    promise: true,
  },
  // A text nobody asked for that needs nobody now: the patient knows it arrived, and how to get something done.
  'system.message_kept': {
    sms: 'Thank you, {firstName}. Your message is saved in your record at {practiceName}. If you need something, reply with your question or call {practicePhone}.',
    voice: 'Thank you, {firstName}. Your message is saved in your record.',
  },
  // A reading sent on its own that needs nobody now: it is stored, and the patient knows it arrived.
  'system.reading_recorded': {
    sms: 'Thank you, {firstName}. We added your reading to your record at {practiceName}.',
    voice: 'Thank you, {firstName}. We added your reading to your record.',
  },
  // Said before the next question when a reply also told us something (a fall, swelling, a sugar reading).
  'system.concern_noted': {
    sms: 'Thank you for telling us, {firstName}. Your care team at {practiceName} will look at what you wrote. If you feel worse, call {practicePhone}.',
    voice: 'Thank you for telling us, {firstName}. Your care team at {practiceName} will look at what you said. If you feel worse, call {practicePhone}.',
    promise: true,
  },
  // {when}: "today", "by tomorrow", "by Thursday" (when the care team should have called).
  'system.callback_arranged': {
    sms: 'Thank you, {firstName}. A nurse from {practiceName} will call you {when}. If it cannot wait, call {practicePhone}. In an emergency, call 911.',
    voice: 'Thank you, {firstName}. A nurse from {practiceName} will call you {when}. If it cannot wait, call {practicePhone}. In an emergency, call 911.',
    promise: true,
  },
  'system.request_noted': {
    sms: 'Thank you, {firstName}. We passed your request to your care team at {practiceName}. They will contact you. You can also call {practicePhone}.',
    voice: 'Thank you, {firstName}. We passed your request to your care team at {practiceName}. They will contact you. You can also call {practicePhone}.',
    promise: true,
  },
  // A low sugar reading or its signs. The practice can change this text to the wording its clinicians approve.
  'system.low_sugar': {
    sms: '{firstName}, a low sugar can be dangerous. If you can swallow, have juice or something sweet now, as your care team taught you. If you feel confused or faint, call 911. A nurse is being told now.',
    voice: '{firstName}, low sugar is dangerous. If you can swallow, have juice or something sweet now, as your care team taught you. If you feel confused or faint, call 911. A nurse is being told now.',
    promise: true,
    practiceEditable: true,
  },
  // Another urgent reading (oxygen, pulse): a nurse is called at once.
  'system.urgent_reading': {
    sms: '{firstName}, what you sent us needs a nurse today. A nurse from {practiceName} is being told now. If you feel worse, call 911.',
    voice: '{firstName}, what you told us needs a nurse today. A nurse from {practiceName} is being told now. If you feel worse, call 911.',
    promise: true,
  },
  'system.distress': {
    sms: '{firstName}, are you OK? If this is an emergency, call 911 now. A nurse from {practiceName} is being told right away.',
    voice: '{firstName}, are you okay? If this is an emergency, call 911 now. A nurse from {practiceName} is being told right away.',
    promise: true,
  },
  'system.who_we_are': {
    // Asked "is this a robot?", it says so: the check-ins are automatic, and a nurse reads what needs one.
    sms: 'This is the care team at {practiceName}. Our check-in texts are automatic; a nurse reads anything you write that needs one. Questions? Call {practicePhone}. Reply STOP to opt out.',
    voice: 'This is the care team at {practiceName}. We call to check on your health between visits. If you have questions, call {practicePhone}.',
  },
  'system.already_answered': {
    sms: 'Sorry for asking again, {firstName}. You do not need to answer this one. Thank you!',
    voice: 'Sorry for asking again, {firstName}. You do not need to answer this one. Thank you!',
  },
  // Texts to people whose language we do not know.
  // An enrolment campaign's texts and calls to candidates.
  ...invitationEn,
  ...bilingual,
} as const satisfies Record<string, PromptEntry>;

/** A key of the prompt catalog; every locale has exactly these keys. */
export type PromptKey = keyof typeof en;

/** A complete catalog for one locale. */
export type PromptCatalog = { readonly [K in PromptKey]: PromptEntry };
