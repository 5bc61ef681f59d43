import { toIso, type Queryable } from './sql.js';

export type UserRole = 'admin' | 'coordinator' | 'practitioner';

export interface User {
  id: string;
  practiceId: string;
  /** The staff member they act as; null for an admin who is not one. */
  staffId: string | null;
  name: string;
  email: string;
  role: UserRole;
  active: boolean;
  createdAt: string;
}

interface UserRow {
  id: string;
  practice_id: string;
  staff_id: string | null;
  name: string;
  email: string;
  role: UserRole;
  password_hash: string;
  active: boolean;
  created_at: Date;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  practiceId: row.practice_id,
  staffId: row.staff_id,
  name: row.name,
  email: row.email,
  role: row.role,
  active: row.active,
  createdAt: toIso(row.created_at),
});

export interface NewUser {
  practiceId: string;
  staffId: string | null;
  name: string;
  email: string;
  role: UserRole;
  passwordHash: string;
  createdBy: string;
  at: Date;
}

export async function insertUser(db: Queryable, u: NewUser): Promise<User> {
  const { rows } = await db.query<UserRow>(
    `INSERT INTO users (practice_id, staff_id, name, email, role, password_hash, created_by, created_at)
     VALUES ($1, $2, $3, lower($4), $5, $6, $7, $8) RETURNING *`,
    [u.practiceId, u.staffId, u.name, u.email, u.role, u.passwordHash, u.createdBy, u.at],
  );
  return toUser(rows[0]!);
}

/** The user and their password hash, by address (any case). */
export async function findUserForSignIn(db: Queryable, email: string): Promise<{ user: User; passwordHash: string } | null> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE email = lower($1)', [email]);
  return rows[0] ? { user: toUser(rows[0]), passwordHash: rows[0].password_hash } : null;
}

export async function findUser(db: Queryable, id: string): Promise<User | null> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function listUsers(db: Queryable, practiceId: string): Promise<User[]> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE practice_id = $1 ORDER BY name, id', [practiceId]);
  return rows.map(toUser);
}

export interface SignInFailures {
  failures: number;
  firstAt: Date;
  lockedUntil: Date | null;
}

export async function findSignInFailures(db: Queryable, email: string): Promise<SignInFailures | null> {
  const { rows } = await db.query<{ failures: number; first_at: Date; locked_until: Date | null }>(
    'SELECT failures, first_at, locked_until FROM sign_in_failures WHERE email = lower($1)',
    [email],
  );
  return rows[0] ? { failures: rows[0].failures, firstAt: rows[0].first_at, lockedUntil: rows[0].locked_until } : null;
}

export async function saveSignInFailures(db: Queryable, email: string, f: SignInFailures): Promise<void> {
  await db.query(
    `INSERT INTO sign_in_failures (email, failures, first_at, locked_until) VALUES (lower($1), $2, $3, $4)
     ON CONFLICT (email) DO UPDATE SET failures = $2, first_at = $3, locked_until = $4`,
    [email, f.failures, f.firstAt, f.lockedUntil],
  );
}

export async function clearSignInFailures(db: Queryable, email: string): Promise<void> {
  await db.query('DELETE FROM sign_in_failures WHERE email = lower($1)', [email]);
}
