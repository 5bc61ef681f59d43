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
  const pipelined = (client as { pipeline?: boolean }).pipeline === true;
  // On a pipelining connection BEGIN is held back and written with the first statement, in one write.
  const releaseBegin = pipelined ? holdUntilNextQuery(client) : () => undefined;
  try {
    // On a pipelining connection BEGIN is not waited for: it goes out with the first statement, in order, and its
    // outcome is taken before COMMIT. A BEGIN can only fail with the connection, which fails the statements too.
    const begun = client.query('BEGIN');
    begun.catch(() => undefined);
    if (!pipelined) await begun;
    const result = await work(client);
    // COMMIT is asked before BEGIN's answer is awaited: a BEGIN still held (the work asked nothing) goes out with it.
    // (Both awaited together: a failure of either is the one heard, and neither goes unheard.)
    await Promise.all([begun, client.query('COMMIT')]);
    return result;
  } catch (error) {
    // A connection that cannot even roll back is discarded, not returned to the pool.
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw error;
  } finally {
    releaseBegin();
    client.off('error', onError);
    client.release(broken);
  }
}

type CorkableClient = pg.PoolClient & { connection?: { stream?: { cork?(): void; uncork?(): void } } };

/**
 * Holds what the client writes until it is asked one query more: BEGIN then goes out with the
 * transaction's first statement in one write to the socket. Each write is a system call, and on a
 * busy path (an inbound text: 3-8 statements) they were a fifth of the service's time. A pipelining
 * client writes a query as it is asked (node-postgres submits at once), so the one after BEGIN
 * releases both. Returns a release for a transaction that asks nothing more (safe to call twice).
 */
function holdUntilNextQuery(client: CorkableClient): () => void {
  const stream = client.connection?.stream;
  if (!stream?.cork || !stream.uncork) return () => undefined;
  const query = client.query;
  let asked = 0;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    client.query = query;
    stream.uncork!();
  };
  stream.cork();
  // The first query asked is BEGIN; the second (a statement, or COMMIT or ROLLBACK) goes out with it.
  client.query = ((...args: Parameters<typeof query>) => {
    const result = (query as (...a: unknown[]) => unknown).apply(client, args);
    asked += 1;
    if (asked === 2) release();
    return result;
  }) as typeof query;
  return release;
}

/** PostgreSQL error codes the store turns into domain errors. */
export const PG_UNIQUE_VIOLATION = '23505';

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03']);
/** What node-postgres says when the database is away or every connection stays busy: no code, only these words. */
const CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

/**
 * What a failure from the store means for whoever asked: the database is
 * away or saturated (try again shortly), a write met a concurrent one, or
 * a value could not be stored. Null for anything else (a bug). An error that
 * carries an HTTP status is the request's own (a client hanging up while
 * sending its body reads as ECONNRESET too), never the database's.
 */
export function databaseFault(error: unknown): 'unavailable' | 'conflict' | 'invalid_value' | null {
  if (typeof error !== 'object' || error === null || 'statusCode' in error) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return 'unavailable';
  if (typeof code !== 'string') return null;
  if (CONNECTION_ERRORS.has(code) || code.startsWith('08')) return 'unavailable';
  if (code === PG_UNIQUE_VIOLATION) return 'conflict';
  if (code.startsWith('22')) return 'invalid_value';
  return null;
}

export function isPgError(error: unknown, code: string): error is { code: string; constraint?: string } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** A timestamp as ISO text, whether it came as a Date (a column) or as text (inside row_to_json). */
export const toIso = (value: Date | string): string => new Date(value).toISOString();
export const toIsoOrNull = (value: Date | string | null): string | null => (value === null ? null : toIso(value));
