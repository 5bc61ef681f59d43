import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../helpers/database.js';
import { getCreateIndexesSQL } from '@agendajs/postgres-backend';
import { migrate } from '../../src/store/migrate.js';
import { JOB_TABLE } from '../../src/store/job-queue.js';
import type { Database } from '../../src/store/database.js';

let db: Database;
beforeAll(async () => {
  db = await createEmptyDatabase();
});
afterAll(() => db.close());

/** Every migration in the repository, in order. */
const versions = readdirSync(new URL('../../src/store/migrations/', import.meta.url))
  .filter((file) => file.endsWith('.sql'))
  .map((file) => file.replace(/\.sql$/, ''))
  .sort();

const tables = async () =>
  (
    await db.pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    )
  ).rows.map((row) => row.table_name);

describe('migrations', () => {
  it('build the schema from an empty database, once, even when started twice at the same moment', async () => {
    expect(await tables()).toEqual([]);
    const [first, second] = await Promise.all([migrate(db.pool), migrate(db.pool)]);
    // One of the two applied everything; the other waited on the lock and found nothing to do.
    expect([...first.applied, ...second.applied].sort()).toEqual(versions);
    expect(await tables()).toEqual(
      expect.arrayContaining(['agenda_jobs', 'api_keys', 'audit_log', 'conversations', 'messages', 'patients', 'practices', 'schema_migrations']),
    );
    const recorded = await db.pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(recorded.rows.map((row) => row.version)).toEqual(versions);
    expect(versions.slice(0, 2)).toEqual(['001_foundation', '002_conversations']);
  });

  it('apply nothing on a later start', async () => {
    expect((await migrate(db.pool)).applied).toEqual([]);
  });

  it("drop Agenda's own claim indexes, which ours replace, where an older start made them, and keep its single-job index", async () => {
    const jobIndexes = async () =>
      (await db.pool.query<{ indexname: string }>('SELECT indexname FROM pg_indexes WHERE tablename = $1 ORDER BY indexname', [JOB_TABLE])).rows.map((r) => r.indexname);
    // As a start before this change left the table: Agenda's indexes, and a fingerprint that is not today's.
    for (const sql of getCreateIndexesSQL(JOB_TABLE)) await db.pool.query(sql);
    await db.pool.query(`COMMENT ON TABLE ${JOB_TABLE} IS 'an older job table'`);
    expect(await jobIndexes()).toContain(`${JOB_TABLE}_find_and_lock_idx`);

    await migrate(db.pool);
    expect(await jobIndexes()).toEqual([
      `${JOB_TABLE}_locked_idx`,
      `${JOB_TABLE}_pkey`,
      `${JOB_TABLE}_single_job_idx`,
      `${JOB_TABLE}_waiting_by_name_idx`,
      `${JOB_TABLE}_waiting_idx`,
    ]);
  });
});

