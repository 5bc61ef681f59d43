/**
 * Texts and emails going out and what became of them: the outboxes (every
 * text and email is kept before it is sent), delivery through the SMS and
 * mail transports with retries (and quiet hours for texts), settling sends a
 * crash left uncertain (texts, and calls placed by the check-in and
 * invitation jobs), Twilio's status callbacks, bounces, and the links
 * patients are sent (their tokens, an email's unsubscribe link). What a text
 * or an email says is decided elsewhere (src/conversation).
 */
export * from './delivery.js';
export * from './outbox.js';
export * from './sent.js';
export * from './call-placing.js';
export * from './call-recovery.js';
export * from './status-callback.js';
export * from './form-link.js';
export * from './link-tokens.js';
export * from './email-outbox.js';
export * from './email-delivery.js';
export * from './email-unsubscribe.js';
export { summaryLinkShown } from './email-links.js';
