import type { ContactWindow } from '../planning/index.js';
import type { TriageLevel } from '../triage/index.js';
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export type Language = 'en' | 'es';
export type Channel = 'sms' | 'voice';
/** What emails may hold: nothing is emailed, a note that something is ready with a link, or the whole content. */
export type EmailConsent = 'none' | 'link' | 'full';

/** The patient was told plain email is not private and chose to get the whole content by email anyway. */
export interface EmailFullConsent {
  at: string;
  how: 'verbal' | 'written' | 'portal';
  recordedBy: string;
  /** Which text they were told (actions/patients/email.ts keeps each version). */
  textVersion: string;
}

export interface Consent {
  status: 'granted' | 'declined';
  method: 'verbal' | 'written';
  recordedAt: string;
  recordedBy: string;
}

/** What enrolment sets and PATCH may change. */
export interface PatientFields {
  coordinatorId: string | null;
  firstName: string;
  lastName: string;
  phone: string;
  dateOfBirth: string | null;
  /** The practice's medical record number; null: none on file. Unique in the practice. */
  mrn: string | null;
  timezone: string | null;
  language: Language;
  preferredChannel: Channel;
  conditions: string[];
  consent: Consent;
  /** Disenrolled: nothing more is sent, ever, unless enrolled again. */
  status: 'enrolled' | 'disenrolled';
  /** When the patient wants to be contacted; null: any time outside quiet hours. */
  contactWindow: ContactWindow | null;
  /** Lower-cased; null: none on file. */
  email: string | null;
  emailConsent: EmailConsent;
  /** Set exactly while `emailConsent` is 'full'. */
  emailFullConsent: EmailFullConsent | null;
}

