/**
 * Outreach that runs itself: storing each patient's plan (the monthly
 * cadence, dose reminders, refill questions) from the pure planning in
 * src/planning, pausing it, and who may be contacted at all (opt-out and
 * opt-in, for texts and for email). Starting what is due is
 * src/conversation's (dispatch).
 */
export * from './channel.js';
export * from './dose-times.js';
export * from './email-opt-out.js';
export * from './opt-out.js';
export * from './pause.js';
export * from './planning.js';
export * from './reminders.js';
export * from './schedule.js';
