/**
 * Reading a practice's list of patients eligible for CCM (CSV) into candidate
 * bodies, one per row, with the line each came from. Headers are matched as
 * the patient import matches them ("First Name", "first_name", "DOB",
 * "Idioma", "Patient Name"), plus the columns a candidate has: Phone Type,
 * Billing Practitioner, Last Visit. Consent columns are not read here: a
 * candidate has not consented yet, and a file that says they have belongs in
 * the patient import.
 */
import { DomainError } from '../../errors.js';
import { readCsvTable, squash } from '../input/csv-table.js';
import { HEADER_ALIASES, NAME_FIELDS } from '../patients/csv-headers.js';
import { splitPatientName } from '../patients/patient-name.js';

/** A practice's eligible list is a panel at most; this bounds one request's work. */
export const MAX_CANDIDATE_ROWS = 10_000;

/** The patient import's headings a candidate list may also have. */
const SHARED = ['firstName', 'lastName', 'fullName', 'phone', 'dateOfBirth', 'timezone', 'language', 'preferredChannel', 'conditions', 'email', 'mrn'];

const ALIASES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(HEADER_ALIASES).filter(([, field]) => SHARED.includes(field))),
  phonetype: 'phoneType',
  numbertype: 'phoneType',
  linetype: 'phoneType',
  billingpractitioner: 'billingPractitioner',
  billingpractitionerid: 'billingPractitioner',
  billingprovider: 'billingPractitioner',
  billingproviderid: 'billingPractitioner',
  practitioner: 'billingPractitioner',
  provider: 'billingPractitioner',
  pcp: 'billingPractitioner',
  primarycareprovider: 'billingPractitioner',
  lastvisit: 'lastVisitOn',
  lastvisitdate: 'lastVisitOn',
  lastvisiton: 'lastVisitOn',
  dateoflastvisit: 'lastVisitOn',
  lastseen: 'lastVisitOn',
  lastappointment: 'lastVisitOn',
  lastencounter: 'lastVisitOn',
};

const KNOWN =
  'First Name, Last Name (or Patient Name), Phone, Phone Type (mobile/landline), Conditions (separated by ;), Billing Practitioner ' +
  '(name or id), Last Visit (empty: never seen), Date of Birth, MRN, Email, Language, Preferred Channel, Timezone';

const LANGUAGES: Record<string, string> = { english: 'en', en: 'en', eng: 'en', ingles: 'en', spanish: 'es', espanol: 'es', es: 'es', spa: 'es', sp: 'es' };
const CHANNELS: Record<string, string> = { sms: 'sms', text: 'sms', texting: 'sms', voice: 'voice', call: 'voice', phone: 'voice' };
const PHONE_TYPES: Record<string, string> = {
  mobile: 'mobile',
  cell: 'mobile',
  cellphone: 'mobile',
  wireless: 'mobile',
  landline: 'landline',
  home: 'landline',
  homephone: 'landline',
  fixed: 'landline',
  unknown: 'unknown',
};

export interface CandidateCsvRow {
  /** The line the row starts on in the file (the header is line 1). */
  line: number;
  /** The row as a candidate body, ready for schema validation (the billing practitioner still as written). */
  body: Record<string, unknown>;
  /** What reading the row found wrong before validation (a name that could not be split). */
  problems?: Array<{ field: string; message: string }>;
}

const heading = (field: string) => ({ phone: '"Phone"', conditions: '"Conditions"', billingPractitioner: '"Billing Practitioner"', lastVisitOn: '"Last Visit"' })[field];

/**
 * Parses a candidate CSV. An unknown column is a 400 naming it (unless in
 * `ignore`), and so is a missing required one. Last Visit is required as a
 * column (a cell may be empty: never seen), since without it nobody could be
 * invited; Billing Practitioner may instead be given for the whole file.
 */
export function readCandidateCsv(text: string, o: { ignore?: readonly string[] | undefined; wholeFilePractitioner: boolean }): CandidateCsvRow[] {
  const { fields, rows } = readCsvTable(text, { aliases: ALIASES, ignore: o.ignore ?? [], rowIs: 'candidate', known: KNOWN });
  const has = (f: string) => fields.includes(f);
  const missing = [
    !has('fullName') && !(has('firstName') && has('lastName')) && '"First Name" and "Last Name" (or one "Patient Name" column)',
    ...['phone', 'conditions', 'lastVisitOn'].filter((f) => !has(f)).map(heading),
    !has('billingPractitioner') && !o.wholeFilePractitioner && '"Billing Practitioner" (or billingPractitionerId for the whole file)',
  ].filter((m): m is string => typeof m === 'string');
  if (missing.length > 0) throw new DomainError('bad_request', `The header row lacks required columns: ${missing.join(', ')}`);
  if (rows.length > MAX_CANDIDATE_ROWS) throw new DomainError('payload_too_large', `A file may hold at most ${MAX_CANDIDATE_ROWS} candidates; split it`);
  return rows.map(({ record, info }) => {
    const v: Record<string, string> = {};
    fields.forEach((field, i) => {
      const value = record[i];
      if (field && value) v[field] = value;
    });
    return { line: info.lines, ...toBody(v) };
  });
}

const mapped = (table: Record<string, string>, value: string | undefined) => (value ? (table[squash(value)] ?? value) : undefined);

function toBody(v: Record<string, string>): Pick<CandidateCsvRow, 'body' | 'problems'> {
  let names: { firstName?: string | undefined; lastName?: string | undefined } = { firstName: v.firstName, lastName: v.lastName };
  let problems: CandidateCsvRow['problems'];
  if (!v.firstName && !v.lastName && v.fullName) {
    names = splitPatientName(v.fullName);
    const lacking = NAME_FIELDS.filter((f) => !names[f as keyof typeof names]);
    if (lacking.length > 0) {
      const message = 'the Patient Name needs a first and a last name: write it "Last, First" (Alvarez, Ruth) or "First Last" (Ruth Alvarez)';
      problems = lacking.map((field) => ({ field, message }));
    }
  }
  const body: Record<string, unknown> = {
    ...names,
    phone: v.phone,
    phoneType: mapped(PHONE_TYPES, v.phoneType),
    dateOfBirth: v.dateOfBirth,
    mrn: v.mrn,
    email: v.email,
    language: mapped(LANGUAGES, v.language),
    preferredChannel: mapped(CHANNELS, v.preferredChannel),
    timezone: v.timezone,
    conditions: v.conditions ? v.conditions.split(/[;|]/).map((c) => c.trim()).filter(Boolean) : [],
    billingPractitionerId: v.billingPractitioner,
    // An empty cell: never seen by the practice.
    lastVisitOn: v.lastVisitOn ?? null,
  };
  return { body: Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)), ...(problems && { problems }) };
}
