/**
 * What the API's read routes share with the actions: the same access check,
 * and access-log entries built the same way (reads change nothing, so they
 * need no action of their own).
 */
import type { FastifyRequest } from 'fastify';
import { auditEntry, auditName, patientFor, type RequiredRole } from '../../actions/index.js';
import { recordAccess, type AuditEntry } from '../../store/audit.js';
import type { Patient } from '../../store/patients.js';
import type { Queryable } from '../../store/sql.js';

/** A patient the caller may see with at least `role`; another practice's patient is 404, like one that does not exist. */
export const loadPatient = (db: Queryable, request: FastifyRequest, id: string, role: RequiredRole = 'coordinator'): Promise<Patient> =>
  patientFor(db, request.principal, id, role);

/** The access-log entry for what this request reads. */
export const readEntry = (request: FastifyRequest, action: string, practiceId: string): AuditEntry =>
  auditEntry({ actor: request.principal, requestId: request.id, at: request.receivedAt }, auditName(action), practiceId);

/** Writes the access-log rows for what this request read of these patients' records. */
export function logRead(db: Queryable, request: FastifyRequest, action: string, practiceId: string, patientIds: string[]): Promise<void> {
  return recordAccess(db, readEntry(request, action, practiceId), patientIds);
}
