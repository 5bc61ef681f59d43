import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from './helpers/database.js';
import { listeningAddress, startServiceProcess } from './helpers/process.js';

const ADMIN = 'process-test-admin-token';
const startServer = (env: Record<string, string>) => startServiceProcess({ ADMIN_TOKEN: ADMIN, ...env });

// The process runs on the embedded database; once per test run is enough. A test starts
// real processes (two, for a restart) on a 2-core machine the other test files share:
// its time limit is for a hang, not a measure of speed (bench/start.ts measures that).
describe.runIf(testDbKind() === 'pglite')('the service process', { timeout: 90_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ccm-bot-data-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('shuts down cleanly on SIGTERM and keeps everything across a restart', async () => {
    const first = startServer({ DATA_DIR: dataDir });
    const base = await listeningAddress(first);
    expect(first.output()).toContain('SIMULATED MODE');
    const created = await fetch(`${base}/api/v1/practices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Lakeside Clinic', timezone: 'America/New_York', phoneNumber: '555-222-0001' }),
    });
    expect(created.status).toBe(201);
    const practice = (await created.json()) as { id: string };

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('ccm-bot stopped');

    const second = startServer({ DATA_DIR: dataDir });
    const again = await listeningAddress(second);
    const read = await fetch(`${again}/api/v1/practices/${practice.id}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { name: string }).name).toBe('Lakeside Clinic');
    expect((await fetch(`${again}/health`)).status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('refuses to start in production without Twilio credentials, saying why', async () => {
    const server = startServer({ DATA_DIR: dataDir, NODE_ENV: 'production' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('TWILIO_AUTH_TOKEN: NODE_ENV=production needs Twilio credentials');
  });

  it('without ADMIN_TOKEN on the embedded database: makes a token on the first start, shows it once, and it works', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'ccm-bot-first-'));
    try {
      const first = startServiceProcess({ DATA_DIR: fresh });
      const base = await listeningAddress(first);
      for (let i = 0; i < 50 && !first.output().includes('Your admin token'); i += 1) await new Promise((r) => setTimeout(r, 100));
      const token = /Your admin token[^\n]*\n\n  (ccm_admin_[A-Za-z0-9_-]+)/.exec(first.output())?.[1];
      expect(token).toBeDefined();
      expect((await readFile(join(fresh, 'admin-token'), 'utf8')).trim()).toBe(token);
      const listed = await fetch(`${base}/api/v1/practices`, { headers: { authorization: `Bearer ${token}` } });
      expect(listed.status).toBe(200);
      expect(await listed.json()).toEqual({ data: [] });
      // Health polls are not news: they stay out of the request log.
      for (let i = 0; i < 3; i += 1) expect((await fetch(`${base}/health`)).status).toBe(200);
      expect(first.output()).not.toContain('"url":"/health"');
      first.child.kill('SIGTERM');
      await first.exited;

      const second = startServiceProcess({ DATA_DIR: fresh });
      const again = await listeningAddress(second);
      expect(second.output()).not.toContain('Your admin token');
      expect((await fetch(`${again}/api/v1/practices`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      second.child.kill('SIGTERM');
      await second.exited;
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('builds callback URLs on the port it listens on when PUBLIC_URL is unset', async () => {
    const server = startServer({ DATA_DIR: dataDir, PORT: '39171' });
    await listeningAddress(server).catch(() => undefined);
    expect(server.output()).toContain('"publicUrl":"http://localhost:39171"');
    server.child.kill('SIGTERM');
    await server.exited;
  });

  it('names a bad setting and stops', async () => {
    const server = startServer({ DATA_DIR: dataDir, PORT: 'eighty', PUBLIC_URL: 'ftp://x' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PORT: .*\n.*PUBLIC_URL/);
  });
});
