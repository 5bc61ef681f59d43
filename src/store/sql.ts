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
  const later = (client as { pipeline?: boolean }).pipeline === true ? LaterWrites.open(client) : null;
  try {
    // On a pipelining connection BEGIN is a write like those of writeLater: it goes out with the first statement.
    if (later) later.send('BEGIN');
    else await client.query('BEGIN');
    const result = await work(client);
    // COMMIT goes out with the writes still held, and is answered after them: a failure of any is the one heard.
    await Promise.all([...(later?.answers ?? []), client.query('COMMIT')]);
    return result;
  } catch (error) {
    // A connection that cannot even roll back is discarded, not returned to the pool.
    await client.query('ROLLBACK').catch(() => (broken = true));
    // A write sent for later that failed is the cause; what failed after it only met the aborted transaction.
    throw (await later?.firstFailure()) ?? error;
  } finally {
    later?.close();
    client.off('error', onError);
    client.release(broken);
  }
}

/**
 * Sends a write whose answer nobody reads before COMMIT (a reply kept, an evaluation stored): on a
 * pipelining connection it is held and goes out with the next statement the transaction asks, in
 * one write to the socket, and its outcome is taken at COMMIT, which fails if it failed. Each write
 * and each answer awaited is a system call on both sides, and on the inbound path (3-8 statements
 * a text) they were a fifth of the service's time. Elsewhere (the embedded database, a pool) it is
 * a query like any other, awaited here.
 */
export async function writeLater(db: Queryable, query: pg.QueryConfig): Promise<void> {
  const later = LaterWrites.of(db);
  if (later) later.send(query);
  else await db.query(query);
}

type CorkableClient = pg.PoolClient & { connection?: { stream?: { cork?(): void; uncork?(): void } } };

/** The writes a transaction on a pipelining connection holds back until its next statement (see writeLater). */
class LaterWrites {
  private static readonly byClient = new WeakMap<object, LaterWrites>();
  /** Their answers, awaited at COMMIT. */
  readonly answers: Promise<unknown>[] = [];
  private held = false;

  private constructor(
    private readonly client: CorkableClient,
    private readonly stream: { cork(): void; uncork(): void },
    private readonly query: CorkableClient['query'],
  ) {}

  static of(db: Queryable): LaterWrites | undefined {
    return LaterWrites.byClient.get(db);
  }

  /** Null when the connection's socket cannot be held (then every write goes out at once, as asked). */
  static open(client: CorkableClient): LaterWrites | null {
    const stream = client.connection?.stream;
    if (!stream?.cork || !stream.uncork) return null;
    const later = new LaterWrites(client, stream as { cork(): void; uncork(): void }, client.query);
    // Any other statement asked releases what is held: node-postgres writes a query as it is asked, so both go out together.
    client.query = ((...args: unknown[]) => {
      const result = (later.query as (...a: unknown[]) => unknown).apply(client, args);
      later.release();
      return result;
    }) as CorkableClient['query'];
    LaterWrites.byClient.set(client, later);
    return later;
  }

  send(query: string | pg.QueryConfig): void {
    if (!this.held) this.stream.cork();
    this.held = true;
    const answer = (this.query as (q: string | pg.QueryConfig) => Promise<unknown>).call(this.client, query);
    // Heard at COMMIT (or in firstFailure), never unhandled meanwhile.
    answer.catch(() => undefined);
    this.answers.push(answer);
  }

  async firstFailure(): Promise<unknown> {
    for (const outcome of await Promise.allSettled(this.answers)) if (outcome.status === 'rejected') return outcome.reason;
    return undefined;
  }

  /** Lets the client be used as before (safe to call twice). */
  close(): void {
    this.release();
    this.client.query = this.query;
    LaterWrites.byClient.delete(this.client);
  }

  private release(): void {
    if (!this.held) return;
    this.held = false;
    this.stream.uncork();
  }
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
