import type { Queryable } from './sql.js';
import { credentialOf, staffRoleOf } from './staff.js';

// Coordinators are the staff the service can reach: those with a phone (see store/staff.ts for all staff).

export const COORDINATOR_ROLES = [
  'care_coordinator',
  'nurse',
  'medical_assistant',
  'physician',
  'nurse_practitioner',
  'physician_assistant',
] as const;
export type CoordinatorRole = (typeof COORDINATOR_ROLES)[number];

export interface Coordinator {
  id: string;
  practiceId: string;
  name: string;
  phone: string;
  email: string | null;
  role: CoordinatorRole;
  /** National Provider Identifier, where the practice recorded one. */
  npi: string | null;
  onCallOrder: number | null;
  active: boolean;
  /** Whether they get the morning digest. */
  receivesDigest: boolean;
  createdAt: string;
}

export interface NewCoordinator {
  practiceId: string;
  name: string;
  phone: string;
  email?: string | undefined;
  role: CoordinatorRole;
  npi?: string | undefined;
  onCallOrder?: number | undefined;
  receivesDigest?: boolean | undefined;
}

interface CoordinatorRow {
  id: string;
  practice_id: string;
  name: string;
  phone: string;
  email: string | null;
  role: CoordinatorRole;
  npi: string | null;
  on_call_order: number | null;
  active: boolean;
  receives_digest: boolean;
  created_at: Date;
}

const toCoordinator = (row: CoordinatorRow): Coordinator => ({
  id: row.id,
  practiceId: row.practice_id,
  name: row.name,
  phone: row.phone,
  email: row.email,
  role: row.role,
  npi: row.npi,
  onCallOrder: row.on_call_order,
  active: row.active,
  receivesDigest: row.receives_digest,
  createdAt: row.created_at.toISOString(),
});

export async function insertCoordinator(db: Queryable, c: NewCoordinator): Promise<Coordinator> {
  const { rows } = await db.query<CoordinatorRow>(
    `INSERT INTO coordinators (practice_id, name, phone, email, role, on_call_order, receives_digest, staff_role, credential, npi)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [
      c.practiceId,
      c.name,
      c.phone,
      c.email ?? null,
      c.role,
      c.onCallOrder ?? null,
      c.receivesDigest ?? true,
      staffRoleOf(c.role),
      credentialOf(c.role),
      c.npi ?? null,
    ],
  );
  return toCoordinator(rows[0]!);
}

export interface CoordinatorChanges {
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | null | undefined;
  role?: CoordinatorRole | undefined;
  /** null: no NPI on file. */
  npi?: string | null | undefined;
  /** null takes them off call. */
  onCallOrder?: number | null | undefined;
  active?: boolean | undefined;
  receivesDigest?: boolean | undefined;
}

/** Applies the given changes; a field left undefined keeps its value. Null when there is no such coordinator. */
export async function updateCoordinator(db: Queryable, practiceId: string, id: string, c: CoordinatorChanges, at: Date): Promise<Coordinator | null> {
  const { rows } = await db.query<CoordinatorRow>(
    `UPDATE coordinators SET
       name = coalesce($3, name), phone = coalesce($4, phone),
       email = CASE WHEN $5 THEN $6 ELSE email END, role = coalesce($7, role),
       staff_role = CASE WHEN $7::text IS NULL THEN staff_role
                         WHEN $7 IN ('physician', 'nurse_practitioner', 'physician_assistant') THEN 'practitioner'
                         ELSE 'clinical_staff' END,
       on_call_order = CASE WHEN $8 THEN $9::int ELSE on_call_order END,
       active = coalesce($10, active), receives_digest = coalesce($11, receives_digest), updated_at = $12,
       npi = CASE WHEN $13 THEN $14 ELSE npi END
     WHERE practice_id = $1 AND id = $2 AND (phone IS NOT NULL OR $4::text IS NOT NULL) RETURNING *`,
    [
      practiceId,
      id,
      c.name ?? null,
      c.phone ?? null,
      c.email !== undefined,
      c.email ?? null,
      c.role ?? null,
      c.onCallOrder !== undefined,
      c.onCallOrder ?? null,
      c.active ?? null,
      c.receivesDigest ?? null,
      at,
      c.npi !== undefined,
      c.npi ?? null,
    ],
  );
  return rows[0] ? toCoordinator(rows[0]) : null;
}

export async function listCoordinators(db: Queryable, practiceId: string): Promise<Coordinator[]> {
  const { rows } = await db.query<CoordinatorRow>(
    'SELECT * FROM coordinators WHERE practice_id = $1 AND phone IS NOT NULL ORDER BY on_call_order NULLS LAST, created_at, id',
    [practiceId],
  );
  return rows.map(toCoordinator);
}

export async function findCoordinator(db: Queryable, practiceId: string, id: string): Promise<Coordinator | null> {
  const { rows } = await db.query<CoordinatorRow>(
    'SELECT * FROM coordinators WHERE practice_id = $1 AND id = $2 AND phone IS NOT NULL',
    [practiceId, id],
  );
  return rows[0] ? toCoordinator(rows[0]) : null;
}

/** Active coordinators who take urgent calls, first to call first. */
export async function listOnCall(db: Queryable, practiceId: string): Promise<Coordinator[]> {
  const { rows } = await db.query<CoordinatorRow>(
    `SELECT * FROM coordinators WHERE practice_id = $1 AND active AND on_call_order IS NOT NULL AND phone IS NOT NULL
     ORDER BY on_call_order, created_at`,
    [practiceId],
  );
  return rows.map(toCoordinator);
}
