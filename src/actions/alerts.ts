/**
 * What coordinators do with an alert: acknowledge it (its escalation stops),
 * resolve it with a note, or ring their own phone to be connected to the
 * patient. Each is written to the access log as the one who acted.
 */
import { acknowledgeLocked } from '../bot/alert-actions.js';
import { notFound } from '../errors.js';
import { findAlert, lockAlert, type Alert } from '../store/alerts.js';
import { recordAccess } from '../store/audit.js';
import { withTransaction } from '../store/sql.js';
import { actingCoordinator, authorize, isUuid } from './access.js';
import { audit, auditEntry, auditName } from './audit.js';
import { viaWebApp, type ActionContext } from './context.js';

const ACKNOWLEDGED = auditName('alert.acknowledge');
const RESOLVED = auditName('alert.resolve');
const CALLED = auditName('alert.call');

/** The alert, if the caller may act on it; another practice's alert is "not found". */
export async function alertFor(ctx: ActionContext, alertId: string): Promise<Alert> {
  const alert = isUuid(alertId) ? await findAlert(ctx.db.pool, alertId) : null;
  if (!alert) throw notFound('alert');
  authorize(ctx.actor, alert.practiceId, 'coordinator', 'alert');
  return alert;
}

const via = (ctx: ActionContext) => (viaWebApp(ctx.actor) ? 'app' : 'api');

/** Takes the alert: its escalation stops. Twice is harmless: the first acknowledgement (who and when) stays. */
export async function acknowledgeAlert(ctx: ActionContext, input: { alertId: string; coordinatorId?: string | undefined }): Promise<Alert> {
  const alert = await alertFor(ctx, input.alertId);
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, alert.practiceId, input.coordinatorId, 'act on alerts');
  return withTransaction(ctx.db.pool, async (tx) => {
    const locked = await lockAlert(tx, alert.id);
    if (!locked) throw notFound('alert');
    const acknowledged = await acknowledgeLocked(tx, locked, { alertId: alert.id, coordinatorId, via: via(ctx) }, ctx.at);
    await audit(tx, ctx, ACKNOWLEDGED, alert.practiceId, [alert.patientId]);
    return acknowledged;
  });
}

/**
 * Closes the alert with a note (acknowledging it too, if nobody had); twice
 * is harmless. The access-log row is written first, in its own transaction:
 * the runtime's resolve owns its transaction and takes no row to write in it
 * yet, and a resolve that cannot be logged must not happen.
 */
export async function resolveAlert(ctx: ActionContext, input: { alertId: string; coordinatorId?: string | undefined; note: string }): Promise<Alert> {
  const alert = await alertFor(ctx, input.alertId);
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, alert.practiceId, input.coordinatorId, 'act on alerts');
  await recordAccess(ctx.db.pool, auditEntry(ctx, RESOLVED, alert.practiceId), [alert.patientId]);
  const resolved = await ctx.bot.resolveAlert({ alertId: alert.id, coordinatorId, via: via(ctx), note: input.note });
  if (!resolved) throw notFound('alert');
  return resolved;
}

/**
 * Rings the acting coordinator's phone and connects them to the alert's
 * patient. Logged first, as above: the call is placed after the runtime's
 * transaction, which takes no row to write in it yet.
 */
export async function callPatientAbout(ctx: ActionContext, input: { alertId: string }): Promise<Alert> {
  const alert = await alertFor(ctx, input.alertId);
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, alert.practiceId, undefined, 'act on alerts');
  await recordAccess(ctx.db.pool, auditEntry(ctx, CALLED, alert.practiceId), [alert.patientId]);
  await ctx.bot.callPatientAbout(alert.id, coordinatorId);
  return alert;
}
