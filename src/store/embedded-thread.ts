/**
 * The embedded database in a thread of its own: PGlite (PostgreSQL in
 * WebAssembly) and the socket server the service's `pg` pool connects to.
 *
 * Why a thread: PGlite runs PostgreSQL on the thread that calls it. On the
 * main thread, opening the database (about half a second) and every query
 * stopped the event loop; here the database opens while the main thread loads
 * the rest of the service, and queries run beside request handling.
 *
 * The thread's code is plain JavaScript evaluated by the worker, requiring
 * PGlite by the path the main thread resolved: it then runs the same way
 * from dist/ (npm start), under tsx (npm run dev) and under vitest, none of
 * which would agree on how to load a TypeScript file as a worker.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface EmbeddedThreadOptions {
  dataDir: string;
  /** A data folder dump to start from (an in-memory test database). */
  loadDataDir?: Blob;
  /** Added to PGlite's own start parameters. */
  startParams: string[];
  /** The Unix socket the server listens on. */
  socketPath: string;
  maxConnections: number;
  /**
   * A prepared image to copy into `dataDir` before opening it (store/database-image.ts): every
   * file checked against its manifest, PG_VERSION last. In the thread, the copy runs while the
   * main thread loads the service instead of waiting for it.
   */
  image?: ImageToCopy;
}

export interface ImageToCopy {
  dir: string;
  dirs: string[];
  files: { path: string; size: number; sha256: string }[];
  last: string;
}

/** The image to copy was damaged or unreadable: nothing of it may be used. */
export class ImageRefused extends Error {}

export interface EmbeddedThread {
  /** Closes the socket server and the database, then ends the thread. */
  close(): Promise<void>;
  /** Called once if the thread ends without being asked to (the database is then gone). */
  onExit(listener: (reason: string) => void): void;
}

type Reply = { ready: true } | { closed: true } | { failed: string; imageRefused?: true };

const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { PGlite } = require(workerData.pglite);
const { PGLiteSocketServer } = require(workerData.socketServer);
class ImageRefused extends Error {}
// Blocking calls: this thread has nothing else to do yet, and they cost a third of what
// promises through the thread pool did here (1,246 files, 41 MB: about 0.3 s against 0.8 s).
function copyImage(image, dataDir) {
  for (const dir of image.dirs) mkdirSync(join(dataDir, dir), { recursive: true, mode: 0o700 });
  const copy = (file) => {
    let bytes;
    try {
      bytes = readFileSync(join(image.dir, file.path));
    } catch (error) {
      throw new ImageRefused(file.path + ' cannot be read (' + (error.code || 'error') + ')');
    }
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (bytes.length !== file.size || digest !== file.sha256) throw new ImageRefused(file.path + ' differs from its manifest');
    writeFileSync(join(dataDir, file.path), bytes, { mode: 0o600 });
  };
  for (const file of image.files) if (file.path !== image.last) copy(file);
  copy(image.files.find((f) => f.path === image.last));
}
let db, server;
(async () => {
  const { dataDir, loadDataDir, startParams, socketPath, maxConnections, image } = workerData.options;
  if (image) copyImage(image, dataDir);
  const params = { startParams: [...PGlite.defaultStartParams, ...startParams] };
  db = await PGlite.create(dataDir, loadDataDir ? { ...params, loadDataDir } : params);
  server = new PGLiteSocketServer({ db, path: socketPath, maxConnections });
  await server.start();
  parentPort.postMessage({ ready: true });
})().catch((error) => parentPort.postMessage({ failed: String((error && error.message) || error), ...(error instanceof ImageRefused ? { imageRefused: true } : {}) }));
parentPort.on('message', async () => {
  try {
    if (server) await server.stop();
    if (db) await db.close();
    parentPort.postMessage({ closed: true });
  } catch (error) {
    parentPort.postMessage({ failed: String((error && error.message) || error) });
  }
});
`;

/** Starts the thread; resolves once the database is open and the socket accepts connections. */
export async function startEmbeddedThread(options: EmbeddedThreadOptions): Promise<EmbeddedThread> {
  const require = createRequire(import.meta.url);
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: {
      pglite: require.resolve('@electric-sql/pglite'),
      socketServer: require.resolve('@electric-sql/pglite-socket'),
      options,
    },
  });
  let expectingExit = false;
  let exitListener: ((reason: string) => void) | undefined;
  const next = () =>
    new Promise<Reply>((resolve, reject) => {
      const onMessage = (reply: Reply) => (cleanup(), resolve(reply));
      const onError = (error: Error) => (cleanup(), reject(error));
      const onExit = (code: number) => (cleanup(), reject(new Error(`the database thread ended (exit code ${code})`)));
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });

  const opened = await next().catch((error: Error) => ({ failed: error.message }) as Reply);
  if (!('ready' in opened)) {
    expectingExit = true;
    await worker.terminate();
    if ('imageRefused' in opened) throw new ImageRefused(opened.failed);
    throw new Error('failed' in opened ? opened.failed : 'the database thread did not start');
  }
  worker.on('exit', (code) => {
    if (!expectingExit) exitListener?.(`exit code ${code}`);
  });
  worker.on('error', (error) => {
    if (!expectingExit) exitListener?.(error.message);
  });
  return {
    async close() {
      expectingExit = true;
      const closed = next();
      worker.postMessage('close');
      try {
        const reply = await closed;
        if ('failed' in reply) throw new Error(`closing the database failed: ${reply.failed}`);
      } finally {
        await worker.terminate();
      }
    },
    onExit(listener) {
      exitListener = listener;
    },
  };
}

/**
 * The same database and socket server on the calling thread: for a database
 * in memory (tests, the panel simulator), which opens in no time and whose
 * every query would otherwise cross between threads (the test suite ran half
 * as fast again with a thread per database on two cores).
 */
export async function startEmbeddedHere(options: EmbeddedThreadOptions): Promise<EmbeddedThread> {
  // Loaded here, not with this module, which the service's main thread loads only to start the thread.
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite-socket')]);
  const params = { startParams: [...PGlite.defaultStartParams, ...options.startParams] };
  const db = await PGlite.create(options.dataDir, options.loadDataDir ? { ...params, loadDataDir: options.loadDataDir } : params);
  const server = new PGLiteSocketServer({ db, path: options.socketPath, maxConnections: options.maxConnections });
  await server.start();
  return {
    async close() {
      await server.stop();
      await db.close();
    },
    onExit() {},
  };
}
