import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { analyzeGrownTables } from '../../src/store/statistics.js';
import { createTestDatabase } from '../helpers/database.js';

/** The planner's counts, renewed as autovacuum would renew them (embedded PGlite has no autovacuum). */
describe("the tables' statistics", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  const counted = async (table: string) =>
    (await db.pool.query<{ pages: number; size: number }>(
      `SELECT relpages AS pages, pg_relation_size(oid) / current_setting('block_size')::int AS size FROM pg_class WHERE oid = $1::regclass`,
      [table],
    )).rows[0]!;

  it('are taken for a table never counted, then again only once it has grown by a tenth', async () => {
    await analyzeGrownTables(db.pool);
    // Nothing changed since: nothing to count.
    expect(await analyzeGrownTables(db.pool)).toEqual([]);
    // A few rows are not a tenth of anything counted: no need yet.
    await db.pool.query(`INSERT INTO agenda_jobs (name, next_run_at) SELECT 'test.stats', now() FROM generate_series(1, 10)`);
    expect(await analyzeGrownTables(db.pool)).toEqual([]);
    await db.pool.query(`INSERT INTO agenda_jobs (name, next_run_at) SELECT 'test.stats', now() FROM generate_series(1, 3000)`);
    const grown = await counted('agenda_jobs');
    expect(grown.size).toBeGreaterThan(grown.pages);
    await analyzeGrownTables(db.pool);
    // Counted as it now stands (on a server, autovacuum may have been first: the same).
    const after = await counted('agenda_jobs');
    expect(after.pages).toBe(after.size);
  });
});
