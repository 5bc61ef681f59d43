/** The monthly record as the API describes it (mirrors src/documentation/types.ts). */
import { z } from 'zod';
import { STAFF_ROLES, TIME_ACTIVITIES } from '../documentation/types.js';
import { QUESTIONNAIRE_PARTS } from '../flows/questionnaire/index.js';

const CodeSchema = z.object({ code: z.string(), units: z.number().int(), reason: z.string() });
const WarningSchema = z.object({ code: z.string(), message: z.string() });
const ApprovalSchema = z
  .object({
    approvedAt: z.string(),
    approvedBy: z.string(),
    staffId: z.string().optional().describe('The approving staff member (absent from older approvals)'),
    npi: z.string().nullable().optional().describe("The approver's NPI, where recorded"),
  })
  .nullable();
const ByActivitySchema = z.record(z.enum(TIME_ACTIVITIES), z.number());

const EntrySchema = z.object({
  id: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  credential: z.string().nullable(),
  npi: z.string().nullable().optional().describe("The staff member's NPI, where recorded"),
  staffRole: z.enum(STAFF_ROLES),
  activity: z.enum(TIME_ACTIVITIES),
  start: z.string(),
  end: z.string(),
  source: z.enum(['manual', 'captured']),
  capturedFrom: z.string().nullable(),
  note: z.string().nullable(),
  secondsInMonth: z.number(),
  countedSeconds: z.number(),
  excludedBecause: z.string().nullable(),
});

const QuestionnaireSchema = z.object({
  id: z.string(),
  sentAt: z.string(),
  submittedAt: z.string(),
  locale: z.enum(['en', 'es']),
  messageId: z.string().nullable().describe('The message of the form channel that carries the answers into the transcript'),
  partsAnswered: z.array(z.enum(QUESTIONNAIRE_PARTS)),
  selfRatedHealth: z.object({ answer: z.string(), score: z.number() }).nullable().describe('PROMIS Global01: 5 excellent to 1 poor'),
  phq2: z.number().nullable(),
  phq9: z.object({ score: z.number(), severity: z.enum(['minimal', 'mild', 'moderate', 'moderately severe', 'severe']) }).nullable(),
  selfHarmAnswer: z.string().nullable().describe('PHQ-9 item 9 in words, when answered above "not at all"'),
  // Kept whole, so the approved record shows and exports what was asked; its shape is the questionnaire model's.
  definition: z.unknown().describe('The questionnaire as it was sent: url, version, title, parts and screens with their items'),
  answers: z.record(z.string(), z.string()).describe('The answers that count, by linkId'),
});

const MonthAppointmentSchema = z.object({
  id: z.string(),
  startsAt: z.string(),
  timezone: z.string().describe('The zone it is shown in'),
  withWhom: z.string(),
  location: z.string(),
  purpose: z.string().nullable(),
  status: z.enum(['scheduled', 'cancelled']),
});

export const MonthRecordSchema = z.object({
  month: z.string(),
  period: z.object({ start: z.string(), end: z.string() }),
  practice: z.object({ id: z.string(), name: z.string(), timezone: z.string(), phone: z.string(), mrnSystem: z.string().nullable().optional() }),
  patient: z.object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: z.string().nullable(),
    phone: z.string(),
    language: z.enum(['en', 'es']),
    mrn: z.string().nullable().optional().describe("The practice's medical record number"),
  }),
  consent: z.object({ status: z.enum(['granted', 'declined']), method: z.enum(['verbal', 'written']), recordedAt: z.string(), recordedBy: z.string() }),
  conditions: z.array(z.object({ name: z.string(), icd10: z.string().nullable(), underCarePlan: z.boolean() })),
  carePlan: z.object({
    status: z.enum(['none', 'draft', 'active']),
    establishedOn: z.string().nullable(),
    revisedOn: z.string().nullable(),
    goals: z.array(z.string()),
    interventions: z.array(z.string()),
    reviewSchedule: z.string().nullable(),
  }),
  complex: z.boolean(),
  carePlanRevised: z.boolean(),
  interactions: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      type: z.enum(['message', 'call', 'event', 'time_entry']),
      actor: z.enum(['bot', 'patient', 'staff']).describe('bot: automated contact, never billable'),
      channel: z.enum(['sms', 'voice', 'form']).nullable().describe('form: answers sent from the questionnaire'),
      direction: z.enum(['inbound', 'outbound']).nullable(),
      summary: z.string(),
    }),
  ),
  botActivity: z
    .object({
      textsSent: z.number(),
      textsReceived: z.number(),
      calls: z.number(),
      questionnairesSent: z.number().optional(),
      questionnairesAnswered: z.number().optional(),
    })
    .describe('Listed, never counted as minutes'),
  reported: z.object({
    bloodPressure: z.object({
      readings: z.array(z.object({ at: z.string(), systolic: z.number(), diastolic: z.number() })),
      trend: z.enum(['rising', 'falling', 'steady']).nullable(),
      average: z.object({ systolic: z.number(), diastolic: z.number() }).nullable(),
    }),
    pain: z.array(z.object({ at: z.string(), score: z.number() })),
    adherence: z.array(
      z.object({ medicationId: z.string(), name: z.string(), dosesReported: z.number(), taken: z.number(), missed: z.number(), percent: z.number().nullable() }),
    ),
    refills: z.array(z.object({ at: z.string(), medicationId: z.string(), name: z.string(), outcome: z.enum(['has_refill', 'needs_refill']) })),
    other: z.array(z.object({ at: z.string(), kind: z.string(), description: z.string() })),
  }),
  questionnaires: z.array(QuestionnaireSchema).optional().describe('Questionnaires answered this month; absent from months approved before the questionnaire existed'),
  alerts: z.array(
    z.object({
      id: z.string(),
      level: z.enum(['urgent', 'elevated']),
      reason: z.string(),
      explanation: z.string().nullable(),
      createdAt: z.string(),
      acknowledgedAt: z.string().nullable(),
      acknowledgedBy: z.string().nullable(),
      resolvedAt: z.string().nullable(),
      resolvedBy: z.string().nullable(),
      resolutionNote: z.string().nullable(),
    }),
  ),
  appointments: z
    .object({
      inMonth: z.array(MonthAppointmentSchema).describe('Appointments starting in the month, cancelled ones included'),
      upcoming: z.array(MonthAppointmentSchema).describe('Scheduled appointments from asOf on'),
      asOf: z.string().describe('When upcoming was judged: the drafting, or the approval'),
    })
    .optional()
    .describe('Absent from months approved before appointments were kept'),
  time: z.object({
    entries: z.array(EntrySchema),
    clinicalStaffSeconds: z.number(),
    practitionerSeconds: z.number(),
    byActivity: ByActivitySchema,
  }),
  codes: z.array(CodeSchema).describe('Suggestions for a person to confirm; nothing is submitted'),
  codeExplanation: z.string(),
  warnings: z.array(WarningSchema),
  needsReview: z.boolean(),
  note: z.object({ text: z.string(), edited: z.boolean() }),
  status: z.enum(['draft', 'approved']),
  approval: ApprovalSchema,
  addenda: z.array(z.object({ at: z.string(), by: z.string(), text: z.string() })),
});

export const PracticeMonthRowSchema = z.object({
  patientId: z.string(),
  name: z.string(),
  status: z.enum(['draft', 'approved']),
  clinicalStaffSeconds: z.number(),
  practitionerSeconds: z.number(),
  codes: z.array(CodeSchema),
  warnings: z.array(WarningSchema),
  needsReview: z.boolean(),
  approval: ApprovalSchema,
});
