/**
 * The access log, as actions write it: one entry per action, written in the
 * action's own transaction, so the change and its row commit together or not
 * at all. The front ends log their reads with the same entries.
 */
import { recordAccess, type Actor, type AuditEntry } from '../store/audit.js';
import type { Queryable } from '../store/sql.js';
import { viaWebApp, type ActionContext, type Staff } from './context.js';

/**
 * An action's name in the access log. The web app's rows have carried their
 * own names ("web.month.update" beside the API's "care_month.update") since
 * it existed; both are kept so old and new rows read alike.
 */
export interface AuditName {
  api: string;
  web: string;
}

export const auditName = (api: string, web = `web.${api}`): AuditName => ({ api, web });

export const actorOf = (actor: Staff): Actor =>
  actor.kind === 'admin_token' ? { kind: 'admin_token' } : actor.kind === 'api_key' ? { kind: 'api_key', id: actor.keyId } : { kind: 'user', id: actor.userId };

/** The access-log entry for what `ctx`'s caller does on `practiceId`'s records. */
export function auditEntry(ctx: Pick<ActionContext, 'actor' | 'requestId' | 'at'>, name: AuditName, practiceId: string | null): AuditEntry {
  return { actor: actorOf(ctx.actor), practiceId, action: viaWebApp(ctx.actor) ? name.web : name.api, requestId: ctx.requestId, at: ctx.at };
}

/**
 * Writes the access-log rows for an action inside its transaction: one per
 * patient it touched, or (`patientIds` left out) one for the practice when it
 * changed no patient's record (settings, staff, logins).
 */
export function audit(tx: Queryable, ctx: ActionContext, name: AuditName, practiceId: string | null, patientIds?: readonly string[]): Promise<void> {
  return recordAccess(tx, auditEntry(ctx, name, practiceId), patientIds ?? [null]);
}
