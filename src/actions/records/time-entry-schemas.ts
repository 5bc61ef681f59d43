/** What staff send to log, correct or withdraw time on a patient. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { MAX_ENTRY_HOURS } from '../../records/index.js';
import { TIME_ACTIVITIES } from '../../documentation/types.js';
import { DomainError } from '../../errors.js';

/** An instant with an offset, or a local date-time read in the practice's timezone. */
const WhenSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/i, 'must be a date-time like 2026-11-03T10:15 (practice time) or 2026-11-03T16:15:00Z')
  .meta({ example: '2026-11-03T10:15' });

const NoteSchema = z.string().trim().max(2000);

export const NewEntrySchema = z
  .object({
    staffId: z.uuid('must be a staff member id (GET /practices/:id/staff)'),
    activity: z.enum(TIME_ACTIVITIES),
    start: WhenSchema,
    end: WhenSchema.optional().describe('Give end or minutes'),
    minutes: z.number().positive().max(MAX_ENTRY_HOURS * 60).optional().describe('Exact minutes (decimals allowed: 12.5); give end or minutes'),
    note: NoteSchema.optional(),
  })
  .strict()
  .refine((b) => (b.end === undefined) !== (b.minutes === undefined), { message: 'give either end or minutes, not both and not neither', path: ['end'] });
export type NewEntryBody = z.infer<typeof NewEntrySchema>;

export const CorrectionSchema = z
  .object({
    staffId: z.uuid(),
    activity: z.enum(TIME_ACTIVITIES),
    start: WhenSchema,
    end: WhenSchema,
    minutes: z.number().positive().max(MAX_ENTRY_HOURS * 60),
    note: NoteSchema.nullable(),
    reason: z.string().trim().min(3).max(500).describe('Why it is corrected: kept with the original'),
  })
  .partial()
  .required({ reason: true })
  .strict()
  .refine((b) => !(b.end !== undefined && b.minutes !== undefined), { message: 'give end or minutes, not both', path: ['end'] });
export type CorrectionBody = z.infer<typeof CorrectionSchema>;

export const WithdrawSchema = z.object({ reason: z.string().trim().min(3).max(500).describe('Why the entry does not count (kept on record)') }).strict();

/** A date-time as sent: with an offset it is that instant; without, a wall-clock time in `zone`. */
export function toInstant(when: string, zone: string, field: string): Date {
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(when);
  const parsed = hasOffset ? DateTime.fromISO(when, { setZone: true }) : DateTime.fromISO(when, { zone });
  if (!parsed.isValid) throw new DomainError('validation_failed', `${when} is not a real date and time`, field);
  return parsed.toJSDate();
}
