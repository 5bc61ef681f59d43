import type { Queryable } from './sql.js';

export interface UserSession {
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
}

export async function insertSession(db: Queryable, s: { tokenHash: string; userId: string; csrfToken: string; at: Date }): Promise<void> {
  await db.query('INSERT INTO user_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)', [
    s.tokenHash,
    s.userId,
    s.csrfToken,
    s.at,
  ]);
}

export async function findSession(db: Queryable, tokenHash: string): Promise<UserSession | null> {
  const { rows } = await db.query<{ user_id: string; csrf_token: string; created_at: Date; last_seen_at: Date; ended_at: Date | null }>(
    'SELECT user_id, csrf_token, created_at, last_seen_at, ended_at FROM user_sessions WHERE token_hash = $1',
    [tokenHash],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at, endedAt: row.ended_at } : null;
}

export async function touchSession(db: Queryable, tokenHash: string, at: Date): Promise<void> {
  await db.query('UPDATE user_sessions SET last_seen_at = greatest(last_seen_at, $2) WHERE token_hash = $1 AND ended_at IS NULL', [tokenHash, at]);
}

export async function endSession(db: Queryable, tokenHash: string, at: Date, reason: 'signed_out' | 'inactive'): Promise<void> {
  await db.query('UPDATE user_sessions SET ended_at = $2, end_reason = $3 WHERE token_hash = $1 AND ended_at IS NULL', [tokenHash, at, reason]);
}
