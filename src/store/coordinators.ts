import type { Queryable } from './sql.js';

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
  onCallOrder: number | null;
  active: boolean;
  createdAt: string;
}

export interface NewCoordinator {
  practiceId: string;
  name: string;
  phone: string;
  email?: string | undefined;
  role: CoordinatorRole;
  onCallOrder?: number | undefined;
}

interface CoordinatorRow {
  id: string;
  practice_id: string;
  name: string;
  phone: string;
  email: string | null;
  role: CoordinatorRole;
  on_call_order: number | null;
  active: boolean;
  created_at: Date;
}

const toCoordinator = (row: CoordinatorRow): Coordinator => ({
  id: row.id,
  practiceId: row.practice_id,
  name: row.name,
  phone: row.phone,
  email: row.email,
  role: row.role,
  onCallOrder: row.on_call_order,
  active: row.active,
  createdAt: row.created_at.toISOString(),
});

export async function insertCoordinator(db: Queryable, c: NewCoordinator): Promise<Coordinator> {
  const { rows } = await db.query<CoordinatorRow>(
    `INSERT INTO coordinators (practice_id, name, phone, email, role, on_call_order)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [c.practiceId, c.name, c.phone, c.email ?? null, c.role, c.onCallOrder ?? null],
  );
  return toCoordinator(rows[0]!);
}

export async function listCoordinators(db: Queryable, practiceId: string): Promise<Coordinator[]> {
  const { rows } = await db.query<CoordinatorRow>(
    'SELECT * FROM coordinators WHERE practice_id = $1 ORDER BY on_call_order NULLS LAST, created_at, id',
    [practiceId],
  );
  return rows.map(toCoordinator);
}

export async function findCoordinator(db: Queryable, practiceId: string, id: string): Promise<Coordinator | null> {
  const { rows } = await db.query<CoordinatorRow>(
    'SELECT * FROM coordinators WHERE practice_id = $1 AND id = $2',
    [practiceId, id],
  );
  return rows[0] ? toCoordinator(rows[0]) : null;
}

/** Active coordinators who take urgent calls, first to call first. */
export async function listOnCall(db: Queryable, practiceId: string): Promise<Coordinator[]> {
  const { rows } = await db.query<CoordinatorRow>(
    `SELECT * FROM coordinators WHERE practice_id = $1 AND active AND on_call_order IS NOT NULL
     ORDER BY on_call_order, created_at`,
    [practiceId],
  );
  return rows.map(toCoordinator);
}
