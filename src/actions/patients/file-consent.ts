/**
 * Consent for a patient file's rows: from its consent columns, or, for an
 * export that has none (many EHR exports do not), given once for the whole
 * file by the person sending it. CCM consent must say how it was given, when
 * and who recorded it (DOMAIN.md), so a whole-file consent needs all three, and
 * it is the sender's statement that every patient in the file consented so.
 */
import { DomainError } from '../../errors.js';
import { EXPECTED_HEADER } from './csv-headers.js';
import { ConsentSchema } from './schemas.js';

/** Consent for the whole file, as sent beside it (query string or form fields); each part optional until checked. */
export interface FileConsentInput {
  method?: string | undefined;
  recordedAt?: string | undefined;
  recordedBy?: string | undefined;
}

/** The request fields that carry it, in the API's query string and multipart fields and the web form alike. */
export const FILE_CONSENT_FIELDS = { method: 'consentMethod', recordedAt: 'consentRecordedAt', recordedBy: 'consentRecordedBy' } as const;

type Part = keyof typeof FILE_CONSENT_FIELDS;
const PARTS = Object.keys(FILE_CONSENT_FIELDS) as Part[];

/** The CSV column that carries each part of consent. */
const COLUMN: Record<Part, string> = { method: 'consentMethod', recordedAt: 'consentRecordedAt', recordedBy: 'consentRecordedBy' };
/** Each part in words, for the web form's user as much as the API's. */
const WORDS: Record<Part, string> = { method: 'how it was given', recordedAt: 'when', recordedBy: 'who recorded it' };

const CONSENT_COLUMNS = ['consentStatus', ...PARTS.map((p) => COLUMN[p])];

const WHOLE_FILE_HINT =
  `give consent for the whole file (how, when and who recorded it: ${PARTS.map((p) => FILE_CONSENT_FIELDS[p]).join(', ')}; ` +
  'only when every patient in the file gave consent that way)';

/** The consent each row gets from the request: parts the file has no column for. */
export type FileConsent = { status?: 'granted'; method?: string; recordedAt?: string; recordedBy?: string };

/**
 * Decides where each part of a row's consent comes from, given the file's
 * columns, or throws a 400 that says once what is missing. A part given both
 * as a column and for the whole file is refused: which one holds for a row
 * would be a guess, and consent is not the place for one.
 */
export function consentForFile(columns: ReadonlySet<string>, given: FileConsentInput = {}): FileConsent {
  const sent = PARTS.filter((p) => given[p] !== undefined && given[p]!.trim() !== '');
  const doubled = sent.filter((p) => columns.has(COLUMN[p]));
  if (doubled.length > 0) {
    const p = doubled[0]!;
    throw new DomainError('bad_request', `The file has a "${EXPECTED_HEADER[COLUMN[p]]}" column and the request gives ${FILE_CONSENT_FIELDS[p]} too: leave one of them out`);
  }
  const hasColumns = CONSENT_COLUMNS.some((c) => columns.has(c));
  if (!hasColumns && sent.length === 0) {
    throw new DomainError(
      'bad_request',
      `This file has no consent columns: ${WHOLE_FILE_HINT}, or add the columns Consent (Yes/No), Consent Method (verbal/written), Consent Date and Consented By`,
    );
  }
  const missing = PARTS.filter((p) => !columns.has(COLUMN[p]) && !sent.includes(p));
  if (sent.length > 0 && missing.length > 0) {
    const parts = missing.map((p) => `${WORDS[p]} (${FILE_CONSENT_FIELDS[p]})`).join(', ');
    throw new DomainError('bad_request', `Consent for the whole file needs how it was given, when and who recorded it: also give ${parts}`);
  }
  // A file with some consent columns lacks the others (whole-file consent may still fill them; the README says how).
  const lacking = [...(sent.length === 0 && !columns.has('consentStatus') ? ['consentStatus'] : []), ...missing.map((p) => COLUMN[p])];
  if (lacking.length > 0) {
    throw new DomainError('bad_request', `The header row lacks required columns: ${lacking.map((c) => `"${EXPECTED_HEADER[c]}"`).join(', ')}`);
  }
  if (sent.length === 0) return {};
  // Checked once here, so a bad value is one answer rather than the same error on every row.
  const parsed = ConsentSchema.partial().safeParse({ method: given.method?.trim().toLowerCase(), recordedAt: given.recordedAt?.trim(), recordedBy: given.recordedBy });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const part = issue.path[0] as Part;
    const hint = part === 'method' ? 'must be verbal or written' : issue.message;
    throw new DomainError('validation_failed', hint, FILE_CONSENT_FIELDS[part]);
  }
  const consent: FileConsent = columns.has('consentStatus') ? {} : { status: 'granted' };
  for (const p of sent) consent[p] = p === 'method' ? given.method!.trim().toLowerCase() : given[p]!.trim();
  return consent;
}
