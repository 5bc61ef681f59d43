/**
 * The outreach plan as stored: one row per contact, named by its slot, so a
 * contact planned twice (a restart, two instances, a re-plan) exists once.
 */
import type { Channel, ChoiceReason, OutreachKind, PlannedContact } from '../planning/index.js';
import { toIso, type Queryable } from './sql.js';

export type OutreachStatus = 'planned' | 'started' | 'skipped' | 'cancelled' | 'late';

export interface OutreachRow {
  id: string;
  practiceId: string;
  patientId: string;
  kind: OutreachKind;
  flow: PlannedContact['flow'];
  medicationId: string | null;
  slot: string;
  /** When the plan said it goes. */
  plannedFor: string;
  /** When it goes: later than planned when it waited for another conversation to end. */
  dueAt: string;
  status: OutreachStatus;
  reason: string | null;
  conversationId: string | null;
  /** The channel chosen for it; null: the patient's own. */
  channel: Channel | null;
  /** Why that channel and hour (null for contacts planned without a choice). */
  channelReason: ChoiceReason | null;
}

interface Row {
  id: string;
  practice_id: string;
  patient_id: string;
  kind: OutreachKind;
  flow: PlannedContact['flow'];
  medication_id: string | null;
  slot: string;
  planned_for: Date | string;
  due_at: Date | string;
  status: OutreachStatus;
  reason: string | null;
  conversation_id: string | null;
  channel: Channel | null;
  channel_reason: ChoiceReason | null;
}

const toOutreach = (row: Row): OutreachRow => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  kind: row.kind,
  flow: row.flow,
  medicationId: row.medication_id,
  slot: row.slot,
  plannedFor: toIso(row.planned_for),
  dueAt: toIso(row.due_at),
  status: row.status,
  reason: row.reason,
  conversationId: row.conversation_id,
  channel: row.channel,
  channelReason: row.channel_reason,
});

/** One patient's contacts to plan. */
export interface PatientContacts {
  practiceId: string;
  patientId: string;
  contacts: readonly PlannedContact[];
}

/**
 * Plans the contacts not planned before (by slot), for many patients in one
 * statement. A contact already planned and not yet due moves to the time and
 * channel planned now (the learned hour changed), unless it is waiting for
 * another conversation to end. Returns the distinct due times added or moved.
 */
export async function planContacts(db: Queryable, batch: readonly PatientContacts[], at: Date): Promise<Date[]> {
  const rows = batch.flatMap((p) => p.contacts.map((c) => ({ p, c })));
  if (rows.length === 0) return [];
  const { rows: added } = await db.query<{ due_at: Date }>(
    `INSERT INTO outreach (practice_id, patient_id, kind, flow, medication_id, slot, planned_for, due_at, channel, channel_reason, created_at, updated_at)
     SELECT practice_id, patient_id, kind, flow, medication_id, slot, due_at, due_at, channel, channel_reason, $10::timestamptz, $10::timestamptz
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::timestamptz[], $8::text[], $9::jsonb[])
       AS planned(practice_id, patient_id, kind, flow, medication_id, slot, due_at, channel, channel_reason)
     ON CONFLICT (patient_id, slot) DO UPDATE SET
       kind = excluded.kind, flow = excluded.flow, planned_for = excluded.due_at, due_at = excluded.due_at,
       channel = excluded.channel, channel_reason = excluded.channel_reason, updated_at = excluded.updated_at
     WHERE outreach.status = 'planned' AND outreach.due_at = outreach.planned_for AND outreach.due_at > $10::timestamptz
       AND (outreach.due_at, outreach.kind, outreach.channel, outreach.channel_reason)
           IS DISTINCT FROM (excluded.due_at, excluded.kind, excluded.channel, excluded.channel_reason)
     RETURNING due_at`,
    [
      rows.map((r) => r.p.practiceId),
      rows.map((r) => r.p.patientId),
      rows.map((r) => r.c.kind),
      rows.map((r) => r.c.flow),
      rows.map((r) => r.c.medicationId ?? null),
      rows.map((r) => r.c.slot),
      rows.map((r) => r.c.at),
      rows.map((r) => r.c.channel ?? null),
      rows.map((r) => (r.c.reason ? JSON.stringify(r.c.reason) : null)),
      at,
    ],
  );
  return [...new Set(added.map((r) => new Date(r.due_at).getTime()))].map((t) => new Date(t));
}

const ALL_KINDS: readonly OutreachKind[] = ['check_in', 'reminder', 'refill_prompt', 'questionnaire', 'summary'];

/**
 * Forgets contacts still planned (of `kinds`, all by default): the patient
 * opted out, paused or changed, or the cadence changed. Plans are not records:
 * planning again brings back what applies then. What was sent stays.
 */
