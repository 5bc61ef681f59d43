import { parse } from 'csv-parse/sync';
import { DomainError } from '../../errors.js';

/** Most files a practice exports are far smaller; this bounds one request's work. */
export const MAX_IMPORT_ROWS = 10_000;

/** Header spellings seen in practice exports, normalised (lower case, letters and digits only). */
const HEADER_ALIASES: Record<string, string> = {
  firstname: 'firstName',
  givenname: 'firstName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  phone: 'phone',
  phonenumber: 'phone',
  mobile: 'phone',
  mobilephone: 'phone',
  cell: 'phone',
  cellphone: 'phone',
  dateofbirth: 'dateOfBirth',
  dob: 'dateOfBirth',
  birthdate: 'dateOfBirth',
  timezone: 'timezone',
  tz: 'timezone',
  language: 'language',
  preferredlanguage: 'language',
  preferredchannel: 'preferredChannel',
  channel: 'preferredChannel',
  conditions: 'conditions',
  chronicconditions: 'conditions',
  consentstatus: 'consentStatus',
  consent: 'consentStatus',
  consentmethod: 'consentMethod',
  consentrecordedat: 'consentRecordedAt',
  consentdate: 'consentRecordedAt',
  consentrecordedby: 'consentRecordedBy',
  coordinatorid: 'coordinatorId',
};

const REQUIRED = ['firstName', 'lastName', 'phone', 'consentStatus', 'consentMethod', 'consentRecordedAt', 'consentRecordedBy'];

const LANGUAGES: Record<string, string> = { english: 'en', en: 'en', spanish: 'es', espanol: 'es', es: 'es' };
const CHANNELS: Record<string, string> = { sms: 'sms', text: 'sms', texting: 'sms', voice: 'voice', call: 'voice', phone: 'voice' };

export interface CsvRow {
  /** The line the row starts on in the file (the header is line 1). */
  line: number;
  /** The row as an enrolment request body, ready for schema validation. */
  body: Record<string, unknown>;
}

const squash = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Parses a patient CSV into enrolment bodies. Headers are matched loosely
 * ("First Name", "first_name", "DOB"); unknown columns are ignored. Throws a
 * 400 when the file cannot be read as CSV or lacks a required column.
 */
export function readPatientCsv(text: string): CsvRow[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    throw new DomainError('bad_request', `The file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new DomainError('bad_request', 'The file is empty: send a header row and one row per patient');
  const fields = header.record.map((name) => HEADER_ALIASES[squash(name)]);
  const missing = REQUIRED.filter((field) => !fields.includes(field));
  if (missing.length > 0) {
    throw new DomainError('bad_request', `The header row lacks required columns: ${missing.join(', ')}`);
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new DomainError('payload_too_large', `A file may hold at most ${MAX_IMPORT_ROWS} patients; split it`);
  }
  return rows.map(({ record, info }) => {
    const values: Record<string, string> = {};
    fields.forEach((field, i) => {
      const value = record[i];
      if (field && value) values[field] = value;
    });
    return { line: info.lines, body: toBody(values) };
  });
}

/** US exports write dates as 3/21/1948; anything else is passed on for the schema to judge. */
function isoDate(value: string): string {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  return us ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` : value;
}

function toBody(v: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {
    firstName: v.firstName,
    lastName: v.lastName,
    phone: v.phone,
    dateOfBirth: v.dateOfBirth && isoDate(v.dateOfBirth),
    timezone: v.timezone,
    language: v.language ? (LANGUAGES[squash(v.language)] ?? v.language) : undefined,
    preferredChannel: v.preferredChannel ? (CHANNELS[squash(v.preferredChannel)] ?? v.preferredChannel) : undefined,
    conditions: v.conditions ? v.conditions.split(/[;|]/).map((c) => c.trim()).filter(Boolean) : [],
    consent: {
      status: v.consentStatus?.toLowerCase(),
      method: v.consentMethod?.toLowerCase(),
      recordedAt: v.consentRecordedAt && isoDate(v.consentRecordedAt),
      recordedBy: v.consentRecordedBy,
    },
    coordinatorId: v.coordinatorId,
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
