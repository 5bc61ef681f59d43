/**
 * Enrols patients from a CSV file's rows: the one import the API and the web
 * app both use. Rows go in batches, each its own short transaction in the
 * database's bulk lane, so a 5,000-row file never holds the store while a
 * patient's text waits for a connection. A file cut short (a restart, a lost
 * connection) leaves the batches already done enrolled; sending it again
 * enrols the rest, since a phone the practice has is reported as existing.
 * A file without consent columns takes consent once for the whole file
 * (file-consent.ts), or is refused once, saying so.
 */
import type { z } from 'zod';
import { DomainError } from '../../errors.js';
import type { AuditEntry } from '../../store/audit.js';
import { recordAccess } from '../../store/audit.js';
import { findPatientByPhone } from '../../store/patients.js';
import type { Queryable } from '../../store/sql.js';
import { practiceFor } from '../access.js';
import { auditEntry, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { readPatientCsv, type CsvOptions, type CsvRow } from './csv-rows.js';
import { insertEnrolment, toPatientFields } from './enrolment.js';
import { newPatientSchema, type NewPatientBody } from './schemas.js';

/** Rows per transaction: long enough to be efficient, short enough (well under a second) that nothing waits long. */
export const IMPORT_BATCH_ROWS = 100;

/** Each enrolled patient gets its row in the access log, in its batch's transaction. */
const IMPORTED = auditName('patient.create', 'web.patient.import');

export interface RowResult {
  line: number;
  status: 'imported' | 'existing' | 'failed';
  patientId?: string;
  errors?: Array<{ field: string; message: string }>;
}

/** The file as sent, with what was sent beside it: columns to leave out, consent for the whole file. */
export interface PatientFile extends CsvOptions {
  text: string;
}

export interface PatientImport {
  practiceId: string;
  /** Reads the upload; called once the caller may import, so a refused caller's upload is never read. */
  readFile(): Promise<PatientFile>;
}

interface Batch {
  practiceId: string;
  /** Who records the rows' email choices, and when. */
  by: Pick<ActionContext, 'actor' | 'at'>;
  schema: z.ZodType<NewPatientBody>;
  audit: AuditEntry;
  /** The line each phone was first seen on: a file cannot enrol one phone twice. */
  seen: Map<string, number>;
  /** The line each medical record number was first seen on: nor give two rows one MRN. */
  seenMrns: Map<string, number>;
}

/** Imports a file's patients (admins): what became of each line. */
export async function importPatients(ctx: ActionContext, input: PatientImport): Promise<RowResult[]> {
  await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  const { text, ...options } = await input.readFile();
  const rows = readPatientCsv(text, options);
  // The schema reads the service clock: no birth date in the future.
  const batch: Batch = { practiceId: input.practiceId, by: ctx, schema: newPatientSchema(ctx.clock), audit: auditEntry(ctx, IMPORTED, input.practiceId), seen: new Map(), seenMrns: new Map() };
  const results: RowResult[] = [];
  for (let start = 0; start < rows.length; start += IMPORT_BATCH_ROWS) {
    const done = await ctx.db.bulk.transaction(async (tx) => {
      const done: RowResult[] = [];
      for (const row of rows.slice(start, start + IMPORT_BATCH_ROWS)) done.push(await importRow(tx, row, batch));
      await recordAccess(tx, batch.audit, done.flatMap((r) => (r.status === 'imported' ? [r.patientId!] : [])));
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
async function importRow(tx: Queryable, row: CsvRow, { practiceId, by, schema, seen, seenMrns, audit }: Batch): Promise<RowResult> {
  const parsed = schema.safeParse(row.body);
  if (row.problems || !parsed.success) {
    const found = row.problems ?? [];
    // A name that could not be split is said once, in words, not again as the schema's "expected string".
    const issues = (parsed.error?.issues ?? []).map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
    return { line: row.line, status: 'failed', errors: [...found, ...issues.filter((i) => !found.some((f) => f.field === i.field))] };
  }
  const firstLine = seen.get(parsed.data.phone);
  if (firstLine !== undefined) {
    return { line: row.line, status: 'failed', errors: [{ field: 'phone', message: `same phone as line ${firstLine}` }] };
  }
  const { mrn } = parsed.data;
  const mrnLine = mrn === undefined ? undefined : seenMrns.get(mrn);
  if (mrnLine !== undefined) {
    return { line: row.line, status: 'failed', errors: [{ field: 'mrn', message: `same medical record number as line ${mrnLine}` }] };
  }
  seen.set(parsed.data.phone, row.line);
  if (mrn !== undefined) seenMrns.set(mrn, row.line);
  const existing = await findPatientByPhone(tx, practiceId, parsed.data.phone);
  if (existing) return { line: row.line, status: 'existing', patientId: existing.id };
  try {
    const patient = await insertEnrolment(tx, practiceId, toPatientFields(parsed.data, by), audit.at);
    return { line: row.line, status: 'imported', patientId: patient.id };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { line: row.line, status: 'failed', errors: [{ field: error.field ?? 'row', message: error.detail }] };
  }
}
