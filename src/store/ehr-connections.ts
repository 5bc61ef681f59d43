/** A practice's connection to its EHR's FHIR server: where it is, who we are there, where our key is. */
import { toIso, type Queryable } from './sql.js';

/** Where the process reads the private key: a file, or an environment variable by name. Never the key. */
export type PrivateKeySource = { file: string } | { env: string };

export interface EhrConnection {
  practiceId: string;
  fhirBaseUrl: string;
  tokenUrl: string;
  clientId: string;
  /** Space-separated SMART scopes asked for ('system/DocumentReference.crs ...'). */
  scopes: string;
  keyId: string;
  algorithm: 'RS384' | 'ES384';
  privateKey: PrivateKeySource;
  identifierSystem: string;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export type EhrConnectionSettings = Omit<EhrConnection, 'practiceId' | 'createdAt' | 'updatedAt'>;

interface Row {
  practice_id: string;
  fhir_base_url: string;
  token_url: string;
  client_id: string;
  scopes: string;
  key_id: string;
  algorithm: 'RS384' | 'ES384';
  private_key_file: string | null;
  private_key_env: string | null;
  identifier_system: string;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

const toConnection = (row: Row): EhrConnection => ({
  practiceId: row.practice_id,
  fhirBaseUrl: row.fhir_base_url,
  tokenUrl: row.token_url,
  clientId: row.client_id,
  scopes: row.scopes,
  keyId: row.key_id,
  algorithm: row.algorithm,
  privateKey: row.private_key_file !== null ? { file: row.private_key_file } : { env: row.private_key_env! },
  identifierSystem: row.identifier_system,
  enabled: row.enabled,
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

export async function findEhrConnection(db: Queryable, practiceId: string): Promise<EhrConnection | null> {
  const { rows } = await db.query<Row>('SELECT * FROM ehr_connections WHERE practice_id = $1', [practiceId]);
  return rows[0] ? toConnection(rows[0]) : null;
}

/** Creates or replaces the practice's connection. */
export async function saveEhrConnection(db: Queryable, practiceId: string, s: EhrConnectionSettings, at: Date): Promise<EhrConnection> {
  const file = 'file' in s.privateKey ? s.privateKey.file : null;
  const env = 'env' in s.privateKey ? s.privateKey.env : null;
  const { rows } = await db.query<Row>(
    `INSERT INTO ehr_connections (practice_id, fhir_base_url, token_url, client_id, scopes, key_id, algorithm,
       private_key_file, private_key_env, identifier_system, enabled, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
     ON CONFLICT (practice_id) DO UPDATE SET fhir_base_url = $2, token_url = $3, client_id = $4, scopes = $5, key_id = $6,
       algorithm = $7, private_key_file = $8, private_key_env = $9, identifier_system = $10, enabled = $11, updated_at = $12
     RETURNING *`,
    [practiceId, s.fhirBaseUrl, s.tokenUrl, s.clientId, s.scopes, s.keyId, s.algorithm, file, env, s.identifierSystem, s.enabled, at],
  );
  return toConnection(rows[0]!);
}
