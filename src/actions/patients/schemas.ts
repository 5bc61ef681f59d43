/** What staff send to enrol or change a patient (the API's bodies, the web app's forms, a CSV file's rows). */
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import { MrnSchema } from '../input/identifiers.js';
import { CalendarDateSchema, ContactWindowSchema, InstantSchema, NameSchema, PhoneSchema, TimezoneSchema } from '../input/primitives.js';

/** The latest calendar date anywhere on Earth at `at` (UTC+14): a birth date after it is in the future. */
const latestDateAt = (at: Date) => new Date(at.getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** A birth date, checked against the service clock's today when the body is validated. */
const dateOfBirthSchema = (clock: Clock) =>
  CalendarDateSchema.meta({ example: '1948-03-21' })
    .refine((d) => d >= '1900-01-01' && d <= latestDateAt(clock.now()), {
      message: 'must be a real birth date, not in the future',
    });

export const ConsentSchema = z.object({
  status: z.enum(['granted', 'declined']),
  method: z.enum(['verbal', 'written']),
  recordedAt: z
    .union([InstantSchema, CalendarDateSchema], {
      error: 'must be an ISO date-time like 2026-11-02T15:04:00Z, or a date like 2026-11-02, between 1900 and 2200',
    })
    // A bare date is kept as noon UTC, which is that same date in every US timezone.
    .transform((value) => (value.length === 10 ? `${value}T12:00:00Z` : value)),
  recordedBy: NameSchema.describe('Who recorded the consent (staff name and credential)'),
});

/** An email address, stored lower-cased (mail systems treat the local part case-blind in practice). */
export const EmailAddressSchema = z
  .string()
  .trim()
  .max(254, 'is too long for an email address')
  .pipe(z.email('is not an email address; write it like maria@example.com'))
  .transform((address) => address.toLowerCase())
  .meta({ example: 'maria.gonzalez@example.com' });

export const EmailConsentSchema = z
  .enum(['none', 'link', 'full'])
  .describe("What emails may hold: none (no email), link (only that something is ready, with a link), full (the whole summary: needs emailFullConsent)");

/** The patient was told plain email is not private and accepted; when and by whom are recorded by the service. */
export const EmailFullConsentSchema = z
  .object({ how: z.enum(['verbal', 'written', 'portal']).describe('How the patient accepted') })
  .strict()
  .describe('Required with emailConsent "full": the patient was told plain email is not private (the text of EMAIL_PRIVACY_NOTICE) and accepted');

/** An enrolment body; built per service, since "not in the future" reads its clock. */
export const newPatientSchema = (clock: Clock) => z.object({
  firstName: NameSchema,
  lastName: NameSchema,
  phone: PhoneSchema,
  dateOfBirth: dateOfBirthSchema(clock).optional(),
  mrn: MrnSchema.optional(),
  timezone: TimezoneSchema.optional().describe("Defaults to the practice's timezone"),
  language: z.enum(['en', 'es']).default('en'),
  preferredChannel: z.enum(['sms', 'voice']).default('sms'),
  conditions: z.array(NameSchema).max(50).describe('Chronic conditions, e.g. ["hypertension", "type 2 diabetes"]'),
  consent: ConsentSchema,
  coordinatorId: z.uuid('must be a coordinator id (UUID)').optional(),
  contactWindow: ContactWindowSchema.optional(),
  email: EmailAddressSchema.optional(),
  emailConsent: EmailConsentSchema.optional().describe('Defaults to link when an email is given, none otherwise'),
  emailFullConsent: EmailFullConsentSchema.optional(),
}).strict();
export type NewPatientBody = z.infer<ReturnType<typeof newPatientSchema>>;

export const patchPatientSchema = (clock: Clock) => z
  .object({
    firstName: NameSchema,
    lastName: NameSchema,
    phone: PhoneSchema,
    dateOfBirth: dateOfBirthSchema(clock).nullable(),
    mrn: MrnSchema.nullable().describe('null: no medical record number on file'),
    timezone: TimezoneSchema.nullable(),
    language: z.enum(['en', 'es']),
    preferredChannel: z.enum(['sms', 'voice']),
    conditions: z.array(NameSchema).max(50),
    consent: ConsentSchema,
    coordinatorId: z.uuid('must be a coordinator id (UUID)').nullable(),
    contactWindow: ContactWindowSchema.nullable(),
    status: z.enum(['enrolled', 'disenrolled']).describe('disenrolled: nothing more is sent or planned'),
    email: EmailAddressSchema.nullable().describe('A new address clears a bounce; null: no email'),
    emailConsent: EmailConsentSchema,
    emailFullConsent: EmailFullConsentSchema,
    emailOptedOut: z.boolean().describe('false: the patient told staff they want emails again; true: they asked staff to stop them'),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'send at least one field to change' });
export type PatchPatientBody = z.infer<ReturnType<typeof patchPatientSchema>>;
