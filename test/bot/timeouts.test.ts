import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { listPendingJobs } from '../../src/store/job-queue.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario({ CONVERSATION_TIMEOUT_SECONDS: '1.5' });
});
afterAll(() => s.close());

const timeoutJobs = async (conversationId: string) =>
  (await listPendingJobs(s.t.db.pool, 'conversation.timeout')).filter(
    (job) => (job.data as { conversationId: string }).conversationId === conversationId,
  );

describe('waiting for an answer', () => {
  it('times out on schedule, recording a non-response and texting nothing', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    const sentBefore = s.twilio.sent.length;
    const conversation = await s.conversation(started.conversationId);
    expect(conversation.expiresAt).not.toBeNull();
    await expect.poll(async () => (await s.conversation(started.conversationId)).status, { timeout: 15_000 }).toBe('timed_out');
    const ended = await s.conversation(started.conversationId);
    expect(Date.parse(ended.endedAt)).toBeGreaterThanOrEqual(Date.parse(conversation.expiresAt));
    expect(await s.observations(patient.id)).toMatchObject([{ kind: 'non_response', value: { question: 'wellness.opening' } }]);
    expect(s.twilio.sent.length).toBe(sentBefore);
    const transcript = (await s.admin.get(`/api/v1/patients/${patient.id}/transcript`)).body.data;
    expect(transcript.map((e: { kind: string }) => e.kind)).toContain('conversation.timed_out');
  });

  it('ignores a timeout scheduled before the patient answered (stale version)', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    const [first] = await timeoutJobs(started.conversationId);
    const staleVersion = (first!.data as { version: number }).version;
    await s.say(patient, '2');
    // The answer moved the conversation on: the earlier job now does nothing when it fires.
    expect(await s.t.service.bot.expireConversation({ conversationId: started.conversationId, version: staleVersion })).toBe(false);
    expect((await s.conversation(started.conversationId)).status).toBe('active');
    // The wait for the new question runs on its own job and times out in turn.
    await expect.poll(async () => (await s.conversation(started.conversationId)).status, { timeout: 15_000 }).toBe('timed_out');
    expect((await s.observations(patient.id)).map((o) => o.kind)).toEqual(['wellness', 'non_response']);
  });
});
