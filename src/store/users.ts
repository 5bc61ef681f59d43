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

export interface SignInAttempt {
  /** This attempt's number within the current window (1 for the first). */
  attempt: number;
  /** Set once the window's attempts reach the limit. */
  lockedUntil: Date | null;
}

export interface SignInLimits {
  max: number;
  windowMs: number;
  lockMs: number;
}

/**
 * Counts a sign-in attempt for an address before its password is checked, in
 * one statement: concurrent guesses each get their own number, so the attempt
 * after the limit is refused however many arrive at once. A lock that has run
 * out, or a window that has passed, starts the count again.
 */
export async function countSignInAttempt(db: Queryable, email: string, at: Date, limits: SignInLimits): Promise<SignInAttempt> {
  const windowStart = new Date(at.getTime() - limits.windowMs);
  const lockEnds = new Date(at.getTime() + limits.lockMs);
  // In SET, f.* is the row as it was: the expressions below see the count before this attempt.
  const { rows } = await db.query<{ failures: number; locked_until: Date | null }>(
    `INSERT INTO sign_in_failures AS f (email, failures, first_at, locked_until) VALUES (lower($1), 1, $2, NULL)
     ON CONFLICT (email) DO UPDATE SET
       failures = CASE WHEN f.locked_until > $2 THEN f.failures + 1
                       WHEN f.locked_until IS NOT NULL OR f.first_at < $3 THEN 1
                       ELSE f.failures + 1 END,
       first_at = CASE WHEN f.locked_until > $2 OR (f.locked_until IS NULL AND f.first_at >= $3) THEN f.first_at ELSE $2 END,
       locked_until = CASE WHEN f.locked_until > $2 THEN f.locked_until
                           WHEN f.locked_until IS NULL AND f.first_at >= $3 AND f.failures + 1 >= $5 THEN $4::timestamptz END
     RETURNING f.failures, f.locked_until`,
    [email, at, windowStart, lockEnds, limits.max],
  );
  return { attempt: rows[0]!.failures, lockedUntil: rows[0]!.locked_until };
}

export async function clearSignInFailures(db: Queryable, email: string): Promise<void> {
  await db.query('DELETE FROM sign_in_failures WHERE email = lower($1)', [email]);
}
