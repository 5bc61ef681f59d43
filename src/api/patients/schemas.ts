import { z } from 'zod';
import { NameSchema, PhoneSchema, TimezoneSchema } from '../schemas.js';

const DateOfBirthSchema = z.iso
  .date('must be a date like 1948-03-21')
  .refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), {
    message: 'must be a real birth date, not in the future',
  });

export const ConsentSchema = z.object({
  status: z.enum(['granted', 'declined']),
  method: z.enum(['verbal', 'written']),
  recordedAt: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error: 'must be an ISO date-time like 2026-11-02T15:04:00Z, or a date like 2026-11-02',
    })
    // A bare date is kept as noon UTC, which is that same date in every US timezone.
    .transform((value) => (value.length === 10 ? `${value}T12:00:00Z` : value)),
  recordedBy: NameSchema.describe('Who recorded the consent (staff name and credential)'),
});

export const NewPatientSchema = z.object({
  firstName: NameSchema,
  lastName: NameSchema,
  phone: PhoneSchema,
  dateOfBirth: DateOfBirthSchema.optional(),
  timezone: TimezoneSchema.optional().describe("Defaults to the practice's timezone"),
  language: z.enum(['en', 'es']).default('en'),
  preferredChannel: z.enum(['sms', 'voice']).default('sms'),
  conditions: z.array(NameSchema).max(50).describe('Chronic conditions, e.g. ["hypertension", "type 2 diabetes"]'),
  consent: ConsentSchema,
  coordinatorId: z.uuid('must be a coordinator id (UUID)').optional(),
}).strict();
export type NewPatientBody = z.infer<typeof NewPatientSchema>;

export const PatchPatientSchema = z
  .object({
    firstName: NameSchema,
    lastName: NameSchema,
    phone: PhoneSchema,
    dateOfBirth: DateOfBirthSchema.nullable(),
    timezone: TimezoneSchema.nullable(),
    language: z.enum(['en', 'es']),
    preferredChannel: z.enum(['sms', 'voice']),
    conditions: z.array(NameSchema).max(50),
    consent: ConsentSchema,
    coordinatorId: z.uuid('must be a coordinator id (UUID)').nullable(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'send at least one field to change' });
export type PatchPatientBody = z.infer<typeof PatchPatientSchema>;

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
  createdAt: z.string(),
  updatedAt: z.string(),
});
