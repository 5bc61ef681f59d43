/**
 * Adds appointments from a CSV file (admins, like the patient import): each
 * row is checked as the API checks one appointment and added for the patient
 * it names. A row already on the books (same patient, same start, same
 * person) is reported as existing, so the weekly export can be sent again
 * whole. Rows go in batches, each a short transaction in the bulk lane.
 *
 * Why not columns on the patient import: that import enrols new patients and
 * leaves patients it knows untouched, so an appointment column there would
 * be dropped for nearly every row of a roster already enrolled; and a
 * practice's schedule is a different export, sent weekly, from its roster.
 */
import { DomainError } from '../../errors.js';
import { patientZone } from '../../outreach/index.js';
import { findSameAppointment, insertAppointment } from '../../store/appointments.js';
import { recordAccess, type AuditEntry } from '../../store/audit.js';
import { findPatient, findPatientByPhone, type Patient } from '../../store/patients.js';
import type { Practice } from '../../store/practices.js';
import type { Queryable } from '../../store/sql.js';
import { toE164 } from '../../phone.js';
import { isUuid, practiceFor, writerLabel } from '../access.js';
import { auditEntry, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { appointmentStart } from './appointment-time.js';
import { readAppointmentCsv, type AppointmentCsvRow } from './csv.js';
import { NewAppointmentSchema } from './schemas.js';

const BATCH_ROWS = 100;
const IMPORTED = auditName('appointment.import', 'web.appointment.import');

export interface AppointmentRowResult {
  line: number;
  status: 'imported' | 'existing' | 'failed';
  patientId?: string;
  appointmentId?: string;
  errors?: Array<{ field: string; message: string }>;
}

export interface AppointmentFile {
  text: string;
  /** Columns to leave out, as headed in the file. */
  ignore?: readonly string[] | undefined;
}

interface Batch {
  practice: Practice;
  audit: AuditEntry;
  by: string;
  now: Date;
}

const failed = (line: number, field: string, message: string): AppointmentRowResult => ({ line, status: 'failed', errors: [{ field, message }] });

/** Imports a file's appointments: what became of each line. */
export async function importAppointments(ctx: ActionContext, input: { practiceId: string; readFile(): Promise<AppointmentFile> }): Promise<AppointmentRowResult[]> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  const { text, ignore } = await input.readFile();
  const rows = readAppointmentCsv(text, ignore);
  const batch: Batch = { practice, audit: auditEntry(ctx, IMPORTED, practice.id), by: writerLabel(ctx.actor), now: ctx.at };
  const results: AppointmentRowResult[] = [];
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const done = await ctx.db.bulk.transaction(async (tx) => {
      const done: AppointmentRowResult[] = [];
      for (const row of rows.slice(start, start + BATCH_ROWS)) done.push(await importRow(tx, row, batch));
      const touched = new Set(done.flatMap((r) => (r.status === 'imported' ? [r.patientId!] : [])));
      await recordAccess(tx, batch.audit, [...touched]);
      return done;
    });
    results.push(...done);
  }
  return results;
}

/** The row's patient: by id, else by phone; another practice's patient is not found, as everywhere. */
async function patientOf(tx: Queryable, row: AppointmentCsvRow, practiceId: string): Promise<Patient | { field: string; message: string }> {
  if (row.patientId) {
    const patient = isUuid(row.patientId) ? await findPatient(tx, row.patientId) : null;
    return patient?.practiceId === practiceId ? patient : { field: 'patientId', message: 'no patient with this id at this practice' };
  }
  if (!row.phone) return { field: 'phone', message: 'give the patient: a Patient Id or the Phone they are enrolled with' };
  const phone = toE164(row.phone);
  if (!phone) return { field: 'phone', message: 'is not a valid phone number' };
  return (await findPatientByPhone(tx, practiceId, phone)) ?? { field: 'phone', message: 'no patient of this practice has this phone number' };
}

async function importRow(tx: Queryable, row: AppointmentCsvRow, { practice, by, now }: Batch): Promise<AppointmentRowResult> {
  const patient = await patientOf(tx, row, practice.id);
  if (!('id' in patient)) return failed(row.line, patient.field, patient.message);
  const parsed = NewAppointmentSchema.safeParse(row.body);
  if (row.problems || !parsed.success) {
    const found = row.problems ?? [];
    const issues = (parsed.error?.issues ?? []).map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
    return { line: row.line, status: 'failed', patientId: patient.id, errors: [...found, ...issues.filter((i) => !found.some((f) => f.field === i.field))] };
  }
  const zone = patientZone(practice, patient);
  let startsAt: Date;
  try {
    startsAt = appointmentStart(parsed.data.startsAt, zone, now);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ...failed(row.line, error.field ?? 'startsAt', error.detail), patientId: patient.id };
  }
  const { withWhom, location, purpose } = parsed.data;
  const same = await findSameAppointment(tx, patient.id, startsAt, withWhom);
  if (same) return { line: row.line, status: 'existing', patientId: patient.id, appointmentId: same.id };
  const created = await insertAppointment(
    tx,
    { practiceId: practice.id, patientId: patient.id, startsAt, timezone: zone, withWhom, location, purpose: purpose ?? null, source: 'csv', createdBy: by },
    now,
  );
  return { line: row.line, status: 'imported', patientId: patient.id, appointmentId: created.id };
}
