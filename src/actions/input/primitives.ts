/**
 * The shapes staff input takes, shared by every action's input schema and by
 * both front ends: phone numbers, time zones, dates, times of day, names.
 */
import { z } from 'zod';
import { readCalendarDate } from './calendar-date.js';
import { IANAZone } from 'luxon';
import { toE164 } from '../../phone.js';

/** A phone number in any common format, stored as E.164. */
export const PhoneSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const e164 = toE164(value);
    if (!e164) {
      ctx.addIssue({
        code: 'custom',
        message: 'is not a valid phone number; write it with its area code, like (555) 123-4567 or +15551234567',
      });
      return z.NEVER;
    }
    return e164;
  })
  .meta({ example: '(555) 123-4567', description: 'Any common format; stored and returned as E.164' });

export const TimezoneSchema = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), { message: 'is not an IANA timezone, like America/Chicago' })
  .meta({ example: 'America/Chicago' });

/** Years PostgreSQL and every date library agree on, and far beyond any patient's or practice's dates. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2200;
const yearInRange = (iso: string) => {
  const year = Number(iso.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
};

/** A calendar date, 2026-12-15 or 12/15/2026 (stored as 2026-12-15); an impossible one is named. */
export const CalendarDateSchema = z
  .string()
  .transform((value, ctx) => {
    const read = readCalendarDate(value);
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: read.message });
      return z.NEVER;
    }
    return read.iso;
  })
  .refine(yearInRange, { message: `must be a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}` })
  .meta({ example: '2026-12-15' });

/**
 * An instant: an ISO date-time with its offset ('2026-11-02T15:04:00Z', '...-06:00'), between
 * 1900 and 2200, with a real UTC offset (at most 14 hours).
 */
export const InstantSchema = z.iso
  .datetime({ offset: true, error: 'must be an ISO date-time like 2026-11-02T15:04:00Z' })
  .refine(yearInRange, { message: `must be a date-time between ${EARLIEST_YEAR} and ${LATEST_YEAR}` })
  .refine((iso) => /(?:Z|[+-](?:0\d|1[0-4]):?[0-5]\d)$/i.test(iso), { message: 'has a UTC offset beyond ±14:00' })
  .meta({ example: '2026-11-02T15:04:00Z' });

export const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time like 08:00 or 21:30');

export const QuietHoursSchema = z
  .object({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .refine((q) => q.start !== q.end, { message: 'start and end must differ' })
  .meta({ description: 'No texts to patients from start to end, patient-local time', example: { start: '21:00', end: '08:00' } });

export const WeekdaySchema = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

export const ContactWindowSchema = z
  .object({
    days: z.array(WeekdaySchema).min(1, 'name at least one day').refine((d) => new Set(d).size === d.length, { message: 'name each day once' }),
    start: TimeOfDaySchema,
    end: TimeOfDaySchema,
  })
  .refine((w) => w.start < w.end, { message: 'start must be before end (the window cannot wrap midnight)', path: ['end'] })
  .meta({ description: 'When outreach should land, patient-local time', example: { days: ['monday', 'wednesday'], start: '09:00', end: '12:00' } });

export const NameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200)
  .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), { message: 'must not contain control characters' });
