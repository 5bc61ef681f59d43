/**
 * Who acts on an alert or a text: the coordinator the API key belongs to, or
 * the one the request names.
 */
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { DomainError } from '../errors.js';
import { findCoordinator } from '../store/coordinators.js';

export const ActorSchema = z.object({
  coordinatorId: z
    .uuid('must be a coordinator id')
    .optional()
    .describe('Who acts; needed unless the API key belongs to a coordinator'),
});

/** Who is acting: the coordinator the API key belongs to, or the one the body names (of the alert's practice). */
export async function actingCoordinator(pool: pg.Pool, request: FastifyRequest, practiceId: string, named: string | undefined): Promise<string> {
  const principal = request.principal;
  const id = named ?? (principal.kind === 'api_key' ? principal.coordinatorId : null);
  if (!id) {
    throw new DomainError('validation_failed', 'name the coordinator who acts (this API key belongs to no coordinator)', 'coordinatorId');
  }
  if (!(await findCoordinator(pool, practiceId, id))) {
    throw new DomainError('validation_failed', 'no coordinator with this id works at this practice', 'coordinatorId');
  }
  return id;
}
