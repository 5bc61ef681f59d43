/** What adding and changing an appointment take, for the API, the app and each CSV row alike. */
import { z } from 'zod';
import { InstantSchema, NameSchema } from '../input/primitives.js';
import { isLocalDateTime } from './appointment-time.js';

export const AppointmentTimeSchema = z
  .string()
  .trim()
  .refine((text) => isLocalDateTime(text) || InstantSchema.safeParse(text).success, {
    message: "must be a local date and time like 2027-01-08T09:30 (the patient's timezone) or an ISO time with its offset like 2027-01-08T15:30:00Z",
  })
  .meta({
    example: '2027-01-08T09:30',
    description:
      "When it starts: 'YYYY-MM-DDTHH:MM' on the clock where the patient lives (the patient's timezone, else the practice's), " +
      'or an ISO time with its offset. It must be still to come.',
  });

const WithWhomSchema = NameSchema.describe('Who the patient sees, e.g. Dr. Patel');
const LocationSchema = NameSchema.describe('Where, e.g. "Maple Family Medicine, 2nd floor" or "Telehealth"');
const PurposeSchema = NameSchema.describe('What it is for, e.g. blood pressure follow-up');

export const NewAppointmentSchema = z
  .object({ startsAt: AppointmentTimeSchema, withWhom: WithWhomSchema, location: LocationSchema, purpose: PurposeSchema.optional() })
  .strict();
export type NewAppointmentBody = z.infer<typeof NewAppointmentSchema>;

export const AppointmentChangesSchema = z
  .object({ startsAt: AppointmentTimeSchema, withWhom: WithWhomSchema, location: LocationSchema, purpose: PurposeSchema.nullable() })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'send at least one field to change' });
export type AppointmentChangesBody = z.infer<typeof AppointmentChangesSchema>;
