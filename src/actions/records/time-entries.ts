/**
 * Staff time on a patient: logging it, correcting an entry (a new one
 * replaces it; the original stays, superseded) and withdrawing one logged by
 * mistake. Only staff time counts toward CCM codes. The record keeping owns
 * each transaction and writes the access-log row in it.
 */
import { DateTime } from 'luxon';
import { DomainError } from '../../errors.js';
import { correctTimeEntry, OverlapError, recordTimeEntry, withdrawTimeEntry } from '../../records/index.js';
import type { TimeEntry } from '../../store/time-entries.js';
import { findPatient } from '../../store/patients.js';
import { findPractice } from '../../store/practices.js';
import { actingStaffId, patientFor, writerLabel } from '../access.js';
import { auditEntry, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { toInstant, type CorrectionBody, type NewEntryBody } from './time-entry-schemas.js';

const LOGGED = auditName('time_entry.create');
const CORRECTED = auditName('time_entry.correct');
const WITHDRAWN = auditName('time_entry.withdraw');

async function patientAndZone(ctx: ActionContext, patientId: string) {
  const patient = await patientFor(ctx.db.pool, ctx.actor, patientId);
  return { patient, zone: (await findPractice(ctx.db.pool, patient.practiceId))!.timezone };
}

const records = (ctx: ActionContext) => ({ pool: ctx.db.pool, clock: ctx.clock });

/** "10:15-10:40 AM", or "11:50 AM-12:10 PM" across noon, in the practice's timezone. */
function span(start: DateTime, end: DateTime): string {
  const sameHalf = start.toFormat('a') === end.toFormat('a');
  return `${start.toFormat(sameHalf ? 'h:mm' : 'h:mm a')}-${end.toFormat('h:mm a')}`;
}

/**
 * The entry a refused one overlaps, as the person logging reads time: the
 * practice's clock, whose entry ("your" for a signed-in user's own) and for
 * which patient, so they can find it. The API's message keeps the entry's id
 * too (the field's own message, `detail`, is what the web form shows).
 */
async function overlapInWords(ctx: ActionContext, zone: string, error: OverlapError): Promise<DomainError> {
  const other = error.other;
  const patient = await findPatient(ctx.db.pool, other.patientId);
  const start = DateTime.fromISO(other.start, { zone });
  const end = DateTime.fromISO(other.end, { zone });
  const whose = ctx.actor.kind === 'user' && ctx.actor.staffId === other.staffId ? 'your' : `${other.staffName}'s`;
  const forWhom = patient ? ` for ${patient.firstName} ${patient.lastName}` : '';
  const words = `overlaps ${whose} ${span(start, end)} entry${forWhom} on ${start.toFormat('LLL d')}; a minute counts for one patient only, so change the start or the minutes`;
  const named = new DomainError('conflict', words, 'start');
  named.message = `${named.message} (time entry ${other.id})`;
  return named;
}

/** Runs a write that may be refused for an overlap, and says the refusal in words. */
async function namingOverlaps<T>(ctx: ActionContext, zone: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw error instanceof OverlapError ? await overlapInWords(ctx, zone, error) : error;
  }
}

const writer = (ctx: ActionContext, practiceId: string, name: ReturnType<typeof auditName>) => ({ by: writerLabel(ctx.actor), audit: auditEntry(ctx, name, practiceId) });

/** Logs time. A signed-in user logs their own; an API caller names the staff member. Local times are the practice's. */
export async function logTime(ctx: ActionContext, input: { patientId: string; entry: NewEntryBody }): Promise<TimeEntry> {
  const { patient, zone } = await patientAndZone(ctx, input.patientId);
  const b = input.entry;
  const staffId = actingStaffId(ctx.actor, b.staffId, { doing: 'log time', who: 'staff member', field: 'staffId' });
  const start = toInstant(b.start, zone, 'start');
  const end = b.end !== undefined ? toInstant(b.end, zone, 'end') : new Date(start.getTime() + Math.round(b.minutes! * 60) * 1000);
  return namingOverlaps(ctx, zone, () =>
    recordTimeEntry(records(ctx), patient.id, { staffId, activity: b.activity, start, end, note: b.note ?? null }, writer(ctx, patient.practiceId, LOGGED)),
  );
}

/** Corrects an entry; fields left out keep their values. In an approved month the correction is an addendum. */
export async function correctTime(ctx: ActionContext, input: { patientId: string; entryId: string; correction: CorrectionBody }): Promise<TimeEntry> {
  const { patient, zone } = await patientAndZone(ctx, input.patientId);
  const b = input.correction;
  const start = b.start !== undefined ? toInstant(b.start, zone, 'start') : undefined;
  const end = b.end !== undefined ? toInstant(b.end, zone, 'end') : undefined;
  const changes = {
    ...(b.staffId !== undefined ? { staffId: b.staffId } : {}),
    ...(b.activity !== undefined ? { activity: b.activity } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(b.minutes !== undefined ? { seconds: Math.round(b.minutes * 60) } : {}),
    ...(b.note !== undefined ? { note: b.note } : {}),
    reason: b.reason,
  };
  return namingOverlaps(ctx, zone, () => correctTimeEntry(records(ctx), patient.id, input.entryId, changes, writer(ctx, patient.practiceId, CORRECTED)));
}

/** Withdraws an entry logged by mistake: it stays on record with the reason and no longer counts. */
export async function withdrawTime(ctx: ActionContext, input: { patientId: string; entryId: string; reason: string }): Promise<TimeEntry> {
  const patient = await patientFor(ctx.db.pool, ctx.actor, input.patientId);
  return withdrawTimeEntry(records(ctx), patient.id, input.entryId, input.reason, writer(ctx, patient.practiceId, WITHDRAWN));
}
