/** Reading a practice's patient export (CSV) into enrolment bodies, one per row, with the line each came from. */
import { parse } from 'csv-parse/sync';
import { DomainError } from '../../errors.js';

/** Most files a practice exports are far smaller; this bounds one request's work. */
export const MAX_IMPORT_ROWS = 10_000;

/** The largest patient file either front end takes (a 10,000-row export is well under it). */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;

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
  lang: 'language',
  idioma: 'language',
  preferredlanguage: 'language',
  primarylanguage: 'language',
  preferredchannel: 'preferredChannel',
  channel: 'preferredChannel',
  conditions: 'conditions',
  chronicconditions: 'conditions',
  consentstatus: 'consentStatus',
  consent: 'consentStatus',
  consented: 'consentStatus',
  consentgiven: 'consentStatus',
  consentyesno: 'consentStatus',
  consentmethod: 'consentMethod',
  consenttype: 'consentMethod',
  consentrecordedat: 'consentRecordedAt',
  consentdate: 'consentRecordedAt',
  dateconsented: 'consentRecordedAt',
  consentrecordedby: 'consentRecordedBy',
  consentedby: 'consentRecordedBy',
  consentobtainedby: 'consentRecordedBy',
  coordinatorid: 'coordinatorId',
};

/** How each column is usually headed, to say which one is missing. */
const EXPECTED_HEADER: Record<string, string> = {
  firstName: 'First Name',
  lastName: 'Last Name',
  phone: 'Phone',
  consentStatus: 'Consent (granted/declined, or Yes/No)',
  consentMethod: 'Consent Method (verbal/written)',
  consentRecordedAt: 'Consent Date',
  consentRecordedBy: 'Consented By',
};

/** "Consent: Yes/No" columns. */
const CONSENT: Record<string, string> = { yes: 'granted', y: 'granted', si: 'granted', granted: 'granted', no: 'declined', n: 'declined', declined: 'declined' };

const REQUIRED = ['firstName', 'lastName', 'phone', 'consentStatus', 'consentMethod', 'consentRecordedAt', 'consentRecordedBy'];

const LANGUAGES: Record<string, string> = { english: 'en', en: 'en', eng: 'en', ingles: 'en', spanish: 'es', espanol: 'es', es: 'es', spa: 'es', sp: 'es' };
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
 * ("First Name", "first_name", "DOB", "Lang", "Idioma", "Consented By"). A
 * column it does not know is a 400 naming it, unless listed in `ignore`: a
 * dropped "Language" column would enrol a Spanish speaker as English. Also a
 * 400 when the file cannot be read as CSV or lacks a required column.
 */
export function readPatientCsv(text: string, ignore: readonly string[] = []): CsvRow[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    throw new DomainError('bad_request', `The file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new DomainError('bad_request', 'The file is empty: send a header row and one row per patient');
  const fields = header.record.map((name) => HEADER_ALIASES[squash(name)]);
  const ignored = new Set(ignore.map(squash));
  const unknown = header.record.filter((name, i) => !fields[i] && name !== '' && !ignored.has(squash(name)));
  if (unknown.length > 0) {
    throw new DomainError(
      'bad_request',
      `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.map((u) => `"${u}"`).join(', ')}. Rename to one of ${Object.values(EXPECTED_HEADER).join(', ')}, ` +
        'Date of Birth, Language, Preferred Channel, Timezone, Conditions, Coordinator Id; or send ?ignore=' +
        encodeURIComponent(unknown.join(',')) + ' to import without them',
    );
  }
  const missing = REQUIRED.filter((field) => !fields.includes(field));
  if (missing.length > 0) {
    throw new DomainError('bad_request', `The header row lacks required columns: ${missing.map((m) => `"${EXPECTED_HEADER[m]}"`).join(', ')}`);
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

function toBody(v: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {
    firstName: v.firstName,
    lastName: v.lastName,
    phone: v.phone,
    dateOfBirth: v.dateOfBirth,
    timezone: v.timezone,
    language: v.language ? (LANGUAGES[squash(v.language)] ?? v.language) : undefined,
    preferredChannel: v.preferredChannel ? (CHANNELS[squash(v.preferredChannel)] ?? v.preferredChannel) : undefined,
    conditions: v.conditions ? v.conditions.split(/[;|]/).map((c) => c.trim()).filter(Boolean) : [],
    consent: {
      status: v.consentStatus ? (CONSENT[squash(v.consentStatus)] ?? v.consentStatus.toLowerCase()) : undefined,
      method: v.consentMethod?.toLowerCase(),
      recordedAt: v.consentRecordedAt,
      recordedBy: v.consentRecordedBy,
    },
    coordinatorId: v.coordinatorId,
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
