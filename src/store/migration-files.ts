/**
 * The schema's sources, apart from the code that applies them (migrate.ts): the
 * versioned SQL files in store/migrations and what Agenda's job table is made of.
 * Light on purpose: a new embedded database looks up its prepared image by
 * schemaDigest() before the rest of the service (Agenda, luxon) has loaded.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOB_TABLE, JOB_TABLE_INDEXES } from './job-queue.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: string;
  sql: string;
}

let migrations: Migration[] | undefined;

/**
 * The versioned SQL files in store/migrations, in order. Read once per process (27 small files,
 * about a millisecond): they belong to this build of the service and do not change while it runs.
 */
export function readMigrations(): Migration[] {
  migrations ??= readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{3}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: file.replace(/\.sql$/, ''), sql: readFileSync(MIGRATIONS_DIR + file, 'utf8') }));
  return migrations;
}

/** The version of an installed package, read from its package.json beside its entry point. */
export function packageVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${name} has no package.json`);
    dir = parent;
  }
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * A digest of the whole schema migrate() builds: every migration's name and text, and
 * what Agenda's job table is made of (our table name and indexes, and the version of
 * @agendajs/postgres-backend, whose statements create it). Two databases migrated by
 * code with the same digest have the same schema (database-image.ts keys its image on
 * it). The backend's version stands for its statements so that this digest needs none
 * of Agenda loaded.
 */
export function schemaDigest(): string {
  const hash = createHash('sha256');
  const parts = [
    ...readMigrations().flatMap((m) => [m.version, m.sql]),
    JOB_TABLE,
    ...JOB_TABLE_INDEXES,
    `@agendajs/postgres-backend ${packageVersion('@agendajs/postgres-backend')}`,
  ];
  for (const part of parts) hash.update(`${part.length}:${part}`);
  return hash.digest('hex');
}
