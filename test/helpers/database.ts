import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';

export type TestDbKind = 'server' | 'pglite';
export const testDbKind = (): TestDbKind => (process.env.TEST_DB === 'server' ? 'server' : 'pglite');

/**
 * A new, empty database for one test file: a fresh database on the
 * PostgreSQL server (dropped on close), or an in-memory PGlite.
 */
export async function createEmptyDatabase(): Promise<Database> {
  if (testDbKind() === 'pglite') {
    const template = new Blob([await readFile(inject('pgliteTemplate'))]);
    return openDatabase({ dataDir: 'memory://', loadDataDir: template });
  }
  const server = await createServerDatabase();
  const db = await openDatabase({ url: server.url });
  return {
    ...db,
    async close() {
      await db.close();
      await server.drop();
    },
  };
}

/** A new, empty database on the PostgreSQL server at TEST_DATABASE_URL, by its URL (for a service process of its own). */
export async function createServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: this test needs the PostgreSQL server');
  const name = `ccm_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** A migrated database for one test file. */
export async function createTestDatabase(): Promise<Database> {
  const db = await createEmptyDatabase();
  await migrate(db.pool);
  return db;
}

const MIGRATIONS = new URL('../../src/store/migrations/', import.meta.url);

/**
 * The schema as it stood before migration `version` ('014'): every earlier
 * migration applied and recorded as migrate() records them, for tests of
 * how a migration upgrades a database already in use.
 */
export async function migrateBefore(db: Database, version: string): Promise<void> {
  await db.pool.query('CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const files = (await readdir(MIGRATIONS)).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f) && f < version).sort();
  for (const file of files) {
    await db.pool.query(await readFile(new URL(file, MIGRATIONS), 'utf8'));
    await db.pool.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file.replace(/\.sql$/, '')]);
  }
}
