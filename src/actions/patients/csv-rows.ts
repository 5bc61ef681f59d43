/** Reading a practice's patient export (CSV) into enrolment bodies, one per row, with the line each came from. */
import { readCsvTable, squash } from '../input/csv-table.js';
import { DomainError } from '../../errors.js';
import { EXPECTED_HEADER, HEADER_ALIASES, NAME_FIELDS } from './csv-headers.js';
import { consentForFile, type FileConsent, type FileConsentInput } from './file-consent.js';
import { splitPatientName } from './patient-name.js';

/** Most files a practice exports are far smaller; this bounds one request's work. */
export const MAX_IMPORT_ROWS = 10_000;

/** The largest patient file either front end takes (a 10,000-row export is well under it). */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;

/** "Consent: Yes/No" columns. */
const CONSENT: Record<string, string> = { yes: 'granted', y: 'granted', si: 'granted', granted: 'granted', no: 'declined', n: 'declined', declined: 'declined' };

/** Consent columns are checked with the whole-file consent (file-consent.ts). */
const REQUIRED = [...NAME_FIELDS, 'phone'];

const LANGUAGES: Record<string, string> = { english: 'en', en: 'en', eng: 'en', ingles: 'en', spanish: 'es', espanol: 'es', es: 'es', spa: 'es', sp: 'es' };
/** A file may say link (a note and a link by email) or none; the whole summary by email is recorded with the patient's acceptance, in the app or the API. */
const EMAIL_CONSENT: Record<string, string> = { link: 'link', yes: 'link', y: 'link', none: 'none', no: 'none', n: 'none' };
const CHANNELS: Record<string, string> = { sms: 'sms', text: 'sms', texting: 'sms', voice: 'voice', call: 'voice', phone: 'voice' };

export interface CsvRow {
  /** The line the row starts on in the file (the header is line 1). */
  line: number;
  /** The row as an enrolment request body, ready for schema validation. */
  body: Record<string, unknown>;
  /** What reading the row found wrong before validation (a name that could not be split). */
  problems?: Array<{ field: string; message: string }>;
}

export interface CsvOptions {
  /** Columns to leave out, as headed in the file. */
  ignore?: readonly string[] | undefined;
  /** Consent for the whole file, for a file without (some) consent columns. */
  consent?: FileConsentInput | undefined;
}


/**
 * Parses a patient CSV into enrolment bodies. Headers are matched loosely
 * ("First Name", "first_name", "DOB", "Lang", "Idioma", "Consented By"). A
 * column it does not know is a 400 naming it, unless listed in `ignore`: a
 * dropped "Language" column would enrol a Spanish speaker as English. Also a
 * 400 when the file cannot be read as CSV, lacks a required column, or has
 * no consent columns and no consent was given for the whole file.
 */
export function readPatientCsv(text: string, { ignore = [], consent }: CsvOptions = {}): CsvRow[] {
  const { fields, rows } = readCsvTable(text, {
    aliases: HEADER_ALIASES,
    ignore,
    rowIs: 'patient',
    known:
      `${Object.values(EXPECTED_HEADER).join(', ')}, ` +
      'Patient Name (for both names), MRN, Date of Birth, Language, Preferred Channel, Timezone, Conditions, Coordinator Id, Email, Email Consent',
  });
  const missing = REQUIRED.filter((field) => !fields.includes(field) && !(NAME_FIELDS.includes(field) && fields.includes('fullName')));
  if (missing.length > 0) {
    const names = missing.map((m) => `"${EXPECTED_HEADER[m]}"`).join(', ');
    const orFullName = missing.some((m) => NAME_FIELDS.includes(m)) ? ' (or one "Patient Name" column, written "Last, First" or "First Last")' : '';
    throw new DomainError('bad_request', `The header row lacks required columns: ${names}${orFullName}`);
  }
  const fileConsent = consentForFile(new Set(fields.filter((f): f is string => f !== undefined)), consent);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new DomainError('payload_too_large', `A file may hold at most ${MAX_IMPORT_ROWS} patients; split it`);
  }
  return rows.map(({ record, info }) => {
    const values: Record<string, string> = {};
    fields.forEach((field, i) => {
      const value = record[i];
      if (field && value) values[field] = value;
    });
    return { line: info.lines, ...toBody(values, fileConsent) };
  });
}

/** The row's names: its own First/Last Name cells, else its "Patient Name" split. */
function namesOf(v: Record<string, string>): Pick<CsvRow, 'problems'> & { firstName?: string | undefined; lastName?: string | undefined } {
  if (v.firstName || v.lastName || !v.fullName) return { firstName: v.firstName, lastName: v.lastName };
  const split = splitPatientName(v.fullName);
  const lacking = NAME_FIELDS.filter((f) => !split[f as keyof typeof split]);
  if (lacking.length === 0) return split;
  const message = 'the Patient Name needs a first and a last name: write it "Last, First" (Alvarez, Ruth) or "First Last" (Ruth Alvarez)';
  return { ...split, problems: lacking.map((field) => ({ field, message })) };
}

function toBody(v: Record<string, string>, fileConsent: FileConsent): Pick<CsvRow, 'body' | 'problems'> {
  const { problems, ...names } = namesOf(v);
  const body: Record<string, unknown> = {
    ...names,
    phone: v.phone,
    dateOfBirth: v.dateOfBirth,
    mrn: v.mrn,
    timezone: v.timezone,
    language: v.language ? (LANGUAGES[squash(v.language)] ?? v.language) : undefined,
    preferredChannel: v.preferredChannel ? (CHANNELS[squash(v.preferredChannel)] ?? v.preferredChannel) : undefined,
    conditions: v.conditions ? v.conditions.split(/[;|]/).map((c) => c.trim()).filter(Boolean) : [],
    consent: {
      status: v.consentStatus ? (CONSENT[squash(v.consentStatus)] ?? v.consentStatus.toLowerCase()) : undefined,
      method: v.consentMethod?.toLowerCase(),
      recordedAt: v.consentRecordedAt,
      recordedBy: v.consentRecordedBy,
      // Only the parts the file has no column for (file-consent.ts refuses a part given both ways).
      ...fileConsent,
    },
    coordinatorId: v.coordinatorId,
    email: v.email,
    emailConsent: v.emailConsent ? (EMAIL_CONSENT[squash(v.emailConsent)] ?? v.emailConsent.toLowerCase()) : undefined,
  };
  const defined = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
  return { body: defined, ...(problems && { problems }) };
}
