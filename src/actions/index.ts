/**
 * Every staff write, once, for the API and the web app alike. An action is
 * `(ctx, input) => result`: it checks access (access.ts), makes the change in
 * its transaction with the access-log row (audit.ts) and any job it
 * schedules, and knows nothing of HTTP. The front ends parse, call an action,
 * and present what it returns. Input schemas live here with the actions;
 * the API's response schemas stay in api/.
 */
export type { ActionContext, Staff } from './context.js';
export { actingStaffId, authorize, patientFor, practiceFor, type RequiredRole } from './access.js';
export { auditEntry, auditName } from './audit.js';

export * from './input/primitives.js';
export * from './input/identifiers.js';

export { createPractice, changePracticeSettings } from './practices/settings.js';
export { NewPracticeSchema, PracticeChangesSchema, type NewPracticeBody, type PracticeChangesBody } from './practices/schemas.js';
export { replaceTriageRules, validRuleSet, RuleSetBodySchema } from './practices/triage-rules.js';
export { configureEhrConnection, retryEhrWriteBack, EhrConnectionSchema, DEFAULT_EHR_SCOPES, type EhrConnectionBody } from './practices/ehr-connection.js';
export { previewChart, importChart, ChartImportSchema, CONSENT_NOT_ASKED, type ChartImportBody, type ChartImportResult, type ChartReview } from './practices/chart-import.js';

export { addCoordinator, changeCoordinator, NewCoordinatorSchema, CoordinatorChangesSchema } from './staff/coordinators.js';
export { addStaffMember, NewStaffSchema } from './staff/members.js';
export { addLogin, NewUserSchema, USER_ROLES } from './staff/logins.js';
export { createApiKey, revokeKey, hashToken, NewApiKeySchema } from './staff/api-keys.js';

export { enrolPatient, changePatient } from './patients/enrol.js';
export { newPatientSchema, patchPatientSchema, type NewPatientBody, type PatchPatientBody } from './patients/schemas.js';
export { EMAIL_PRIVACY_NOTICE_VERSION, EMAIL_PRIVACY_NOTICES } from './patients/email.js';
export { readPatientCsv, MAX_IMPORT_FILE_BYTES } from './patients/csv-rows.js';
export { FILE_CONSENT_FIELDS, type FileConsentInput } from './patients/file-consent.js';
export { importPatients, type PatientFile, type RowResult } from './patients/import.js';
export { pausePatient, resumePatient } from './patients/outreach.js';
export { addMedication, changeMedication, NewMedicationSchema, MedicationChangesSchema } from './patients/medications.js';
export { startCheckIn, cancelCheckIn, CheckInSchema } from './patients/check-ins.js';

export { addCandidate } from './enrolment/candidates.js';
export { importCandidates, type CandidateFile, type CandidateRowResult } from './enrolment/import.js';
export { MAX_CANDIDATE_ROWS } from './enrolment/csv.js';
export { startCampaign, type CampaignStart } from './enrolment/campaigns.js';
export { recordVerbalConsent, revokeConsent, publishConsentText, type RecordedConsent } from './enrolment/consent.js';
export { declineForCandidate, markCalled } from './enrolment/calls.js';
export { candidateFor } from './enrolment/access.js';
export { candidatesWithStanding, consentTextFor, enrolmentFunnel, withStanding, STANDING_WORDS, type CandidateView, type Funnel, type Standing } from './enrolment/reads.js';
export {
  newCandidateSchema,
  StartCampaignSchema,
  VerbalConsentSchema,
  PhoneDeclineSchema,
  CalledSchema,
  RevokeConsentSchema,
  ConsentTextSchema,
  TWO_CONDITIONS,
  type NewCandidateBody,
  type StartCampaignBody,
  type VerbalConsentBody,
  type RevokeConsentBody,
  type ConsentTextBody,
} from './enrolment/schemas.js';

export { addAppointment, changeAppointment, cancelAppointment } from './appointments/appointments.js';
export { NewAppointmentSchema, AppointmentChangesSchema, type NewAppointmentBody, type AppointmentChangesBody } from './appointments/schemas.js';
export { importAppointments, type AppointmentFile, type AppointmentRowResult } from './appointments/import.js';
export { readAppointmentTime } from './appointments/csv.js';

export { acknowledgeAlert, resolveAlert, callPatientAbout, alertFor } from './alerts.js';
export { acknowledgeCase, resolveCase, textCasePatient, caseFor } from './cases.js';
export { reviewText, linkText, unmatchedTextFor } from './unmatched-texts.js';
export { frontDeskTextFor, passToCareTeam, resolveFrontDeskTextAction } from './front-desk.js';

export { logTime, correctTime, withdrawTime } from './records/time-entries.js';
export { NewEntrySchema, CorrectionSchema, WithdrawSchema } from './records/time-entry-schemas.js';
export { writeCarePlan, CarePlanInputSchema } from './records/care-plans.js';
export { changeMonth, approveMonth, addAddendum, MonthSchema, MonthChangesSchema, AddendumSchema } from './records/months.js';
