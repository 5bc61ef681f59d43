/**
 * Texts going out and what became of them: the outbox (every text is kept
 * before it is sent), delivery through the SMS transport with retries and
 * quiet hours, settling sends a crash left uncertain, and Twilio's status
 * callbacks. What a text says is decided elsewhere (src/conversation).
 */
export * from './delivery.js';
export * from './outbox.js';
export * from './sent.js';
export * from './status-callback.js';
export * from './form-link.js';
