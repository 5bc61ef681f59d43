import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleService } from '../scripts/bundle.mjs';
import { testDbKind } from './helpers/database.js';
import { listeningAddress, startBundledServiceProcess } from './helpers/process.js';

const ADMIN = 'bundle-test-admin-token';
const PRACTICE_NUMBER = '+15552220077';

// `npm start` runs a bundle (scripts/bundle.mjs), not the modules the other tests load. Bundled here from
// today's sources, into node_modules so the libraries left out of it resolve as they do from dist/.
describe.runIf(testDbKind() === 'pglite')('the bundled service', { timeout: 120_000 }, () => {
  let outdir: string;
  let dataDir: string;
  let entry: string;
  beforeAll(async () => {
    outdir = join('node_modules', '.cache', 'ccm-bot', `bundle-test-${process.pid}`);
    entry = await bundleService({ root: '.', entry: 'src/server.ts', outdir });
    dataDir = await mkdtemp(join(tmpdir(), 'ccm-bot-bundle-'));
  });
  afterAll(async () => {
    await rm(outdir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on a new data folder, finds its migrations, assets and libraries, reads a text, and stops cleanly', async () => {
    const service = startBundledServiceProcess(entry, { DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN });
    const base = await listeningAddress(service);
    const admin = { authorization: `Bearer ${ADMIN}` };

    expect((await fetch(`${base}/health`)).status).toBe(200);
    const created = await fetch(`${base}/api/v1/practices`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Harbor Clinic', timezone: 'America/Chicago', phoneNumber: PRACTICE_NUMBER }),
    });
    expect(created.status).toBe(201);
    const practice = (await created.json()) as { id: string };

    // The web app's stylesheet is read beside its module, and swagger reads its own files.
    const stylesheet = await fetch(`${base}/app/assets/app.css`);
    expect(stylesheet.status).toBe(200);
    expect(await stylesheet.text()).toContain('{');
    const description = await fetch(`${base}/docs/json`);
    expect(description.status).toBe(200);
    expect(((await description.json()) as { paths: object }).paths).toHaveProperty(['/api/v1/practices']);

    // A text from a number no patient has: read whole (the dictionaries load beside their module) and kept for a person.
    const text = new URLSearchParams({
      MessageSid: 'SM0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b',
      AccountSid: 'AC0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b',
      From: '+15553330188',
      To: PRACTICE_NUMBER,
      Body: 'this is my new phone, my chest hurts since this morning',
      NumMedia: '0',
    });
    const answered = await fetch(`${base}/webhooks/twilio/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: text.toString(),
    });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('<Response>');
    const unmatched = await fetch(`${base}/api/v1/practices/${practice.id}/unmatched-texts`, { headers: admin });
    expect(unmatched.status).toBe(200);
    const { data } = (await unmatched.json()) as { data: { urgent: boolean; reading: { emergency: string | null } }[] };
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ urgent: true, reading: { emergency: 'chest pain' } });

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(service.output()).toContain('ccm-bot stopped');
  });
});
