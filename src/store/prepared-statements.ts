import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * At most this many statements are prepared on one connection; later ones run unnamed, as before.
 * The service has a few hundred distinct statements; a cap keeps a statement whose text were ever
 * built from values from filling the session with plans used once.
 */
const MAX_PREPARED = 1000;

/**
 * Has a connection prepare every statement that carries parameters, once, and run it by name from then
 * on: the same SQL and values, so the same rows; PostgreSQL only skips parsing and, when its plan cache
 * finds a generic plan no costlier, planning. For the in-process PGlite of the panel simulator
 * (store/database.ts), where both run in WebAssembly at every query: measured there, a primary-key
 * SELECT took 0.22 ms unnamed and 0.07-0.10 ms named, and the job claim (a large statement, named in
 * job-queue.ts for this reason) 1.1 ms when planned afresh and 0.17 ms from its generic plan.
 *
 * Statements without parameters are left as they are: they go by the simple protocol, which also runs
 * scripts of several statements (the migrations). So are statements the caller named, and submittables
 * (cursors, streams). Names come from the text's hash, so the same text always has the same name on a
 * connection and a new connection (whose session DEALLOCATE ALL has cleared) prepares afresh.
 *
 * Not for a database whose schema changes while the connection lives: a prepared `SELECT *` whose
 * table gains a column fails ("cached plan must not change result type"). The simulator migrates before
 * its first query, and its database lives only for the run.
 */
export function prepareStatementsOf(client: pg.ClientBase): void {
  const names = new Map<string, string>();
  const nameFor = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED) {
      name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };
  const query = client.query.bind(client) as (config: unknown, values?: unknown, callback?: unknown) => unknown;
  const named = (config: unknown, values: unknown): unknown => {
    if (typeof config === 'string') {
      const name = Array.isArray(values) ? nameFor(config) : undefined;
      return name === undefined ? config : { text: config, name };
    }
    if (typeof config !== 'object' || config === null) return config;
    const c = config as { text?: unknown; name?: unknown; values?: unknown; submit?: unknown };
    if (typeof c.submit === 'function' || c.name !== undefined || typeof c.text !== 'string') return config;
    if (!Array.isArray(c.values) && !Array.isArray(values)) return config;
    const name = nameFor(c.text);
    return name === undefined ? config : { ...c, name };
  };
  (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => query(named(config, values), values, callback);
}
