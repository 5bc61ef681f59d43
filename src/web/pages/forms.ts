/** Small helpers the pages share: reading posted forms, who acts, whose patient. */
import type { FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import { actingStaffId, patientFor } from '../../actions/index.js';
import type { Patient } from '../../store/patients.js';
import type { Queryable } from '../../store/sql.js';
import { staffOf } from '../context.js';

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

/** Browsers send a textarea's line breaks as CRLF; the record keeps LF. */
export const lf = (text: string): string => text.replace(/\r\n?/g, '\n');

/** A checkbox is sent only when ticked. */
export const ticked = (body: unknown, name: string): boolean => field(body, name) !== '';

/** What a schema found wrong, in words: "phone: is not a valid phone number; ...". */
export const problems = (error: ZodError): string =>
  error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');

/** Actions are taken as the user's staff member; an admin login without one can only read (checked before the form is read). */
export const actingStaff = (request: FastifyRequest, doing: string): string =>
  actingStaffId(staffOf(request), undefined, { doing, who: 'staff member', field: 'staffId' });

/** The patient, if they belong to the signed-in user's practice (another practice's is "not found"): the actions' access check. */
export const ownPatient = (pool: Queryable, request: FastifyRequest, id: string = (request.params as { id?: string }).id ?? ''): Promise<Patient> =>
  patientFor(pool, staffOf(request), id);
