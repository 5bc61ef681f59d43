import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { createBulkLane, type BulkLane } from './bulk.js';
import { inProcessStream } from './in-process-link.js';
import { prepareStatementsOf } from './prepared-statements.js';
import { ImageRefused, startEmbeddedHere, startEmbeddedThread, type ImageToCopy } from './embedded-thread.js';
import {
  buildImage,
  defaultImageCache,
  findImage,
  imageKey,
  imageToCopy,
  removeImageFiles,
  UnusableImage,
  type NoImage,
  type PreparedImage,
} from './database-image.js';

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
  /**
   * `dataDir` 'memory://' keeps the embedded database in memory (tests). A new
   * folder on disk starts as a copy of the prepared image (store/database-image.ts)
   * kept in `image.cache` (default node_modules/.cache/ccm-bot); `image: false`
   * runs initdb instead.
   */
  | (CommonOptions & {
      dataDir: string;
      loadDataDir?: Blob;
      image?: { cache?: string } | false;
      /**
       * In memory only: the pool talks to PGlite on this thread through an in-process pipe
       * (store/in-process-link.ts) instead of the Unix socket; the same driver, SQL and session.
       * For the panel simulator, where the socket was a fifth of the run's time.
       */
      inProcess?: boolean;
    });

/**
 * PostgreSQL's default 128 MB of shared buffers is memory PGlite's WebAssembly
 * initialises at every start: most of what opening an existing database cost
 * (0.7-0.85 s of CPU in a profile here; 0.07 s with 8 MB). The embedded
 * database serves one practice, and a buffer it misses is read from the
 * operating system's file cache, not the disk.
 */
const EMBEDDED_START_PARAMS = ['-c', 'shared_buffers=16MB'];

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
    // Pipelining lets a transaction's BEGIN go out with its first statement (store/sql.ts, withTransaction):
    // one round trip fewer for every transaction. Everything else awaits each query as before, so nothing
    // else is sent early. Not for the embedded database, whose socket and pipe serve one query at a time.
    const pool = createPool({ connectionString: options.url, max, pipeline: true }, options.logger);
    // A quarter of the pool for bulk work: three quarters stay free for texts, calls and pages.
    return { pool, bulk: createBulkLane(pool, Math.max(1, Math.floor(max / 4))), kind: 'server', close: () => pool.end() };
  }
  if (options.dataDir.startsWith('memory://') && options.inProcess) return openInProcess(options.dataDir, options.loadDataDir, options.logger);
  const { db, opened } = beginOpeningEmbedded(options);
  await opened;
  return db;
}

/** A database whose pool exists now and whose server is still starting: `opened` settles when it answers, or fails. */
export interface OpeningDatabase {
  db: Database;
  opened: Promise<void>;
}

type EmbeddedOptions = Extract<DatabaseOptions, { dataDir: string }>;

/**
 * The embedded database, its pool made at once and its server started behind it, so the
 * service can assemble itself meanwhile (its parts hold the pool; none queries before `opened`).
 */
export function beginOpeningEmbedded(options: EmbeddedOptions): OpeningDatabase {
  const inMemory = options.dataDir.startsWith('memory://');
  const dataDir = inMemory ? options.dataDir : resolve(options.dataDir);
  // A Unix socket in a private directory, not TCP on loopback: each query is a round
  // trip, and this halves what one costs (0.67 -> 0.34 ms a query measured here);
  // no other process on the machine can reach it either.
  const socketDir = mkdtempSync(join(tmpdir(), 'ccm-pglite-'));
  // On disk (the service) in a thread of its own; in memory (tests, the simulator) on this one.
  const start = (image: ImageToCopy | null) =>
    (inMemory ? startEmbeddedHere : startEmbeddedThread)({
      dataDir,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      ...(image ? { image } : {}),
      startParams: EMBEDDED_START_PARAMS,
      socketPath: socketFile(socketDir),
      maxConnections: 4,
    });
  const started = (async () => {
    if (!inMemory) mkdirSync(dataDir, { recursive: true });
    const fresh = !inMemory && options.image !== false && !options.loadDataDir && !existsSync(join(dataDir, 'PG_VERSION'));
    // An image that is there comes back at once, not as a promise: the thread then starts copying it
    // before this function returns, instead of after the caller has loaded the rest of the service.
    const found = fresh ? preparedImage(options.image ? options.image.cache : undefined, options.logger) : null;
    const image = found instanceof Promise ? await found : found;
    if (!image) return start(null);
    try {
      const thread = await start(imageToCopy(image));
      options.logger?.debug({ image: image.manifest.key }, 'new database copied from the prepared image');
      return thread;
    } catch (error) {
      // Best effort: should a half copy stay, PGlite's initdb refuses the folder and says so.
      await removeImageFiles(image, dataDir).catch(() => {});
      const reason = (error as Error).message;
      if (error instanceof ImageRefused) {
        // A damaged image is removed, so the next new data folder makes a good one.
        await rm(image.dir, { recursive: true, force: true }).catch(() => {});
        options.logger?.warn({ reason }, 'the prepared database image could not be used: creating the database from scratch');
      } else {
        options.logger?.warn({ reason }, 'the database copied from the prepared image does not open: creating the database from scratch');
      }
      return start(null);
    }
  })();
  const removeSocketDir = () => rm(socketDir, { recursive: true, force: true });
  const opened = started.then(
    (thread) => thread.onExit((reason) => options.logger?.error({ reason }, 'the embedded database stopped')),
    async (error: unknown) => {
      await removeSocketDir();
      throw error;
    },
  );
  // Whoever holds `opened` hears of a failure; nobody else must take it for an unhandled one.
  opened.catch(() => undefined);
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
  const db = embeddedDatabase(pool, options.logger, async () => {
    const thread = await started.catch(() => null);
    await thread?.close();
    await removeSocketDir();
  });
  return { db, opened };
}

