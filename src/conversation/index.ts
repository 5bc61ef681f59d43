/**
 * The patient's side of the service, channel-free: `turn` takes what a
 * patient said (a text, words or keys on a call) in the order safety needs
 * and returns what to say; a check-in is opened (`open`, `check-in`,
 * `dispatch` for the cadence), moved a step (`step`), timed out (`timeout`),
 * cancelled, or held by phone (`check-in-calls`). The channels in
 * src/channels render what the turn says.
 */
export * from './cancel-check-in.js';
export * from './check-in-calls.js';
export * from './check-in.js';
export * from './dispatch.js';
export * from './open.js';
export * from './reading.js';
export * from './speech.js';
export * from './step.js';
export * from './timeout.js';
export * from './turn.js';
export * from './questionnaire-send.js';
export * from './questionnaire-form.js';
export * from './summary-make.js';
export * from './summary-view.js';
