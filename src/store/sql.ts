import type pg from 'pg';

/** Anything that runs a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

/**
 * Runs `work` in one transaction on one connection: committed when it
 * resolves, rolled back when it throws. Keep network calls (Twilio) out of
 * `work`: on the embedded database every other connection waits meanwhile.
 */
export async function withTransaction<T>(pool: pg.Pool, work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  // While a client is checked out the pool does not listen to it, and an 'error' event
  // nobody listens to (the server restarting under us) would end the process. The
  // failure reaches the caller through the query that is under way.
  const onError = () => (broken = true);
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is discarded, not returned to the pool.
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** PostgreSQL error codes the store turns into domain errors. */
export const PG_UNIQUE_VIOLATION = '23505';

export function isPgError(error: unknown, code: string): error is { code: string; constraint?: string } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** A timestamp as ISO text, whether it came as a Date (a column) or as text (inside row_to_json). */
export const toIso = (value: Date | string): string => new Date(value).toISOString();
export const toIsoOrNull = (value: Date | string | null): string | null => (value === null ? null : toIso(value));
