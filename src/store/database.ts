import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Logger } from '../logger.js';
import { createBulkLane, type BulkLane } from './bulk.js';

/** Connections the service keeps; Agenda takes one of them for LISTEN. */
const POOL_SIZE = 10;

export interface Database {
  pool: pg.Pool;
  /** Where bulk work (imports) runs, so it never takes the connections patients' texts need. */
  bulk: BulkLane;
  /** 'server' for a PostgreSQL server, 'embedded' for PGlite. */
  kind: 'server' | 'embedded';
  close(): Promise<void>;
}

interface CommonOptions {
  logger?: Logger;
}

export type DatabaseOptions =
  | (CommonOptions & { url: string; poolSize?: number })
  /** `dataDir` 'memory://' keeps the embedded database in memory (tests). */
  | (CommonOptions & { dataDir: string; loadDataDir?: Blob });

// PostgreSQL `date` columns stay 'YYYY-MM-DD' strings: turning them into
// local-midnight Date objects shifts birthdays across timezones.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint counts (count(*)) fit comfortably in a JS number here.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** PostgreSQL's name for a server's Unix socket in its directory; `pg` connects to it given the directory as host. */
const SOCKET_PORT = 5432;
const socketFile = (dir: string) => join(dir, `.s.PGSQL.${SOCKET_PORT}`);

/**
 * Opens the store: a pool to `url`, or an embedded PGlite database served on a
 * Unix socket of its own so the very same `pg` code path talks to both.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) {
    const max = options.poolSize ?? POOL_SIZE;
    const pool = createPool({ connectionString: options.url, max }, options.logger);
    // A quarter of the pool for bulk work: three quarters stay free for texts, calls and pages.
    return { pool, bulk: createBulkLane(pool, Math.max(1, Math.floor(max / 4))), kind: 'server', close: () => pool.end() };
  }
  const inMemory = options.dataDir.startsWith('memory://');
  const dataDir = inMemory ? options.dataDir : resolve(options.dataDir);
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  // A Unix socket in a private directory, not TCP on loopback: each query is a round
  // trip, and this halves what one costs (0.67 -> 0.34 ms a query measured here);
  // no other process on the machine can reach it either.
  const socketDir = await mkdtemp(join(tmpdir(), 'ccm-pglite-'));
  const server = new PGLiteSocketServer({ db, path: socketFile(socketDir), maxConnections: 4 });
  await server.start();
  // PGlite is one session. The socket server keeps a transaction's statements
  // together, but outside a transaction it interleaves the protocol messages
  // of different connections, and one connection's Parse/Bind then clobbers
  // another's unnamed statement ('portal "" does not exist'). One connection
  // serialises everything on our side; PGlite runs one statement at a time anyway.
  const pool = createPool({ host: socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres', max: 1 }, options.logger);
  // A failed pool.query() discards its connection, and the pool opens a new one. Named
  // prepared statements live in the session, and PGlite has only one: the new
  // connection's driver knows none of them while the session still has them all, and
  // the next PREPARE fails with "already exists". Start every connection from a clean
  // slate. (Queued before any other query on the client; the pool holds one connection.)
  pool.on('connect', (client) => {
    client.query('DEALLOCATE ALL').catch((err: unknown) => options.logger?.warn({ err }, 'could not reset prepared statements'));
  });
  return {
    pool,
    // One connection: bulk work takes turns with everything else, one short batch at a time.
    bulk: createBulkLane(pool, 1),
    kind: 'embedded',
    async close() {
      await pool.end();
      await server.stop();
      await db.close();
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}

function createPool(config: pg.PoolConfig, logger: Logger | undefined): pg.Pool {
  const pool = new pg.Pool({ ...config, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => logger?.warn({ err }, 'idle database connection failed'));
  // A checked-out client the server drops (a restart: 57P01) emits 'error' besides failing its query; between a
  // caller's own listener and the pool's, that event must never go unheard and crash the process. The query's
  // rejection still reaches the caller.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}
