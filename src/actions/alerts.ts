/**
 * What coordinators do with an alert: acknowledge it (its escalation stops),
 * resolve it with a note, or ring their own phone to be connected to the
 * patient. Each is written to the access log as the one who acted.
 */
import { acknowledgeLocked, resolveLocked } from '../escalation/index.js';
import { callPatientAbout as requestCall } from '../escalation/index.js';
import { notFound } from '../errors.js';
import { findAlert, lockAlert, type Alert } from '../store/alerts.js';
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

/** Closes the alert with a note (acknowledging it too, if nobody had); twice is harmless. */
export async function resolveAlert(ctx: ActionContext, input: { alertId: string; coordinatorId?: string | undefined; note: string }): Promise<Alert> {
  const alert = await alertFor(ctx, input.alertId);
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, alert.practiceId, input.coordinatorId, 'act on alerts');
  return withTransaction(ctx.db.pool, async (tx) => {
    const locked = await lockAlert(tx, alert.id);
    if (!locked) throw notFound('alert');
    const resolved = await resolveLocked(tx, locked, { alertId: alert.id, coordinatorId, via: via(ctx), note: input.note }, ctx.at);
    await audit(tx, ctx, RESOLVED, alert.practiceId, [alert.patientId]);
    return resolved;
  });
}

/**
 * Rings the acting coordinator's phone and connects them to the alert's
 * patient; the access-log row is written in the transaction that asks for
 * the call, which is placed after it commits.
 */
export async function callPatientAbout(ctx: ActionContext, input: { alertId: string }): Promise<Alert> {
  const alert = await alertFor(ctx, input.alertId);
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, alert.practiceId, undefined, 'act on alerts');
  await requestCall(ctx.runtime, alert.id, coordinatorId, auditEntry(ctx, CALLED, alert.practiceId));
  return alert;
}
