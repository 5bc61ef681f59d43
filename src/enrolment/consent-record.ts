/**
 * Consent given, refused or withdrawn. One function records a consent however
 * it was given (signed on the consent page, or told to a coordinator who read
 * the same text): the ccm_consents row with everything CMS asks of it, the
 * patient enrolled through the same core as staff enrolment (so the outreach
 * plan starts), the candidate marked consented. A revocation stops CCM at the
 * end of the month it was asked in; the patient is disenrolled at once, as a
 * staff change to status would.
 */
import { DateTime } from 'luxon';
import { DomainError, notFound } from '../errors.js';
import { planPatient } from '../outreach/index.js';
import { changeCandidateState, clearCall, findCandidate, type Candidate } from '../store/candidates.js';
import {
  CONSENT_ELEMENTS,
  declineOpenConsentLinks,
  findActiveCcmConsent,
  findConsentText,
  insertCcmConsent,
  revokeCcmConsent,
  type CcmConsent,
  type ConsentElement,
} from '../store/consents.js';
import { recordEvent } from '../store/patient-events.js';
import { lockPatient, updatePatient, type Patient, type PatientFields } from '../store/patients.js';
import { findPractice, type Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { findStaff, staffLabel } from '../store/staff.js';
import type { RuntimeDeps } from '../runtime.js';
import { consentShown, sha256Hex } from './consent-text.js';
import { insertEnrolment } from './patient-enrolment.js';

/** Who obtained a consent signed on the consent page: the patient signed it themselves, there. */
export const SIGNED_ON_PAGE = 'the patient, on the consent page';
/** The longest signature name taken. */
const MAX_NAME_LENGTH = 200;

export interface RecordConsentInput {
  practice: Practice;
  candidate: Candidate;
  method: 'electronic_signature' | 'verbal';
  /** The consent_texts row shown (or read out): the version the consent is to. */
  consentTextId: string;
  elements: ConsentElement[];
  /** The full name typed as the signature; required for an electronic signature. */
  signatureName: string | null;
  /** Who obtained it: the staff member for a verbal consent; SIGNED_ON_PAGE (staffId null) for a signature. */
  obtainedBy: { name: string; staffId: string | null };
  at: Date;
}

/** The elements not acknowledged, in CMS's order. */
export const missingElements = (acknowledged: readonly string[]): ConsentElement[] => CONSENT_ELEMENTS.filter((key) => !acknowledged.includes(key));

/** The checks a consent must pass before anything is written; a 400 that names what is missing. */
async function check(tx: Queryable, input: RecordConsentInput): Promise<{ signatureName: string | null }> {
  const unknown = input.elements.find((key) => !(CONSENT_ELEMENTS as readonly string[]).includes(key));
  if (unknown) throw new DomainError('validation_failed', `"${unknown}" is not a consent element; the elements are ${CONSENT_ELEMENTS.join(', ')}`, 'elements');
  const missing = missingElements(input.elements);
  if (missing.length > 0) {
    throw new DomainError('validation_failed', `each required element must be acknowledged; not acknowledged: ${missing.join(', ')}`, 'elements');
  }
  if (input.method === 'electronic_signature') {
    const name = input.signatureName?.trim() ?? '';
    if (!name) throw new DomainError('validation_failed', 'an electronic signature needs the full name typed as the signature', 'signatureName');
    if (name.length > MAX_NAME_LENGTH) throw new DomainError('validation_failed', `must be at most ${MAX_NAME_LENGTH} characters`, 'signatureName');
    return { signatureName: name };
  }
  if (input.method !== 'verbal') throw new DomainError('validation_failed', 'must be "electronic_signature" or "verbal"', 'method');
  if (!input.obtainedBy.name.trim()) throw new DomainError('validation_failed', 'a verbal consent needs the name of who obtained it', 'obtainedBy.name');
  const staff = input.obtainedBy.staffId ? await findStaff(tx, input.practice.id, input.obtainedBy.staffId) : null;
  if (!staff?.active) throw new DomainError('validation_failed', 'a verbal consent needs the active staff member of this practice who obtained it', 'obtainedBy.staffId');
  return { signatureName: null };
}

/** The patient a candidate becomes: what the practice listed, consent granted as recorded now. */
function patientFields(candidate: Candidate, input: RecordConsentInput): PatientFields {
  return {
    coordinatorId: null,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    phone: candidate.phone,
    dateOfBirth: candidate.dateOfBirth,
    mrn: candidate.mrn,
    timezone: candidate.timezone,
    language: candidate.language,
    preferredChannel: candidate.preferredChannel,
    conditions: candidate.conditions,
    consent: {
      status: 'granted',
      method: input.method === 'electronic_signature' ? 'written' : 'verbal',
      recordedAt: input.at.toISOString(),
      recordedBy: input.obtainedBy.name.trim(),
    },
    status: 'enrolled',
    contactWindow: null,
    email: candidate.email,
    // As staff enrolment does with an address and no choice: a note and a link, the default HHS allows.
    emailConsent: candidate.email ? 'link' : 'none',
    emailFullConsent: null,
  };
}

/**
 * Records a consent and enrols the candidate as a patient, in the caller's
 * transaction. 400 naming what is missing (an element not acknowledged, the
 * signature, who obtained a verbal consent, a text that is not the practice's
 * in the candidate's language); 409 when the candidate has consented already
 * or the practice has a patient with this phone or MRN.
 */
export async function recordConsent(tx: Queryable, _deps: RuntimeDeps, input: RecordConsentInput): Promise<{ patient: Patient; consent: CcmConsent }> {
  const { practice, at } = input;
  const candidate = await findCandidate(tx, input.candidate.id, { lock: true });
  if (!candidate || candidate.practiceId !== practice.id) throw notFound('candidate');
  if (candidate.state === 'consented') throw new DomainError('conflict', `the candidate has consented already (patient ${candidate.patientId})`);
  const { signatureName } = await check(tx, input);
  const text = await findConsentText(tx, input.consentTextId);
  if (!text || text.practiceId !== practice.id || text.language !== candidate.language) {
    throw new DomainError('validation_failed', `must be one of this practice's consent texts in the candidate's language (${candidate.language})`, 'consentTextId');
  }
  const practitioner = await findStaff(tx, practice.id, candidate.billingPractitionerId);
  if (!practitioner) throw new DomainError('validation_failed', 'the billing practitioner does not work at this practice', 'billingPractitionerId');

  const patient = await insertEnrolment(tx, practice.id, patientFields(candidate, input), at);
  const consent = await insertCcmConsent(tx, {
    practiceId: practice.id,
    patientId: patient.id,
    candidateId: candidate.id,
    method: input.method,
    obtainedAt: at,
    obtainedBy: input.obtainedBy.name.trim(),
    obtainedByStaffId: input.method === 'verbal' ? input.obtainedBy.staffId : null,
    billingPractitionerId: practitioner.id,
    consentTextId: text.id,
    textSha256: sha256Hex(consentShown(text, staffLabel(practitioner))),
    elementsAcknowledged: CONSENT_ELEMENTS,
    signatureName,
  });
  await changeCandidateState(tx, candidate.id, { state: 'consented', patientId: patient.id, at });
  await clearCall(tx, candidate.id, at);
  await recordEvent(tx, {
    practiceId: practice.id,
    patientId: patient.id,
    type: 'ccm_consent.recorded',
    detail: { consentId: consent.id, method: consent.method, textVersion: text.version, language: text.language },
    at,
  });
  return { patient, consent };
}

/** The last day of the month `at` falls in, in the practice's timezone: CCM stops at its end. */
export const endOfMonthOn = (at: Date, timezone: string): string => DateTime.fromJSDate(at, { zone: timezone }).endOf('month').toISODate()!;

/**
 * The patient withdraws their consent: the consent in force is stamped (when
 * asked, effective the last day of that month, how, who recorded it) and the
 * patient is disenrolled, so nothing more is planned or sent. 409 when there
 * is no consent in force recorded here.
 */
export async function revokeConsent(tx: Queryable, _deps: RuntimeDeps, input: { patient: Patient; how: string; recordedBy: string; at: Date }): Promise<CcmConsent> {
  const { at } = input;
  const how = input.how.trim();
  if (!how) throw new DomainError('validation_failed', 'say how the patient asked to stop ("told Linda Park by phone")', 'how');
  if (!input.recordedBy.trim()) throw new DomainError('validation_failed', 'say who recorded the revocation', 'recordedBy');
  const patient = await lockPatient(tx, input.patient.id);
  if (!patient) throw notFound('patient');
  const practice = (await findPractice(tx, patient.practiceId))!;
  const consent = await findActiveCcmConsent(tx, patient.id);
  if (!consent) throw new DomainError('conflict', 'this patient has no CCM consent in force recorded here; to stop their CCM, disenrol them');
  const effectiveOn = endOfMonthOn(at, practice.timezone);
  const revoked = (await revokeCcmConsent(tx, consent.id, { at, effectiveOn, how, recordedBy: input.recordedBy.trim() }))!;
  if (patient.status === 'enrolled') {
    const updated = (await updatePatient(tx, patient.id, { status: 'disenrolled' }, at))!;
    // The same path as a staff change of status: the plan follows, and with it nothing more goes out.
    await planPatient(tx, practice, updated, at);
  }
  await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, type: 'ccm_consent.revoked', detail: { consentId: consent.id, effectiveOn }, at });
  return revoked;
}

/**
 * The candidate said no (on the consent page, or to a person): recorded with
 * how, never asked again by a campaign, off the call list, and no link of
 * theirs asks again. 409 for a candidate who has consented (that is a
 * revocation).
 */
export async function declineInvitation(tx: Queryable, input: { candidate: Candidate; how: string; at: Date }): Promise<void> {
  const { at } = input;
  const how = input.how.trim();
  if (!how) throw new DomainError('validation_failed', 'say how the candidate said no ("told Linda Park by phone")', 'how');
  const candidate = await findCandidate(tx, input.candidate.id, { lock: true });
  if (!candidate) throw notFound('candidate');
  if (candidate.state === 'consented') throw new DomainError('conflict', `the candidate has consented (patient ${candidate.patientId}); record a revocation instead`);
  // Null for one who said no or opted out before: the first answer stands.
  await changeCandidateState(tx, candidate.id, { state: 'declined', how, at });
  await clearCall(tx, candidate.id, at);
  await declineOpenConsentLinks(tx, candidate.id, at);
}
