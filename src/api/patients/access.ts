import type { FastifyRequest } from 'fastify';
import { notFound } from '../../errors.js';
import { recordAccess } from '../../store/audit.js';
import { findPatient, type Patient } from '../../store/patients.js';
import type { Queryable } from '../../store/sql.js';
import { actorOf, authorize, type RequiredRole } from '../auth.js';

/**
 * Loads a patient the caller may see with at least `role`; a patient of
 * another practice is 404, exactly like one that does not exist.
 */
export async function loadPatient(
  db: Queryable,
  request: FastifyRequest,
  id: string,
  role: RequiredRole = 'coordinator',
): Promise<Patient> {
  const patient = await findPatient(db, id);
  if (!patient) throw notFound('patient');
  authorize(request.principal, patient.practiceId, role, 'patient');
  return patient;
}

/** Writes the HIPAA access-log rows for what this request did to these patients' records. */
export function audit(db: Queryable, request: FastifyRequest, action: string, practiceId: string, patientIds: string[]) {
  const entry = { actor: actorOf(request.principal), practiceId, action, requestId: request.id, at: request.receivedAt };
  return recordAccess(db, entry, patientIds);
}
