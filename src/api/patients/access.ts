import type { FastifyRequest } from 'fastify';
import { notFound } from '../../errors.js';
import { recordAccess, type AuditEntry } from '../../store/audit.js';
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

/** What this request does to a patient's record, as the HIPAA access log records it. */
export const auditEntry = (request: FastifyRequest, action: string, practiceId: string): AuditEntry => ({
  actor: actorOf(request.principal),
  practiceId,
  action,
  requestId: request.id,
  at: request.receivedAt,
});

/** Who is writing, as the record shows it (the admin token, or which API key). */
export function writerLabel(request: FastifyRequest): string {
  const p = request.principal;
  return p.kind === 'admin_token' ? 'admin token' : `api key ${p.keyId}`;
}

/** Writes the access-log rows for what this request did to these patients' records. */
export function audit(db: Queryable, request: FastifyRequest, action: string, practiceId: string, patientIds: string[]) {
  return recordAccess(db, auditEntry(request, action, practiceId), patientIds);
}
