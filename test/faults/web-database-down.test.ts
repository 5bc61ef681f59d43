/**
 * The coordinator's app while the database is away: a plain "temporarily
 * unavailable" page with 503 and Retry-After, as the API and the webhooks
 * answer; never a 500. The session survives the outage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../helpers/database.js';
import { canRunThrowawayCluster, startThrowawayCluster, type ThrowawayCluster } from '../helpers/throwaway-cluster.js';
import { ACCOUNT_SID, ADMIN_TOKEN, AUTH_TOKEN, LogCapture, PUBLIC_URL } from '../helpers/service.js';
import { apiClient, createPractice } from '../helpers/api.js';
import { browserFor, signInAs } from '../web/signed-in.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createService, type Service } from '../../src/service.js';

const PASSWORD = 'correct horse battery staple';

describe.runIf(testDbKind() === 'server')('the web app with the database stopped', () => {
  let cluster: ThrowawayCluster;
  let service: Service;
  const logs = new LogCapture();

  beforeAll(async () => {
    if (!canRunThrowawayCluster()) throw new Error('this test needs PostgreSQL server programs to run a cluster of its own');
    cluster = await startThrowawayCluster();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: cluster.url, ADMIN_TOKEN, PUBLIC_URL, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, LOG_LEVEL: 'warn' });
    service = await createService(config, { logger: createLogger('warn', logs) });
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await cluster?.destroy();
  });

  it('answers 503 with a page that says to try again, and lets the coordinator back in when it returns', async () => {
    const app = service.app;
    const admin = apiClient(app);
    const practice = await createPractice(admin);
    await admin.post(`/api/v1/practices/${practice.id}/users`, { name: 'Nora Nurse', email: 'nora@riverside.example', role: 'coordinator', password: PASSWORD });
    const nora = await signInAs(app, 'nora@riverside.example', PASSWORD);

    await cluster.stop();
    try {
      for (const url of ['/app', '/app/patients', '/app/admin']) {
        const page = await nora.get(url);
        expect(page.status, url).toBe(503);
        expect(page.headers['retry-after'], url).toBeDefined();
        expect(page.body, url).toContain('temporarily unavailable');
      }
      const signIn = await browserFor(app).post('/app/login', { email: 'nora@riverside.example', password: PASSWORD }, { csrf: null });
      expect(signIn.status).toBe(503);
      expect(signIn.body).toContain('temporarily unavailable');
      // The sign-in page itself needs no database.
      expect((await browserFor(app).get('/app/login')).status).toBe(200);
    } finally {
      await cluster.start();
    }
    const back = await nora.get('/app');
    expect(back.status).toBe(200);
    expect(logs.text).not.toContain('web page failed');
  }, 60_000);
});
