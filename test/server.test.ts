import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from './helpers/database.js';
import { listeningAddress, startServiceProcess } from './helpers/process.js';

const ADMIN = 'process-test-admin-token';
const startServer = (env: Record<string, string>) => startServiceProcess({ ADMIN_TOKEN: ADMIN, ...env });

// The process runs on the embedded database; once per test run is enough.
describe.runIf(testDbKind() === 'pglite')('the service process', () => {
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

  it('names a bad setting and stops', async () => {
    const server = startServer({ DATA_DIR: dataDir, PORT: 'eighty', PUBLIC_URL: 'ftp://x' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PORT: .*\n.*PUBLIC_URL/);
  });
});
