/**
 * The service's edges: Twilio (how texts and calls leave the service, or are
 * only recorded in simulated mode, how Twilio's errors are sorted, and how a
 * send or call a crash left uncertain is looked up) and SMTP (how emails
 * leave, or are only recorded). Nothing else talks to Twilio's REST API or
 * to a mail server.
 */
export * from './calls.js';
export * from './sms.js';
export * from './email.js';
