/**
 * CCM records: staff time (logged and captured from calls and alert
 * handling), care plans, and the monthly record each patient's billing rests
 * on, drafted by the service and approved by a person. The pure parts (codes,
 * narrative, FHIR and printable exports) are src/documentation's.
 */
export * from './captured-time.js';
export * from './care-month.js';
export * from './care-plan.js';
export * from './practice-months.js';
export * from './time-entries.js';
