/**
 * Patients' appointments (when, with whom, where). Never deleted: cancelling
 * marks the row, so what a record once said stays explainable.
 */
import { DateTime } from 'luxon';
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export type AppointmentStatus = 'scheduled' | 'cancelled';
/** How it was entered: the API, the web app, or a CSV file. */
export type AppointmentSource = 'api' | 'app' | 'csv';

export interface Appointment {
  id: string;
  practiceId: string;
  patientId: string;
  /** The instant it starts, ISO (UTC). */
  startsAt: string;
  /** The IANA zone it was entered in and is shown in. */
  timezone: string;
  /** The wall-clock start in `timezone`, 'YYYY-MM-DDTHH:MM': the form the API and the app take it in. */
  localStartsAt: string;
  withWhom: string;
  location: string;
  purpose: string | null;
  status: AppointmentStatus;
  source: AppointmentSource;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  cancelledBy: string | null;
  cancelledAt: string | null;
}

interface AppointmentRow {
  id: string;
  practice_id: string;
  patient_id: string;
  starts_at: Date;
  timezone: string;
  with_whom: string;
  location: string;
  purpose: string | null;
  status: AppointmentStatus;
  source: AppointmentSource;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  cancelled_by: string | null;
  cancelled_at: Date | null;
}

const toAppointment = (row: AppointmentRow): Appointment => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  startsAt: toIso(row.starts_at),
  timezone: row.timezone,
  localStartsAt: DateTime.fromJSDate(row.starts_at, { zone: row.timezone }).toFormat("yyyy-MM-dd'T'HH:mm"),
  withWhom: row.with_whom,
  location: row.location,
  purpose: row.purpose,
  status: row.status,
  source: row.source,
  createdBy: row.created_by,
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
  cancelledBy: row.cancelled_by,
  cancelledAt: toIsoOrNull(row.cancelled_at),
});

export interface NewAppointment {
  practiceId: string;
  patientId: string;
  startsAt: Date;
  timezone: string;
  withWhom: string;
  location: string;
  purpose: string | null;
  source: AppointmentSource;
  createdBy: string;
}

export async function insertAppointment(db: Queryable, a: NewAppointment, at: Date): Promise<Appointment> {
  const { rows } = await db.query<AppointmentRow>(
    `INSERT INTO appointments (practice_id, patient_id, starts_at, timezone, with_whom, location, purpose, source, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING *`,
    [a.practiceId, a.patientId, a.startsAt, a.timezone, a.withWhom, a.location, a.purpose, a.source, a.createdBy, at],
  );
  return toAppointment(rows[0]!);
}

/** The patient's appointment; `lock` holds it until the transaction ends (a change and a cancel at once wait for each other). */
export async function findAppointment(db: Queryable, patientId: string, id: string, { lock = false } = {}): Promise<Appointment | null> {
  const { rows } = await db.query<AppointmentRow>(`SELECT * FROM appointments WHERE patient_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [patientId, id]);
  return rows[0] ? toAppointment(rows[0]) : null;
}

/**
 * A scheduled appointment of the patient at this instant with this person
 * (compared without case or outer spaces): a CSV file sent twice adds nothing twice.
 */
export async function findSameAppointment(db: Queryable, patientId: string, startsAt: Date, withWhom: string): Promise<Appointment | null> {
  const { rows } = await db.query<AppointmentRow>(
    `SELECT * FROM appointments WHERE patient_id = $1 AND starts_at = $2 AND status = 'scheduled' AND lower(btrim(with_whom)) = lower(btrim($3))
      ORDER BY created_at LIMIT 1`,
    [patientId, startsAt, withWhom],
  );
  return rows[0] ? toAppointment(rows[0]) : null;
}

export interface AppointmentChanges {
  startsAt?: Date | undefined;
  /** Set with startsAt: the zone the new time was read in. */
  timezone?: string | undefined;
  withWhom?: string | undefined;
  location?: string | undefined;
  /** null clears it */
  purpose?: string | null | undefined;
}

export async function updateAppointment(db: Queryable, patientId: string, id: string, c: AppointmentChanges, at: Date): Promise<Appointment | null> {
  const { rows } = await db.query<AppointmentRow>(
    `UPDATE appointments SET starts_at = coalesce($3, starts_at), timezone = coalesce($4, timezone), with_whom = coalesce($5, with_whom),
       location = coalesce($6, location), purpose = CASE WHEN $7 THEN $8 ELSE purpose END, updated_at = $9
     WHERE patient_id = $1 AND id = $2 RETURNING *`,
    [patientId, id, c.startsAt ?? null, c.timezone ?? null, c.withWhom ?? null, c.location ?? null, c.purpose !== undefined, c.purpose ?? null, at],
  );
  return rows[0] ? toAppointment(rows[0]) : null;
}

/** Marks a scheduled appointment cancelled, by whom and when; null when there is no scheduled one by that id. */
export async function markAppointmentCancelled(db: Queryable, patientId: string, id: string, by: string, at: Date): Promise<Appointment | null> {
  const { rows } = await db.query<AppointmentRow>(
    `UPDATE appointments SET status = 'cancelled', cancelled_by = $3, cancelled_at = $4, updated_at = $4
      WHERE patient_id = $1 AND id = $2 AND status = 'scheduled' RETURNING *`,
    [patientId, id, by, at],
  );
  return rows[0] ? toAppointment(rows[0]) : null;
}

/** At most this many upcoming appointments are read per patient: more is a list nobody reads. */
export const UPCOMING_LIMIT = 50;

/** The patient's scheduled appointments that start at `now` or later, soonest first. */
export async function upcomingAppointments(db: Queryable, patientId: string, now: Date, limit = UPCOMING_LIMIT): Promise<Appointment[]> {
  const { rows } = await db.query<AppointmentRow>(
    `SELECT * FROM appointments WHERE patient_id = $1 AND status = 'scheduled' AND starts_at >= $2 ORDER BY starts_at, id LIMIT $3`,
    [patientId, now, limit],
  );
  return rows.map(toAppointment);
}

/** The upcoming appointments of several patients at once (a practice's summaries), by patient, soonest first. */
export async function upcomingAppointmentsOf(db: Queryable, patientIds: readonly string[], now: Date): Promise<Map<string, Appointment[]>> {
  const { rows } = await db.query<AppointmentRow>(
    `SELECT * FROM appointments WHERE patient_id = ANY($1::uuid[]) AND status = 'scheduled' AND starts_at >= $2 ORDER BY starts_at, id`,
    [patientIds, now],
  );
  const byPatient = new Map<string, Appointment[]>(patientIds.map((id) => [id, []]));
  for (const row of rows) {
    const list = byPatient.get(row.patient_id);
    if (list && list.length < UPCOMING_LIMIT) list.push(toAppointment(row));
  }
  return byPatient;
}

/** Every appointment of the patient that starts in [from, to), cancelled ones included, oldest first. */
export async function appointmentsIn(db: Queryable, patientId: string, period: { from: Date; to: Date }): Promise<Appointment[]> {
  const { rows } = await db.query<AppointmentRow>(
    'SELECT * FROM appointments WHERE patient_id = $1 AND starts_at >= $2 AND starts_at < $3 ORDER BY starts_at, id',
    [patientId, period.from, period.to],
  );
  return rows.map(toAppointment);
}
