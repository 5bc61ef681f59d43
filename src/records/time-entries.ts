/**
 * Staff time on a patient: recorded, corrected and withdrawn, never deleted.
 * No minute counts twice: an entry that overlaps another of the same staff
 * member (for any patient) is refused. Time added to a month already approved
 * is an addendum to it.
 */
import { DateTime } from 'luxon';
import type { TimeActivity } from '../documentation/types.js';
import { duration } from '../documentation/billing.js';
import { DomainError } from '../errors.js';
import { recordAccess, type AuditEntry } from '../store/audit.js';
import { addAddendum, findCareMonth } from '../store/care-months.js';
import { findPatient } from '../store/patients.js';
import { findPractice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { findStaff, lockStaff, staffLabel } from '../store/staff.js';
import {
  findTimeEntry,
  insertTimeEntry,
  overlappingEntries,
  supersedeTimeEntry,
  type NewTimeEntry,
  type TimeEntry,
} from '../store/time-entries.js';
import type { RecordDeps } from '../runtime.js';
import { queueAddendaWriteBacks } from '../ehr/index.js';

/** The longest single entry: a longer one is almost certainly a typo (a whole day). */
export const MAX_ENTRY_HOURS = 8;

export interface TimeEntryInput {
  staffId: string;
  activity: TimeActivity;
  start: Date;
  end: Date;
  note: string | null;
}

/** 'YYYY-MM' months (in the zone) an interval touches. */
export function monthsOf(start: Date, end: Date, zone: string): string[] {
  const first = DateTime.fromJSDate(start, { zone }).toFormat('yyyy-MM');
  const last = DateTime.fromJSDate(new Date(end.getTime() - 1), { zone }).toFormat('yyyy-MM');
  return first === last ? [first] : [first, last];
}

function checkInterval(input: Pick<TimeEntryInput, 'start' | 'end'>, now: Date): void {
  if (input.end <= input.start) throw new DomainError('validation_failed', 'must be after start', 'end');
  if (input.end.getTime() - input.start.getTime() > MAX_ENTRY_HOURS * 3600_000) {
    throw new DomainError('validation_failed', `an entry may last at most ${MAX_ENTRY_HOURS} hours; split longer work into entries`, 'end');
  }
  if (input.end.getTime() > now.getTime() + 60_000) {
    throw new DomainError('validation_failed', 'time cannot be logged before it is spent: the entry ends in the future', 'end');
  }
}

/** The refusal of a minute counted twice, carrying the entry it collides with, so the action can describe it as its caller reads time. */
export class OverlapError extends DomainError {
  constructor(readonly other: TimeEntry) {
    super('conflict', `overlaps time entry ${other.id} of the same staff member (${other.start} to ${other.end}); a minute counts for one patient only`, 'start');
  }
}

/** Refuses an entry that shares a minute with another of the same staff member, naming it. */
async function refuseOverlap(tx: Queryable, staffId: string, start: Date, end: Date, except: string | null): Promise<void> {
  const [other] = await overlappingEntries(tx, staffId, start, end, except);
  if (other) throw new OverlapError(other);
}

/** Entries that land in an approved month are reported there as addenda. */
async function addendaForApprovedMonths(tx: Queryable, entry: TimeEntry, zone: string, what: string, at: Date): Promise<void> {
  for (const month of monthsOf(new Date(entry.start), new Date(entry.end), zone)) {
    if ((await findCareMonth(tx, entry.patientId, month)).status !== 'approved') continue;
    const text = `${what}: ${entry.activity.replace(/_/g, ' ')}, ${duration(entry.seconds)} by ${staffLabel({ name: entry.staffName, credential: entry.credential })} (${entry.start} to ${entry.end}).`;
    await addAddendum(tx, { patientId: entry.patientId, month, text, timeEntryId: entry.id, by: entry.recordedBy, at });
    await queueAddendaWriteBacks(tx, { practiceId: entry.practiceId, patientId: entry.patientId, month, at });
  }
}

interface Writer {
  /** Who is recording it, as the record shows ("api key 3f2a...", a staff name). */
  by: string;
  audit: AuditEntry;
}

async function practiceZone(tx: Queryable, practiceId: string): Promise<string> {
  return (await findPractice(tx, practiceId))!.timezone;
}

async function requireStaff(tx: Queryable, practiceId: string, staffId: string): Promise<void> {
  const staff = await findStaff(tx, practiceId, staffId);
  if (!staff) throw new DomainError('validation_failed', 'no staff member with this id works at this practice', 'staffId');
  if (!staff.active) throw new DomainError('validation_failed', 'this staff member is no longer active', 'staffId');
}

/** Records staff time on a patient (manual entry). */
export function recordTimeEntry(deps: RecordDeps, patientId: string, input: TimeEntryInput, writer: Writer): Promise<TimeEntry> {
  const at = deps.clock.now();
  checkInterval(input, at);
  return withTransaction(deps.pool, async (tx) => {
    const patient = (await findPatient(tx, patientId))!;
    await requireStaff(tx, patient.practiceId, input.staffId);
    await lockStaff(tx, input.staffId);
    await refuseOverlap(tx, input.staffId, input.start, input.end, null);
    const entry = (await insertTimeEntry(tx, { ...newEntry(patient.practiceId, patientId, input, writer.by, at), source: 'manual' }))!;
    await addendaForApprovedMonths(tx, entry, await practiceZone(tx, patient.practiceId), 'Time added after approval', at);
    await recordAccess(tx, { ...writer.audit, at }, [patientId]);
    return entry;
  });
}

const newEntry = (practiceId: string, patientId: string, input: TimeEntryInput, by: string, at: Date): Omit<NewTimeEntry, 'source'> => ({
  practiceId,
  patientId,
  staffId: input.staffId,
  activity: input.activity,
  start: input.start,
  end: input.end,
  note: input.note,
  recordedBy: by,
  recordedAt: at,
});

async function lockCounting(tx: Queryable, patientId: string, entryId: string): Promise<TimeEntry> {
  const found = await findTimeEntry(tx, entryId);
  if (!found || found.patientId !== patientId) throw new DomainError('not_found', 'time entry was not found');
  await lockStaff(tx, found.staffId);
  const entry = (await findTimeEntry(tx, entryId))!;
  if (entry.supersededAt) {
    const by = entry.supersededBy ? `corrected by entry ${entry.supersededBy}` : 'withdrawn';
    throw new DomainError('conflict', `this entry was already ${by}; change the entry that counts now`);
  }
  return entry;
}

/**
 * Corrects an entry: a new entry replaces it and the original stays on
 * record, superseded. Fields left out keep their values.
 */
export function correctTimeEntry(
  deps: RecordDeps,
  patientId: string,
  entryId: string,
  changes: Partial<TimeEntryInput> & { reason: string; /** A new length from the (new or original) start, instead of an end. */ seconds?: number },
  writer: Writer,
): Promise<TimeEntry> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const original = await lockCounting(tx, patientId, entryId);
    const start = changes.start ?? new Date(original.start);
    const input: TimeEntryInput = {
      staffId: changes.staffId ?? original.staffId,
      activity: changes.activity ?? original.activity,
      start,
      end: changes.seconds !== undefined ? new Date(start.getTime() + changes.seconds * 1000) : (changes.end ?? new Date(original.end)),
      note: changes.note !== undefined ? changes.note : original.note,
    };
    checkInterval(input, at);
    if (input.staffId !== original.staffId) {
      await requireStaff(tx, original.practiceId, input.staffId);
      await lockStaff(tx, input.staffId);
    }
    await refuseOverlap(tx, input.staffId, input.start, input.end, original.id);
    const note = [input.note, `Correction of ${original.id}: ${changes.reason}`].filter(Boolean).join(' — ');
    const corrected = (await insertTimeEntry(tx, {
      ...newEntry(original.practiceId, patientId, { ...input, note }, writer.by, at),
      source: original.source,
      correctsId: original.id,
    }))!;
    await supersedeTimeEntry(tx, original.id, { at, by: corrected.id, withdrawnReason: null });
    await addendaForApprovedMonths(tx, corrected, await practiceZone(tx, original.practiceId), `Correction of entry ${original.id} (${changes.reason})`, at);
    await recordAccess(tx, { ...writer.audit, at }, [patientId]);
    return corrected;
  });
}

/** Withdraws an entry logged by mistake: it stays on record and no longer counts. */
export function withdrawTimeEntry(deps: RecordDeps, patientId: string, entryId: string, reason: string, writer: Writer): Promise<TimeEntry> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const entry = await lockCounting(tx, patientId, entryId);
    await supersedeTimeEntry(tx, entry.id, { at, by: null, withdrawnReason: reason });
    await addendaForApprovedMonths(tx, entry, await practiceZone(tx, entry.practiceId), `Entry ${entry.id} withdrawn (${reason})`, at);
    await recordAccess(tx, { ...writer.audit, at }, [patientId]);
    return (await findTimeEntry(tx, entry.id))!;
  });
}
