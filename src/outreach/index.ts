export * from './types.js';
export * from './plan.js';
export * from './eligibility.js';
export { atLocal, inQuietHours, isoInZone, localDate, localDates, minutesOf } from './local-time.js';
