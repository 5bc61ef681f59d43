/**
 * What coordinators do with a patient's case: acknowledge it (every open alert
 * in it, so their escalations stop) or resolve it with a note (every alert in
 * it). Written to the access log as the one who acted, in the same transaction.
 */
import { acknowledgeCaseLocked, resolveCaseLocked } from '../escalation/index.js';
import { notFound } from '../errors.js';
import { findCase, type Case } from '../store/cases.js';
import { withTransaction } from '../store/sql.js';
import { actingCoordinator, authorize, isUuid } from './access.js';
import { audit, auditName } from './audit.js';
import { viaWebApp, type ActionContext } from './context.js';

const ACKNOWLEDGED = auditName('case.acknowledge');
const RESOLVED = auditName('case.resolve');

/** The case, if the caller may act on it; another practice's case is "not found". */
export async function caseFor(ctx: Pick<ActionContext, 'db' | 'actor'>, caseId: string): Promise<Case> {
  const found = isUuid(caseId) ? await findCase(ctx.db.pool, caseId) : null;
  if (!found) throw notFound('case');
  authorize(ctx.actor, found.practiceId, 'coordinator', 'case');
  return found;
}

const via = (ctx: ActionContext) => (viaWebApp(ctx.actor) ? 'app' : 'api');

/** Takes the whole case: each open alert in it is acknowledged. Twice is harmless: the first acknowledgements stay. */
export async function acknowledgeCase(ctx: ActionContext, input: { caseId: string; coordinatorId?: string | undefined }): Promise<Case> {
  const target = await caseFor(ctx, input.caseId);
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, target.practiceId, input.coordinatorId, 'act on cases');
  return withTransaction(ctx.db.pool, async (tx) => {
    await acknowledgeCaseLocked(tx, target.id, { coordinatorId, via: via(ctx) }, ctx.at);
    await audit(tx, ctx, ACKNOWLEDGED, target.practiceId, [target.patientId]);
    return (await findCase(tx, target.id))!;
  });
}

/** Closes the case with a note: every alert in it is resolved with it (acknowledged too, if nobody had). Twice is harmless. */
export async function resolveCase(ctx: ActionContext, input: { caseId: string; coordinatorId?: string | undefined; note: string }): Promise<Case> {
  const target = await caseFor(ctx, input.caseId);
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, target.practiceId, input.coordinatorId, 'act on cases');
  return withTransaction(ctx.db.pool, async (tx) => {
    await resolveCaseLocked(tx, target.id, { coordinatorId, via: via(ctx), note: input.note }, ctx.at);
    await audit(tx, ctx, RESOLVED, target.practiceId, [target.patientId]);
    return (await findCase(tx, target.id))!;
  });
}
