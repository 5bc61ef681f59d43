import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { getCreateIndexesSQL, getCreateTableSQL, getUpdateTimestampTriggerSQL } from '@agendajs/postgres-backend';
import { JOB_TABLE } from './job-queue.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Any fixed number; instances starting together queue on it instead of migrating twice. */
const MIGRATION_LOCK_KEY = 7_310_442_019;

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies the versioned SQL files in store/migrations that have not run yet,
 * each in its own transaction, recording them in `schema_migrations`. An
 * advisory lock makes concurrent starts wait for each other. Agenda's job
 * table is created here too, under the same lock: Agenda's own
 * create-if-missing is not safe when two instances start at once.
 */
export async function migrate(pool: pg.Pool): Promise<MigrationResult> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((file) => /^\d{3}_[\w-]+\.sql$/.test(file)).sort();
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
    for (const file of files) {
      const version = file.replace(/\.sql$/, '');
      const sql = await readFile(MIGRATIONS_DIR + file, 'utf8');
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

/** Agenda's own schema statements (all idempotent), run on the connection that holds the lock. */
async function ensureJobTable(client: pg.PoolClient): Promise<void> {
  await client.query(getCreateTableSQL(JOB_TABLE));
  for (const sql of getCreateIndexesSQL(JOB_TABLE)) await client.query(sql);
  await client.query(getUpdateTimestampTriggerSQL(JOB_TABLE));
}
