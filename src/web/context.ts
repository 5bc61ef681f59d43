/** The signed-in staff member as the actions and the access log see them. */
import type { FastifyRequest } from 'fastify';
import { auditEntry, type ActionContext, type Staff } from '../actions/index.js';
import type { AppDeps } from '../deps.js';
import type { AuditEntry } from '../store/audit.js';
import { requireSession } from './session.js';

export function staffOf(request: FastifyRequest): Extract<Staff, { kind: 'user' }> {
  const { user } = requireSession(request);
  return { kind: 'user', userId: user.id, practiceId: user.practiceId, role: user.role, staffId: user.staffId, name: user.name };
}

/** The action context of a page's form: the signed-in user acts, stamped with when the request arrived. */
export const actionContext = (deps: AppDeps, request: FastifyRequest): ActionContext => ({
  db: deps.db,
  clock: deps.clock,
  runtime: deps.runtime,
  actor: staffOf(request),
  requestId: request.id,
  at: request.receivedAt,
});

/** The access-log entry for what a signed-in user reads (a page changes nothing, so it needs no action). */
export function readEntry(request: FastifyRequest, action: string): AuditEntry {
  const actor = staffOf(request);
  return auditEntry({ actor, requestId: request.id, at: request.receivedAt }, { api: action, web: action }, actor.practiceId);
}
