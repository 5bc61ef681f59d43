/**
 * The one access check, for the API and the web app alike: a caller sees and
 * changes its own practice only, and some changes need an admin. Another
 * practice's records answer "not found", exactly as if they did not exist, so
 * nobody can probe which ids exist elsewhere.
 */
import { DomainError, notFound } from '../errors.js';
import { findCoordinator } from '../store/coordinators.js';
import { findPatient, type Patient } from '../store/patients.js';
import { findPractice, type Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { viaWebApp, type Staff } from './context.js';

export type RequiredRole = 'coordinator' | 'admin';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that cannot exist is "not found" before the database is asked (it would refuse to compare it). */
export const isUuid = (id: string) => UUID.test(id);

/** Checks that `actor` may act on `practiceId` with at least `role`; `what` names the record in a 404. */
export function authorize(actor: Staff, practiceId: string, role: RequiredRole, what: string): void {
  if (actor.kind === 'admin_token') return;
  if (actor.practiceId !== practiceId) throw notFound(what);
  if (role === 'admin' && actor.role !== 'admin') {
    throw new DomainError(
      'forbidden',
      actor.kind === 'api_key'
        ? `This needs an admin API key; this key has the ${actor.role} role`
        : `This needs an admin of the practice; your login has the ${actor.role} role`,
    );
  }
}

/** Operations across practices (creating a practice) are for the bootstrap admin token only. */
export function requireAdminToken(actor: Staff): void {
  if (actor.kind !== 'admin_token') throw new DomainError('forbidden', 'Only the bootstrap ADMIN_TOKEN can do this');
}

/** The practice, if `actor` may act on it with `role` (checked before the database is read). */
export async function practiceFor(db: Queryable, actor: Staff, practiceId: string, role: RequiredRole): Promise<Practice> {
  authorize(actor, practiceId, role, 'practice');
  const practice = isUuid(practiceId) ? await findPractice(db, practiceId) : null;
  if (!practice) throw notFound('practice');
  return practice;
}

/** The patient, if `actor` may see them with `role`; another practice's patient is "not found". */
export async function patientFor(db: Queryable, actor: Staff, patientId: string, role: RequiredRole = 'coordinator'): Promise<Patient> {
  const patient = isUuid(patientId) ? await findPatient(db, patientId) : null;
  if (!patient) throw notFound('patient');
  authorize(actor, patient.practiceId, role, 'patient');
  return patient;
}

/**
 * The staff member who acts: a signed-in user acts as their own staff record;
 * an API caller names one, or acts as the coordinator its key belongs to.
 * `who` completes "name the ..." when an API caller named nobody.
 */
export function actingStaffId(actor: Staff, named: string | undefined, purpose: { doing: string; who: string; field: string }): string {
  if (actor.kind === 'user') {
    if (!actor.staffId) {
      throw new DomainError('forbidden', `Your login is not linked to a staff member, so it cannot ${purpose.doing}. Ask an admin to link it.`);
    }
    return actor.staffId;
  }
  const id = named ?? (actor.kind === 'api_key' ? actor.coordinatorId : null);
  if (!id) throw new DomainError('validation_failed', `name the ${purpose.who} (this API key belongs to no coordinator)`, purpose.field);
  return id;
}

/**
 * The coordinator who acts on an alert or a text: a signed-in user as their
 * own staff record (which need not have a phone); an API caller as the one it
 * names, or its key's, who must be a coordinator of the practice.
 */
export async function actingCoordinator(db: Queryable, actor: Staff, practiceId: string, named: string | undefined, doing: string): Promise<string> {
  const id = actingStaffId(actor, named, { doing, who: 'coordinator who acts', field: 'coordinatorId' });
  if (!viaWebApp(actor) && !(await findCoordinator(db, practiceId, id))) {
    throw new DomainError('validation_failed', 'no coordinator with this id works at this practice', 'coordinatorId');
  }
  return id;
}

/**
 * Who wrote something, as the record shows it to people: the admin token,
 * the coordinator an API key belongs to or the key's name (never its id,
 * which tells a reader nothing), or the signed-in staff member's name.
 */
export function writerLabel(actor: Staff): string {
  if (actor.kind === 'admin_token') return 'admin token';
  return actor.kind === 'api_key' ? actor.label : actor.name;
}

/** Who wrote something, as a stable key (rule sets and API keys keep it): 'admin_token', 'api_key:<id>', 'user:<id>'. */
export function writerKey(actor: Staff): string {
  if (actor.kind === 'admin_token') return 'admin_token';
  return actor.kind === 'api_key' ? `api_key:${actor.keyId}` : `user:${actor.userId}`;
}
