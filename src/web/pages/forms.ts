/** Small helpers the pages share: reading posted forms, who acts, whose patient. */
import type { FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import { DomainError, notFound } from '../../errors.js';
import { findPatient, type Patient } from '../../store/patients.js';
import type { Queryable } from '../../store/sql.js';
import { requireSession } from '../session.js';

/** A posted text field ('' when absent or not text). */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** A posted text field trimmed, or undefined when empty: optional fields are left out. */
export function optional(body: unknown, name: string): string | undefined {
  const value = field(body, name).trim();
  return value === '' ? undefined : value;
}

/** A checkbox is sent only when ticked. */
export const ticked = (body: unknown, name: string): boolean => field(body, name) !== '';

/** What a schema found wrong, in words: "phone: is not a valid phone number; ...". */
export const problems = (error: ZodError): string =>
  error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');

/** Actions are taken as the user's staff member; an admin login without one can only read. */
export function actingStaff(request: FastifyRequest, what: string): string {
  const staffId = requireSession(request).user.staffId;
  if (!staffId) throw new DomainError('forbidden', `Your login is not linked to a staff member, so it cannot ${what}. Ask an admin to link it.`);
  return staffId;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The patient, if they belong to the signed-in user's practice (another practice's is "not found"). */
export async function ownPatient(pool: Queryable, request: FastifyRequest, id: string = (request.params as { id?: string }).id ?? ''): Promise<Patient> {
  const patient = UUID.test(id) ? await findPatient(pool, id) : null;
  if (!patient || patient.practiceId !== requireSession(request).user.practiceId) throw notFound('patient');
  return patient;
}
