import { toIso, type Queryable } from './sql.js';

export interface Medication {
  id: string;
  patientId: string;
  name: string;
  dose: string;
  /** Local times of day, 'HH:MM'. */
  times: string[];
  refillDueOn: string | null;
  active: boolean;
  /** A reminder text at each dose time. */
  reminders: boolean;
  createdAt: string;
}

export interface NewMedication {
  name: string;
  dose: string;
  times: string[];
  refillDueOn?: string | undefined;
  reminders?: boolean | undefined;
}

export interface MedicationRow {
  id: string;
  patient_id: string;
  name: string;
  dose: string;
  times: string[];
  refill_due_on: string | null;
  active: boolean;
  reminders: boolean;
  /** A Date from a column; text inside row_to_json / json_agg. */
  created_at: Date | string;
}

export const toMedication = (row: MedicationRow): Medication => ({
  id: row.id,
  patientId: row.patient_id,
  name: row.name,
  dose: row.dose,
  times: row.times,
  refillDueOn: row.refill_due_on,
  active: row.active,
  reminders: row.reminders,
  createdAt: toIso(row.created_at),
});

export async function insertMedication(db: Queryable, patientId: string, m: NewMedication): Promise<Medication> {
  const { rows } = await db.query<MedicationRow>(
    `INSERT INTO medications (patient_id, name, dose, times, refill_due_on, reminders)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [patientId, m.name, m.dose, m.times, m.refillDueOn ?? null, m.reminders ?? true],
  );
  return toMedication(rows[0]!);
}

export async function listMedications(db: Queryable, patientId: string): Promise<Medication[]> {
  const { rows } = await db.query<MedicationRow>(
    'SELECT * FROM medications WHERE patient_id = $1 ORDER BY created_at, id',
    [patientId],
  );
  return rows.map(toMedication);
}

/** The medications of several patients at once, by patient. */
export async function listMedicationsOf(db: Queryable, patientIds: readonly string[]): Promise<Map<string, Medication[]>> {
  const { rows } = await db.query<MedicationRow>('SELECT * FROM medications WHERE patient_id = ANY($1) ORDER BY created_at, id', [
    patientIds,
  ]);
  const byPatient = new Map<string, Medication[]>(patientIds.map((id) => [id, []]));
  for (const row of rows) byPatient.get(row.patient_id)?.push(toMedication(row));
  return byPatient;
}

export async function findMedication(db: Queryable, patientId: string, id: string): Promise<Medication | null> {
  const { rows } = await db.query<MedicationRow>('SELECT * FROM medications WHERE patient_id = $1 AND id = $2', [
    patientId,
    id,
  ]);
  return rows[0] ? toMedication(rows[0]) : null;
}

export interface MedicationChanges {
  dose?: string | undefined;
  times?: string[] | undefined;
  /** null clears it */
  refillDueOn?: string | null | undefined;
  active?: boolean | undefined;
  reminders?: boolean | undefined;
}

/** Applies the changes; null when the patient has no such medication. */
export async function updateMedication(db: Queryable, patientId: string, id: string, c: MedicationChanges, at: Date): Promise<Medication | null> {
  const { rows } = await db.query<MedicationRow>(
    `UPDATE medications SET dose = coalesce($3, dose), times = coalesce($4, times),
       refill_due_on = CASE WHEN $5 THEN $6::date ELSE refill_due_on END, active = coalesce($7, active),
       reminders = coalesce($8, reminders), updated_at = $9
     WHERE patient_id = $1 AND id = $2 RETURNING *`,
    [patientId, id, c.dose ?? null, c.times ?? null, c.refillDueOn !== undefined, c.refillDueOn ?? null, c.active ?? null, c.reminders ?? null, at],
  );
  return rows[0] ? toMedication(rows[0]) : null;
}
