import type { Queryable } from './sql.js';

/**
 * Has PostgreSQL count again each of the service's tables that it never has counted, or that has grown by
 * a tenth since it last did (autovacuum's rule: analyze once a tenth of the rows changed). Returns the
 * tables it counted.
 *
 * Why: embedded PGlite runs no autovacuum, so left alone its planner never learns what any table holds and
 * plans every query from default guesses. In a simulated 1,000-patient month the coordinator's case list
 * (its alerts, and their evidence with the patients' words) took tens of milliseconds a read uncounted, read
 * by hash joins over whole tables, and 2 to 3 ms counted; each inbound text's patient lookup, with the counts
 * of an empty table, read every patient of the practice. On a server autovacuum counts the tables too, within
 * minutes, and this seldom finds anything to do.
 *
 * Growth is measured in pages, which is free to read: without VACUUM (PGlite runs none) every insert and
 * update writes a new row version at the end of a table, so a table grows with every change. Counting on a
 * timer whatever had changed (as the job table was counted, hourly) read the whole table each time, a cost
 * that grew with the practice.
 */
export async function analyzeGrownTables(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.oid::regclass::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname = current_schema()
       AND (c.reltuples < 0 OR pg_relation_size(c.oid) > (c.relpages * 1.1 + 8) * current_setting('block_size')::bigint)
     ORDER BY 1`,
  );
  // One table at a time: on the embedded database each ANALYZE holds the one connection only briefly.
  for (const { name } of rows) await db.query(`ANALYZE ${name}`);
  return rows.map((row) => row.name);
}
