import type { FastifyRequest } from 'fastify';
import type { ActionContext } from '../actions/index.js';
import type { AppDeps } from '../deps.js';

/** The action context of an API request: its bearer's principal acts, stamped with when the request arrived. */
export const actionContext = (deps: AppDeps, request: FastifyRequest): ActionContext => ({
  db: deps.db,
  clock: deps.clock,
  runtime: deps.runtime,
  actor: request.principal,
  requestId: request.id,
  at: request.receivedAt,
});
