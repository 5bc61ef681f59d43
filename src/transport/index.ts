/**
 * Twilio at the edge: how texts and calls leave the service (or are only
 * recorded, in simulated mode), how Twilio's errors are sorted, and how a
 * send or call a crash left uncertain is looked up. Nothing else talks to
 * Twilio's REST API.
 */
export * from './calls.js';
export * from './sms.js';
