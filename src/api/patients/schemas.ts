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
