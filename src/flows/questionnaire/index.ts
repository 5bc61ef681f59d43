/**
 * The week-2 questionnaire, pure: its definition, which screen comes next,
 * taking a posted screen, the scores, and the observations the answers make.
 * The form channel renders it; the FHIR resources are in src/documentation.
 */
export * from './types.js';
export { LOCAL_ANSWER_SYSTEM, LOCAL_ITEM_SYSTEM, LOINC_SYSTEM, PANEL } from './codes.js';
export { WEEK2_QUESTIONNAIRE_URL, WEEK2_QUESTIONNAIRE_VERSION, week2Questionnaire, type Week2Options } from './week2.js';
export { enabledAnswers, firstScreenToShow, itemEnabled, screensToAsk } from './branching.js';
export { MAX_TEXT_LENGTH, parseNumber, takeScreen } from './take.js';
export { PHQ9_FROM_PHQ2_TOTAL, PHQ_OPTIONS, SELF_HARM_LINK_ID, phq9Severity, phqLinkId, reportsSelfHarm, scores, type Phq9Severity } from './phq.js';
export { NOT_TAKEN_REASONS, TAKEN, medicineLinkIds, type NotTakenReason, type QuestionnaireMedicine } from './medicines.js';
export { FALL_LINK_IDS, HEALTH_LINK_ID, MESSAGE_LINK_ID, READING_LINK_IDS, SYMPTOM_LINK_IDS } from './screens.js';
export { answerObservations, freeTextAnswers } from './observations.js';
