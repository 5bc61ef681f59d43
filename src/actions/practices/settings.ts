/**
 * A practice and its settings: creating one (the bootstrap admin token) and
 * changing its settings (its admins): quiet hours, the check-in cadence, the
 * digest, wording, billing. Each is audited like any other staff write, and
 * re-plans what the change moves, in the same transaction.
 */
import { rescheduleDigest, scheduleDigest } from '../../escalation/index.js';
import { scheduleNightlyPlan } from '../../outreach/index.js';
import { DomainError, notFound } from '../../errors.js';
import { inQuietHours } from '../../planning/index.js';
import { enqueueJob } from '../../store/job-queue.js';
import { insertPractice, updatePractice, type Practice } from '../../store/practices.js';
import { isPgError, PG_UNIQUE_VIOLATION, withTransaction } from '../../store/sql.js';
import { practiceFor, requireAdminToken } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import type { NewPracticeBody, PracticeChangesBody } from './schemas.js';

const CREATED = auditName('practice.create');
const CHANGED = auditName('practice.update');
const DEFAULT_QUIET_HOURS = { start: '21:00', end: '08:00' };

/** Check-ins at a time inside quiet hours would all wait for the morning: refused. */
export function checkCadenceTime(quietHours: Practice['quietHours'], time: string | undefined): void {
  if (time && inQuietHours(time, quietHours)) {
    throw new DomainError(
      'validation_failed',
      `${time} falls in the practice's quiet hours (${quietHours.start}-${quietHours.end}); choose a time when patients may be texted`,
      'outreach.cadence.time',
    );
  }
}

const duplicateNumber = (error: unknown) =>
  isPgError(error, PG_UNIQUE_VIOLATION)
    ? new DomainError('conflict', 'another practice already uses this number; each Twilio number belongs to one practice', 'phoneNumber')
    : error;

/** Creates a practice; its morning digest and nightly outreach planning are scheduled. */
export async function createPractice(ctx: ActionContext, input: NewPracticeBody): Promise<Practice> {
  requireAdminToken(ctx.actor);
  checkCadenceTime(input.quietHours ?? DEFAULT_QUIET_HOURS, input.outreach?.cadence?.time);
  return withTransaction(ctx.db.pool, async (tx) => {
    const created = await insertPractice(tx, input, ctx.at);
    await scheduleDigest(tx, created, ctx.at);
    await scheduleNightlyPlan(tx, created, ctx.at);
    await audit(tx, ctx, CREATED, created.id);
    return created;
  }).catch((error) => {
    throw duplicateNumber(error);
  });
}

/**
 * Changes a practice's settings (admins). A new digest time or time zone
 * moves the digests not sent yet; a new cadence or time zone re-plans future
 * check-ins for the whole panel, in the background.
 */
export async function changePracticeSettings(ctx: ActionContext, input: { practiceId: string; changes: PracticeChangesBody }): Promise<Practice> {
  const before = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  const { changes } = input;
  checkCadenceTime(changes.quietHours ?? before.quietHours, changes.outreach?.cadence?.time ?? before.outreach.cadence.time);
  const practice = await withTransaction(ctx.db.pool, async (tx) => {
    const updated = await updatePractice(tx, before.id, changes, ctx.at);
    if (!updated) return null;
    if (changes.digestTime || changes.timezone) await rescheduleDigest(tx, updated, ctx.at);
    if (changes.outreach?.cadence || changes.timezone) {
      await enqueueJob(tx, 'outreach.plan', { practiceId: updated.id, replan: true }, { runAt: ctx.at });
    }
    await audit(tx, ctx, CHANGED, updated.id);
    return updated;
  }).catch((error) => {
    throw duplicateNumber(error);
  });
  if (!practice) throw notFound('practice');
  return practice;
}
