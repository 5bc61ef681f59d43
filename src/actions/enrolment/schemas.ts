/**
 * What staff send for enrolment campaigns (the API's bodies, the app's forms,
 * a CSV file's rows): a candidate, a campaign, a consent taken by phone, a no
 * said by phone, a revocation, a new consent text.
 */
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import { MrnSchema } from '../input/identifiers.js';
import { CalendarDateSchema, NameSchema, PhoneSchema, TimezoneSchema } from '../input/primitives.js';
import { CONSENT_ELEMENTS } from '../../enrolment/index.js';
import { EmailAddressSchema } from '../patients/schemas.js';

/** The latest calendar date anywhere on Earth at `at` (UTC+14): a date after it is in the future. */
const latestDateAt = (at: Date) => new Date(at.getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** A date that has happened, checked against the service clock when the body is validated. */
const pastDate = (clock: Clock, message: string, example: string) =>
  CalendarDateSchema.meta({ example }).refine((d) => d >= '1900-01-01' && d <= latestDateAt(clock.now()), { message });

export const TWO_CONDITIONS = 'list at least 2 chronic conditions expected to last 12 months or more (CCM needs two), e.g. ["hypertension", "type 2 diabetes"]';

/** A candidate; built per service, since "not in the future" reads its clock. */
export const newCandidateSchema = (clock: Clock) =>
  z
    .object({
      firstName: NameSchema,
      lastName: NameSchema,
      phone: PhoneSchema,
      phoneType: z.enum(['mobile', 'landline', 'unknown']).default('unknown').describe('From the practice\'s list: a landline is called, never texted'),
      dateOfBirth: pastDate(clock, 'must be a real birth date, not in the future', '1948-03-21').optional(),
      mrn: MrnSchema.optional(),
      email: EmailAddressSchema.optional(),
      language: z.enum(['en', 'es']).default('en'),
      preferredChannel: z.enum(['sms', 'voice']).default('sms'),
      timezone: TimezoneSchema.optional().describe("Defaults to the practice's timezone"),
      conditions: z.array(NameSchema).min(2, TWO_CONDITIONS).max(50).describe('Two or more chronic conditions expected to last 12 months or more'),
      billingPractitionerId: z.uuid('must be the id (UUID) of a practitioner of the practice, who bills CCM for this patient'),
      lastVisitOn: pastDate(clock, 'must be the date of the last visit, not in the future', '2026-06-15')
        .nullable()
        .optional()
        .describe('The last visit with the practice; none, or more than a year ago: an initiating visit is needed before CCM, and no campaign invites them'),
    })
    .strict();
export type NewCandidateBody = z.infer<ReturnType<typeof newCandidateSchema>>;

export const StartCampaignSchema = z
  .object({
    name: NameSchema.describe('What the practice calls the campaign, e.g. "Diabetes panel, spring"'),
    candidateIds: z
      .union([z.literal('all_listed'), z.array(z.uuid('must be a candidate id (UUID)')).min(1, 'name at least one candidate, or send "all_listed"').max(10_000)])
      .describe('The candidates to invite, or "all_listed": every candidate not invited yet whose last visit is recent enough'),
    reminderDays: z
      .array(z.int('must be a whole number of days').min(1, 'must be at least 1 day').max(60, 'must be at most 60 days'))
      .min(1, 'give at least one reminder day, or leave it out for the default (3 and 7)')
      .max(5, 'at most 5 reminders')
      .refine((days) => days.every((d, i) => i === 0 || d > days[i - 1]!), { message: 'must grow: each reminder comes after the one before' })
      .optional()
      .describe('Days after the invitation each reminder goes (default 3 and 7)'),
  })
  .strict();
export type StartCampaignBody = z.infer<typeof StartCampaignSchema>;

const StaffIdSchema = z.uuid('must be a staff member id (UUID)');

export const VerbalConsentSchema = z
  .object({
    consentTextId: z.uuid('must be the id of the consent text read to the patient (GET /practices/:id/consent-text)'),
    elements: z.array(z.enum(CONSENT_ELEMENTS)).max(CONSENT_ELEMENTS.length * 2).describe('Each element the patient heard and acknowledged: all four are required'),
    staffId: StaffIdSchema.optional().describe('Who took consent; defaults to the coordinator the API key belongs to'),
  })
  .strict();
export type VerbalConsentBody = z.infer<typeof VerbalConsentSchema>;

export const PhoneDeclineSchema = z
  .object({
    note: z.string().trim().max(500).optional().describe('Anything the patient said worth keeping (no reason is needed)'),
    staffId: StaffIdSchema.optional().describe('Who spoke with them; defaults to the coordinator the API key belongs to'),
  })
  .strict();
export type PhoneDeclineBody = z.infer<typeof PhoneDeclineSchema>;

/** The call was made and settled nothing (consent or a no taken on the call have their own routes). */
export const CalledSchema = z
  .object({
    note: z.string().trim().max(500).optional().describe('What happened: "no answer", "left a message", "asked us to call back Friday"'),
    staffId: StaffIdSchema.optional().describe('Who called; defaults to the coordinator the API key belongs to'),
  })
  .strict();
export type CalledBody = z.infer<typeof CalledSchema>;

export const RevokeConsentSchema = (clock: Clock) =>
  z
    .object({
      how: NameSchema.describe('How the patient asked to stop, e.g. "by phone to Linda Park", "in writing"'),
      on: pastDate(clock, 'must be the day the patient asked to stop, not in the future', '2026-11-20')
        .optional()
        .describe('The day they asked (default today); CCM stops at the end of that month'),
    })
    .strict();
export type RevokeConsentBody = z.infer<ReturnType<typeof RevokeConsentSchema>>;

/** An element's wording; it may name {practice} and {practitioner}, filled in when shown. */
const ElementTextSchema = z.string().trim().min(1, 'must say the element in full').max(2000, 'must be at most 2000 characters');

export const ConsentTextSchema = z
  .object({
    language: z.enum(['en', 'es']),
    elements: z
      .object({ offered: ElementTextSchema, cost_sharing: ElementTextSchema, one_practitioner: ElementTextSchema, stop_any_time: ElementTextSchema })
      .strict()
      .describe('The wording of each required element: that CCM is offered and what it includes, that cost sharing may apply, that one practitioner bills it a month, that they may stop at any time'),
  })
  .strict();
export type ConsentTextBody = z.infer<typeof ConsentTextSchema>;
