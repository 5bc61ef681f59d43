/** What a practice's settings may be: the body that creates a practice, and (every field optional) the one that changes it. */
import { z } from 'zod';
import { EDITABLE_PROMPT_KEYS, practicePromptProblem, type PromptKey } from '../../../prompts/index.js';
import { APCM_CODES, CCM_CODES } from '../../documentation/types.js';
import { FLOW_NAMES, LOCALES } from '../../flows/types.js';
import { QUESTIONNAIRE_PARTS } from '../../flows/questionnaire/types.js';
import { NameSchema, PhoneSchema, QuietHoursSchema, TimeOfDaySchema, TimezoneSchema, WeekdaySchema } from '../input/primitives.js';

const PromptWordingSchema = z
  .object({ en: z.string().trim().min(1).max(1000).optional(), es: z.string().trim().min(1).max(1000).optional() })
  .strict()
  .nullable();

/** The practice's own wording for the prompts it may change; each is checked like the catalog's texts. */
const PracticePromptsSchema = z
  .record(z.string(), PromptWordingSchema)
  .superRefine((prompts, ctx) => {
    for (const [key, wording] of Object.entries(prompts)) {
      if (!EDITABLE_PROMPT_KEYS.includes(key as PromptKey)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `cannot be changed; a practice may change ${EDITABLE_PROMPT_KEYS.join(', ')}` });
        continue;
      }
      for (const locale of LOCALES) {
        const text = wording?.[locale];
        const problem = text === undefined ? null : practicePromptProblem(key as PromptKey, locale, text);
        if (problem) ctx.addIssue({ code: 'custom', path: [key, locale], message: problem });
      }
    }
  })
  .describe('Your own wording for some texts, e.g. {"system.low_sugar": {"en": "...", "es": "..."}}; null goes back to ours');

export const NewPracticeSchema = z.object({
  name: NameSchema,
  timezone: TimezoneSchema,
  phoneNumber: PhoneSchema.describe("The practice's Twilio number; inbound texts to it belong to this practice"),
  contactPhone: PhoneSchema.optional().describe('The number patients are told to call; defaults to phoneNumber'),
  quietHours: QuietHoursSchema.optional(),
  digestTime: TimeOfDaySchema.optional().describe("When coordinators get the morning digest, practice-local time (default 07:30)"),
  reviewHours: z.number().int().min(1).max(720).optional().describe('How long an elevated alert may wait for review (default 48)'),
  escalationWaitSeconds: z
    .number()
    .int()
    .min(0)
    .max(3600)
    .optional()
    .describe('How long an urgent escalation waits before calling the next coordinator (default 60)'),
  prompts: PracticePromptsSchema.optional(),
  outreach: z
    .object({
      cadence: z
        .object({
          time: TimeOfDaySchema.describe('Local time of day of the check-ins, in each patient\'s timezone'),
          slots: z
            .array(
              z.object({
                week: z.number().int().min(1).max(5).describe('1-4: the nth such weekday of the month; 5: the last'),
                weekday: WeekdaySchema,
                flow: z
                  .enum([...FLOW_NAMES, 'questionnaire', 'summary'])
                  .describe("A check-in flow; 'questionnaire': the form by link (week 2 in the article's sequence); 'summary': the care-plan summary by email (week 4)"),
              }),
            )
            .max(12)
            .refine((slots) => new Set(slots.map((s) => `${s.week}:${s.weekday}`)).size === slots.length, {
              message: 'two check-ins on the same day of the month; a patient gets one at a time',
            }),
        })
        .describe("The monthly check-ins; default (the article's sequence): a wellness text on the 1st and 3rd Tuesday, the questionnaire on the 2nd, the summary email on the 4th, at 10:00"),
      medicationNamesInTexts: z.boolean().describe('Name medications in texts (default false: "your medicine")'),
      reminderReplyMinutes: z.number().int().min(15).max(720).describe('How long a dose reminder waits for "taken" before the dose counts as missed (default 120)'),
      unreachableAfter: z.number().int().min(2).max(20).describe('Unanswered automated texts in a row that put a patient on the call list (default 5)'),
      questionnaire: z
        .object({
          parts: z
            .array(z.enum(QUESTIONNAIRE_PARTS))
            .min(1)
            .refine((parts) => new Set(parts).size === parts.length, { message: 'a part is listed twice' })
            .describe(`What the questionnaire asks: any of ${QUESTIONNAIRE_PARTS.join(', ')} (default: all)`),
        })
        .strict()
        .describe("The questionnaire a cadence slot with flow 'questionnaire' sends"),
      channelChoice: z
        .enum(['learned', 'fixed'])
        .describe("learned (default): each patient's check-ins go by the channel (text or call) and hour they answer most, within their contact window and quiet hours; fixed: the cadence's time, by the patient's own channel"),
      nonResponderDay: z.number().int().min(1).max(28).describe('From this day of the month, patients not heard from this month are on the call list (default 20)'),
    })
    .partial()
    .strict()
    .optional(),
  billing: z
    .object({
      model: z.enum(['ccm', 'apcm']).describe('ccm: the time-based CCM codes; apcm: one monthly APCM code instead (never both)'),
      apcmCode: z.enum(APCM_CODES).describe('The APCM level billed when model is apcm'),
      disabledCodes: z.array(z.enum([...CCM_CODES, ...APCM_CODES])).max(9).describe('Codes the practice does not bill; never suggested'),
    })
    .partial()
    .strict()
    .optional()
    .describe('How the practice bills care management (default: CCM codes, none disabled)'),
  mrnSystem: z
    .url({ message: 'must be an absolute URI, like urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14 or https://ehr.example.org/mrn' })
    .max(500)
    .nullable()
    .optional()
    .describe("The Identifier.system of the practice's medical record numbers, as its EHR names it (FHIR Patient.identifier); null or absent: <PUBLIC_URL>/practices/<id>/mrn"),
});
export type NewPracticeBody = z.infer<typeof NewPracticeSchema>;

/** Send only what changes. */
export const PracticeChangesSchema = NewPracticeSchema.partial();
export type PracticeChangesBody = z.infer<typeof PracticeChangesSchema>;
