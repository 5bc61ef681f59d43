/**
 * Alerts: what triage decides about a patient becomes an alert a person works
 * from. `raise` adds one (joined to an open one of the same reason) to the
 * patient's one case, `cases` puts a case together for the care team and
 * `case-reasons` groups its reasons by event, `assess` runs the practice's
 * rules over the patient's recent reports, `reasons` says an alert's reason
 * in words, `call-list` orders whom to phone, and `replay` shows what a
 * proposed rule set would do; `unknown-texts` reads a stranger's text and
 * files it under the patient a coordinator links it to. Who is rung about an
 * urgent alert, and how, is src/escalation's.
 */
export * from './assess.js';
export * from './call-list.js';
export * from './case-reasons.js';
export * from './cases.js';
export * from './raise.js';
export * from './reasons.js';
export * from './replay.js';
export * from './unknown-texts.js';
