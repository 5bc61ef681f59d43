import { createHash } from 'node:crypto';
import type pg from 'pg';
import { getCreateIndexesSQL, getCreateTableSQL, getUpdateTimestampTriggerSQL } from '@agendajs/postgres-backend';
import { AGENDA_INDEXES_NOT_USED, JOB_TABLE, JOB_TABLE_INDEXES } from './job-queue.js';
import { readMigrations, type Migration } from './migration-files.js';

/** Any fixed number; instances starting together queue on it instead of migrating twice. */
const MIGRATION_LOCK_KEY = 7_310_442_019;

export interface MigrationResult {
  applied: string[];
}

/**
 * Agenda's own schema statements (less the indexes we do not use), and our indexes on its table
 * (job-queue.ts), all idempotent. They
 * run after the numbered migrations, which is why the indexes are here and not in one: a database
 * that already has the table gets them at its next start, since they change the fingerprint below.
 */
const jobTableStatements = () => [
  getCreateTableSQL(JOB_TABLE),
  ...getCreateIndexesSQL(JOB_TABLE).filter((sql) => !AGENDA_INDEXES_NOT_USED.some((name) => sql.includes(`"${name}"`))),
  ...AGENDA_INDEXES_NOT_USED.map((name) => `DROP INDEX IF EXISTS ${name}`),
  ...JOB_TABLE_INDEXES,
  getUpdateTimestampTriggerSQL(JOB_TABLE),
];

const digest = (parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:${part}`);
  return hash.digest('hex');
};

/** Which job table the running code wants, kept as the table's comment so a later start can skip recreating it. */
const jobTableFingerprint = () => `ccm-bot job table ${digest(jobTableStatements()).slice(0, 16)}`;

/**
 * True when every migration is recorded and the job table is the one this
 * code wants: most starts. Two reads and no DDL: the idempotent statements of
 * the full path cost about half a second on the embedded database (loading
 * PL/pgSQL for Agenda's trigger function alone is a fifth of it).
 */
async function upToDate(pool: pg.Pool, migrations: Migration[]): Promise<boolean> {
  // A checked-out client, as below: the embedded pool's first connection resets prepared statements on connect.
  const client = await pool.connect();
  const ignore = () => {};
  client.on('error', ignore);
  try {
    const found = await client.query<{ migrations: string | null; job_table: string | null }>(
      `SELECT to_regclass('schema_migrations')::text AS migrations,
              obj_description(to_regclass('${JOB_TABLE}'), 'pg_class') AS job_table`,
    );
    const { migrations: table, job_table: jobTable } = found.rows[0]!;
    if (table === null || jobTable !== jobTableFingerprint()) return false;
    const recorded = await client.query<{ version: string }>('SELECT version FROM schema_migrations');
    const versions = new Set(recorded.rows.map((row) => row.version));
    return migrations.every((m) => versions.has(m.version));
  } finally {
    client.off('error', ignore);
    client.release();
  }
}

/**
 * Applies the versioned SQL files in store/migrations that have not run yet,
 * each in its own transaction, recording them in `schema_migrations`. An
 * advisory lock makes concurrent starts wait for each other. Agenda's job
 * table is created here too, under the same lock: Agenda's own
 * create-if-missing is not safe when two instances start at once.
 */
export async function migrate(pool: pg.Pool): Promise<MigrationResult> {
  const migrations = readMigrations();
  // Nothing to do needs no lock: a migration another instance is applying is not recorded yet, so this start takes the full path and waits for it.
  if (await upToDate(pool, migrations)) return { applied: [] };
  const lockClient = await pool.connect();
  // A connection lost while checked out emits 'error'; the failing query reports it.
  const ignore = () => {};
  lockClient.on('error', ignore);
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await lockClient.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied: string[] = [];
    for (const { version, sql } of migrations) {
      if (await applyOnce(lockClient, version, sql)) applied.push(version);
    }
    await ensureJobTable(lockClient);
    return { applied };
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    lockClient.off('error', ignore);
    lockClient.release();
  }
}

/**
 * Runs one migration unless it already ran. Claiming the version first, in the
 * same transaction, keeps this safe even where the advisory lock is not
 * exclusive (PGlite is a single session, so every connection shares its locks).
 */
async function applyOnce(client: pg.PoolClient, version: string, sql: string): Promise<boolean> {
  try {
    await client.query('BEGIN');
    const claim = await client.query(
      'INSERT INTO schema_migrations (version) VALUES ($1) ON CONFLICT (version) DO NOTHING RETURNING version',
      [version],
    );
    if (claim.rowCount === 0) {
      await client.query('COMMIT');
      return false;
    }
    await client.query(sql);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw new Error(`migration ${version} failed: ${(error as Error).message}`, { cause: error });
  }
}

/** Agenda's own schema statements (all idempotent), run on the connection that holds the lock, then marked as done. */
async function ensureJobTable(client: pg.PoolClient): Promise<void> {
  for (const sql of jobTableStatements()) await client.query(sql);
  await client.query(`COMMENT ON TABLE ${JOB_TABLE} IS '${jobTableFingerprint()}'`);
}
