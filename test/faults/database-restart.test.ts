import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../helpers/database.js';
import { canRunThrowawayCluster, startThrowawayCluster, type ThrowawayCluster } from '../helpers/throwaway-cluster.js';
import { ACCOUNT_SID, ADMIN_TOKEN, AUTH_TOKEN, LogCapture, PUBLIC_URL } from '../helpers/service.js';
import { apiClient, createPatient, createPractice } from '../helpers/api.js';
import { fakeTwilioMessages, inboundSmsParams, newMessageSid, postTwilio } from '../helpers/twilio.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createService, type Service } from '../../src/service.js';
import { eventually, quietHoursAwayFromNow, sleep } from '../helpers/real-time.js';

// The service runs on a PostgreSQL cluster of the test's own, which the test restarts under load.
describe.runIf(testDbKind() === 'server')('the database restarting under load', () => {
  let cluster: ThrowawayCluster;
  let service: Service;
  let twilio: ReturnType<typeof fakeTwilioMessages>;
  const logs = new LogCapture();

  beforeAll(async () => {
    if (!canRunThrowawayCluster()) throw new Error('this test needs PostgreSQL server programs to run a cluster of its own');
    cluster = await startThrowawayCluster();
    twilio = fakeTwilioMessages();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: cluster.url,
      ADMIN_TOKEN,
      PUBLIC_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      JOB_POLL_SECONDS: '0.2',
      LOG_LEVEL: 'warn',
    });
    service = await createService(config, { logger: createLogger('warn', logs) });
    await service.jobs.start();
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    twilio?.done();
    await cluster?.destroy();
  });

  it('stays up, answers 503 while the database is away, loses no text it accepted, sends nothing twice', async () => {
    const app = service.app;
    const admin = apiClient(app);
    const practice = await createPractice(admin, { quietHours: quietHoursAwayFromNow('America/Chicago') });
    const patients = await Promise.all(Array.from({ length: 12 }, () => createPatient(admin, practice.id)));
    for (const patient of patients) expect((await admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' })).status).toBe(202);

    const answered: Array<{ sid: string; status: number }> = [];
    const health: number[] = [];
    let loading = true;
    const bodies = ['2', 'my knee hurts', '2', '3', 'thank you', '1'];
    const load = Promise.all(
      patients.slice(0, 8).map(async (patient, i) => {
        for (let n = 0; loading; n += 1) {
          const sid = newMessageSid();
          const params = inboundSmsParams(patient.phone, practice.phoneNumber, bodies[(n + i) % bodies.length]!, sid);
          const response = await postTwilio(app, '/webhooks/twilio/sms', params);
          answered.push({ sid, status: response.statusCode });
          await sleep(20);
        }
      }),
    );
    const probe = (async () => {
      while (loading) {
        health.push((await app.inject({ url: '/health' })).statusCode);
        await sleep(100);
      }
    })();

    await sleep(1500);
    await cluster.restart(2000);
    await sleep(2000);
    loading = false;
    await Promise.all([load, probe]);

    // Every request got an answer: 200, or 503 while the database was away, never anything else.
    expect(new Set(answered.map((a) => a.status))).toEqual(new Set([200, 503]));
    expect(health).toContain(503);
    await eventually('health to come back', async () => (await app.inject({ url: '/health' })).statusCode === 200);

    // Every text answered 200 is stored.
    const accepted = answered.filter((a) => a.status === 200).map((a) => a.sid);
    expect(accepted.length).toBeGreaterThan(20);
    const stored = await service.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE twilio_sid = ANY($1)', [accepted]);
    expect(stored.rows[0]!.n).toBe(accepted.length);

    // Every check-in's question went out exactly once, and no conversation is left without a clock.
    await eventually('every check-in to be sent', async () => {
      const { rows } = await service.db.pool.query("SELECT count(*)::int AS n FROM messages WHERE kind = 'check_in' AND status IN ('pending', 'submitting')");
      return rows[0].n === 0;
    });
    const perMessage = new Map<string, number>();
    for (const sent of twilio.sent) perMessage.set(sent.StatusCallback, (perMessage.get(sent.StatusCallback) ?? 0) + 1);
    expect(Math.max(...perMessage.values())).toBe(1);
    const stuck = await service.db.pool.query("SELECT id FROM conversations WHERE status = 'active' AND expires_at IS NULL");
    expect(stuck.rows).toEqual([]);
    // The errors of the outage were logged, without what pg hangs on them (its client, with every statement).
    expect(logs.text).toContain('database unavailable');
    expect(logs.text).not.toContain('parsedStatements');
  }, 120_000);
});