export async function unplan(db: Queryable, scope: { patientId?: string; practiceId?: string; kinds?: readonly OutreachKind[] }): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM outreach WHERE status = 'planned' AND kind = ANY($3)
       AND ($1::uuid IS NULL OR patient_id = $1) AND ($2::uuid IS NULL OR practice_id = $2)`,
    [scope.patientId ?? null, scope.practiceId ?? null, scope.kinds ?? ALL_KINDS],
  );
  return rowCount ?? 0;
}

/**
 * Takes up to `limit` contacts of the practice that are due, locked for the
 * rest of the transaction; another worker or instance skips them.
 */
export async function claimDueContacts(db: Queryable, practiceId: string, now: Date, limit: number): Promise<OutreachRow[]> {
  const { rows } = await db.query<Row>({
    name: 'claim-due-outreach',
    text: `SELECT * FROM outreach WHERE practice_id = $1 AND status = 'planned' AND due_at <= $2
           ORDER BY due_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
    values: [practiceId, now, limit],
  });
  return rows.map(toOutreach);
}

export interface Settlement {
  id: string;
  status: Exclude<OutreachStatus, 'planned'>;
  reason: string | null;
  conversationId: string | null;
}

/** Records what became of each contact. */
export async function settleContacts(db: Queryable, settlements: readonly Settlement[], at: Date): Promise<void> {
  if (settlements.length === 0) return;
  await db.query(
    `UPDATE outreach o SET status = s.status, reason = s.reason, conversation_id = s.conversation_id, updated_at = $5
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) AS s(id, status, reason, conversation_id) WHERE o.id = s.id`,
    [settlements.map((s) => s.id), settlements.map((s) => s.status), settlements.map((s) => s.reason), settlements.map((s) => s.conversationId), at],
  );
}

/** A contact moved later: the patient is in another conversation until then. */
export interface Deferral {
  id: string;
  dueAt: Date;
}

/** Moves each contact later, in one statement. */
export async function deferContacts(db: Queryable, deferrals: readonly Deferral[], at: Date): Promise<void> {
  if (deferrals.length === 0) return;
  await db.query(
    `UPDATE outreach o SET due_at = d.due_at, updated_at = $3
     FROM unnest($1::uuid[], $2::timestamptz[]) AS d(id, due_at) WHERE o.id = d.id`,
    [deferrals.map((d) => d.id), deferrals.map((d) => d.dueAt), at],
  );
}

/** The patient's contacts due in [from, to), oldest first. */
export async function listPatientContacts(db: Queryable, patientId: string, from: Date, to: Date): Promise<OutreachRow[]> {
  const { rows } = await db.query<Row>(
    'SELECT * FROM outreach WHERE patient_id = $1 AND due_at >= $2 AND due_at < $3 ORDER BY due_at, slot',
    [patientId, from, to],
  );
  return rows.map(toOutreach);
}

export interface ContactAttempt {
  at: string;
  kind: OutreachKind;
  /** started: how its conversation ended ('completed', 'timed_out', ... or 'active'); otherwise why it was not sent. */
  outcome: string;
}

/** The last few contacts the service made or tried with each patient, newest first (for the call list). */
export async function recentContacts(db: Queryable, patientIds: readonly string[], now: Date, perPatient = 3): Promise<Map<string, ContactAttempt[]>> {
  const { rows } = await db.query<{ patient_id: string; due_at: Date; kind: OutreachKind; status: OutreachStatus; reason: string | null; conversation_status: string | null }>(
    `SELECT * FROM (
       SELECT o.patient_id, o.due_at, o.kind, o.status, o.reason, c.status AS conversation_status,
              row_number() OVER (PARTITION BY o.patient_id ORDER BY o.due_at DESC) AS n
       FROM outreach o LEFT JOIN conversations c ON c.id = o.conversation_id
       WHERE o.patient_id = ANY($1) AND o.due_at <= $2 AND o.status <> 'planned'
     ) recent WHERE n <= $3 ORDER BY due_at DESC`,
    [patientIds, now, perPatient],
  );
  const byPatient = new Map<string, ContactAttempt[]>();
  for (const row of rows) {
    const outcome = row.status === 'started' ? (row.conversation_status ?? 'started') : `${row.status}${row.reason ? `: ${row.reason}` : ''}`;
    byPatient.set(row.patient_id, [...(byPatient.get(row.patient_id) ?? []), { at: toIso(row.due_at), kind: row.kind, outcome }]);
  }
  return byPatient;
}

/** Takes the patient's planned check-in (or refill question) due by `until`, if any: a patient who calls in does it now. */
export async function takeDueCheckIn(db: Queryable, patientId: string, until: Date): Promise<OutreachRow | null> {
  const { rows } = await db.query<Row>(
    `SELECT * FROM outreach WHERE patient_id = $1 AND status = 'planned' AND kind IN ('check_in', 'refill_prompt') AND due_at <= $2
     ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [patientId, until],
  );
  return rows[0] ? toOutreach(rows[0]) : null;
}
