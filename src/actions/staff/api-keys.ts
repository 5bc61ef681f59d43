/**
 * A practice's API keys (admins): a new key's token is shown once and stored
 * only as a hash; revoking one stops it at once and keeps the record.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DomainError, notFound } from '../../errors.js';
import { insertApiKey, revokeApiKey, type ApiKey } from '../../store/api-keys.js';
import { findCoordinator } from '../../store/coordinators.js';
import { withTransaction } from '../../store/sql.js';
import { authorize, practiceFor, writerKey } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { NameSchema } from '../input/primitives.js';

export const NewApiKeySchema = z.object({
  name: NameSchema,
  role: z.enum(['admin', 'coordinator']),
  coordinatorId: z
    .uuid('must be a coordinator id')
    .optional()
    .describe('The coordinator the key belongs to: acknowledging or resolving an alert with it is done as them'),
});
export type NewApiKeyBody = z.infer<typeof NewApiKeySchema>;

const CREATED = auditName('api_key.create');
const REVOKED = auditName('api_key.revoke');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new API key token: 256 random bits, prefixed so a leaked one is easy to recognise in a scan. */
export function generateToken(): { token: string; prefix: string; hash: string } {
  const token = `ccm_${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(0, 10), hash: hashToken(token) };
}

/** Creates a key; the answer carries its token, which is never shown again. */
export async function createApiKey(ctx: ActionContext, input: { practiceId: string; key: NewApiKeyBody }): Promise<ApiKey & { token: string }> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  const { coordinatorId } = input.key;
  if (coordinatorId && !(await findCoordinator(ctx.db.pool, practice.id, coordinatorId))) {
    throw new DomainError('validation_failed', 'no coordinator with this id works at this practice', 'coordinatorId');
  }
  const { token, prefix, hash } = generateToken();
  const key = await withTransaction(ctx.db.pool, async (tx) => {
    const key = await insertApiKey(tx, {
      practiceId: practice.id,
      name: input.key.name,
      role: input.key.role,
      coordinatorId: coordinatorId ?? null,
      tokenHash: hash,
      tokenPrefix: prefix,
      createdBy: writerKey(ctx.actor),
    });
    await audit(tx, ctx, CREATED, practice.id);
    return key;
  });
  return { ...key, token };
}

export async function revokeKey(ctx: ActionContext, input: { practiceId: string; keyId: string }): Promise<ApiKey> {
  authorize(ctx.actor, input.practiceId, 'admin', 'practice');
  return withTransaction(ctx.db.pool, async (tx) => {
    const key = await revokeApiKey(tx, input.practiceId, input.keyId, ctx.at);
    if (!key) throw notFound('API key');
    await audit(tx, ctx, REVOKED, input.practiceId);
    return key;
  });
}
