import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, testDbKind } from '../helpers/database.js';
import { listeningAddress, startServiceProcess, type RunningService } from '../helpers/process.js';
import { eventually, quietHoursAwayFromNow } from '../helpers/real-time.js';
import { ACCOUNT_SID, ADMIN_TOKEN, AUTH_TOKEN, PUBLIC_URL } from '../helpers/service.js';
import { patientBody, practiceBody } from '../helpers/api.js';
import { newMessageSid } from '../helpers/twilio.js';

const CHECK_INS = 24;
const RED_FLAGS = 3;

interface KeptMessage {
  kind: 'message' | 'call';
  sid: string;
  to: string;
  body: string;
  statusCallback: string;
  dateCreated: string;
}

// Kills the service with SIGKILL while texts are on their way to (fake) Twilio, and starts it again.
describe.runIf(testDbKind() === 'server')('a crash in the middle of sending', () => {
  let database: { url: string; drop(): Promise<void> };
  let folder: string;
  let pool: pg.Pool;
  const running: RunningService[] = [];

  beforeAll(async () => {
    database = await createServerDatabase();
    folder = await mkdtemp(join(tmpdir(), 'ccm-bot-crash-'));
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    for (const service of running) if (service.child.exitCode === null) service.child.kill('SIGKILL');
    await pool?.end();
    await database?.drop();
    await rm(folder, { recursive: true, force: true });
  });

  const twilioLog = () => join(folder, 'twilio.jsonl');
  const start = () => {
    const service = startServiceProcess(
      {
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        ADMIN_TOKEN,
        PUBLIC_URL,
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        JOB_POLL_SECONDS: '0.5',
        LOG_LEVEL: 'info',
        FAKE_TWILIO_LOG: twilioLog(),
        FAKE_TWILIO_DELAY_MS: '1500',
      },
      ['./test/helpers/fake-twilio-process.ts'],
    );
    running.push(service);
    return service;
  };
  const kept = async (): Promise<KeptMessage[]> =>
    (await readFile(twilioLog(), 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as KeptMessage);

  it('sends every queued text exactly once, restarts every clock, and resumes urgent escalations within 30 s', async () => {
    const first = start();
    const base = await listeningAddress(first);
    const call = async (path: string, body: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { id: string; phoneNumber: string; phone: string } };
    };
    const practice = (await call('/api/v1/practices', practiceBody({ quietHours: quietHoursAwayFromNow('America/Chicago') }))).body;
    const coordinator = await call(`/api/v1/practices/${practice.id}/coordinators`, { name: 'Nora Nurse', phone: '(555) 300-0001', role: 'nurse', onCallOrder: 1 });
    expect(coordinator.status).toBe(201);
    const patients = [];
    for (let i = 0; i < CHECK_INS + RED_FLAGS; i += 1) patients.push((await call(`/api/v1/practices/${practice.id}/patients`, patientBody())).body);

    for (const patient of patients.slice(0, CHECK_INS)) {
      expect((await call(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' })).status).toBe(202);
    }
    for (const patient of patients.slice(CHECK_INS)) {
      const params = { MessageSid: newMessageSid(), From: patient.phone, To: practice.phoneNumber, Body: 'I have crushing chest pain' };
      const response = await fetch(`${base}/webhooks/twilio/sms`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/webhooks/twilio/sms`, params),
        },
        body: new URLSearchParams(params).toString(),
      });
      expect(response.status).toBe(200);
    }

    // Kill it while sends are in flight: Twilio has some, has not answered them, and has not seen the rest.
    await eventually('sends to be under way', async () => (await kept()).length >= 4);
    first.child.kill('SIGKILL');
    await first.exited;
    const atCrash = (await kept()).length;
    expect(atCrash).toBeLessThan(CHECK_INS + RED_FLAGS);

    const second = start();
    const restartedAt = Date.now();
    await listeningAddress(second);
    const unsettled = async () =>
      (await pool.query("SELECT count(*)::int AS n FROM messages WHERE direction = 'outbound' AND status IN ('pending', 'submitting')")).rows[0].n;
    await eventually('every text to be settled', async () => (await unsettled()) === 0, 90_000);

    const messages = (await pool.query("SELECT id, kind, status, twilio_sid FROM messages WHERE direction = 'outbound' AND kind IN ('check_in', 'alert')")).rows;
    expect(messages.filter((m) => m.kind === 'check_in')).toHaveLength(CHECK_INS);
    expect(messages.filter((m) => m.kind === 'alert')).toHaveLength(RED_FLAGS);
    const twilioHas = await kept();
    for (const message of messages) {
      // Each one reached Twilio exactly once, and its record carries Twilio's id for it.
      const copies = twilioHas.filter((m) => m.kind === 'message' && m.statusCallback.endsWith(`messageId=${message.id}`));
      expect(copies, `message ${message.id} (${message.kind})`).toHaveLength(1);
      expect(message.twilio_sid).toBe(copies[0]!.sid);
      expect(['queued', 'sent']).toContain(message.status);
    }
    // Every check-in waits for its answer on a clock that is running.
    const clocks = (await pool.query(`SELECT c.id, c.expires_at, (SELECT count(*)::int FROM agenda_jobs j
        WHERE j.name = 'conversation.timeout' AND j.data->>'conversationId' = c.id::text AND j.next_run_at IS NOT NULL) AS jobs
      FROM conversations c WHERE c.status = 'active'`)).rows;
    expect(clocks).toHaveLength(CHECK_INS);
    for (const clock of clocks) expect(clock).toMatchObject({ expires_at: expect.any(Date), jobs: 1 });
    // The on-call coordinator heard of every red flag (a call and a text) within 30 s of the restart.
    const reachedBy = async (kind: KeptMessage['kind']) => (await kept()).filter((m) => m.kind === kind && m.to === '+15553000001');
    const attempts = async () => (await pool.query("SELECT call_sid, token FROM escalation_attempts WHERE kind = 'call'")).rows;
    await eventually('every red flag to ring the on-call coordinator', async () => (await attempts()).every((a) => a.call_sid), 40_000);
    expect(await attempts()).toHaveLength(RED_FLAGS);
    const texts = await reachedBy('message');
    expect(texts).toHaveLength(RED_FLAGS);
    // Each alert's call reached Twilio exactly once: one cut short by the crash was found in Twilio's call list,
    // or placed after the restart when Twilio never got it. The records carry Twilio's ids for those calls (two
    // alerts' calls in flight together may be told apart only by order, so the ids are compared as a set).
    const calls = await reachedBy('call');
    const recorded = await attempts();
    for (const { token } of recorded) expect(calls.filter((c) => c.statusCallback.endsWith(`token=${token}`)), `call ${token}`).toHaveLength(1);
    expect(recorded.map((a) => a.call_sid).sort()).toEqual(calls.map((c) => c.sid).sort());
    for (const contact of [...texts, ...calls]) expect(Date.parse(contact.dateCreated)).toBeLessThan(restartedAt + 30_000);

    // Some sends were cut short after Twilio had them: those were found, not sent again.
    expect(second.output()).toContain('uncertain send settled: Twilio has the text');

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});