export interface Patient extends PatientFields {
  id: string;
  practiceId: string;
  smsOptedOutAt: string | null;
  phoneInvalidAt: string | null;
  /** The patient stopped emails; nothing is emailed until staff record that they want them again. */
  emailOptedOutAt: string | null;
  /** The mail server refused the address for good; nothing is emailed until staff change it. */
  emailBouncedAt: string | null;
  /** The latest triage evaluation: the level, since when, and why in words. */
  triage: { level: TriageLevel; since: string | null; reasons: string[] };
  /** When triage last found the patient urgent or elevated. */
  lastConcernAt: string | null;
  /** Automated outreach paused since `pausedAt`, until `pausedUntil` (null: until resumed). */
  pausedAt: string | null;
  pausedUntil: string | null;
  /** Automated contacts since the patient last replied. */
  unansweredContacts: number;
  /** Set after too many unanswered contacts: automated outreach stops, the patient is on the call list. */
  unreachableAt: string | null;
  /** The last time the patient wrote or answered. */
  lastReplyAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PatientRow {
  id: string;
  practice_id: string;
  coordinator_id: string | null;
  first_name: string;
  last_name: string;
  phone: string;
  date_of_birth: string | null;
  mrn: string | null;
  timezone: string | null;
  language: Language;
  preferred_channel: Channel;
  conditions: string[];
  consent_status: Consent['status'];
  consent_method: Consent['method'];
  consent_recorded_at: Date | string;
  consent_recorded_by: string;
  sms_opted_out_at: Date | string | null;
  phone_invalid_at: Date | string | null;
  email: string | null;
  email_consent: EmailConsent;
  email_full_consent: EmailFullConsent | null;
  email_opted_out_at: Date | string | null;
  email_bounced_at: Date | string | null;
  triage_level: TriageLevel;
  triage_since: Date | string | null;
  triage_reasons: string[];
  last_concern_at: Date | string | null;
  status: 'enrolled' | 'disenrolled';
  contact_window: ContactWindow | null;
  paused_at: Date | string | null;
  paused_until: Date | string | null;
  unanswered_contacts: number;
  unreachable_at: Date | string | null;
  last_reply_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export const toPatient = (row: PatientRow): Patient => ({
  id: row.id,
  practiceId: row.practice_id,
  coordinatorId: row.coordinator_id,
  firstName: row.first_name,
  lastName: row.last_name,
  phone: row.phone,
  dateOfBirth: row.date_of_birth,
  mrn: row.mrn,
  timezone: row.timezone,
  language: row.language,
  preferredChannel: row.preferred_channel,
  conditions: row.conditions,
  consent: {
    status: row.consent_status,
    method: row.consent_method,
    recordedAt: toIso(row.consent_recorded_at),
    recordedBy: row.consent_recorded_by,
  },
  smsOptedOutAt: toIsoOrNull(row.sms_opted_out_at),
  phoneInvalidAt: toIsoOrNull(row.phone_invalid_at),
  email: row.email,
  emailConsent: row.email_consent,
  emailFullConsent: row.email_full_consent,
  emailOptedOutAt: toIsoOrNull(row.email_opted_out_at),
  emailBouncedAt: toIsoOrNull(row.email_bounced_at),
  triage: { level: row.triage_level, since: toIsoOrNull(row.triage_since), reasons: row.triage_reasons },
  lastConcernAt: toIsoOrNull(row.last_concern_at),
  status: row.status,
  contactWindow: row.contact_window,
  pausedAt: toIsoOrNull(row.paused_at),
  pausedUntil: toIsoOrNull(row.paused_until),
  unansweredContacts: row.unanswered_contacts,
  unreachableAt: toIsoOrNull(row.unreachable_at),
  lastReplyAt: toIsoOrNull(row.last_reply_at),
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

/** Column for each updatable field: the only names that ever reach SQL text. */
const COLUMNS: Record<Exclude<keyof PatientFields, 'consent'>, string> = {
  coordinatorId: 'coordinator_id',
  firstName: 'first_name',
  lastName: 'last_name',
  phone: 'phone',
  dateOfBirth: 'date_of_birth',
  mrn: 'mrn',
  timezone: 'timezone',
  language: 'language',
  preferredChannel: 'preferred_channel',
  conditions: 'conditions',
  status: 'status',
  contactWindow: 'contact_window',
  email: 'email',
  emailConsent: 'email_consent',
  emailFullConsent: 'email_full_consent',
};

function columnValues(fields: Partial<PatientFields>): Array<[string, unknown]> {
  const pairs: Array<[string, unknown]> = [];
  for (const [field, column] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, string]>) {
    if (fields[field] !== undefined) pairs.push([column, fields[field]]);
  }
  if (fields.consent) {
    pairs.push(
      ['consent_status', fields.consent.status],
      ['consent_method', fields.consent.method],
      ['consent_recorded_at', fields.consent.recordedAt],
      ['consent_recorded_by', fields.consent.recordedBy],
    );
  }
  return pairs;
}

/**
 * Enrols a patient; returns null when the practice already has a patient with
 * this phone (nothing is written, and a surrounding transaction stays usable).
 */
export async function insertPatient(db: Queryable, practiceId: string, fields: PatientFields, enrolledAt: Date): Promise<Patient | null> {
  const pairs: Array<[string, unknown]> = [...columnValues(fields), ['created_at', enrolledAt], ['updated_at', enrolledAt]];
  const columns = ['practice_id', ...pairs.map(([column]) => column)];
  const placeholders = columns.map((_, i) => `$${i + 1}`);
  const { rows } = await db.query<PatientRow>(
    `INSERT INTO patients (${columns.join(', ')}) VALUES (${placeholders.join(', ')})
     ON CONFLICT (practice_id, phone) DO NOTHING RETURNING *`,
    [practiceId, ...pairs.map(([, value]) => value)],
  );
  return rows[0] ? toPatient(rows[0]) : null;
}

/** Applies the given fields; returns null when the patient does not exist. */
export async function updatePatient(db: Queryable, id: string, fields: Partial<PatientFields>, at: Date): Promise<Patient | null> {
  const pairs: Array<[string, unknown]> = [...columnValues(fields), ['updated_at', at]];
  const sets = pairs.map(([column], i) => `${column} = $${i + 2}`);
  const { rows } = await db.query<PatientRow>(
    `UPDATE patients SET ${sets.join(', ')} WHERE id = $1 RETURNING *`,
    [id, ...pairs.map(([, value]) => value)],
  );
  return rows[0] ? toPatient(rows[0]) : null;
}

export async function findPatient(db: Queryable, id: string): Promise<Patient | null> {
  const { rows } = await db.query<PatientRow>('SELECT * FROM patients WHERE id = $1', [id]);
  return rows[0] ? toPatient(rows[0]) : null;
}

/** Locks several patients for the rest of the transaction, in id order (so two batches never deadlock). */
export async function lockPatients(db: Queryable, ids: readonly string[]): Promise<Map<string, Patient>> {
  const { rows } = await db.query<PatientRow>('SELECT * FROM patients WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE', [ids]);
  return new Map(rows.map((row) => [row.id, toPatient(row)]));
}

export async function findPatients(db: Queryable, ids: readonly string[]): Promise<Patient[]> {
  const { rows } = await db.query<PatientRow>('SELECT * FROM patients WHERE id = ANY($1)', [ids]);
  return rows.map(toPatient);
}

/**
 * Locks the patient's row for the rest of the transaction: one patient's
 * events are handled one at a time. NO KEY UPDATE, because rows that merely
 * reference the patient (a new message's foreign key) must not wait on it,
 * or two texts arriving together deadlock.
 */
export async function lockPatient(db: Queryable, id: string): Promise<Patient | null> {
  const { rows } = await db.query<PatientRow>('SELECT * FROM patients WHERE id = $1 FOR NO KEY UPDATE', [id]);
  return rows[0] ? toPatient(rows[0]) : null;
}

export async function findPatientByPhone(db: Queryable, practiceId: string, phone: string): Promise<Patient | null> {
  const { rows } = await db.query<PatientRow>('SELECT * FROM patients WHERE practice_id = $1 AND phone = $2', [
    practiceId,
    phone,
  ]);
  return rows[0] ? toPatient(rows[0]) : null;
}

/** The practice's patient with this medical record number, if any. */
export async function findPatientByMrn(db: Queryable, practiceId: string, mrn: string): Promise<Patient | null> {
  const { rows } = await db.query<PatientRow>('SELECT * FROM patients WHERE practice_id = $1 AND mrn = $2', [practiceId, mrn]);
  return rows[0] ? toPatient(rows[0]) : null;
}

export interface PatientPage {
  patients: Patient[];
  /** The id to pass back as `after` for the next page; null on the last page. */
  next: string | null;
}

/**
 * A page of a practice's patients in enrolment order. Keyset paging on the
 * last patient seen keeps pages stable while patients are being added.
 */
export async function listPatients(
  db: Queryable,
  practiceId: string,
  options: { limit: number; after?: string | undefined },
): Promise<PatientPage> {
  const { rows } = await db.query<PatientRow>(
    `SELECT * FROM patients
     WHERE practice_id = $1
       AND ($2::uuid IS NULL OR seq > (SELECT seq FROM patients WHERE id = $2::uuid AND practice_id = $1))
     ORDER BY seq LIMIT $3`,
    [practiceId, options.after ?? null, options.limit + 1],
  );
  const patients = rows.slice(0, options.limit).map(toPatient);
  return { patients, next: rows.length > options.limit ? (patients.at(-1)?.id ?? null) : null };
}

/** Every patient of a practice, in enrolment order (for work over the whole panel). */
export async function listAllPatients(db: Queryable, practiceId: string): Promise<Patient[]> {
  const { rows } = await db.query<PatientRow>('SELECT * FROM patients WHERE practice_id = $1 ORDER BY seq', [practiceId]);
  return rows.map(toPatient);
}

export async function setOptedOut(db: Queryable, id: string, optedOut: boolean, at: Date): Promise<void> {
  await db.query(
    `UPDATE patients SET sms_opted_out_at = CASE WHEN $2 THEN coalesce(sms_opted_out_at, $3) END,
       updated_at = $3 WHERE id = $1`,
    [id, optedOut, at],
  );
}

/** Pauses automated outreach until `until` (null: until resumed), or resumes it (`pause` null). */
export async function setPause(db: Queryable, id: string, pause: { until: Date | null } | null, at: Date): Promise<Patient | null> {
  const { rows } = await db.query<PatientRow>(
    `UPDATE patients SET paused_at = CASE WHEN $2 THEN $4::timestamptz END, paused_until = $3, updated_at = $4 WHERE id = $1 RETURNING *`,
    [id, pause !== null, pause?.until ?? null, at],
  );
  return rows[0] ? toPatient(rows[0]) : null;
}

/** SQL: what a reply from the patient sets (at `at`), here and where a text is stored (store/inbound-context.ts). */
export const replyNotedSql = (at: string) => `last_reply_at = ${at}, unanswered_contacts = 0, unreachable_at = NULL`;

/**
 * The patient wrote or answered: the unanswered count starts again and an
 * unreachable patient is reachable. Returns whether they were unreachable.
 */
export async function noteReply(db: Queryable, id: string, at: Date): Promise<boolean> {
  const { rows } = await db.query<{ was: boolean }>(
    `UPDATE patients p SET ${replyNotedSql('$2')}
     FROM (SELECT unreachable_at IS NOT NULL AS was FROM patients WHERE id = $1) before
     WHERE p.id = $1 RETURNING before.was`,
    [id, at],
  );
  return rows[0]?.was ?? false;
}

/**
 * An automated contact went unanswered: counts it, and marks the patient
 * unreachable at `limit`. Returns whether this made them unreachable.
 */
export async function noteUnanswered(db: Queryable, id: string, limit: number, at: Date): Promise<boolean> {
  const { rows } = await db.query<{ became: boolean }>(
    `UPDATE patients SET unanswered_contacts = unanswered_contacts + 1,
       unreachable_at = CASE WHEN unreachable_at IS NULL AND unanswered_contacts + 1 >= $2 THEN $3 ELSE unreachable_at END
     WHERE id = $1 RETURNING unreachable_at = $3 AS became`,
    [id, limit, at],
  );
  return rows[0]?.became ?? false;
}

/** The patient stopped emails (`true`), or staff recorded that they want them again (`false`). */
export async function setEmailOptedOut(db: Queryable, id: string, optedOut: boolean, at: Date): Promise<void> {
  await db.query(
    `UPDATE patients SET email_opted_out_at = CASE WHEN $2 THEN coalesce(email_opted_out_at, $3) END, updated_at = $3 WHERE id = $1`,
    [id, optedOut, at],
  );
}

/**
 * The mail server refused `address` for good: marked only while it is still
 * the patient's address (not one corrected since). Returns whether it was.
 */
export async function markEmailBounced(db: Queryable, id: string, address: string, at: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE patients SET email_bounced_at = coalesce(email_bounced_at, $3), updated_at = $3 WHERE id = $1 AND email = $2',
    [id, address, at],
  );
  return (rowCount ?? 0) > 0;
}

/** A new address (or none): the old one's bounce no longer applies. */
export async function clearEmailBounce(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE patients SET email_bounced_at = NULL WHERE id = $1', [id]);
}

export async function markPhoneInvalid(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('UPDATE patients SET phone_invalid_at = coalesce(phone_invalid_at, $2), updated_at = $2 WHERE id = $1', [id, at]);
}

/**
 * A practice's patients whose name (first, last, or "first last") or phone
 * digits contain what was typed, by last name; at most `limit`.
 */
export async function searchPatients(db: Queryable, practiceId: string, typed: string, limit: number): Promise<Patient[]> {
  const words = typed.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4);
  const digits = typed.replace(/\D/g, '');
  if (words.length === 0) return [];
  // Every word must match a part of the name; or the digits a part of the phone.
  const { rows } = await db.query<PatientRow>(
    `SELECT * FROM patients
      WHERE practice_id = $1
        AND ((SELECT bool_and(lower(first_name || ' ' || last_name) LIKE '%' || replace(replace(replace(w, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
                FROM unnest($2::text[]) AS w)
             OR (length($3) >= 4 AND phone LIKE '%' || $3 || '%'))
      ORDER BY lower(last_name), lower(first_name), seq LIMIT $4`,
    [practiceId, words, digits, limit],
  );
  return rows.map(toPatient);
}
