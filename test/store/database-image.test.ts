import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createService } from '../../src/service.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { testDbKind } from '../helpers/database.js';
import { ADMIN_TOKEN, LogCapture } from '../helpers/service.js';

/** Every migration in the repository, in order. */
const versions = readdirSync(new URL('../../src/store/migrations/', import.meta.url))
  .filter((file) => file.endsWith('.sql'))
  .map((file) => file.replace(/\.sql$/, ''))
  .sort();

const recorded = async (db: Database) =>
  (await db.pool.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);

// A new data folder on disk: the embedded database only. Each image made here runs initdb (seconds on a busy machine).
describe.runIf(testDbKind() === 'pglite')('the prepared image of the embedded database', { timeout: 180_000 }, () => {
  let root: string;
  let cache: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ccm-bot-image-'));
    cache = join(root, 'cache');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** Opens a new data folder with this test's image cache; returns the database and what it logged. */
  async function openNew(name: string) {
    const logs = new LogCapture();
    const db = await openDatabase({ dataDir: join(root, name), image: { cache }, logger: createLogger('debug', logs) });
    return { db, logs };
  }
  const images = async () => (await readdir(cache)).filter((name) => name.startsWith('pglite-'));

  it('is made on first need when missing; the new folder has every migration applied and serves', async () => {
    const { db, logs } = await openNew('first');
    try {
      expect(logs.text).toContain('no prepared database image for this schema');
      expect(logs.text).toContain('"image":"missing"');
      expect(await images()).toHaveLength(1);
      expect(await recorded(db)).toEqual(versions);
      expect((await migrate(db.pool)).applied).toEqual([]);

      const config = loadConfig({ NODE_ENV: 'test', ADMIN_TOKEN, LOG_LEVEL: 'warn', DATA_DIR: join(root, 'first') });
      const service = await createService(config, { db, logger: createLogger('warn', new LogCapture()) });
      try {
        expect((await service.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
        const created = await service.app.inject({
          method: 'POST',
          url: '/api/v1/practices',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
          payload: { name: 'Lakeside Clinic', timezone: 'America/New_York', phoneNumber: '555-222-0001' },
        });
        expect(created.statusCode).toBe(201);
      } finally {
        await service.stop();
      }
    } finally {
      await db.close();
    }
  });

  it('is copied, not shared: a second new folder starts from it empty, without making it again', async () => {
    const { db, logs } = await openNew('second');
    try {
      expect(logs.text).not.toContain('no prepared database image');
      expect(logs.text).toContain('new database copied from the prepared image');
      expect(await recorded(db)).toEqual(versions);
      expect((await db.pool.query('SELECT count(*) AS n FROM practices')).rows[0]).toEqual({ n: 0 });
    } finally {
      await db.close();
    }
  });

  it('when damaged, is not used: the database is created from scratch, said in one line, and the image removed', async () => {
    const [image] = await images();
    const dir = join(cache, image!);
    const manifest = JSON.parse(await readFile(join(dir, 'ccm-bot-image.json'), 'utf8')) as { files: { path: string; size: number }[] };
    const victim = manifest.files.find((f) => f.path.startsWith('base/') && f.size > 0)!;
    const bytes = await readFile(join(dir, victim.path));
    bytes[0] = bytes[0]! ^ 0xff; // same size, other content
    await writeFile(join(dir, victim.path), bytes);

    const { db, logs } = await openNew('damaged');
    try {
      const warnings = logs.lines.filter((l) => l.includes('could not be used'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('creating the database from scratch');
      expect(warnings[0]).toContain('differs from its manifest');
      expect(await images()).toEqual([]);
      // initdb made an empty database; the service's start migrates it as always.
      expect((await migrate(db.pool)).applied).toEqual(versions);
    } finally {
      await db.close();
    }
  });

  it('when stale (other migrations), is not used: the image for this schema is made and the stale one removed', async () => {
    await mkdir(join(cache, 'pglite-0123456789abcdef01234567'), { recursive: true });
    await writeFile(join(cache, 'pglite-0123456789abcdef01234567', 'ccm-bot-image.json'), JSON.stringify({ key: 'old', dirs: [], files: [] }));
    const { db, logs } = await openNew('after-a-migration');
    try {
      expect(logs.text).toContain('"image":"stale"');
      expect(await images()).toHaveLength(1);
      expect(await images()).not.toContain('pglite-0123456789abcdef01234567');
      expect(await recorded(db)).toEqual(versions);
    } finally {
      await db.close();
    }
  });

  it('on a folder that already has a database, is not touched: the data stays', async () => {
    const { db } = await openNew('first');
    try {
      expect((await db.pool.query('SELECT name FROM practices')).rows).toEqual([{ name: 'Lakeside Clinic' }]);
    } finally {
      await db.close();
    }
  });
});
