/** What the enrolment routes answer: candidates with their standing, campaigns, the funnel, consent texts and consents. */
import { z } from 'zod';

const nullableTime = z.string().nullable();

export const CandidateSchema = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  phoneType: z.enum(['mobile', 'landline', 'unknown']),
  dateOfBirth: z.string().nullable(),
  mrn: z.string().nullable(),
  email: z.string().nullable(),
  language: z.enum(['en', 'es']),
  preferredChannel: z.enum(['sms', 'voice']),
  timezone: z.string().nullable(),
  conditions: z.array(z.string()),
  billingPractitionerId: z.uuid(),
  lastVisitOn: z.string().nullable(),
  state: z
    .enum(['listed', 'invited', 'interested', 'consented', 'declined', 'opted_out', 'no_answer'])
    .describe('listed: not invited; invited: no answer yet; interested: said yes, has not consented; consented: enrolled as patientId; declined; opted_out; no_answer: left for a person to call'),
  standing: z.enum(['eligible', 'needs_visit']).describe('needs_visit: never seen, or not within a year; a campaign does not invite them'),
  standingText: z.string().describe('The standing in words: "eligible", "needs an initiating visit first"'),
  campaignId: z.uuid().nullable(),
  invitedAt: nullableTime,
  reachedAt: nullableTime,
  interestedAt: nullableTime,
  declinedAt: nullableTime,
  declinedHow: z.string().nullable(),
  optedOutAt: nullableTime,
  noAnswerAt: nullableTime,
  consentedAt: nullableTime,
  callReason: z.enum(['no_answer', 'consent_unsigned', 'asked_for_call', 'voice_interest']).nullable().describe('Why they are on the call list, if they are'),
  callListedAt: nullableTime,
  lastCall: z
    .object({ at: z.string(), by: z.string(), note: z.string().nullable() })
    .nullable()
    .describe('The last call from the call list that settled nothing: when, who called, what happened'),
  patientId: z.uuid().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const CandidateDetailSchema = CandidateSchema.extend({
  messages: z
    .array(
      z.object({
        id: z.uuid(),
        at: z.string(),
        direction: z.enum(['inbound', 'outbound']),
        channel: z.enum(['sms', 'voice', 'form']),
        kind: z.string(),
        body: z.string(),
        status: z.string(),
      }),
    )
    .describe('Texts and calls to and from the candidate, oldest first'),
});

const RowResultSchema = z.object({
  line: z.number(),
  status: z.enum(['imported', 'existing', 'failed']),
  candidateId: z.uuid().optional(),
  patientId: z.uuid().optional().describe('existing: the phone is an enrolled patient\'s'),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export const CandidateImportSchema = z.object({ imported: z.number(), existing: z.number(), failed: z.number(), rows: z.array(RowResultSchema) });

export const CampaignSchema = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  name: z.string(),
  reminderDays: z.array(z.number()),
  status: z.enum(['running', 'stopped']),
  createdBy: z.string(),
  createdAt: z.string(),
  stoppedAt: z.string().nullable(),
});

export const CampaignStartSchema = z.object({
  campaign: CampaignSchema,
  invited: z.array(z.uuid()).describe('The candidates invited'),
  skipped: z
    .array(z.object({ candidateId: z.string(), reason: z.enum(['needs_visit', 'not_listed', 'unknown']) }))
    .describe('needs_visit: needs an initiating visit first; not_listed: invited before, or answered; unknown: no candidate of this practice has the id'),
});

const CountsSchema = z.object({
  invited: z.number(),
  reached: z.number(),
  interested: z.number(),
  consented: z.number(),
  declined: z.number(),
  optedOut: z.number(),
  noAnswer: z.number(),
});

export const FunnelSchema = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  campaignId: z.uuid().nullable(),
  counts: CountsSchema.describe('Each step counted when it happened in the month (the practice\'s timezone)'),
  campaigns: z.array(z.object({ campaignId: z.uuid(), name: z.string(), createdAt: z.string(), counts: CountsSchema })),
  needsVisit: z.number().describe('Listed candidates who need an initiating visit before any campaign can invite them'),
});

const ElementsSchema = z.object({ offered: z.string(), cost_sharing: z.string(), one_practitioner: z.string(), stop_any_time: z.string() });

export const ConsentTextResponseSchema = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  language: z.enum(['en', 'es']),
  version: z.number(),
  elements: ElementsSchema.describe('Each element\'s wording; {practice} and {practitioner} are filled in when shown'),
  body: z.string().describe('The whole text as shown, with {practitioner} filled in per patient'),
  sha256: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const CcmConsentSchema = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  patientId: z.uuid(),
  candidateId: z.uuid().nullable(),
  method: z.enum(['electronic_signature', 'verbal']),
  obtainedAt: z.string(),
  obtainedBy: z.string(),
  obtainedByStaffId: z.uuid().nullable(),
  billingPractitionerId: z.uuid(),
  consentTextId: z.uuid(),
  textSha256: z.string().describe('SHA-256 of the exact text shown'),
  elementsAcknowledged: z.array(z.string()),
  signatureName: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revocationEffectiveOn: z.string().nullable().describe('The last day of the month the patient asked to stop in'),
  revokedHow: z.string().nullable(),
  revokedRecordedBy: z.string().nullable(),
});
