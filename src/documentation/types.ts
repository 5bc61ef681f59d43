/**
 * The monthly CCM record: what the service drafts for one patient and one
 * calendar month (in the practice's timezone), for a person to review and
 * approve. Everything in src/documentation is pure: it turns these shapes into
 * minutes, code suggestions, a narrative note, a FHIR bundle or a page; the
 * bot layer reads the store and builds them.
 */
import type { Answers, Phq9Severity, QuestionnaireDefinition, QuestionnairePart } from '../flows/questionnaire/index.js';

/** Who did the work, for billing: clinical staff (RN, MA, ...) or a practitioner (MD, DO, NP, PA). */
export const STAFF_ROLES = ['clinical_staff', 'practitioner'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const TIME_ACTIVITIES = [
  'call',
  'data_review',
  'care_plan_update',
  'medication_reconciliation',
  'care_coordination',
  'other',
] as const;
export type TimeActivity = (typeof TIME_ACTIVITIES)[number];

export const CCM_CODES = ['99490', '99439', '99487', '99489', '99491', '99437'] as const;
export const APCM_CODES = ['G0556', 'G0557', 'G0558'] as const;
export type CcmCode = (typeof CCM_CODES)[number];
export type ApcmCode = (typeof APCM_CODES)[number];
export type BillingCode = CcmCode | ApcmCode;

/** How a practice bills care management. */
export interface BillingSettings {
  /** 'ccm': the time-based CCM codes. 'apcm': one monthly APCM code instead, never with CCM codes. */
  model: 'ccm' | 'apcm';
  /** The APCM code the practice bills when model is 'apcm'. */
  apcmCode: ApcmCode;
  /** Codes the practice does not bill: never suggested. */
  disabledCodes: BillingCode[];
}

/** One staff time entry as the month counts it. */
export interface MonthTimeEntry {
  id: string;
  staffId: string;
  staffName: string;
  /** 'RN', 'MD', ... as recorded on the staff member. */
  credential: string | null;
  /** The staff member's NPI where recorded (absent from months approved before NPIs were kept). */
  npi?: string | null;
  staffRole: StaffRole;
  activity: TimeActivity;
  /** ISO instants; end after start. */
  start: string;
  end: string;
  source: 'manual' | 'captured';
  /** What a captured entry came from, e.g. 'escalation call' or 'alert handling'. */
  capturedFrom: string | null;
  note: string | null;
}

/** What the minutes and the codes are computed from. */
export interface BillingInputs {
  /** 'YYYY-MM': the calendar month in `timezone`. */
  month: string;
  /** The practice's IANA timezone. */
  timezone: string;
  entries: MonthTimeEntry[];
  consent: { status: 'granted' | 'declined'; recordedAt: string };
  /** Chronic conditions managed under the care plan (only these count toward the two required). */
  chronicConditions: number;
  /** Moderate/high complexity decision-making this month (set by a person). */
  complex: boolean;
  /** A care plan was established or substantially revised this month (complex CCM needs it). */
  carePlanEstablishedOrRevised: boolean;
  /** Whether the patient and the practice were in two-way contact this month (a reply, an answered call). */
  twoWayContact: boolean;
  billing: BillingSettings;
}

/** How one entry counts in the month. */
export interface CountedEntry {
  id: string;
  /** Seconds of the entry inside the month. */
  secondsInMonth: number;
  /** Seconds that count: inside the month and after consent was granted. */
  countedSeconds: number;
  /** Why some or all of it does not count, in words; null when all of it counts. */
  excludedBecause: string | null;
}

export interface TimeTotals {
  /** Exact seconds that count, per role; minutes are never rounded up. */
  clinicalStaffSeconds: number;
  practitionerSeconds: number;
  byActivity: Record<TimeActivity, number>;
  /** Seconds inside the month that do not count because consent came later (or was declined). */
  secondsBeforeConsent: number;
  entries: CountedEntry[];
}

export interface SuggestedCode {
  code: BillingCode;
  units: number;
  /** Why, in words a biller reads: "21 min 30 s of clinical staff time (20 min needed)". */
  reason: string;
}

export interface Warning {
  /** Stable identifier: 'no_consent', 'consent_after_start', 'too_few_conditions', 'no_two_way_contact', 'complex_without_care_plan', 'near_threshold', 'code_disabled', ... */
  code: string;
  message: string;
}

export interface CodeSuggestion {
  codes: SuggestedCode[];
  /** Why this combination over the others the time would support. */
  explanation: string;
  warnings: Warning[];
  /** True when a person must look before billing (e.g. minutes but no two-way contact). */
  needsReview: boolean;
  totals: TimeTotals;
}

/** How a message passed: a text, words on a call, or answers sent from the questionnaire's web form. */
export type ContactChannel = 'sms' | 'voice' | 'form';

/** A line of the month's interaction log: every message, call and event, with its time. */
export interface Interaction {
  id: string;
  at: string;
  type: 'message' | 'call' | 'event' | 'time_entry';
  /** 'bot' for automated contact (never billable), 'patient', or 'staff'. */
  actor: 'bot' | 'patient' | 'staff';
  channel: ContactChannel | null;
  direction: 'inbound' | 'outbound' | null;
  /** The text of a message, or a short description of a call or event. */
  summary: string;
}

export interface BloodPressureReading {
  at: string;
  systolic: number;
  diastolic: number;
}

export interface MedicationAdherence {
  medicationId: string;
  name: string;
  dosesReported: number;
  taken: number;
  missed: number;
  /** taken / reported as a whole percentage; null when nothing was reported. */
  percent: number | null;
  /** Each dose reported missed: when, why (a missed-dose reason code) and over how many days; absent from older records. */
  missedDoses?: { at: string; reason: string | null; days: number | null }[];
}

export interface ReportedData {
  bloodPressure: {
    readings: BloodPressureReading[];
    /** Over the month's readings: null with fewer than 3. */
    trend: 'rising' | 'falling' | 'steady' | null;
    average: { systolic: number; diastolic: number } | null;
  };
  pain: { at: string; score: number }[];
  adherence: MedicationAdherence[];
  refills: { at: string; medicationId: string; name: string; outcome: 'has_refill' | 'needs_refill' }[];
  /** Glucose, oxygen, pulse, weight, temperature, concerns, self-rated health, PHQ scores the patient reported: in words. */
  other: { at: string; kind: string; description: string }[];
}

/**
 * A questionnaire the patient sent back in the month (the week-2 form): what
 * a clinician reads at a glance, and the definition and answers themselves,
 * kept so the approved record can always show, and export, what was asked.
 */
export interface MonthQuestionnaire {
  /** The questionnaire link's id: its FHIR resources are named after it. */
  id: string;
  sentAt: string;
  submittedAt: string;
  /** The language the patient answered in. */
  locale: 'en' | 'es';
  /** The message of the form channel that carries the answers into the transcript. */
  messageId: string | null;
  /** The parts the patient answered at least one question of, in the form's order. */
  partsAnswered: QuestionnairePart[];
  /** PROMIS Global01: the answer ('very_good', 'fair', ...) and its score, 5 (excellent) to 1 (poor). */
  selfRatedHealth: { answer: string; score: number } | null;
  /** PHQ-2 total 0-6, when both items were answered. */
  phq2: number | null;
  /** PHQ-9 total 0-27 and its published severity band, when all nine were asked and answered. */
  phq9: { score: number; severity: Phq9Severity } | null;
  /** PHQ-9 item 9 (thoughts of being better off dead or of self-harm) in words, when answered above "not at all". */
  selfHarmAnswer: string | null;
  /** The definition as it was sent (its medicines are the patient's of that day). */
  definition: QuestionnaireDefinition;
  /** The answers that count (to questions that were asked), by linkId. */
  answers: Answers;
}

/** An appointment as the record keeps it: the start on the clock it was entered on, with whom, where. */
export interface MonthAppointment {
  id: string;
  /** ISO instant. */
  startsAt: string;
  /** The IANA zone it is shown in (the patient's, or the practice's, when it was entered). */
  timezone: string;
  withWhom: string;
  location: string;
  purpose: string | null;
  status: 'scheduled' | 'cancelled';
}

/** The month's appointments, and those still to come when the record was drafted. */
export interface MonthAppointments {
  /** Appointments starting in the month, cancelled ones included, oldest first. */
  inMonth: MonthAppointment[];
  /** Scheduled appointments from `asOf` on, soonest first. */
  upcoming: MonthAppointment[];
  /** When "upcoming" was judged: the drafting (for an approved record, the approval). */
  asOf: string;
}

export interface AlertHandling {
  id: string;
  level: 'urgent' | 'elevated';
  reason: string;
  explanation: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}

export interface Condition {
  name: string;
  icd10: string | null;
  /** Managed under the care plan: only these count toward the two required. */
  underCarePlan: boolean;
}

/** The patient's care plan as the practice recorded it. */
export interface CarePlan {
  status: 'draft' | 'active';
  /** The chronic conditions it manages: only these count toward the two CCM needs. */
  problems: { condition: string; icd10: string | null }[];
  goals: string[];
  interventions: string[];
  /** How often it is reviewed, in words ("every 3 months"). */
  reviewSchedule: string | null;
  /** Local dates (YYYY-MM-DD, the practice's timezone). */
  establishedOn: string | null;
  revisedOn: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface CarePlanSummary {
  status: 'none' | 'draft' | 'active';
  establishedOn: string | null;
  revisedOn: string | null;
  goals: string[];
  interventions: string[];
  reviewSchedule: string | null;
}

export interface Addendum {
  at: string;
  by: string;
  text: string;
}

/**
 * A CCM consent as the record keeps it: when, how, who obtained it, the
 * billing practitioner, the exact text shown (its version, words and hash),
 * each element acknowledged, and a revocation. The export carries it as a
 * FHIR Consent.
 */
export interface MonthConsent {
  id: string;
  method: 'electronic_signature' | 'verbal';
  /** ISO instant. */
  obtainedAt: string;
  /** Who obtained it: the staff member (verbal), or the consent page (signed by the patient). */
  obtainedBy: { name: string; staffId: string | null };
  billingPractitioner: { id: string; name: string; credential: string | null; npi: string | null };
  /** The text as the patient was shown it (or had it read out): the version's body with the practitioner's name. */
  text: { id: string; version: number; language: 'en' | 'es'; shown: string; sha256: string };
  elementsAcknowledged: string[];
  /** The full name typed as the signature; null for a verbal consent. */
  signatureName: string | null;
  revokedAt: string | null;
  /** yyyy-mm-dd: CCM stops at the end of this day (the last of the month the patient asked to stop in). */
  revocationEffectiveOn: string | null;
  revokedHow: string | null;
}

/** The whole monthly record, as the API returns it and as approval freezes it. */
export interface MonthRecord {
  month: string;
  /** The month's bounds as instants (the practice's local midnights). */
  period: { start: string; end: string };
  /** mrnSystem: the URI the practice's MRNs are issued under; null or absent: the export's default. */
  practice: { id: string; name: string; timezone: string; phone: string; mrnSystem?: string | null };
  patient: {
    id: string;
    firstName: string;
    lastName: string;
    dateOfBirth: string | null;
    phone: string;
    language: 'en' | 'es';
    /** The practice's medical record number; null or absent: none on file. */
    mrn?: string | null;
  };
  consent: { status: 'granted' | 'declined'; method: 'verbal' | 'written'; recordedAt: string; recordedBy: string };
  /** The CCM consents recorded here by the month's end, oldest first; absent from months approved before they were kept. */
  ccmConsents?: MonthConsent[];
  conditions: Condition[];
  carePlan: CarePlanSummary;
  complex: boolean;
  carePlanRevised: boolean;
  interactions: Interaction[];
  /**
   * Automated contact this month: listed, never counted as minutes. A
   * questionnaire sent is a contact attempt; one answered, an interaction.
   * (Months approved before the questionnaire existed have no counts for it.)
   */
  botActivity: { textsSent: number; textsReceived: number; calls: number; questionnairesSent?: number; questionnairesAnswered?: number };
  reported: ReportedData;
  /** Questionnaires answered this month, oldest first; absent from months approved before the questionnaire existed. */
  questionnaires?: MonthQuestionnaire[];
  alerts: AlertHandling[];
  /** Absent from months approved before appointments were kept. */
  appointments?: MonthAppointments;
  time: {
    entries: (MonthTimeEntry & CountedEntry)[];
    clinicalStaffSeconds: number;
    practitionerSeconds: number;
    byActivity: Record<TimeActivity, number>;
  };
  codes: SuggestedCode[];
  codeExplanation: string;
  warnings: Warning[];
  needsReview: boolean;
  note: { text: string; edited: boolean };
  status: 'draft' | 'approved';
  /**
   * Who approved, and when. staffId and npi name the approver for the FHIR
   * attester (absent from months approved before they were kept).
   */
  approval: { approvedAt: string; approvedBy: string; staffId?: string; npi?: string | null } | null;
  addenda: Addendum[];
}
