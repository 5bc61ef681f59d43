import type { Queryable } from './sql.js';

export type ApiKeyRole = 'admin' | 'coordinator';

export interface ApiKey {
  id: string;
  practiceId: string;
  name: string;
  role: ApiKeyRole;
  /** The coordinator the key belongs to, if any: what they do with it is done as them. */
  coordinatorId: string | null;
  /** The first characters of the token, to tell keys apart in a list. */
  tokenPrefix: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

interface ApiKeyRow {
  id: string;
  practice_id: string;
  name: string;
  role: ApiKeyRole;
  coordinator_id: string | null;
  token_prefix: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  practiceId: row.practice_id,
  name: row.name,
  role: row.role,
  coordinatorId: row.coordinator_id,
  tokenPrefix: row.token_prefix,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

export async function insertApiKey(
  db: Queryable,
  key: {
    practiceId: string;
    name: string;
    role: ApiKeyRole;
    coordinatorId: string | null;
    tokenHash: string;
    tokenPrefix: string;
    createdBy: string;
  },
): Promise<ApiKey> {
  const { rows } = await db.query<ApiKeyRow>(
    `INSERT INTO api_keys (practice_id, name, role, coordinator_id, token_hash, token_prefix, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [key.practiceId, key.name, key.role, key.coordinatorId, key.tokenHash, key.tokenPrefix, key.createdBy],
  );
  return toApiKey(rows[0]!);
}

/** A key with the name and credential of the coordinator it belongs to, if any. */
export interface ApiKeyWithOwner extends ApiKey {
  owner: { name: string; credential: string | null } | null;
}

/** The live (not revoked) key with this token hash, and its coordinator, read with it so a request costs one query. */
export async function findActiveApiKeyByHash(db: Queryable, tokenHash: string): Promise<ApiKeyWithOwner | null> {
  const { rows } = await db.query<ApiKeyRow & { owner_name: string | null; owner_credential: string | null }>(
    `SELECT k.*, c.name AS owner_name, c.credential AS owner_credential
     FROM api_keys k LEFT JOIN coordinators c ON c.id = k.coordinator_id
     WHERE k.token_hash = $1 AND k.revoked_at IS NULL`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return null;
  return { ...toApiKey(row), owner: row.owner_name === null ? null : { name: row.owner_name, credential: row.owner_credential } };
}

export async function listApiKeys(db: Queryable, practiceId: string): Promise<ApiKey[]> {
  const { rows } = await db.query<ApiKeyRow>(
    'SELECT * FROM api_keys WHERE practice_id = $1 ORDER BY created_at, id',
    [practiceId],
  );
  return rows.map(toApiKey);
}

/** Revokes a key; revoking twice keeps the first revocation time. */
export async function revokeApiKey(db: Queryable, practiceId: string, id: string, at: Date): Promise<ApiKey | null> {
  const { rows } = await db.query<ApiKeyRow>(
    `UPDATE api_keys SET revoked_at = coalesce(revoked_at, $3)
     WHERE practice_id = $1 AND id = $2 RETURNING *`,
    [practiceId, id, at],
  );
  return rows[0] ? toApiKey(rows[0]) : null;
}
