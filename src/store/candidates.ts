/**
 * Candidates: patients a practice may offer CCM to, not enrolled yet
 * (migration 023). Where each one's invitation stands, and the patient they
 * became once they consented.
 */
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export type CallReason = 'no_answer' | 'consent_unsigned' | 'asked_for_call' | 'voice_interest';

export type CandidateState = 'listed' | 'invited' | 'interested' | 'consented' | 'declined' | 'opted_out' | 'no_answer';

/** What a practice gives for each candidate (its list, the API, the app's form). */
export interface CandidateFields {
  firstName: string;
  lastName: string;
  phone: string;
  phoneType: 'mobile' | 'landline' | 'unknown';
  dateOfBirth: string | null;
  mrn: string | null;
  email: string | null;
  language: 'en' | 'es';
  preferredChannel: 'sms' | 'voice';
  timezone: string | null;
  conditions: string[];
  billingPractitionerId: string;
  /** ISO date (yyyy-mm-dd) of the last visit with the practice; null when never seen. */
  lastVisitOn: string | null;
}

export interface Candidate extends CandidateFields {
  id: string;
  practiceId: string;
  state: CandidateState;
  campaignId: string | null;
  invitedAt: string | null;
  reachedAt: string | null;
  interestedAt: string | null;
  declinedAt: string | null;
  declinedHow: string | null;
  optedOutAt: string | null;
  noAnswerAt: string | null;
  consentedAt: string | null;
  /** On the call list for a person to call, and why (see migration 023). */
  callReason: CallReason | null;
  callListedAt: string | null;
  /** The last call from the call list that settled nothing (no answer, a message left). */
  lastCall: { at: string; by: string; note: string | null } | null;
  patientId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

interface CandidateRow {
  id: string;
  practice_id: string;
  first_name: string;
  last_name: string;
  phone: string;
  phone_type: CandidateFields['phoneType'];
  date_of_birth: Date | string | null;
  mrn: string | null;
  email: string | null;
  language: 'en' | 'es';
  preferred_channel: 'sms' | 'voice';
  timezone: string | null;
  conditions: string[];
  billing_practitioner_id: string;
  last_visit_on: Date | string | null;
  state: CandidateState;
  campaign_id: string | null;
  invited_at: Date | string | null;
  reached_at: Date | string | null;
  interested_at: Date | string | null;
  declined_at: Date | string | null;
  declined_how: string | null;
  opted_out_at: Date | string | null;
  no_answer_at: Date | string | null;
  consented_at: Date | string | null;
  call_reason: CallReason | null;
  call_listed_at: Date | string | null;
  last_called_at: Date | string | null;
  last_called_by: string | null;
  last_call_note: string | null;
  patient_id: string | null;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
}

/** A date column as yyyy-mm-dd, whichever way the driver gives it. */
const toDay = (value: Date | string | null): string | null =>
  value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

const toCandidate = (row: CandidateRow): Candidate => ({
  id: row.id,
  practiceId: row.practice_id,
  firstName: row.first_name,
  lastName: row.last_name,
  phone: row.phone,
  phoneType: row.phone_type,
  dateOfBirth: toDay(row.date_of_birth),
  mrn: row.mrn,
  email: row.email,
  language: row.language,
  preferredChannel: row.preferred_channel,
  timezone: row.timezone,
  conditions: row.conditions,
  billingPractitionerId: row.billing_practitioner_id,
  lastVisitOn: toDay(row.last_visit_on),
  state: row.state,
  campaignId: row.campaign_id,
  invitedAt: toIsoOrNull(row.invited_at),
  reachedAt: toIsoOrNull(row.reached_at),
  interestedAt: toIsoOrNull(row.interested_at),
  declinedAt: toIsoOrNull(row.declined_at),
  declinedHow: row.declined_how,
  optedOutAt: toIsoOrNull(row.opted_out_at),
  noAnswerAt: toIsoOrNull(row.no_answer_at),
  consentedAt: toIsoOrNull(row.consented_at),
  callReason: row.call_reason,
  callListedAt: toIsoOrNull(row.call_listed_at),
  lastCall: row.last_called_at ? { at: toIso(row.last_called_at), by: row.last_called_by ?? '', note: row.last_call_note } : null,
  patientId: row.patient_id,
  createdBy: row.created_by,
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

/**
 * Adds a candidate; null when the practice already lists this phone (nothing
 * is written, so a surrounding transaction, a CSV batch, stays usable).
 */
export async function insertCandidate(db: Queryable, practiceId: string, f: CandidateFields, createdBy: string, at: Date): Promise<Candidate | null> {
  const { rows } = await db.query<CandidateRow>(
    `INSERT INTO candidates (practice_id, first_name, last_name, phone, phone_type, date_of_birth, mrn, email, language,
       preferred_channel, timezone, conditions, billing_practitioner_id, last_visit_on, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
     ON CONFLICT (practice_id, phone) DO NOTHING RETURNING *`,
    [
      practiceId,
      f.firstName,
      f.lastName,
      f.phone,
      f.phoneType,
      f.dateOfBirth,
      f.mrn,
      f.email,
      f.language,
      f.preferredChannel,
      f.timezone,
      f.conditions,
      f.billingPractitionerId,
      f.lastVisitOn,
      createdBy,
      at,
    ],
  );
  return rows[0] ? toCandidate(rows[0]) : null;
}

export async function findCandidate(db: Queryable, id: string, options: { lock?: boolean } = {}): Promise<Candidate | null> {
  const { rows } = await db.query<CandidateRow>(`SELECT * FROM candidates WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toCandidate(rows[0]) : null;
}

/** The candidate a practice lists at this phone (E.164), locked for the caller's transaction when asked. */
export async function findCandidateByPhone(db: Queryable, practiceId: string, phone: string, options: { lock?: boolean } = {}): Promise<Candidate | null> {
  const { rows } = await db.query<CandidateRow>(
    `SELECT * FROM candidates WHERE practice_id = $1 AND phone = $2${options.lock ? ' FOR UPDATE' : ''}`,
    [practiceId, phone],
  );
  return rows[0] ? toCandidate(rows[0]) : null;
}

export async function findCandidateByMrn(db: Queryable, practiceId: string, mrn: string): Promise<Candidate | null> {
  const { rows } = await db.query<CandidateRow>('SELECT * FROM candidates WHERE practice_id = $1 AND mrn = $2', [practiceId, mrn]);
  return rows[0] ? toCandidate(rows[0]) : null;
}

/** A practice's candidates, newest first; only those in the given states when asked. */
export async function listCandidates(db: Queryable, practiceId: string, options: { states?: readonly CandidateState[]; campaignId?: string } = {}): Promise<Candidate[]> {
  const { rows } = await db.query<CandidateRow>(
    `SELECT * FROM candidates
     WHERE practice_id = $1 AND ($2::text[] IS NULL OR state = ANY($2)) AND ($3::uuid IS NULL OR campaign_id = $3)
     ORDER BY created_at DESC, id`,
    [practiceId, options.states ?? null, options.campaignId ?? null],
  );
  return rows.map(toCandidate);
}

/** What a state change stamps: the new state and, for each, when (and how, for a no). */
export type StateChange =
  | { state: 'invited'; campaignId: string; at: Date }
  | { state: 'interested'; at: Date }
  | { state: 'declined'; how: string; at: Date }
  | { state: 'opted_out'; at: Date }
  | { state: 'no_answer'; at: Date }
  | { state: 'consented'; patientId: string; at: Date };

/**
 * Moves a candidate to a new state and stamps when. A no, an opt-out and a
 * consent are final for a campaign: a later change finds nothing to move
 * (returns null), so a late reminder can never undo them. Only a consent
 * itself (a patient who said no and later tells a coordinator yes) moves
 * past a no or an opt-out.
 */
export async function changeCandidateState(db: Queryable, id: string, change: StateChange): Promise<Candidate | null> {
  const stamp: Record<StateChange['state'], string> = {
    invited: 'invited_at = COALESCE(invited_at, $2), campaign_id = $3',
    interested: 'interested_at = COALESCE(interested_at, $2), reached_at = COALESCE(reached_at, $2)',
    declined: 'declined_at = $2, declined_how = $3, reached_at = COALESCE(reached_at, $2)',
    opted_out: 'opted_out_at = $2',
    no_answer: 'no_answer_at = $2',
    consented: 'consented_at = $2, patient_id = $3, reached_at = COALESCE(reached_at, $2)',
  };
  const extra = change.state === 'invited' ? change.campaignId : change.state === 'declined' ? change.how : change.state === 'consented' ? change.patientId : null;
  const params: unknown[] = [id, change.at, ...(extra === null ? [] : [extra])];
  const { rows } = await db.query<CandidateRow>(
    `UPDATE candidates SET state = '${change.state}', ${stamp[change.state]}, updated_at = $2
     WHERE id = $1 AND state NOT IN (${change.state === 'consented' ? "'consented'" : "'declined', 'opted_out', 'consented'"}) RETURNING *`,
    params,
  );
  return rows[0] ? toCandidate(rows[0]) : null;
}

/** The carrier says their number is a landline: the campaign calls from now on. */
export async function markLandline(db: Queryable, id: string, phone: string, at: Date): Promise<void> {
  await db.query("UPDATE candidates SET phone_type = 'landline', updated_at = $3 WHERE id = $1 AND phone = $2 AND phone_type <> 'landline'", [id, phone, at]);
}

/** A message reached them (delivered, answered): kept once, for the funnel's "reached". */
export async function markReached(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('UPDATE candidates SET reached_at = $2, updated_at = $2 WHERE id = $1 AND reached_at IS NULL', [id, at]);
}

/** Puts the candidate on the call list for a person, with why (kept from the first time: a later reason does not hide it). */
export async function listForCall(db: Queryable, id: string, reason: CallReason, at: Date): Promise<void> {
  await db.query(
    `UPDATE candidates SET call_reason = COALESCE(call_reason, $2), call_listed_at = COALESCE(call_listed_at, $3), updated_at = $3 WHERE id = $1`,
    [id, reason, at],
  );
}

/** A person called and it settled nothing (no answer, a message left): who, what happened, and off the call list. */
export async function recordCall(db: Queryable, id: string, call: { by: string; note: string | null; at: Date }): Promise<void> {
  await db.query(
    `UPDATE candidates SET last_called_at = $2, last_called_by = $3, last_call_note = $4, call_reason = NULL, call_listed_at = NULL, updated_at = $2
     WHERE id = $1`,
    [id, call.at, call.by, call.note],
  );
}

/** They consented, declined or opted out: off the call list. */
export async function clearCall(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('UPDATE candidates SET call_reason = NULL, call_listed_at = NULL, updated_at = $2 WHERE id = $1 AND call_listed_at IS NOT NULL', [id, at]);
}
