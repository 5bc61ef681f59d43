/**
 * Reading a practice's appointment export (CSV) into one appointment per row:
 * whose it is (Patient Id, or the Phone the patient is enrolled with), when,
 * with whom, where and what for. Scheduling systems head and write these many
 * ways, so headers are matched loosely and the time may be one column
 * ("1/8/2027 9:30 AM") or a Date and a Time column.
 */
import { readCsvTable, squash } from '../input/csv-table.js';
import { DomainError } from '../../errors.js';
import { readCalendarDate } from '../input/calendar-date.js';
import { isLocalDateTime } from './appointment-time.js';

/** An appointments file is a schedule, far smaller than a patient roster. */
export const MAX_APPOINTMENT_ROWS = 10_000;

/** Header spellings, normalised (lower case, letters and digits only). */
const HEADER_ALIASES: Record<string, string> = {
  patientid: 'patientId',
  phone: 'phone',
  phonenumber: 'phone',
  patientphone: 'phone',
  mobile: 'phone',
  mobilephone: 'phone',
  cell: 'phone',
  cellphone: 'phone',
  appointment: 'startsAt',
  nextappointment: 'startsAt',
  appointmentdatetime: 'startsAt',
  appointmentstart: 'startsAt',
  startsat: 'startsAt',
  start: 'startsAt',
  datetime: 'startsAt',
  when: 'startsAt',
  date: 'date',
  appointmentdate: 'date',
  visitdate: 'date',
  time: 'time',
  appointmenttime: 'time',
  starttime: 'time',
  visittime: 'time',
  with: 'withWhom',
  withwhom: 'withWhom',
  appointmentwith: 'withWhom',
  provider: 'withWhom',
  doctor: 'withWhom',
  clinician: 'withWhom',
  practitioner: 'withWhom',
  location: 'location',
  appointmentlocation: 'location',
  where: 'location',
  place: 'location',
  site: 'location',
  clinic: 'location',
  facility: 'location',
  purpose: 'purpose',
  reason: 'purpose',
  reasonforvisit: 'purpose',
  visitreason: 'purpose',
  visittype: 'purpose',
  appointmenttype: 'purpose',
  // Names are there for people reading the file; the patient is found by id or phone, never by name.
  patientname: 'name',
  name: 'name',
  fullname: 'name',
  firstname: 'name',
  lastname: 'name',
};

const HEADINGS = 'Patient Id or Phone, Appointment (or Date and Time), With, Location, Purpose (optional), Patient Name (not read)';

export interface AppointmentCsvRow {
  line: number;
  /** Whose: the patient's id, or the phone they are enrolled with. */
  patientId?: string | undefined;
  phone?: string | undefined;
  /** The row as the body adding an appointment takes, ready for schema validation. */
  body: Record<string, unknown>;
  /** What reading the row found wrong before validation (a time that cannot be read). */
  problems?: Array<{ field: string; message: string }>;
}


/** "9:30", "09:30", "9:30 AM", "2:15pm", "14:15:00" as 'HH:MM', or null. */
export function readClockTime(text: string): string | null {
  const parts = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap])?\.?\s*(?:m\.?)?$/i.exec(text.trim());
  if (!parts) return null;
  let hour = Number(parts[1]);
  const minute = Number(parts[2]);
  const half = parts[3]?.toLowerCase();
  if (minute > 59 || hour > 23 || (half && (hour < 1 || hour > 12))) return null;
  if (half === 'p' && hour < 12) hour += 12;
  if (half === 'a' && hour === 12) hour = 0;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const TIME_HELP = 'write it like 2027-01-08 09:30 or 1/8/2027 9:30 AM';

/**
 * A row's start as the API takes it: a local 'YYYY-MM-DDTHH:MM', or an ISO
 * time with its offset passed on as it is. A reason when it cannot be read.
 */
export function readAppointmentTime(when: string | undefined, date: string | undefined, time: string | undefined): { value: string } | { problem: string } {
  if (when && /[zZ]$|[+-]\d{2}:?\d{2}$/.test(when) && when.includes('T')) return { value: when };
  const [datePart, timePart] = when ? (/^(\S+)(?:T|\s+)(.+)$/.exec(when)?.slice(1) ?? [when, '']) : [date ?? '', time ?? ''];
  if (!datePart) return { problem: 'give when it is: an Appointment column, or Date and Time columns' };
  const day = readCalendarDate(datePart);
  if (!day.ok) return { problem: `${day.message}; ${TIME_HELP}` };
  if (!timePart) return { problem: `give the time of day too; ${TIME_HELP}` };
  const clock = readClockTime(timePart);
  if (!clock) return { problem: `${timePart} is not a time of day; ${TIME_HELP}` };
  const value = `${day.iso}T${clock}`;
  return isLocalDateTime(value) ? { value } : { problem: TIME_HELP };
}

/**
 * Parses an appointments CSV. A column it does not know is a 400 naming it,
 * unless listed in `ignore`; so is a file without a way to find the patient,
 * the time, who or where.
 */
export function readAppointmentCsv(text: string, ignore: readonly string[] = []): AppointmentCsvRow[] {
  const { fields, rows } = readCsvTable(text, { aliases: HEADER_ALIASES, ignore, rowIs: 'appointment', known: HEADINGS });
  const has = (field: string) => fields.includes(field);
  const missing = [
    !has('patientId') && !has('phone') && '"Patient Id" or "Phone"',
    !has('startsAt') && !(has('date') && has('time')) && '"Appointment" (or "Date" and "Time")',
    !has('withWhom') && '"With"',
    !has('location') && '"Location"',
  ].filter((m): m is string => m !== false);
  if (missing.length > 0) throw new DomainError('bad_request', `The header row lacks required columns: ${missing.join(', ')}`);
  if (rows.length > MAX_APPOINTMENT_ROWS) throw new DomainError('payload_too_large', `A file may hold at most ${MAX_APPOINTMENT_ROWS} appointments; split it`);
  return rows.map(({ record, info }) => {
    const v: Record<string, string> = {};
    fields.forEach((field, i) => {
      const value = record[i];
      if (field && value) v[field] = value;
    });
    const time = readAppointmentTime(v.startsAt, v.date, v.time);
    const body = Object.fromEntries(
      Object.entries({ startsAt: 'value' in time ? time.value : undefined, withWhom: v.withWhom, location: v.location, purpose: v.purpose }).filter(
        ([, value]) => value !== undefined,
      ),
    );
    return { line: info.lines, patientId: v.patientId, phone: v.phone, body, ...('problem' in time && { problems: [{ field: 'startsAt', message: time.problem }] }) };
  });
}
