/**
 * A prepared image of the embedded database: a PGlite data folder with every
 * migration applied, made once (by `npm ci` through `prepare`, or on first
 * need) and copied into each new DATA_DIR. Creating a database runs initdb in
 * WebAssembly, about 4.7 s on a 2-core machine; copying the image's 40 MB
 * takes a fraction of a second.
 *
 * The image is kept under node_modules/.cache/ccm-bot (so `npm ci` starts
 * clean), in a folder named by a key: the digest of the schema migrate()
 * builds and PGlite's version. New migrations or a new PGlite give a new key,
 * and the stale image is never used. Every file is checked against the
 * digest in the image's manifest as it is copied (by the database's thread,
 * store/embedded-thread.ts): a damaged image is refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ImageToCopy } from './embedded-thread.js';
import { packageVersion, schemaDigest } from './migration-files.js';

const MANIFEST = 'ccm-bot-image.json';
const PREFIX = 'pglite-';
/** Copied last: PGlite takes a folder with PG_VERSION for a database, so a copy cut short is redone, not opened. */
const LAST = 'PG_VERSION';

interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

interface Manifest {
  key: string;
  /** Every folder, empty ones too: PostgreSQL will not start without pg_tblspc, pg_snapshots and the like. */
  dirs: string[];
  files: ManifestFile[];
}

/** An image found in the cache, with what its manifest says it holds. */
export interface PreparedImage {
  dir: string;
  manifest: Manifest;
}

/** Why no image was used for a new data folder. */
export type NoImage = 'missing' | 'stale';

/** The image is there but cannot be used: damaged, or not what its manifest says. */
export class UnusableImage extends Error {
  constructor(
    message: string,
    /** The image's folder, to remove so the next new data folder makes a good one. */
    readonly dir: string,
  ) {
    super(message);
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The installed PGlite package's folder: its version keys the image, and the node_modules it sits in holds the cache. */
function pglitePackageDir(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** node_modules/.cache/ccm-bot, beside the PGlite the service runs. */
export function defaultImageCache(): string {
  let dir = pglitePackageDir();
  while (basename(dir) !== 'node_modules') {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('PGlite is not installed under a node_modules folder');
    dir = parent;
  }
  return join(dir, '.cache', 'ccm-bot');
}

/**
 * The schema's digest and PGlite's version: an image made under another key is stale.
 * Blocking reads (the migrations, two package.json files: about a millisecond), so a new
 * data folder's database thread can start before the service's main thread loads anything else.
 */
export function imageKey(): string {
  return createHash('sha256')
    .update(`${schemaDigest()} pglite ${packageVersion('@electric-sql/pglite')}`)
    .digest('hex')
    .slice(0, 24);
}

const imageDir = (cache: string, key: string) => join(cache, PREFIX + key);

/**
 * The image for `key`, or why there is none. A manifest that cannot be read makes the image unusable.
 * Blocking, like imageKey(): one file of about 100 kB.
 */
export function findImage(cache: string, key: string): PreparedImage | NoImage {
  const dir = imageDir(cache, key);
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const others = existsSync(cache) ? readdirSync(cache).filter((name) => name.startsWith(PREFIX)) : [];
    return others.length > 0 ? 'stale' : 'missing';
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new UnusableImage('its manifest is not JSON', dir);
  }
  if (manifest.key !== key || !Array.isArray(manifest.dirs) || !Array.isArray(manifest.files) || !manifest.files.some((f) => f.path === LAST)) {
    throw new UnusableImage('its manifest does not describe this image', dir);
  }
  return { dir, manifest };
}

/** What the database's thread needs to copy the image into a new data folder (store/embedded-thread.ts). */
export function imageToCopy(image: PreparedImage): ImageToCopy {
  return { dir: image.dir, dirs: image.manifest.dirs, files: image.manifest.files, last: LAST };
}

/** Removes what a copy of the image put into `dataDir` (and nothing else there, such as the admin token). */
export async function removeImageFiles(image: { manifest: Manifest }, dataDir: string): Promise<void> {
  const tops = new Set([...image.manifest.dirs, ...image.manifest.files.map((f) => f.path)].map((path) => path.split('/')[0]!));
  await Promise.all([...tops].map((top) => rm(join(dataDir, top), { recursive: true, force: true })));
}

/** Every folder and file under `root`, as paths relative to it with '/' between names. */
async function listTree(root: string): Promise<{ dirs: string[]; files: string[] }> {
  const dirs: string[] = [];
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const name = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) {
        dirs.push(name);
        await walk(path);
      } else {
        files.push(name);
      }
    }
  };
  await walk(root);
  return { dirs, files };
}

/**
 * Makes the image for `key` in `cache`: `create` builds a migrated database in
 * an empty folder of its own, which becomes the image in one rename, so a
 * start never sees half an image. Two processes making it at once is
 * harmless: the second rename fails and its copy is dropped. Images of other
 * keys are removed.
 */
export async function buildImage(cache: string, key: string, create: (dir: string) => Promise<void>): Promise<void> {
  await mkdir(cache, { recursive: true });
  const building = join(cache, `.building-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await create(building);
    const tree = await listTree(building);
    const files = await Promise.all(
      tree.files.map(async (path) => {
        const bytes = await readFile(join(building, path));
        return { path, size: bytes.length, sha256: sha256(bytes) };
      }),
    );
    await writeFile(join(building, MANIFEST), JSON.stringify({ key, dirs: tree.dirs, files } satisfies Manifest));
    try {
      await rename(building, imageDir(cache, key));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  const stale = (await readdir(cache)).filter((name) => name.startsWith(PREFIX) && name !== PREFIX + key);
  await Promise.all(stale.map((name) => rm(join(cache, name), { recursive: true, force: true })));
}
