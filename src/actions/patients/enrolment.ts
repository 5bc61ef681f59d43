/**
 * Enrolling a patient from a staff body (the API, the web app's form, a CSV
 * row). What enrolment checks and does is domain code
 * (src/enrolment/patient-enrolment.ts, shared with a consent taken on the
 * patient's own page); it is re-exported here, so every caller keeps its import.
 */
import type { PatientFields } from '../../store/patients.js';
import { emailFields, type Recorder } from './email.js';
import type { NewPatientBody } from './schemas.js';

export { checkContactWindow, checkCoordinator, checkMrnFree, insertEnrolment, phoneTaken } from '../../enrolment/patient-enrolment.js';

/**
 * Turns an enrolment body into stored fields (optional fields become explicit
 * nulls); `by` is who records an email choice, and when.
 */
export function toPatientFields(body: NewPatientBody, by: Recorder): PatientFields {
  const email = emailFields(body, null, by);
  return {
    coordinatorId: body.coordinatorId ?? null,
    firstName: body.firstName,
    lastName: body.lastName,
    phone: body.phone,
    dateOfBirth: body.dateOfBirth ?? null,
    mrn: body.mrn ?? null,
    timezone: body.timezone ?? null,
    language: body.language,
    preferredChannel: body.preferredChannel,
    conditions: body.conditions,
    consent: body.consent,
    status: 'enrolled',
    contactWindow: body.contactWindow ?? null,
    email: email.email ?? null,
    emailConsent: email.emailConsent ?? 'none',
    emailFullConsent: email.emailFullConsent ?? null,
  };
}
