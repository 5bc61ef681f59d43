/** A patient as the API answers with it. */
import { z } from 'zod';

export const PatientSchema = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  coordinatorId: z.uuid().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  dateOfBirth: z.string().nullable(),
  mrn: z.string().nullable().describe("The practice's medical record number; null: none on file"),
  timezone: z.string().nullable(),
  language: z.enum(['en', 'es']),
  preferredChannel: z.enum(['sms', 'voice']),
  conditions: z.array(z.string()),
  consent: z.object({
    status: z.enum(['granted', 'declined']),
    method: z.enum(['verbal', 'written']),
    recordedAt: z.string(),
    recordedBy: z.string(),
  }),
  smsOptedOutAt: z.string().nullable(),
  phoneInvalidAt: z.string().nullable(),
  email: z.string().nullable(),
  emailConsent: z.enum(['none', 'link', 'full']).describe('none: no email; link: only that something is ready, with a link; full: the whole summary'),
  emailFullConsent: z
    .object({
      at: z.string(),
      how: z.enum(['verbal', 'written', 'portal']),
      recordedBy: z.string(),
      textVersion: z.string().describe('Which privacy notice the patient was told'),
    })
    .nullable()
    .describe('Set while emailConsent is full: the patient was told plain email is not private and accepted'),
  emailOptedOutAt: z.string().nullable().describe('The patient stopped emails; PATCH emailOptedOut false when they want them again'),
  emailBouncedAt: z.string().nullable().describe('The address bounced: nothing is emailed until it is changed'),
  status: z.enum(['enrolled', 'disenrolled']),
  contactWindow: z.object({ days: z.array(z.string()), start: z.string(), end: z.string() }).nullable(),
  pausedAt: z.string().nullable(),
  pausedUntil: z.string().nullable().describe('Paused until then; null with pausedAt set: until resumed'),
  unreachableAt: z.string().nullable().describe('Too many automated contacts went unanswered: on the call list'),
  lastReplyAt: z.string().nullable(),
  triage: z
    .object({
      level: z.enum(['urgent', 'elevated', 'routine', 'stable']),
      since: z.string().nullable().describe('When the patient reached this level'),
      reasons: z.array(z.string()).describe('Why, in words: "BP 184/121 on Nov 3 at 09:12 is at or above 180/120"'),
    })
    .describe('The latest triage evaluation'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
