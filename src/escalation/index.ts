/**
 * Getting an urgent alert to a person: the escalation chain (the on-call
 * coordinators rung in turn, then everyone texted), what coordinators do with
 * an alert or a whole case (acknowledge, resolve), "call the patient", review
 * deadlines and the morning digest. The coordinator's side of the call is
 * src/channels/voice's.
 */
export * from './alert-actions.js';
export * from './call-patient.js';
export * from './case-actions.js';
export * from './chain.js';
export * from './digest.js';
export * from './review-deadline.js';
export * from './case-text.js';
