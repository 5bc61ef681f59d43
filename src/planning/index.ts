/**
 * Outreach planning, pure: plain data in, plain data out. What the service
 * plans to send each patient and when (the monthly cadence, dose reminders,
 * refill questions), who is eligible, and local times and quiet hours across
 * daylight-saving changes. src/outreach stores the plan; src/conversation
 * starts what is due.
 */
export * from './types.js';
export * from './plan.js';
export * from './eligibility.js';
export * from './channel-choice.js';
export { atLocal, inQuietHours, isoInZone, localDate, localDates, minutesOf } from './local-time.js';
export * from './invitations.js';
