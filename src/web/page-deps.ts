import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.js';
import type { Practice } from '../store/practices.js';

/** What every page plugin gets: the service's dependencies and the signed-in user's practice. */
export interface PageDeps {
  deps: AppDeps;
  practiceOf(request: FastifyRequest): Promise<Practice>;
}
