/**
 * Whose candidate it is, who acts, and who may bill: the checks every
 * enrolment action shares. Another practice's candidate answers "not found",
 * exactly like a patient of another practice.
 */
import { DomainError, notFound } from '../../errors.js';
import { findCandidate, type Candidate } from '../../store/candidates.js';
import { findPractice, type Practice } from '../../store/practices.js';
import type { Queryable } from '../../store/sql.js';
import { findStaff, staffLabel } from '../../store/staff.js';
import { actingStaffId, authorize, isUuid, type RequiredRole } from '../access.js';
import type { Staff } from '../context.js';

/** The candidate and their practice, if `actor` may act on them with `role`. */
export async function candidateFor(db: Queryable, actor: Staff, candidateId: string, role: RequiredRole = 'coordinator'): Promise<{ candidate: Candidate; practice: Practice }> {
  const candidate = isUuid(candidateId) ? await findCandidate(db, candidateId) : null;
  if (!candidate) throw notFound('candidate');
  authorize(actor, candidate.practiceId, role, 'candidate');
  return { candidate, practice: (await findPractice(db, candidate.practiceId))! };
}

/** The billing practitioner must be a practitioner of the practice: only they can bill CCM. */
export async function checkBillingPractitioner(db: Queryable, practiceId: string, id: string): Promise<void> {
  const staff = isUuid(id) ? await findStaff(db, practiceId, id) : null;
  if (!staff) throw new DomainError('validation_failed', 'no staff member of this practice has this id; give the practitioner who bills CCM (GET /practices/:id/staff)', 'billingPractitionerId');
  if (staff.role !== 'practitioner') {
    throw new DomainError('validation_failed', `${staffLabel(staff)} is clinical staff, not a practitioner; CCM is billed by a practitioner (MD, DO, NP, PA)`, 'billingPractitionerId');
  }
}

/**
 * The staff member who acts, as the record names them ("Linda Park, RN"): a
 * signed-in user as their own staff record, an API caller as the one it names
 * or its key's coordinator, who must work at the practice.
 */
export async function actingStaff(db: Queryable, actor: Staff, practiceId: string, named: string | undefined, doing: string): Promise<{ staffId: string; name: string }> {
  const staffId = actingStaffId(actor, named, { doing, who: 'staff member who acts', field: 'staffId' });
  const staff = isUuid(staffId) ? await findStaff(db, practiceId, staffId) : null;
  if (!staff) throw new DomainError('validation_failed', 'no staff member of this practice has this id', 'staffId');
  return { staffId: staff.id, name: staffLabel(staff) };
}
