/**
 * Enrols patients from a CSV file's rows: the one import the API and the web
 * app both use. Rows go in batches, each its own short transaction in the
 * database's bulk lane, so a 5,000-row file never holds the store while a
 * patient's text waits for a connection. A file cut short (a restart, a lost
 * connection) leaves the batches already done enrolled; sending it again
 * enrols the rest, since a phone the practice has is reported as existing.
 */
import type { z } from 'zod';
import { DomainError } from '../errors.js';
import { recordAccess, type AuditEntry } from '../store/audit.js';
import type { BulkLane } from '../store/bulk.js';
import { findPatientByPhone } from '../store/patients.js';
import type { Queryable } from '../store/sql.js';
import type { CsvRow } from '../api/patients/csv-rows.js';
import { insertEnrolment, toPatientFields } from '../api/patients/enrollment.js';
import type { NewPatientBody } from '../api/patients/schemas.js';

/** Rows per transaction: long enough to be efficient, short enough (well under a second) that nothing waits long. */
export const IMPORT_BATCH_ROWS = 100;

export interface RowResult {
  line: number;
  status: 'imported' | 'existing' | 'failed';
  patientId?: string;
  errors?: Array<{ field: string; message: string }>;
}

export interface PatientImport {
  practiceId: string;
  rows: CsvRow[];
  /** The enrolment body's schema (it reads the service clock: no birth date in the future). */
  schema: z.ZodType<NewPatientBody>;
  /** Who imports, for the access log: one row per patient enrolled. */
  audit: AuditEntry;
}

export async function importPatients(bulk: BulkLane, input: PatientImport): Promise<RowResult[]> {
  const seen = new Map<string, number>();
  const results: RowResult[] = [];
  for (let start = 0; start < input.rows.length; start += IMPORT_BATCH_ROWS) {
    const batch = input.rows.slice(start, start + IMPORT_BATCH_ROWS);
    const done = await bulk.transaction(async (tx) => {
      const done: RowResult[] = [];
      for (const row of batch) done.push(await importRow(tx, row, { ...input, seen }));
      await recordAccess(tx, input.audit, done.flatMap((r) => (r.status === 'imported' ? [r.patientId!] : [])));
      return done;
    });
    results.push(...done);
  }
  return results;
}

/**
 * Enrols one row. A phone number the practice already has is reported as
 * `existing` and left untouched, so the same file can be imported again
 * (after fixing its bad rows) without creating duplicates.
 */
async function importRow(tx: Queryable, row: CsvRow, { practiceId, schema, seen, audit }: PatientImport & { seen: Map<string, number> }): Promise<RowResult> {
  const parsed = schema.safeParse(row.body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
    return { line: row.line, status: 'failed', errors };
  }
  const firstLine = seen.get(parsed.data.phone);
  if (firstLine !== undefined) {
    return { line: row.line, status: 'failed', errors: [{ field: 'phone', message: `same phone as line ${firstLine}` }] };
  }
  seen.set(parsed.data.phone, row.line);
  const existing = await findPatientByPhone(tx, practiceId, parsed.data.phone);
  if (existing) return { line: row.line, status: 'existing', patientId: existing.id };
  try {
    const patient = await insertEnrolment(tx, practiceId, toPatientFields(parsed.data), audit.at);
    return { line: row.line, status: 'imported', patientId: patient.id };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { line: row.line, status: 'failed', errors: [{ field: error.field ?? 'row', message: error.detail }] };
  }
}
