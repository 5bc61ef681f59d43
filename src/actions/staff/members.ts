/** Staff members whose time on patients is documented: practitioners and clinical staff (coordinators are staff already). */
import { z } from 'zod';
import { STAFF_ROLES } from '../../documentation/types.js';
import { DomainError } from '../../errors.js';
import { isPgError, PG_UNIQUE_VIOLATION, withTransaction } from '../../store/sql.js';
import { insertStaff, type StaffMember } from '../../store/staff.js';
import { practiceFor } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { NpiSchema } from '../input/identifiers.js';
import { NameSchema, PhoneSchema } from '../input/primitives.js';

export const NewStaffSchema = z.object({
  name: NameSchema,
  role: z.enum(STAFF_ROLES).describe('clinical_staff (RN, LPN, MA, ...) or practitioner (MD, DO, NP, PA): practitioner time counts toward 99491/99437'),
  credential: z.string().trim().min(1).max(20).describe('As it appears in the record: RN, MA, MD, DO, NP, PA, ...'),
  phone: PhoneSchema.optional().describe('Optional; staff added here are not called for urgent alerts (add coordinators for that)'),
  email: z.email().optional(),
  npi: NpiSchema.optional().describe('National Provider Identifier (practitioners have one; clinical staff may): identifies them in FHIR exports'),
});
export type NewStaffBody = z.infer<typeof NewStaffSchema>;

const ADDED = auditName('staff.create');

export async function addStaffMember(ctx: ActionContext, input: { practiceId: string; staff: NewStaffBody }): Promise<StaffMember> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  return withTransaction(ctx.db.pool, async (tx) => {
    const staff = await insertStaff(tx, { practiceId: practice.id, ...input.staff });
    await audit(tx, ctx, ADDED, practice.id);
    return staff;
  }).catch((error) => {
    throw isPgError(error, PG_UNIQUE_VIOLATION) ? new DomainError('conflict', 'a staff member of this practice already has this phone number', 'phone') : error;
  });
}
