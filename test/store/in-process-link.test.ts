import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { withTransaction } from '../../src/store/sql.js';

/**
 * The in-memory database reached without the socket (store/in-process-link.ts, the panel
 * simulator's): the driver must see the same PostgreSQL it sees through the socket.
 */
describe.runIf(process.env.TEST_DB !== 'server')('an in-memory database linked in process', () => {
  let db: Database;

  beforeAll(async () => {
    const template = new Blob([await readFile(inject('pgliteTemplate'))]);
    db = await openDatabase({ dataDir: 'memory://', loadDataDir: template, inProcess: true });
    await migrate(db.pool);
  });
  afterAll(() => db.close());

  it('answers queries with parameters, named statements and many rows', async () => {
    expect((await db.pool.query('SELECT $1::int + 1 AS x', [41])).rows).toEqual([{ x: 42 }]);
    for (let i = 0; i < 3; i += 1) {
      const { rows } = await db.pool.query({ name: 'link-test', text: 'SELECT $1::text AS s', values: [`v${i}`] });
      expect(rows).toEqual([{ s: `v${i}` }]);
    }
    const { rows } = await db.pool.query('SELECT g FROM generate_series(1, 5000) g');
    expect(rows).toHaveLength(5000);
  });

  it('runs the migrations (one transaction, many statements) and holds their schema', async () => {
    const { rows } = await db.pool.query("SELECT to_regclass('agenda_jobs') IS NOT NULL AS jobs, to_regclass('patients') IS NOT NULL AS patients");
    expect(rows).toEqual([{ jobs: true, patients: true }]);
  });

  it('reports an error in a transaction, rolls it back, and serves the next query', async () => {
    await expect(
      withTransaction(db.pool, async (tx) => {
        await tx.query('CREATE TABLE link_probe (n int)');
        await tx.query('SELECT 1 / 0');
      }),
    ).rejects.toThrow(/division by zero/);
    expect((await db.pool.query("SELECT to_regclass('link_probe') IS NULL AS gone")).rows).toEqual([{ gone: true }]);
    // A failed pool.query() discards its connection: the next one starts a new connection on the same session.
    await expect(db.pool.query('SELECT * FROM no_such_table')).rejects.toThrow(/does not exist/);
    expect((await db.pool.query({ name: 'link-test', text: 'SELECT $1::text AS s', values: ['again'] })).rows).toEqual([{ s: 'again' }]);
  });

  it('prepares each statement with parameters once and runs it by name after, across a failed query', async () => {
    const text = 'SELECT 12 / $1::int AS q';
    const prepared = async () =>
      (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1', [text])).rows[0]!.n;
    for (const [d, q] of [[1, 12], [2, 6], [3, 4]]) expect((await db.pool.query(text, [d])).rows).toEqual([{ q }]);
    expect(await prepared()).toBe(1);
    // The same statement failing discards the connection; the next one prepares it again on the same session.
    await expect(db.pool.query(text, [0])).rejects.toThrow(/division by zero/);
    expect((await db.pool.query({ text, values: [4] })).rows).toEqual([{ q: 3 }]);
    expect(await prepared()).toBe(1);
  });
});
