/**
 * A practice's coordinators (admins): who is called for urgent alerts, in
 * which on-call order, and who gets the morning digest.
 */
import { z } from 'zod';
import { DomainError, notFound } from '../../errors.js';
import { COORDINATOR_ROLES, insertCoordinator, updateCoordinator, type Coordinator } from '../../store/coordinators.js';
import { isPgError, PG_UNIQUE_VIOLATION, withTransaction } from '../../store/sql.js';
import { authorize, isUuid, practiceFor } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { NpiSchema } from '../input/identifiers.js';
import { NameSchema, PhoneSchema } from '../input/primitives.js';

const OnCallOrderSchema = z.number().int().min(1).max(1000);

export const NewCoordinatorSchema = z.object({
  name: NameSchema,
  phone: PhoneSchema.describe('Where urgent alerts ring and texts go'),
  email: z.email().optional(),
  role: z.enum(COORDINATOR_ROLES).default('care_coordinator'),
  npi: NpiSchema.optional().describe('National Provider Identifier, where they have one: identifies them in FHIR exports'),
  onCallOrder: OnCallOrderSchema.optional().describe('1 is called first for urgent alerts; leave out if not on call'),
  receivesDigest: z.boolean().optional().describe('Whether they get the morning digest text (default true)'),
});
export type NewCoordinatorBody = z.infer<typeof NewCoordinatorSchema>;

export const CoordinatorChangesSchema = z
  .object({
    name: NameSchema,
    phone: PhoneSchema,
    email: z.email().nullable(),
    role: z.enum(COORDINATOR_ROLES),
    npi: NpiSchema.nullable().describe('null: no NPI on file'),
    onCallOrder: OnCallOrderSchema.nullable().describe('null takes them off call'),
    active: z.boolean().describe('false: no longer called, texted or listed as on call'),
    receivesDigest: z.boolean(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'send at least one field to change' });
export type CoordinatorChangesBody = z.infer<typeof CoordinatorChangesSchema>;

const ADDED = auditName('coordinator.create');
const CHANGED = auditName('coordinator.update');

const phoneTaken = (error: unknown) =>
  isPgError(error, PG_UNIQUE_VIOLATION) ? new DomainError('conflict', 'a coordinator of this practice already has this phone number', 'phone') : error;

export async function addCoordinator(ctx: ActionContext, input: { practiceId: string; coordinator: NewCoordinatorBody }): Promise<Coordinator> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  return withTransaction(ctx.db.pool, async (tx) => {
    const coordinator = await insertCoordinator(tx, { practiceId: practice.id, ...input.coordinator });
    await audit(tx, ctx, ADDED, practice.id);
    return coordinator;
  }).catch((error) => {
    throw phoneTaken(error);
  });
}

/** Changes what is given (admins); a coordinator of no practice of the caller's is "not found". */
export async function changeCoordinator(ctx: ActionContext, input: { practiceId: string; coordinatorId: string; changes: CoordinatorChangesBody }): Promise<Coordinator> {
  authorize(ctx.actor, input.practiceId, 'admin', 'practice');
  if (!isUuid(input.practiceId) || !isUuid(input.coordinatorId)) throw notFound('coordinator');
  return withTransaction(ctx.db.pool, async (tx) => {
    const coordinator = await updateCoordinator(tx, input.practiceId, input.coordinatorId, input.changes, ctx.at);
    if (!coordinator) throw notFound('coordinator');
    await audit(tx, ctx, CHANGED, input.practiceId);
    return coordinator;
  }).catch((error) => {
    throw phoneTaken(error);
  });
}
