/**
 * Every internal code the monthly record holds, in the words a chart uses.
 * The note, its print and the FHIR text read codes only through here; a test
 * feeds every known kind through them and fails on any code that survives.
 */
export { ACTIVITY_PHRASES, ANSWERED_BY, CALL_STATUSES, ROLE_PHRASES, WARNING_TITLES, answeredByPhrase, callStatusPhrase, warningTitle } from './staff.js';
export { CARE_PLAN_CHANGES, CHECK_IN_ENDINGS, EVENT_PHRASES, eventPhrase, type EventPhrase } from './events.js';
export { MISSED_REASONS, OBSERVATION_PHRASES, REQUEST_PHRASES, concernPhrase, describeObservation, type ObservationPhrase } from './observations.js';
export { alertPhrase, alertTitle } from './alerts.js';
