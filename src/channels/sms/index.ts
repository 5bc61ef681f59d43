/**
 * The text channel: an inbound text is stored once per MessageSid, the
 * patient's turn runs on it (or a stranger's text is kept for review), and
 * what the turn says is written as texts. The webhook (src/webhooks) parses
 * and renders TwiML.
 */
export * from './inbound.js';
