/**
 * Adds candidates from a practice's CSV list (admins): the one import the API
 * and the app both use. Like the patient import, rows go in batches, each its
 * own short transaction in the bulk lane; a phone the practice already lists
 * (or has enrolled) is reported as existing, so the same file can be sent
 * again after fixing its bad rows. A bad row fails alone, naming its column.
 */
import type { z } from 'zod';
import { DomainError } from '../../errors.js';
import { recordAccess, type AuditEntry } from '../../store/audit.js';
import { insertCandidate } from '../../store/candidates.js';
import type { Queryable } from '../../store/sql.js';
import { listStaff, staffLabel } from '../../store/staff.js';
import { isUuid, practiceFor, writerLabel } from '../access.js';
import { auditEntry, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { squash } from '../input/csv-table.js';
import { checkCandidate, knownAtPhone, toCandidateFields } from './candidates.js';
import { readCandidateCsv, type CandidateCsvRow } from './csv.js';
import { newCandidateSchema, type NewCandidateBody } from './schemas.js';

const BATCH_ROWS = 100;
const IMPORTED = auditName('candidate.import', 'web.candidate.import');

export interface CandidateRowResult {
  line: number;
  status: 'imported' | 'existing' | 'failed';
  candidateId?: string;
  /** For a phone already enrolled: the patient it is. */
  patientId?: string;
  errors?: Array<{ field: string; message: string }>;
}

export interface CandidateFile {
  text: string;
  /** Columns to leave out, as headed in the file. */
  ignore?: readonly string[] | undefined;
  /** The billing practitioner of every row without one (a file without the column). */
  billingPractitionerId?: string | undefined;
}

interface Batch {
  practiceId: string;
  schema: z.ZodType<NewCandidateBody>;
  audit: AuditEntry;
  by: string;
  /** Practitioners by name as the practice writes them ("Alan Grant, MD", "alan grant"): a file names them, not their ids. */
  practitioners: Map<string, string>;
  fileDefault: string | undefined;
  /** The line each phone was first seen on: a file cannot list one phone twice. */
  seen: Map<string, number>;
}

const failed = (line: number, errors: CandidateRowResult['errors']): CandidateRowResult => ({ line, status: 'failed', errors });

/** Imports a file's candidates: what became of each line. */
export async function importCandidates(ctx: ActionContext, input: { practiceId: string; readFile(): Promise<CandidateFile> }): Promise<CandidateRowResult[]> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  const file = await input.readFile();
  const rows = readCandidateCsv(file.text, { ignore: file.ignore, wholeFilePractitioner: file.billingPractitionerId !== undefined });
  const staff = await listStaff(ctx.db.pool, practice.id);
  const practitioners = new Map(staff.filter((s) => s.role === 'practitioner').flatMap((s) => [[squash(s.name), s.id], [squash(staffLabel(s)), s.id]] as const));
  const batch: Batch = {
    practiceId: practice.id,
    schema: newCandidateSchema(ctx.clock),
    audit: auditEntry(ctx, IMPORTED, practice.id),
    by: writerLabel(ctx.actor),
    practitioners,
    fileDefault: file.billingPractitionerId,
    seen: new Map(),
  };
  const results: CandidateRowResult[] = [];
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const done = await ctx.db.bulk.transaction(async (tx) => {
      const done: CandidateRowResult[] = [];
      for (const row of rows.slice(start, start + BATCH_ROWS)) done.push(await importRow(tx, row, batch));
      // Candidates are no patients yet: one row for the practice per batch that added any.
      if (done.some((r) => r.status === 'imported')) await recordAccess(tx, batch.audit, [null]);
      return done;
    });
    results.push(...done);
  }
  return results;
}

/** The row's billing practitioner as an id: as written, by name, or the file's. */
function practitionerOf(row: CandidateCsvRow, batch: Batch): { id: string | undefined } | { problem: string } {
  const written = row.body.billingPractitionerId;
  if (typeof written !== 'string') return { id: batch.fileDefault };
  if (isUuid(written)) return { id: written };
  const id = batch.practitioners.get(squash(written));
  return id ? { id } : { problem: `no practitioner of this practice is called "${written}"; write their name as the practice's staff list has it, or their id` };
}

async function importRow(tx: Queryable, row: CandidateCsvRow, batch: Batch): Promise<CandidateRowResult> {
  const practitioner = practitionerOf(row, batch);
  const found = [...(row.problems ?? []), ...('problem' in practitioner ? [{ field: 'billingPractitionerId', message: practitioner.problem }] : [])];
  const body = 'id' in practitioner ? { ...row.body, billingPractitionerId: practitioner.id } : row.body;
  const parsed = batch.schema.safeParse(body);
  if (found.length > 0 || !parsed.success) {
    // A field said once: reading's own words win over the schema's "expected string".
    const issues = (parsed.error?.issues ?? []).map((issue) => ({ field: issue.path.join('.') || 'row', message: issue.message }));
    return failed(row.line, [...found, ...issues.filter((i) => !found.some((f) => f.field === i.field))]);
  }
  const fields = toCandidateFields(parsed.data);
  const firstLine = batch.seen.get(fields.phone);
  if (firstLine !== undefined) return failed(row.line, [{ field: 'phone', message: `same phone as line ${firstLine}` }]);
  batch.seen.set(fields.phone, row.line);
  const known = await knownAtPhone(tx, batch.practiceId, fields.phone);
  if (known) return { line: row.line, status: 'existing', ...known };
  try {
    await checkCandidate(tx, batch.practiceId, fields);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return failed(row.line, [{ field: error.field ?? 'row', message: error.detail }]);
  }
  const candidate = await insertCandidate(tx, batch.practiceId, fields, batch.by, batch.audit.at);
  return candidate ? { line: row.line, status: 'imported', candidateId: candidate.id } : { line: row.line, status: 'existing' };
}
