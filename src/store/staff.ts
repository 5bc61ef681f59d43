/**
 * Staff members, for documentation and billing: every coordinator (clinical
 * staff unless a physician, NP or PA) and the practitioners added without a
 * phone. They share the coordinators table so one id names a person everywhere.
 */
import type { StaffRole } from '../documentation/types.js';
import type { CoordinatorRole } from './coordinators.js';
import type { Queryable } from './sql.js';

export interface StaffMember {
  id: string;
  practiceId: string;
  name: string;
  role: StaffRole;
  credential: string | null;
  phone: string | null;
  email: string | null;
  /** National Provider Identifier, where the practice recorded one. */
  npi: string | null;
  /** Also a coordinator: the service can call and text them (they have a phone). */
  coordinator: boolean;
  active: boolean;
  createdAt: string;
}

export interface NewStaffMember {
  practiceId: string;
  name: string;
  role: StaffRole;
  credential: string;
  phone?: string | undefined;
  email?: string | undefined;
  npi?: string | undefined;
}

interface StaffRow {
  id: string;
  practice_id: string;
  name: string;
  staff_role: StaffRole;
  credential: string | null;
  phone: string | null;
  email: string | null;
  npi: string | null;
  active: boolean;
  created_at: Date;
}

const toStaff = (row: StaffRow): StaffMember => ({
  id: row.id,
  practiceId: row.practice_id,
  name: row.name,
  role: row.staff_role,
  credential: row.credential,
  phone: row.phone,
  email: row.email,
  npi: row.npi,
  coordinator: row.phone !== null,
  active: row.active,
  createdAt: row.created_at.toISOString(),
});

const PRACTITIONER_ROLES: readonly CoordinatorRole[] = ['physician', 'nurse_practitioner', 'physician_assistant'];

/** A coordinator's billing role follows their job: physicians, NPs and PAs bill as practitioners. */
export const staffRoleOf = (role: CoordinatorRole): StaffRole => (PRACTITIONER_ROLES.includes(role) ? 'practitioner' : 'clinical_staff');

const CREDENTIALS: Partial<Record<CoordinatorRole, string>> = {
  nurse: 'RN',
  medical_assistant: 'MA',
  physician: 'MD',
  nurse_practitioner: 'NP',
  physician_assistant: 'PA',
};

/** The credential a coordinator's job implies, until someone records theirs. */
export const credentialOf = (role: CoordinatorRole): string | null => CREDENTIALS[role] ?? null;

/** The job title kept on the coordinators row for a staff member added by credential. */
function jobOf(role: StaffRole, credential: string): CoordinatorRole {
  const c = credential.toUpperCase().replace(/[^A-Z]/g, '');
  if (role === 'practitioner') return c === 'NP' || c === 'APRN' || c === 'FNP' ? 'nurse_practitioner' : c === 'PA' || c === 'PAC' ? 'physician_assistant' : 'physician';
  if (['RN', 'LPN', 'LVN', 'BSN'].includes(c)) return 'nurse';
  if (c === 'MA' || c === 'CMA') return 'medical_assistant';
  return 'care_coordinator';
}

export async function insertStaff(db: Queryable, s: NewStaffMember): Promise<StaffMember> {
  const { rows } = await db.query<StaffRow>(
    `INSERT INTO coordinators (practice_id, name, phone, email, role, staff_role, credential, receives_digest, npi)
     VALUES ($1, $2, $3, $4, $5, $6, $7, false, $8) RETURNING *`,
    [s.practiceId, s.name, s.phone ?? null, s.email ?? null, jobOf(s.role, s.credential), s.role, s.credential, s.npi ?? null],
  );
  return toStaff(rows[0]!);
}

export async function listStaff(db: Queryable, practiceId: string): Promise<StaffMember[]> {
  const { rows } = await db.query<StaffRow>('SELECT * FROM coordinators WHERE practice_id = $1 ORDER BY staff_role, name, id', [practiceId]);
  return rows.map(toStaff);
}

export async function findStaff(db: Queryable, practiceId: string, id: string): Promise<StaffMember | null> {
  const { rows } = await db.query<StaffRow>('SELECT * FROM coordinators WHERE practice_id = $1 AND id = $2', [practiceId, id]);
  return rows[0] ? toStaff(rows[0]) : null;
}

/** Locks a staff member's row: their time entries are checked for overlap one writer at a time. */
export async function lockStaff(db: Queryable, id: string): Promise<void> {
  await db.query('SELECT 1 FROM coordinators WHERE id = $1 FOR UPDATE', [id]);
}

/** "Nora Nurse, RN": one rule for every place that names a staff member (documentation/staff-label.ts). */
export { staffLabel } from '../documentation/staff-label.js';