/** The one-connection pool of an embedded PGlite, however it is reached, as a Database; `release` closes what serves it. */
function embeddedDatabase(pool: pg.Pool, logger: Logger | undefined, release: () => Promise<void>): Database {
  pool.on('connect', (client) => {
    client.query('DEALLOCATE ALL').catch((err: unknown) => logger?.warn({ err }, 'could not reset prepared statements'));
  });
  return {
    pool,
    // One connection: bulk work takes turns with everything else, one short batch at a time.
    bulk: createBulkLane(pool, 1),
    kind: 'embedded',
    async close() {
      await pool.end();
      await release();
    },
  };
}

/** An in-memory PGlite on this thread, its pool connected by an in-process pipe (one connection, as by socket). */
async function openInProcess(dataDir: string, loadDataDir: Blob | undefined, logger: Logger | undefined): Promise<Database> {
  // Loaded here, not with this module: the service's main thread never runs PGlite itself (its thread does).
  const { PGlite } = await import('@electric-sql/pglite');
  const params = { startParams: [...PGlite.defaultStartParams, ...EMBEDDED_START_PARAMS] };
  const db = await PGlite.create(dataDir, loadDataDir ? { ...params, loadDataDir } : params);
  const pool = createPool({ stream: inProcessStream(db), user: 'postgres', database: 'postgres', max: 1 }, logger);
  // Parsing and planning in WebAssembly were a large part of each query here (store/prepared-statements.ts).
  pool.on('connect', (client) => prepareStatementsOf(client));
  // As for the socket: a new connection meets the one session's prepared statements (see openDatabase).
  return embeddedDatabase(pool, logger, () => db.close());
}

/**
 * The prepared image for a new data folder: found with blocking reads (about a millisecond) and
 * returned as is; made first, and then promised, when there is none for this schema (that once
 * costs what creating the database costs). Any trouble says so in one line and gives none: PGlite
 * then creates the database itself.
 */
function preparedImage(givenCache: string | undefined, logger: Logger | undefined): PreparedImage | null | Promise<PreparedImage | null> {
  let cache: string;
  let key: string;
  let found: PreparedImage | NoImage;
  try {
    cache = givenCache ?? defaultImageCache();
    key = imageKey();
    found = findImage(cache, key);
  } catch (error) {
    return unusableImage(error, logger);
  }
  if (typeof found !== 'string') return found;
  return (async () => {
    try {
      logger?.info({ image: found }, 'no prepared database image for this schema: making one (once; later new data folders start from it)');
      await buildImage(cache, key, createMigratedDatabase);
      const made = findImage(cache, key);
      if (typeof made === 'string') throw new Error('the image was not there once made');
      return made;
    } catch (error) {
      return unusableImage(error, logger);
    }
  })();
}

/** Says why the prepared image is not used; a damaged one is removed, so the next new data folder makes a good one. */
async function unusableImage(error: unknown, logger: Logger | undefined): Promise<null> {
  if (error instanceof UnusableImage) await rm(error.dir, { recursive: true, force: true }).catch(() => {});
  logger?.warn({ reason: (error as Error).message }, 'the prepared database image could not be used: creating the database from scratch');
  return null;
}

/**
 * Makes the prepared image for this schema unless it is there already
 * (`npm ci` runs this through `prepare`, so the first start is quick too).
 * Says what it did; throws if it cannot, which an install may ignore: a
 * first start then makes the image itself.
 */
export async function prepareDatabaseImage(cache = defaultImageCache()): Promise<'present' | 'made'> {
  const key = imageKey();
  if (typeof findImage(cache, key) !== 'string') return 'present';
  await buildImage(cache, key, createMigratedDatabase);
  return 'made';
}

/** The image's content: a database made in `dir` by PGlite's initdb, every migration applied, closed cleanly. */
async function createMigratedDatabase(dir: string): Promise<void> {
  const db = await openDatabase({ dataDir: dir, image: false });
  try {
    const { migrate } = await import('./migrate.js');
    await migrate(db.pool);
  } finally {
    await db.close();
  }
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
