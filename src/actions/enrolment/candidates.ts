/**
 * Adding a candidate: a patient the practice may offer CCM to, not enrolled
 * yet. One phone is one person to a practice: a phone already listed, or
 * already an enrolled patient's, is a conflict that names the other record.
 */
import { DomainError } from '../../errors.js';
import { findCandidateByMrn, findCandidateByPhone, insertCandidate, type Candidate, type CandidateFields } from '../../store/candidates.js';
import { findPatientByPhone } from '../../store/patients.js';
import type { Queryable } from '../../store/sql.js';
import { withTransaction } from '../../store/sql.js';
import { practiceFor, writerLabel } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { checkBillingPractitioner } from './access.js';
import type { NewCandidateBody } from './schemas.js';

const ADDED = auditName('candidate.create');

/** A candidate body as stored fields (optional fields become explicit nulls). */
export const toCandidateFields = (b: NewCandidateBody): CandidateFields => ({
  firstName: b.firstName,
  lastName: b.lastName,
  phone: b.phone,
  phoneType: b.phoneType,
  dateOfBirth: b.dateOfBirth ?? null,
  mrn: b.mrn ?? null,
  email: b.email ?? null,
  language: b.language,
  preferredChannel: b.preferredChannel,
  timezone: b.timezone ?? null,
  conditions: b.conditions,
  billingPractitionerId: b.billingPractitionerId,
  lastVisitOn: b.lastVisitOn ?? null,
});

/** What the practice already has at this phone: a candidate or a patient (who needs no invitation). */
export async function knownAtPhone(db: Queryable, practiceId: string, phone: string): Promise<{ candidateId?: string; patientId?: string } | null> {
  const candidate = await findCandidateByPhone(db, practiceId, phone);
  if (candidate) return { candidateId: candidate.id };
  const patient = await findPatientByPhone(db, practiceId, phone);
  return patient ? { patientId: patient.id } : null;
}

/**
 * Checks a candidate's fields against what the practice has, inside the
 * caller's transaction and before any insert (a refused insert would abort a
 * CSV batch's transaction): the billing practitioner, and a medical record
 * number no other candidate has. The message names the other record by id,
 * never the number (an MRN is PHI).
 */
export async function checkCandidate(db: Queryable, practiceId: string, fields: CandidateFields): Promise<void> {
  await checkBillingPractitioner(db, practiceId, fields.billingPractitionerId);
  if (fields.mrn) {
    const other = await findCandidateByMrn(db, practiceId, fields.mrn);
    if (other) throw new DomainError('conflict', `candidate ${other.id} of this practice already has this medical record number`, 'mrn');
  }
}

/** Adds one candidate (admins) and records who did it, in one transaction. */
export async function addCandidate(ctx: ActionContext, input: { practiceId: string; candidate: NewCandidateBody }): Promise<Candidate> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  const fields = toCandidateFields(input.candidate);
  return withTransaction(ctx.db.pool, async (tx) => {
    const known = await knownAtPhone(tx, practice.id, fields.phone);
    if (known?.patientId) throw new DomainError('conflict', `patient ${known.patientId} of this practice already has this phone number: they are enrolled, and need no invitation`, 'phone');
    if (known?.candidateId) throw new DomainError('conflict', `candidate ${known.candidateId} of this practice already has this phone number`, 'phone');
    await checkCandidate(tx, practice.id, fields);
    const candidate = await insertCandidate(tx, practice.id, fields, writerLabel(ctx.actor), ctx.at);
    // Only a phone added at the same moment by another request gets here.
    if (!candidate) throw new DomainError('conflict', 'another candidate of this practice was just added with this phone number', 'phone');
    await audit(tx, ctx, ADDED, practice.id);
    return candidate;
  });
}
